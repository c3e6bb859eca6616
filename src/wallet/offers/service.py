"""Personalised offers and challenges.

Rules written down here (and in the README):

- An offer is valid in [startsAt, endsAt) while it is active. It is for a *segment* (every
  condition set must hold; none set means every member) or for a *list* of members.
  Segment conditions: holds a tier (the stored tier, else the entry tier), has a live
  membership of a plan (trialing, active or past due), spent at least X (purchases less
  refunds) in the last N days, or made no purchase in the last N days and joined at least
  N days ago ("inactive"), or has a birth date in the current month of the program's
  time zone (`segmentBirthdayMonth`).
  Segments are evaluated in SQL, for one member or for all (`audience_sizes`).
- A member sees the valid offers they are targeted by or have activated (`member_offers`,
  two statements whatever the number of offers) and activates one. Whether they are
  targeted is checked when they activate; afterwards the offer stays theirs even if they
  leave the segment.
- Only purchases made after activation count, until the offer ends (or, with a goal
  period, until N days after activation, whichever is first). Goals: N purchases
  (`visits`), spending at least an amount (`spend`; with a category or SKU only the
  purchase's matching lines count), or N purchases with a line of a SKU (`sku_purchases`).
- Completion. The purchase that brings progress to the target completes the offer: its
  reward points are credited at once (available, not pending) as a `bonus` entry
  "Offer completed: <title>", in the purchase's transaction, with an `offer_completion`
  row. A member completes an offer at most `maxCompletions` times (default 1); after each
  completion but the last, progress starts again from zero (what the completing purchase
  brought beyond the target is not carried over; one purchase completes an offer once).
- Refunds reduce the progress the refunded purchase brought, while the round it counted
  toward is not completed: a purchase counts as a visit until it is fully refunded; spend
  is reduced in proportion to the money refunded (refunds carry no lines), rounded down to
  the cent. A completed round is not reopened and its reward stays: the reward pays for a
  challenge met, like a tier reached, and taking it back would need the member's points
  after they may have spent them. (Programs that want otherwise can set a return window,
  see the README.)
- Exactly once. Progress and completions change only with the member's points account
  locked (the sale holds it), by updates guarded on the completions read; the unique
  (activation, number) of `offer_completion` is the backstop. A retried sale replays its
  first answer (idempotency key) and counts nothing again.
- The till. `points_account.offers_open_until` is an upper bound of when the member may
  still have an activated, incomplete offer; the sale reads it with the account row it
  locks anyway, so a member with no such offer costs the sale no statement. Activation
  raises it; a sale that finds it stale (offer completed, deactivated or over) lowers it.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Sequence

from wallet.memberships.models import BENEFIT_STATUSES
from wallet import clock, db, validation
from wallet.actors import Actor, ActorKind, Role
from wallet.audit import service as audit
from wallet.db import transaction
from wallet.errors import InvalidInput, NotFound
from wallet.offers.errors import NotTargeted, OfferNotAvailable
from wallet.offers.models import (
    Offer,
    OfferActivation,
    OfferCompletion,
    OfferGoal,
    OfferMember,
    OfferProgress,
    OfferTarget,
)

MAX_REWARD_POINTS = 1_000_000
MAX_DAYS = 3650
MAX_COUNT_TARGET = 1000
MAX_COMPLETIONS = 100
MAX_LISTED_MEMBERS = 1000
# A member sees at most this many offers at once (the soonest to end first).
MAX_OFFERS_SHOWN = 50
_CENT = Decimal("0.01")


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)


# --- targeting, in SQL ------------------------------------------------------------------


def _target_sql(offer: Offer, now: datetime, params: list[Any], birthday_month: int | None = None) -> str:
    """A condition on `member m` that holds when the offer is for the member. Appends its
    values to `params` ($n placeholders). `birthday_month`: the month it is now in the
    program's time zone (see `_birthday_month`), for birthday-month segments."""

    def arg(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    if offer.target == OfferTarget.MEMBERS:
        return f"EXISTS (SELECT 1 FROM offer_member t WHERE t.offer_id = {arg(offer.id)} AND t.member_id = m.id)"
    conditions = ["m.is_active"]
    if offer.segment_tier_id is not None:
        # The stored tier, else the entry tier (rank 0), as `TierList.held` reads it.
        conditions.append(
            "COALESCE((SELECT mt.tier_id FROM member_tier mt WHERE mt.member_id = m.id),"
            f" (SELECT et.id FROM tier et WHERE et.rank = 0 AND et.is_active)) = {arg(offer.segment_tier_id)}"
        )
    if offer.segment_plan_id is not None:
        statuses = ", ".join(arg(s.value) for s in BENEFIT_STATUSES)
        conditions.append(
            f"EXISTS (SELECT 1 FROM membership ms WHERE ms.member_id = m.id AND ms.plan_id = {arg(offer.segment_plan_id)}"
            f" AND ms.status IN ({statuses}))"
        )
    if offer.segment_spend_days is not None and offer.segment_min_spend is not None:
        since = now - timedelta(days=offer.segment_spend_days)
        cents = int(Decimal(offer.segment_min_spend) * 100)
        # In whole cents: SQLite keeps decimals as text (see wallet.analytics.service).
        conditions.append(
            "(SELECT COALESCE(SUM(CAST(ROUND((p.amount - p.refunded_amount) * 100) AS BIGINT)), 0)"
            f" FROM purchase p WHERE p.member_id = m.id AND p.created_at >= {arg(since)}) >= {arg(cents)}"
        )
    if offer.segment_inactive_days is not None:
        since = now - timedelta(days=offer.segment_inactive_days)
        placeholder = arg(since)
        conditions.append(
            f"m.created_at < {placeholder} AND NOT EXISTS (SELECT 1 FROM purchase p"
            f" WHERE p.member_id = m.id AND p.created_at >= {placeholder})"
        )
    if offer.segment_birthday_month:
        if birthday_month is None:
            raise RuntimeError("a birthday-month segment needs the month (see _birthday_month)")
        conditions.append(f"{month_of('m.birth_date')} = {arg(birthday_month)}")
    return "(" + " AND ".join(conditions) + ")"


def month_of(column: str) -> str:
    """SQL for the month (1-12) of a date column, on either database."""
    if db.dialect() == "sqlite":
        return f"CAST(strftime('%m', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(MONTH FROM {column}) AS INTEGER)"


async def _birthday_month(offers: Sequence[Offer], now: datetime) -> int | None:
    """The month it is in the program's time zone, when one of `offers` needs it (one
    read of the program then; none otherwise)."""
    if not any(offer.segment_birthday_month for offer in offers):
        return None
    from zoneinfo import ZoneInfo

    from wallet.program.service import get_program

    return now.astimezone(ZoneInfo((await get_program()).timezone)).month


async def targeted_offer_ids(member_id: uuid.UUID, offers: Sequence[Offer], now: datetime) -> set[str]:
    """Which of `offers` are for the member: one statement, whatever their number."""
    if not offers:
        return set()
    params: list[Any] = [member_id]
    month = await _birthday_month(offers, now)
    flags = [
        f"CASE WHEN {_target_sql(offer, now, params, month)} THEN 1 ELSE 0 END AS t{n}" for n, offer in enumerate(offers)
    ]
    rows = await db.fetch_rows(f"SELECT {', '.join(flags)} FROM member m WHERE m.id = $1", *params)
    if not rows:
        return set()
    return {str(offer.id) for n, offer in enumerate(offers) if int(rows[0][f"t{n}"] or 0)}


async def audience_sizes(offers: Sequence[Offer]) -> list[int]:
    """How many members each offer is for now (admins): one statement for all of them,
    each a count over the members table in SQL."""
    if not offers:
        return []
    now = clock.now()
    params: list[Any] = []
    month = await _birthday_month(offers, now)
    counts = [
        f"(SELECT COUNT(*) FROM member m WHERE {_target_sql(offer, now, params, month)}) AS c{n}"
        for n, offer in enumerate(offers)
    ]
    rows = await db.fetch_rows("SELECT " + ", ".join(counts), *params)
    return [int(rows[0][f"c{n}"] or 0) for n in range(len(offers))]


# --- what a member sees -----------------------------------------------------------------


def deadline(offer: Offer, activation: OfferActivation | None) -> datetime:
    """When the member's offer stops counting: the offer's end, or their goal period's."""
    ends = _utc(offer.ends_at)
    assert ends is not None
    if activation is not None and activation.period_ends_at is not None:
        return min(ends, _utc(activation.period_ends_at))  # type: ignore[type-var]
    return ends


@dataclass(frozen=True)
class MemberOffer:
    """An offer as one member sees it."""

    offer: Offer
    activation: OfferActivation | None

    @property
    def progress(self) -> Decimal:
        return Decimal(self.activation.progress) if self.activation else Decimal(0)

    @property
    def completions(self) -> int:
        return self.activation.completions if self.activation else 0

    @property
    def completed(self) -> bool:
        return self.activation is not None and self.activation.completed_at is not None

    @property
    def ends_at(self) -> datetime:
        return deadline(self.offer, self.activation)


async def member_offers(member_id: uuid.UUID | str) -> list[MemberOffer]:
    """The valid offers the member has activated or is targeted by, soonest to end first.
    Two statements, whatever the number of offers."""
    member_uuid = uuid.UUID(str(member_id))
    now = clock.now()
    rows = await db.fetch_rows(
        f"""SELECT {db.aliased_columns(Offer, "o")}, {db.aliased_columns(OfferActivation, "a")}
            FROM offer o LEFT JOIN offer_activation a ON a.offer_id = o.id AND a.member_id = $1
            WHERE o.is_active AND o.starts_at <= $2 AND o.ends_at > $2
            ORDER BY o.ends_at, o.id LIMIT {MAX_OFFERS_SHOWN}""",
        member_uuid, now,
    )
    found = [
        (db.from_aliased(Offer, "o", row), db.from_aliased(OfferActivation, "a", row) if row["a_id"] is not None else None)
        for row in rows
    ]
    targeted = await targeted_offer_ids(member_uuid, [o for o, a in found if a is None], now)
    return [MemberOffer(o, a) for o, a in found if a is not None or str(o.id) in targeted]


# --- activation -------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferActivated:
    offer_id: str
    member_id: str
    newly: bool
    replayed: bool


async def get_offer(offer_id: str) -> Offer:
    try:
        key = uuid.UUID(str(offer_id))
    except ValueError as exc:
        raise NotFound("No offer with this id.", field="offerId") from exc
    offer = await Offer.get_or_none(id=key)
    if offer is None:
        raise NotFound("No offer with this id.", field="offerId")
    return offer


async def activate_offer(
    *, actor: Actor, member_id: str, offer_id: str, idempotency_key: str | None = None
) -> OfferActivated:
    """The member takes up an offer they are targeted by, while it is valid. Activating
    one already activated changes nothing (and says so)."""
    from wallet.idempotency.service import run_once
    from wallet.ledger.service import lock_account

    async def write() -> dict[str, Any]:
        offer = await get_offer(offer_id)
        now = clock.now()
        if not offer.is_active or not _utc(offer.starts_at) <= now < _utc(offer.ends_at):  # type: ignore[operator]
            raise OfferNotAvailable()
        # The account lock orders activation with the member's sales (which count progress).
        account = await lock_account(member_id)
        if await OfferActivation.exists(offer_id=offer.id, member_id=account.member_id):
            return {"offerId": str(offer.id), "memberId": str(account.member_id), "newly": False}
        if str(offer.id) not in await targeted_offer_ids(uuid.UUID(str(account.member_id)), [offer], now):
            raise NotTargeted()
        period_ends_at = now + timedelta(days=offer.goal_period_days) if offer.goal_period_days else None
        activation = await OfferActivation.create(
            offer_id=offer.id, member_id=account.member_id, activated_at=now, period_ends_at=period_ends_at
        )
        await _raise_open_until([account.member_id], deadline(offer, activation))
        return {"offerId": str(offer.id), "memberId": str(account.member_id), "newly": True}

    request = {"offerId": str(offer_id)}
    if idempotency_key is not None:
        result, replayed = await run_once(actor, idempotency_key, "activateOffer", request, write)
    else:
        async with transaction():
            result, replayed = await write(), False
    return OfferActivated(result["offerId"], result["memberId"], result["newly"], replayed)


async def _raise_open_until(member_ids: Sequence[uuid.UUID | str] | None, until: datetime, offer_id: uuid.UUID | None = None) -> None:
    """Make the members' sales look at their offers until at least `until`: the named
    members, or those with an incomplete activation of `offer_id` (one statement)."""
    if member_ids is not None:
        who, values = f"member_id IN ({db.placeholders(len(member_ids), start=2)})", [uuid.UUID(str(m)) for m in member_ids]
    else:
        who, values = "member_id IN (SELECT a.member_id FROM offer_activation a WHERE a.offer_id = $2 AND a.completed_at IS NULL)", [offer_id]
    await db.fetch_rows(
        f"""UPDATE points_account SET offers_open_until = $1
            WHERE {who} AND (offers_open_until IS NULL OR offers_open_until < $1) RETURNING id""",
        until, *values,
    )


# --- purchases and refunds --------------------------------------------------------------


@dataclass(frozen=True)
class CompletedOffer:
    offer_id: str
    title: str
    points: int


def _contribution(offer: Offer, amount: Decimal, lines: Sequence[Any]) -> Decimal:
    """What a purchase adds toward the offer's goal."""
    if offer.goal == OfferGoal.VISITS:
        return Decimal(1)
    if offer.goal == OfferGoal.SKU_PURCHASES:
        return Decimal(1) if any(line.sku == offer.goal_sku for line in lines) else Decimal(0)
    if not offer.goal_category and not offer.goal_sku:
        return amount
    return sum(
        (
            line.amount
            for line in lines
            if (not offer.goal_category or line.category == offer.goal_category)
            and (not offer.goal_sku or line.sku == offer.goal_sku)
        ),
        Decimal(0),
    )


async def after_purchase(
    account: Any, purchase: Any, lines: Sequence[Any], actor: Actor, program: Any
) -> list[CompletedOffer]:
    """Count a sale toward the member's activated offers and reward those it completes.

    Call inside the sale's transaction with the member's points account locked. No
    statement when the account says the member has no open offer.
    """
    now = _utc(purchase.created_at)
    assert now is not None
    open_until = _utc(account.offers_open_until)
    if open_until is None or open_until <= now:
        return []
    rows = await db.fetch_rows(
        f"""SELECT {db.aliased_columns(OfferActivation, "a")}, {db.aliased_columns(Offer, "o")}
            FROM offer_activation a JOIN offer o ON o.id = a.offer_id
            WHERE a.member_id = $1 AND a.completed_at IS NULL AND a.activated_at <= $2
              AND o.is_active AND o.ends_at > $2
            ORDER BY a.id""",
        account.member_id, now,
    )
    progress_rows: list[OfferProgress] = []
    completed: list[tuple[Offer, OfferActivation, int]] = []
    still_open: list[datetime] = []
    for row in rows:
        activation: OfferActivation = db.from_aliased(OfferActivation, "a", row)
        offer: Offer = db.from_aliased(Offer, "o", row)
        ends = deadline(offer, activation)
        if ends <= now:
            continue
        added = _contribution(offer, Decimal(purchase.amount), lines)
        if added <= 0:
            still_open.append(ends)
            continue
        round_, progress = activation.completions, Decimal(activation.progress) + added
        completions, completed_at = activation.completions, None
        if progress >= Decimal(offer.goal_target):
            completions += 1
            progress = Decimal(0)
            completed.append((offer, activation, completions))
            if completions >= offer.max_completions:
                completed_at = now
        if completed_at is None:
            still_open.append(ends)
        changed = await OfferActivation.filter(id=activation.id, completions=activation.completions).update(
            progress=progress, completions=completions, completed_at=completed_at, updated_at=now
        )
        if changed != 1:
            raise RuntimeError(f"offer activation {activation.id} changed while its account was locked")
        progress_rows.append(
            OfferProgress(
                activation_id=activation.id, purchase_id=purchase.id, round=round_,
                amount=added, counted=added, created_at=now,
            )
        )
    if progress_rows:
        await OfferProgress.bulk_create(progress_rows)
    result = await _reward(account, purchase, completed, actor, program) if completed else []
    new_until = max(still_open) if still_open else None
    if new_until != open_until:
        # Stale (an offer completed, ended or was deactivated): later sales skip the read.
        await db.fetch_rows(
            "UPDATE points_account SET offers_open_until = $1 WHERE id = $2 RETURNING id", new_until, account.id
        )
        account.offers_open_until = new_until
    return result


async def _reward(
    account: Any, purchase: Any, completed: list[tuple[Offer, OfferActivation, int]], actor: Actor, program: Any
) -> list[CompletedOffer]:
    from wallet.ledger.models import Bucket, EntryKind
    from wallet.ledger.service import Posting, post

    postings = [
        Posting(EntryKind.BONUS, Bucket.AVAILABLE, int(offer.reward_points), f"Offer completed: {offer.title}", purchase.reference)
        for offer, _, _ in completed
    ]
    entries = await post(
        account, postings, actor=actor, store_id=purchase.store_id,
        lifetime_change=sum(p.amount for p in postings), program=program,
    )
    now = clock.now()
    await OfferCompletion.bulk_create(
        [
            OfferCompletion(
                activation_id=activation.id, number=number, purchase_id=purchase.id,
                entry_id=entry.id, points=int(offer.reward_points), created_at=now,
            )
            for (offer, activation, number), entry in zip(completed, entries, strict=True)
        ]
    )
    from wallet.notifications.models import NotificationKind
    from wallet.notifications.service import notify

    for offer, _, _ in completed:
        await notify(
            account.member_id, NotificationKind.BALANCE_CHANGED, f"Offer completed: {offer.title}",
            f"{int(offer.reward_points):,} points added to your balance.",
            {"offerId": str(offer.id), "points": int(offer.reward_points)},
        )
    return [CompletedOffer(str(offer.id), offer.title, int(offer.reward_points)) for offer, _, _ in completed]


async def after_refund(purchase: Any, refunded_in_all: Decimal) -> None:
    """Take back the progress a refunded purchase brought to rounds not yet completed.
    Call with the member's points account locked. One statement when it brought none."""
    rows = await db.fetch_rows(
        f"""SELECT {db.aliased_columns(OfferProgress, "g")}, {db.aliased_columns(OfferActivation, "a")}, o.goal AS o_goal
            FROM offer_progress g JOIN offer_activation a ON a.id = g.activation_id
            JOIN offer o ON o.id = a.offer_id
            WHERE g.purchase_id = $1 AND a.completed_at IS NULL AND g.round = a.completions""",
        purchase.id,
    )
    amount = Decimal(purchase.amount)
    left = amount - Decimal(refunded_in_all)
    for row in rows:
        given: OfferProgress = db.from_aliased(OfferProgress, "g", row)
        activation: OfferActivation = db.from_aliased(OfferActivation, "a", row)
        if row["o_goal"] == OfferGoal.SPEND.value:
            counted = (Decimal(given.amount) * left / amount).quantize(_CENT, rounding=ROUND_FLOOR)
        else:
            counted = Decimal(given.amount) if left > 0 else Decimal(0)
        taken = Decimal(given.counted) - counted
        if taken <= 0:
            continue
        progress = max(Decimal(activation.progress) - taken, Decimal(0))
        changed = await OfferActivation.filter(id=activation.id, completions=activation.completions).update(
            progress=progress, updated_at=clock.now()
        )
        if changed != 1:
            raise RuntimeError(f"offer activation {activation.id} changed while its account was locked")
        await OfferProgress.filter(id=given.id).update(counted=counted)


# --- admin ------------------------------------------------------------------------------


@dataclass
class OfferInput:
    title: str
    reward_points: int
    starts_at: datetime
    ends_at: datetime
    goal: str
    goal_target: Decimal | str
    description: str = ""
    target: str = "segment"
    member_ids: list[str] = field(default_factory=list)
    segment_tier_id: str | None = None
    segment_plan_id: str | None = None
    segment_spend_days: int | None = None
    segment_min_spend: Decimal | str | None = None
    segment_inactive_days: int | None = None
    segment_birthday_month: bool = False
    goal_category: str | None = None
    goal_sku: str | None = None
    goal_period_days: int | None = None
    max_completions: int = 1


def _days(value: int | None, name: str) -> int | None:
    if value is not None and not 1 <= value <= MAX_DAYS:
        raise InvalidInput(f"{name} must be 1 to {MAX_DAYS} days.", field=name)
    return value


def _moment(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{name} needs a time zone.", field=name)
    return validation.in_range(value, name).astimezone(UTC)


def _reward_points(value: int) -> int:
    if not 1 <= value <= MAX_REWARD_POINTS:
        raise InvalidInput(f"rewardPoints must be 1 to {MAX_REWARD_POINTS:,}.", field="rewardPoints")
    return value


def _window(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    starts, ends = _moment(starts_at, "startsAt"), _moment(ends_at, "endsAt")
    if starts >= ends:
        raise InvalidInput("endsAt must be after startsAt.", field="endsAt")
    return starts, ends


async def _existing(model: Any, raw: str | None, name: str) -> uuid.UUID | None:
    if raw is None:
        return None
    try:
        key = uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"{name} names nothing.", field=name) from exc
    if not await model.exists(id=key):
        raise NotFound(f"{name} names nothing.", field=name)
    return key


async def _validated(data: OfferInput) -> tuple[dict[str, Any], list[uuid.UUID]]:
    from wallet.members.models import Member
    from wallet.memberships.models import MembershipPlan
    from wallet.tiers.models import Tier

    starts, ends = _window(data.starts_at, data.ends_at)
    try:
        target = OfferTarget((data.target or "").lower())
    except ValueError as exc:
        raise InvalidInput("target must be segment or members.", field="target") from exc
    try:
        goal = OfferGoal((data.goal or "").lower())
    except ValueError as exc:
        raise InvalidInput("goal must be visits, spend or sku_purchases.", field="goal") from exc
    values: dict[str, Any] = {
        "title": validation.text(data.title, "title", max_length=100),
        "description": validation.text(data.description, "description", max_length=1000, required=False),
        "reward_points": _reward_points(data.reward_points),
        "starts_at": starts,
        "ends_at": ends,
        "target": target,
        "goal": goal,
        "goal_category": validation.text(data.goal_category, "goalCategory", max_length=100, required=False),
        "goal_sku": validation.text(data.goal_sku, "goalSku", max_length=100, required=False),
        "goal_period_days": _days(data.goal_period_days, "goalPeriodDays"),
        "segment_spend_days": _days(data.segment_spend_days, "segmentSpendDays"),
        "segment_inactive_days": _days(data.segment_inactive_days, "segmentInactiveDays"),
        "segment_birthday_month": bool(data.segment_birthday_month),
        "segment_min_spend": None,
        "segment_tier_id": await _existing(Tier, data.segment_tier_id, "segmentTierId"),
        "segment_plan_id": await _existing(MembershipPlan, data.segment_plan_id, "segmentPlanId"),
    }
    if data.segment_min_spend is not None:
        values["segment_min_spend"] = validation.money(data.segment_min_spend, "segmentMinSpend", maximum=Decimal("100000000"))
    if (values["segment_spend_days"] is None) != (values["segment_min_spend"] is None):
        raise InvalidInput("Give both segmentSpendDays and segmentMinSpend, or neither.", field="segmentMinSpend")
    if not 1 <= data.max_completions <= MAX_COMPLETIONS:
        raise InvalidInput(f"maxCompletions must be 1 to {MAX_COMPLETIONS}.", field="maxCompletions")
    values["max_completions"] = data.max_completions
    # The goal.
    if goal is OfferGoal.SPEND:
        values["goal_target"] = validation.money(data.goal_target, "goalTarget", maximum=Decimal("100000000"))
        if values["goal_category"] and values["goal_sku"]:
            raise InvalidInput("Give a category or a SKU, not both.", field="goalSku")
    else:
        count = validation.decimal(data.goal_target, "goalTarget")
        if count != count.to_integral_value() or not 1 <= count <= MAX_COUNT_TARGET:
            raise InvalidInput(f"goalTarget must be a whole number of purchases, 1 to {MAX_COUNT_TARGET}.", field="goalTarget")
        values["goal_target"] = count
        if goal is OfferGoal.SKU_PURCHASES and not values["goal_sku"]:
            raise InvalidInput("An sku_purchases goal needs goalSku.", field="goalSku")
        if values["goal_category"] or (goal is OfferGoal.VISITS and values["goal_sku"]):
            raise InvalidInput("Only spend goals take a category; visits take no SKU.", field="goalCategory")
    # The target.
    member_ids: list[uuid.UUID] = []
    segment_set = values["segment_birthday_month"] or any(
        values[k] is not None
        for k in ("segment_tier_id", "segment_plan_id", "segment_spend_days", "segment_inactive_days")
    )
    if target is OfferTarget.MEMBERS:
        if segment_set:
            raise InvalidInput("An offer for listed members has no segment conditions.", field="target")
        if not 1 <= len(data.member_ids) <= MAX_LISTED_MEMBERS:
            # Counted as sent, before any is read.
            raise InvalidInput(f"memberIds must hold 1 to {MAX_LISTED_MEMBERS} ids.", field="memberIds")
        try:
            member_ids = sorted({uuid.UUID(str(m)) for m in data.member_ids})
        except ValueError as exc:
            raise InvalidInput("memberIds holds an id that is not valid.", field="memberIds") from exc
        if await Member.filter(id__in=member_ids).count() != len(member_ids):
            raise NotFound("memberIds names a member that does not exist.", field="memberIds")
    elif data.member_ids:
        raise InvalidInput("Only an offer with target members takes memberIds.", field="memberIds")
    return values, member_ids


def snapshot(offer: Offer) -> dict[str, Any]:
    return {
        "title": offer.title,
        "description": offer.description,
        "rewardPoints": offer.reward_points,
        "startsAt": _utc(offer.starts_at).isoformat(),  # type: ignore[union-attr]
        "endsAt": _utc(offer.ends_at).isoformat(),  # type: ignore[union-attr]
        "target": str(offer.target),
        "segmentTierId": None if offer.segment_tier_id is None else str(offer.segment_tier_id),
        "segmentPlanId": None if offer.segment_plan_id is None else str(offer.segment_plan_id),
        "segmentSpendDays": offer.segment_spend_days,
        "segmentMinSpend": None if offer.segment_min_spend is None else str(offer.segment_min_spend),
        "segmentInactiveDays": offer.segment_inactive_days,
        "segmentBirthdayMonth": offer.segment_birthday_month,
        "goal": str(offer.goal),
        "goalTarget": str(offer.goal_target),
        "goalCategory": offer.goal_category,
        "goalSku": offer.goal_sku,
        "goalPeriodDays": offer.goal_period_days,
        "maxCompletions": offer.max_completions,
        "isActive": offer.is_active,
    }


async def create_offer(actor: Actor, data: OfferInput) -> Offer:
    """An admin creates an offer, active at once; audited."""
    values, member_ids = await _validated(data)
    async with transaction():
        offer = await Offer.create(id=uuid.uuid4(), **values)
        if member_ids:
            await OfferMember.bulk_create([OfferMember(offer_id=offer.id, member_id=m) for m in member_ids])
        after = snapshot(offer)
        if member_ids:
            after["memberIds"] = [str(m) for m in member_ids]
        await audit.record(actor, "offer.create", target_type="offer", target_id=str(offer.id), after=after)
        await announce(offer, clock.now())
    return offer


@dataclass
class OfferChanges:
    """What an admin may change after creation. The goal and target stay: members took
    the offer up as it was."""

    title: str | None = None
    description: str | None = None
    reward_points: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None


async def update_offer(actor: Actor, offer_id: str, changes: OfferChanges) -> Offer:
    """Change an offer's text, reward or window; audited. A later end reaches the members
    who activated it (their sales look at it again)."""
    async with transaction():
        offer = await get_offer(offer_id)
        before = snapshot(offer)
        values: dict[str, Any] = {}
        if changes.title is not None:
            values["title"] = validation.text(changes.title, "title", max_length=100)
        if changes.description is not None:
            values["description"] = validation.text(changes.description, "description", max_length=1000, required=False)
        if changes.reward_points is not None:
            values["reward_points"] = _reward_points(changes.reward_points)
        if changes.starts_at is not None or changes.ends_at is not None:
            values["starts_at"], values["ends_at"] = _window(
                changes.starts_at or offer.starts_at, changes.ends_at or offer.ends_at
            )
        if values:
            await Offer.filter(id=offer.id).update(**values)
            for name, value in values.items():
                setattr(offer, name, value)
        if offer.is_active and "ends_at" in values:
            await _raise_open_until(None, _utc(offer.ends_at), offer.id)  # type: ignore[arg-type]
        await audit.record(
            actor, "offer.update", target_type="offer", target_id=str(offer.id), before=before, after=snapshot(offer)
        )
    return offer


async def set_offer_active(actor: Actor, offer_id: str, is_active: bool) -> Offer:
    """Switch an offer on or off; audited. Off, it is hidden and nothing counts toward it;
    rewards already given stay."""
    async with transaction():
        offer = await get_offer(offer_id)
        before = offer.is_active
        await Offer.filter(id=offer.id).update(is_active=is_active)
        offer.is_active = is_active
        if is_active and not before:
            await _raise_open_until(None, _utc(offer.ends_at), offer.id)  # type: ignore[arg-type]
        await audit.record(
            actor, "offer.set_active", target_type="offer", target_id=str(offer.id),
            before={"isActive": before}, after={"isActive": is_active},
        )
        if is_active and not before:
            await announce(offer, clock.now())
    return offer


async def announce(offer: Offer, now: datetime) -> int:
    """Tell the members an offer is for that it is there (`offer_available`), once each:
    when it is created or switched on within its window, and on each `wallet run-jobs`
    (an offer that starts later, members who entered its segment since). One statement
    for its whole audience; returns how many members were told."""
    from wallet.notifications.models import NotificationKind
    from wallet.notifications.service import notify_members_where

    if not offer.is_active or not (_utc(offer.starts_at) <= now < _utc(offer.ends_at)):  # type: ignore[operator]
        return 0
    params: list[Any] = []
    condition = _target_sql(offer, now, params, await _birthday_month([offer], now))
    if offer.target == OfferTarget.MEMBERS:
        condition = f"m.is_active AND {condition}"
    return await notify_members_where(
        condition, params, NotificationKind.OFFER_AVAILABLE, f"New offer: {offer.title}",
        offer.description or f"Take it up in your wallet before {offer.ends_at:%d %b %Y}.",
        {"offerId": str(offer.id)}, once_key=f"offer:{offer.id}",
    )


async def announce_offers(now: datetime) -> int:
    """`wallet run-jobs`: announce every offer live now to the members not yet told."""
    live = await Offer.filter(is_active=True, starts_at__lte=now, ends_at__gt=now).order_by("created_at")
    told = 0
    for offer in live:
        async with transaction():
            told += await announce(offer, now)
    return told


async def list_offers() -> list[Offer]:
    return await Offer.all().order_by("-created_at", "id")


@dataclass(frozen=True)
class OfferCounts:
    activations: int
    completions: int


async def offer_counts(offer_ids: Sequence[uuid.UUID | str]) -> list[OfferCounts]:
    """Activations and completions of each offer, in one statement."""
    if not offer_ids:
        return []
    ids = [uuid.UUID(str(i)) for i in offer_ids]
    rows = await db.fetch_rows(
        f"""SELECT a.offer_id AS offer_id, COUNT(*) AS activations, SUM(a.completions) AS completions
            FROM offer_activation a WHERE a.offer_id IN ({db.placeholders(len(ids))}) GROUP BY a.offer_id""",
        *ids,
    )
    found = {str(r["offer_id"]): OfferCounts(int(r["activations"]), int(r["completions"] or 0)) for r in rows}
    return [found.get(str(i), OfferCounts(0, 0)) for i in ids]


async def seed_demo_offers(till: Actor, store_id: str, member_email: str, max_amount: Decimal) -> None:
    """The demo's offer: three visits this month for 150 points, activated by the first
    demo member, with one visit made. Does nothing when offers exist."""
    from wallet.ledger import service as ledger
    from wallet.members.models import Member
    from wallet.program.service import get_program

    if await Offer.exists():
        return
    member = await Member.get_or_none(email=member_email)
    if member is None:
        return
    now = clock.now()
    offer = await create_offer(
        Actor.system(),
        OfferInput(
            title="Three visits, 150 points",
            description="Shop three times before the offer ends and earn 150 bonus points.",
            reward_points=150,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=30),
            goal="visits",
            goal_target=Decimal(3),
        ),
    )
    await create_offer(
        Actor.system(),
        OfferInput(
            title="Coffee lover",
            description="Spend 20.00 on coffee and earn 100 bonus points.",
            reward_points=100,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=30),
            goal="spend",
            goal_target=Decimal("20.00"),
            goal_category="coffee",
        ),
    )
    await activate_offer(actor=Actor(ActorKind.MEMBER, str(member.id), Role.MEMBER), member_id=str(member.id), offer_id=str(offer.id))
    await ledger.record_purchase(
        actor=till,
        member_id=str(member.id),
        card_number=None,
        amount=Decimal("15.00"),
        currency=(await get_program()).currency,
        reference=f"DEMO-{uuid.uuid4().hex[:10].upper()}",
        store_id=store_id,
        idempotency_key=uuid.uuid4().hex,
        max_amount=max_amount,
    )
