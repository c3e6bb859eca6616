"""Earning rules beyond the base rate: events, purchase rules and surprise bonuses.

Rules written down here (and in the README):

- Kinds. An *event* rule grants fixed points when a trusted system records an event of its
  type (`sign_up`, `birthday`, `profile_completed`, `product_review`, `social_share`,
  `app_check_in`, or a custom name). A *purchase* rule grants, on a purchase that meets
  its conditions, its fixed points plus floor(eligible amount × earn rate × (multiplier −
  1)); the eligible amount is the purchase amount, or with a category or SKU the amounts of
  the purchase's matching lines (a purchase without lines matches no such rule). A
  *surprise* rule grants its points on a purchase with probability 1 / N.
- Conditions. A rule applies only inside its validity window [startsAt, endsAt), inside
  its daily hours [dailyFrom, dailyUntil) in the program's time zone (a happy hour; an
  overnight window wraps past midnight), to purchases of at least its minimum amount, and
  to members holding one of its tiers and one of its membership plans (an empty list means
  everyone; the tier and plan are those the purchase earns at).
- Combining with tier and plan multipliers. The purchase's base and tier/plan bonus are
  computed as before, untouched. A rule's multiplier applies to the base points of its
  eligible amount only (never to the tier/plan bonus, never to other rules): rules add,
  they do not compound. Each rule's points are rounded down once and written as their own
  `bonus` entry whose reason names the rule. Gold ×1.5 with a ×2 happy hour on 100.00 at
  1 point per 1.00 earns 100 base + 50 tier bonus + 100 happy-hour bonus = 250.
- Pending. Rule points of a purchase follow the purchase: pending inside the return
  window, released with it. Event points are available at once (there is nothing to return).
- Refunds take back all of a purchase's points in proportion, rule bonuses included
  (`wallet.ledger.service`): refunding half of a 60.00 purchase that earned 60 + a 20-point
  minimum-basket bonus takes back floor(80 × 30 / 60) = 40. We do not take back the whole
  basket bonus when a refund brings the basket below the minimum: one rule for every
  refund, and a partial refund never costs more than its share.
- Owed points from earlier refunds are paid back from base and tier/plan points only, not
  from rule bonuses (as with other bonuses).
- Caps. Per member: at most N grants per day and per month (both in the program's time
  zone) and N in all. Overall: a budget of points; a grant that would pass it is not made
  (never partly). Caps hold under concurrency: a member's grants are counted with their
  points account locked (`SELECT … FOR UPDATE`), so their purchases and events run in
  turn; the budget is taken by one guarded update (`… WHERE points_granted + n <=
  budget_points`), which holds the rule's row until commit; rules are read and taken in
  one order (created_at, id), so two sales never wait on each other's rules. A rule whose
  cap is reached simply does not apply.
- Once only. A rule grants a member at most once per reference (the event's reference or
  the purchase's receipt): the same review posted twice under new idempotency keys earns
  once. Retries with the same idempotency key replay the first answer.
- Surprises. The draw for rule R and purchase P is HMAC-SHA256(key, "R:P"), where the key
  is derived from WALLET_SECRET; its first 8 bytes as an integer v win when v × N < 2^64
  (probability 1 / N). The purchase id is chosen by the server, so a member cannot steer
  the draw, and a retry with the same idempotency key replays the same answer. A winning
  grant stores v (hex) and the fraction in `rule_grant.draw` and in its entry's reason, so
  anyone with the secret can recompute it (`surprise_draw`).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Sequence
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError

from wallet import clock, db, validation
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.db import transaction
from wallet.earning.models import EarningRule, RuleGrant, RuleKind
from wallet.errors import InvalidInput, NotFound
from wallet.program.models import Program
from wallet.program.service import local_date, points_for, start_of_local_day

EVENT_TYPES = ("sign_up", "birthday", "profile_completed", "product_review", "social_share", "app_check_in")
# Members who sign up earn the `sign_up` rules under this reference: once each, even if a
# trusted system also reports the sign-up under the same reference.
SIGN_UP_REFERENCE = "sign-up"
_EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
MAX_RULE_POINTS = 1_000_000
MAX_MULTIPLIER = Decimal(10)
# Tiers or plans one rule may be kept for.
MAX_RULE_TARGETS = 100
_TWO_64 = 2**64


# --- line items -------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    sku: str
    category: str
    quantity: int
    amount: Decimal


def purchase_lines(raw: Sequence[dict[str, Any]] | None, amount: Decimal, max_amount: Decimal) -> list[Line]:
    """A purchase's line items, checked: their amounts must add up to the purchase amount."""
    if not raw:
        return []
    if len(raw) > 500:
        raise InvalidInput("A purchase has at most 500 lines.", field="lines")
    lines = []
    for item in raw:
        quantity = item.get("quantity", 1)
        if not isinstance(quantity, int) or not 1 <= quantity <= 100_000:
            raise InvalidInput("A line's quantity must be 1 to 100000.", field="lines")
        lines.append(
            Line(
                sku=validation.text(item.get("sku"), "lines", max_length=100),
                category=validation.text(item.get("category"), "lines", max_length=100, required=False),
                quantity=quantity,
                amount=validation.money(item.get("amount"), "lines", maximum=max_amount),
            )
        )
    total = sum((line.amount for line in lines), Decimal(0))
    if total != amount:
        raise InvalidInput(f"The lines add up to {total}, not to the purchase amount {amount}.", field="lines")
    return lines


# --- applying rules ---------------------------------------------------------------------


@dataclass(frozen=True)
class AppliedRule:
    """Points one rule gave, to explain a purchase or an event."""

    rule_id: str
    name: str
    points: int
    reason: str
    draw: str = ""


@dataclass(frozen=True)
class Earner:
    """Who earns, and what they hold, for the rule conditions."""

    member_id: uuid.UUID
    tier_id: str | None
    plan_id: str | None


async def program_and_purchase_rules(now: datetime) -> tuple[Program, list[EarningRule]]:
    """The program and its active purchase and surprise rules whose window holds `now`.

    Read on every sale: one statement for both (the rules ride on the program's row), so a
    sale costs no more statements than before rules existed (tests/scan/test_query_counts.py).
    """
    from wallet.program.models import PROGRAM_ID
    from wallet.program.service import get_program

    rows = await db.fetch_rows(
        f"""SELECT {db.aliased_columns(Program, "p")}, {db.aliased_columns(EarningRule, "r")}
            FROM program p LEFT JOIN earning_rule r
              ON r.is_active AND r.kind IN ('purchase', 'surprise')
                 AND (r.starts_at IS NULL OR r.starts_at <= $2) AND (r.ends_at IS NULL OR r.ends_at > $2)
            WHERE p.id = $1
            ORDER BY r.created_at, r.id""",
        PROGRAM_ID, now,
    )
    if not rows:
        return await get_program(), []
    program = db.from_aliased(Program, "p", rows[0])
    rules = [db.from_aliased(EarningRule, "r", row) for row in rows if row["r_id"] is not None]
    return program, rules


def surprise_key(secret: str) -> bytes:
    """The key of the surprise draws, derived from WALLET_SECRET (never the secret itself)."""
    return hmac.new(secret.encode(), b"wallet/surprise-draw/v1", hashlib.sha256).digest()


def surprise_draw(key: bytes, rule_id: uuid.UUID | str, purchase_id: uuid.UUID | str) -> int:
    """The draw of a rule for a purchase: a uniform integer in [0, 2^64)."""
    digest = hmac.new(key, f"{rule_id}:{purchase_id}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big")


def surprise_wins(draw: int, chance_one_in: int) -> bool:
    return draw * chance_one_in < _TWO_64


def _describe_draw(draw: int, chance_one_in: int) -> str:
    return f"draw {draw:016x} = {Decimal(draw) / _TWO_64:.6f} < 1/{chance_one_in}"


def _local(program: Program, moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(program.timezone))


def _in_daily_hours(rule: EarningRule, program: Program, now: datetime) -> bool:
    start, end = rule.daily_from_minute, rule.daily_until_minute
    if start is None or end is None:
        return True
    local = _local(program, now)
    minute = local.hour * 60 + local.minute
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end  # overnight


def _allowed(rule: EarningRule, earner: Earner) -> bool:
    if rule.tier_ids and earner.tier_id not in rule.tier_ids:
        return False
    if rule.plan_ids and earner.plan_id not in rule.plan_ids:
        return False
    return True


def _purchase_award(rule: EarningRule, program: Program, amount: Decimal, lines: list[Line]) -> int:
    if rule.min_amount is not None and amount < Decimal(rule.min_amount):
        return 0
    eligible = amount
    if rule.category or rule.sku:
        eligible = sum(
            (
                line.amount
                for line in lines
                if (not rule.category or line.category == rule.category) and (not rule.sku or line.sku == rule.sku)
            ),
            Decimal(0),
        )
        if eligible == 0:
            return 0
    multiplier = Decimal(rule.multiplier)
    extra = points_for(eligible, Decimal(program.earn_rate), multiplier - 1) if multiplier > 1 else 0
    return int(rule.points) + extra


async def rules_for_purchase(
    rules: list[EarningRule],
    *,
    program: Program,
    earner: Earner,
    amount: Decimal,
    lines: list[Line],
    purchase_id: uuid.UUID,
    reference: str,
    key: bytes | None,
    now: datetime,
) -> list[AppliedRule]:
    """The rules a purchase earns, within their caps (taken here: call with the member's
    account locked, inside the purchase's transaction). No statement when none applies."""
    candidates: list[tuple[EarningRule, int, str, str]] = []
    for rule in rules:
        if not _allowed(rule, earner) or not _in_daily_hours(rule, program, now):
            continue
        if rule.kind == RuleKind.SURPRISE:
            if key is None or (rule.min_amount is not None and amount < Decimal(rule.min_amount)):
                continue
            draw = surprise_draw(key, rule.id, purchase_id)
            if not surprise_wins(draw, rule.chance_one_in):
                continue
            described = _describe_draw(draw, rule.chance_one_in)
            candidates.append((rule, int(rule.points), f"Surprise bonus: {rule.name} ({described})", described))
        else:
            points = _purchase_award(rule, program, amount, lines)
            if points > 0:
                candidates.append((rule, points, f"Bonus: {rule.name}", ""))
    if not candidates:
        return []
    return await _within_caps(candidates, program=program, member_id=earner.member_id, reference=reference, now=now)


async def _within_caps(
    candidates: list[tuple[EarningRule, int, str, str]],
    *,
    program: Program,
    member_id: uuid.UUID,
    reference: str,
    now: datetime,
) -> list[AppliedRule]:
    """Keep the grants within the member's caps, once per reference, and take their points
    from the rules' budgets. The member's account must be locked."""
    local_today = local_date(program, now)
    day_start = start_of_local_day(program, local_today)
    month_start = start_of_local_day(program, local_today.replace(day=1))
    ids = [rule.id for rule, *_ in candidates]
    rows = await db.fetch_rows(
        f"""SELECT rule_id,
                   SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END) AS today,
                   SUM(CASE WHEN created_at >= $3 THEN 1 ELSE 0 END) AS this_month,
                   COUNT(*) AS in_all,
                   SUM(CASE WHEN reference = $4 THEN 1 ELSE 0 END) AS same_reference
            FROM rule_grant WHERE member_id = $1 AND rule_id IN ({db.placeholders(len(ids), start=5)})
            GROUP BY rule_id""",
        member_id, day_start, month_start, reference, *ids,
    )
    counts = {str(row["rule_id"]): row for row in rows}
    applied = []
    for rule, points, reason, draw in candidates:
        row = counts.get(str(rule.id))
        if row is not None:
            if int(row["same_reference"] or 0) > 0:
                continue
            if rule.cap_per_member_per_day is not None and int(row["today"] or 0) >= rule.cap_per_member_per_day:
                continue
            if rule.cap_per_member_per_month is not None and int(row["this_month"] or 0) >= rule.cap_per_member_per_month:
                continue
            if rule.cap_per_member is not None and int(row["in_all"] or 0) >= rule.cap_per_member:
                continue
        if rule.budget_points is not None:
            # Members of one rule's budget race each other (their accounts are different
            # rows): one guarded update takes the points or finds the budget spent.
            taken = await db.fetch_rows(
                """UPDATE earning_rule SET points_granted = points_granted + $1
                   WHERE id = $2 AND points_granted + $1 <= budget_points RETURNING id""",
                points, rule.id,
            )
            if not taken:
                continue
        applied.append(AppliedRule(str(rule.id), rule.name, points, reason, draw))
    return applied



async def record_grants(
    applied: Sequence[AppliedRule],
    entry_ids: Sequence[int],
    *,
    member_id: uuid.UUID,
    reference: str,
    purchase_id: uuid.UUID | None,
) -> None:
    """The grants, once their ledger entries are written (one statement)."""
    if not applied:
        return
    now = clock.now()
    await RuleGrant.bulk_create(
        [
            RuleGrant(
                rule_id=uuid.UUID(a.rule_id),
                member_id=member_id,
                purchase_id=purchase_id,
                entry_id=entry_id,
                reference=reference,
                points=a.points,
                draw=a.draw,
                created_at=now,
            )
            for a, entry_id in zip(applied, entry_ids, strict=True)
        ]
    )


# --- events -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRecorded:
    member_id: str
    points_awarded: int
    applied: list[dict[str, Any]]
    replayed: bool


def event_type(raw: str) -> str:
    value = (raw or "").strip().lower()
    if not _EVENT_TYPE.match(value):
        raise InvalidInput(
            "type must be a known event (" + ", ".join(EVENT_TYPES) + ") or a custom name of 1 to 40"
            " lowercase letters, digits and underscores.",
            field="type",
        )
    return value


async def record_event(
    *, actor: Actor, member_id: str, type: str, reference: str, idempotency_key: str
) -> EventRecorded:
    """Grant the points of the active event rules of `type` to a member, within their caps."""
    from wallet.idempotency.service import run_once
    from wallet.ledger.service import lock_account
    from wallet.members import service as members

    kind = event_type(type)
    reference = validation.text(reference, "reference", max_length=200)
    request = {"memberId": member_id, "type": kind, "reference": reference}

    async def write() -> dict[str, Any]:
        member = await members.get_member(member_id)
        account = await lock_account(member.id)
        applied = await grant_event(actor, account, kind, reference)
        return {
            "memberId": str(member.id),
            "points": sum(a.points for a in applied),
            "applied": [{"name": a.name, "points": a.points} for a in applied],
        }

    result, replayed = await run_once(actor, idempotency_key, "recordEvent", request, write)
    return EventRecorded(result["memberId"], result["points"], result["applied"], replayed)


async def grant_event(actor: Actor, account: Any, kind: str, reference: str) -> list[AppliedRule]:
    """Grant the event rules of `kind` to the member of a locked points account, inside the
    caller's transaction: their bonus entries, grants and an audit record. One statement
    when no rule answers the event."""
    from wallet.ledger.models import Bucket, EntryKind
    from wallet.ledger.service import Posting, post
    from wallet.program.service import get_program

    now = clock.now()
    rules = await db.fetch(
        EarningRule,
        f"""SELECT {db.columns(EarningRule)} FROM earning_rule
            WHERE is_active AND kind = 'event' AND event_type = $1
              AND (starts_at IS NULL OR starts_at <= $2) AND (ends_at IS NULL OR ends_at > $2)
            ORDER BY created_at, id""",
        kind, now,
    )
    if not rules:
        return []
    program = await get_program()
    member_id = account.member_id
    earner = await _earner(member_id)
    candidates = [
        (rule, int(rule.points), f"Bonus: {rule.name}", "")
        for rule in rules
        if _allowed(rule, earner) and _in_daily_hours(rule, program, now)
    ]
    if not candidates:
        return []
    applied = await _within_caps(candidates, program=program, member_id=member_id, reference=reference, now=now)
    if not applied:
        return []
    total = sum(a.points for a in applied)
    entries = await post(
        account,
        [Posting(EntryKind.BONUS, Bucket.AVAILABLE, a.points, a.reason, reference) for a in applied],
        actor=actor,
        lifetime_change=total,
        program=program,
    )
    try:
        await record_grants(applied, [e.id for e in entries], member_id=member_id, reference=reference, purchase_id=None)
    except IntegrityError as exc:  # a backstop: the account lock makes it unreachable
        raise RuntimeError("a rule was granted twice for one reference") from exc
    await audit.record(
        actor,
        "earning.grant",
        target_type="member",
        target_id=str(member_id),
        after={
            "event": kind,
            "reference": reference,
            "rules": [{"ruleId": a.rule_id, "name": a.name, "points": a.points} for a in applied],
            "points": total,
        },
        member_id=member_id,
    )
    return applied


async def _earner(member_id: uuid.UUID) -> Earner:
    from wallet.memberships.benefits import plan_with_benefits
    from wallet.tiers import service as tiers

    view = await tiers.tier_view(member_id)
    tier = view.tiers.held(view.status)
    plan = await plan_with_benefits(member_id)
    return Earner(member_id, str(tier.id) if tier else None, str(plan.id) if plan else None)


# --- admin ------------------------------------------------------------------------------


@dataclass
class RuleInput:
    name: str
    kind: str
    points: int = 0
    multiplier: Decimal | str = Decimal(1)
    event_type: str | None = None
    min_amount: Decimal | str | None = None
    category: str | None = None
    sku: str | None = None
    chance_one_in: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    daily_from: str | None = None
    daily_until: str | None = None
    tier_ids: list[str] = field(default_factory=list)
    plan_ids: list[str] = field(default_factory=list)
    cap_per_member_per_day: int | None = None
    cap_per_member_per_month: int | None = None
    cap_per_member: int | None = None
    budget_points: int | None = None


def _minute(raw: str | None, name: str) -> int | None:
    if raw is None:
        return None
    match = _HHMM.match(raw.strip())
    if not match:
        raise InvalidInput(f"{name} must be a time of day as HH:MM.", field=name)
    return int(match.group(1)) * 60 + int(match.group(2))


def _positive(value: int | None, name: str) -> int | None:
    if value is not None and not 1 <= value <= 1_000_000_000:
        raise InvalidInput(f"{name} must be at least 1.", field=name)
    return value


async def _uuids(raw: list[str], name: str, model: Any) -> list[str]:
    if len(raw) > MAX_RULE_TARGETS:
        # Counted as sent, before any is read: 40,000 ids were one query argument each, past
        # what PostgreSQL takes in one statement.
        raise InvalidInput(f"{name} holds at most {MAX_RULE_TARGETS} ids.", field=name)
    try:
        ids = sorted({str(uuid.UUID(str(value))) for value in raw})
    except ValueError as exc:
        raise InvalidInput(f"{name} holds an id that is not valid.", field=name) from exc
    if ids and await model.filter(id__in=ids).count() != len(ids):
        raise NotFound(f"{name} names something that does not exist.", field=name)
    return ids


async def _validated(data: RuleInput) -> dict[str, Any]:
    from wallet.memberships.models import MembershipPlan
    from wallet.tiers.models import Tier

    try:
        kind = RuleKind((data.kind or "").lower())
    except ValueError as exc:
        raise InvalidInput("kind must be event, purchase or surprise.", field="kind") from exc
    if not 0 <= data.points <= MAX_RULE_POINTS:
        raise InvalidInput(f"points must be 0 to {MAX_RULE_POINTS:,}.", field="points")
    try:
        multiplier = Decimal(str(data.multiplier))
    except InvalidOperation as exc:
        raise InvalidInput("multiplier must be a number.", field="multiplier") from exc
    if not multiplier.is_finite() or not 1 <= multiplier <= MAX_MULTIPLIER or multiplier != multiplier.quantize(Decimal("0.01")):
        raise InvalidInput("multiplier must be 1 to 10, with at most two decimals.", field="multiplier")
    min_amount = None
    if data.min_amount is not None:
        min_amount = validation.money(data.min_amount, "minAmount", maximum=Decimal("1000000"))
    category = validation.text(data.category, "category", max_length=100, required=False)
    sku = validation.text(data.sku, "sku", max_length=100, required=False)
    values: dict[str, Any] = {
        "name": validation.text(data.name, "name", max_length=100),
        "kind": kind,
        "points": data.points,
        "multiplier": multiplier,
        "min_amount": min_amount,
        "category": category,
        "sku": sku,
        "event_type": "",
        "chance_one_in": 0,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "daily_from_minute": _minute(data.daily_from, "dailyFrom"),
        "daily_until_minute": _minute(data.daily_until, "dailyUntil"),
        "tier_ids": await _uuids(data.tier_ids, "tierIds", Tier),
        "plan_ids": await _uuids(data.plan_ids, "planIds", MembershipPlan),
        "cap_per_member_per_day": _positive(data.cap_per_member_per_day, "capPerMemberPerDay"),
        "cap_per_member_per_month": _positive(data.cap_per_member_per_month, "capPerMemberPerMonth"),
        "cap_per_member": _positive(data.cap_per_member, "capPerMember"),
        "budget_points": _positive(data.budget_points, "budgetPoints"),
    }
    if (values["daily_from_minute"] is None) != (values["daily_until_minute"] is None):
        raise InvalidInput("Give both dailyFrom and dailyUntil, or neither.", field="dailyFrom")
    if values["daily_from_minute"] is not None and values["daily_from_minute"] == values["daily_until_minute"]:
        raise InvalidInput("dailyFrom and dailyUntil must differ.", field="dailyUntil")
    # Each time on its own first: a naive one compared with an aware one was an error.
    for moment, name in ((data.starts_at, "startsAt"), (data.ends_at, "endsAt")):
        if moment is not None:
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise InvalidInput(f"{name} needs a time zone.", field=name)
            validation.in_range(moment, name)
    if data.starts_at and data.ends_at and data.starts_at >= data.ends_at:
        raise InvalidInput("endsAt must be after startsAt.", field="endsAt")
    if kind is RuleKind.EVENT:
        values["event_type"] = event_type(data.event_type or "")
        if data.points < 1:
            raise InvalidInput("An event rule grants at least 1 point.", field="points")
        if multiplier != 1 or min_amount is not None or category or sku:
            raise InvalidInput("An event rule has no multiplier, minimum amount, category or SKU.", field="kind")
    elif kind is RuleKind.PURCHASE:
        if data.points < 1 and multiplier == 1:
            raise InvalidInput("A purchase rule needs points or a multiplier above 1.", field="points")
        if category and sku:
            raise InvalidInput("Give a category or a SKU, not both.", field="sku")
    else:
        if not data.chance_one_in or not 2 <= data.chance_one_in <= 1_000_000:
            raise InvalidInput("chanceOneIn must be 2 to 1000000.", field="chanceOneIn")
        if data.points < 1:
            raise InvalidInput("A surprise grants at least 1 point.", field="points")
        if multiplier != 1 or category or sku:
            raise InvalidInput("A surprise has no multiplier, category or SKU.", field="kind")
        values["chance_one_in"] = data.chance_one_in
    return values


def snapshot(rule: EarningRule) -> dict[str, Any]:
    return {
        "name": rule.name,
        "kind": str(rule.kind),
        "eventType": rule.event_type,
        "points": rule.points,
        "multiplier": str(rule.multiplier),
        "minAmount": None if rule.min_amount is None else str(rule.min_amount),
        "category": rule.category,
        "sku": rule.sku,
        "chanceOneIn": rule.chance_one_in,
        "startsAt": None if rule.starts_at is None else rule.starts_at.isoformat(),
        "endsAt": None if rule.ends_at is None else rule.ends_at.isoformat(),
        "dailyFromMinute": rule.daily_from_minute,
        "dailyUntilMinute": rule.daily_until_minute,
        "tierIds": rule.tier_ids,
        "planIds": rule.plan_ids,
        "capPerMemberPerDay": rule.cap_per_member_per_day,
        "capPerMemberPerMonth": rule.cap_per_member_per_month,
        "capPerMember": rule.cap_per_member,
        "budgetPoints": rule.budget_points,
        "isActive": rule.is_active,
    }


async def create_rule(actor: Actor, data: RuleInput) -> EarningRule:
    """An admin creates a rule, active at once; audited."""
    values = await _validated(data)
    async with transaction():
        rule = await EarningRule.create(id=uuid.uuid4(), **values)
        await audit.record(actor, "earning_rule.create", target_type="earning_rule", target_id=str(rule.id), after=snapshot(rule))
    return rule


async def get_rule(rule_id: str) -> EarningRule:
    try:
        key = uuid.UUID(str(rule_id))
    except ValueError as exc:
        raise NotFound("No earning rule with this id.", field="id") from exc
    rule = await EarningRule.get_or_none(id=key)
    if rule is None:
        raise NotFound("No earning rule with this id.", field="id")
    return rule


async def set_rule_active(actor: Actor, rule_id: str, is_active: bool) -> EarningRule:
    """Switch a rule on or off; audited. Grants already made stay."""
    async with transaction():
        rule = await get_rule(rule_id)
        before = rule.is_active
        await EarningRule.filter(id=rule.id).update(is_active=is_active)
        rule.is_active = is_active
        await audit.record(
            actor, "earning_rule.set_active", target_type="earning_rule", target_id=str(rule.id),
            before={"isActive": before}, after={"isActive": is_active},
        )
    return rule


async def list_rules() -> list[EarningRule]:
    return await EarningRule.all().order_by("-created_at", "id")


async def seed_demo_rules() -> list[EarningRule]:
    """The demo's rules: a sign-up bonus, a basket bonus, a happy hour and a surprise. Does
    nothing when rules exist. Run it before the demo members sign up."""
    if await EarningRule.exists():
        return await list_rules()
    system = Actor.system()
    for rule in (
        RuleInput(name="Welcome bonus", kind="event", event_type="sign_up", points=50, cap_per_member=1),
        RuleInput(name="Check-in", kind="event", event_type="app_check_in", points=5, cap_per_member_per_day=1),
        RuleInput(name="Big basket", kind="purchase", points=25, min_amount=Decimal("50.00")),
        RuleInput(name="Happy hour", kind="purchase", multiplier=Decimal(2), daily_from="17:00", daily_until="19:00"),
        RuleInput(name="Lucky till", kind="surprise", points=20, chance_one_in=10, cap_per_member_per_day=1),
    ):
        await create_rule(system, rule)
    return await list_rules()
