"""Tiers: levels of membership reached by a qualifying amount in a tier period.

Rules written down here (and in the README):

- **Tiers.** An admin defines tiers: a name, a rank (unique; higher is better), a threshold
  on the program's qualifying measure, an earn multiplier (1 to 10) and a list of perks.
  The tier of rank 0 is the entry tier: every member's floor, held by anyone who has not
  reached a higher tier, so its threshold must be 0. Only active tiers can be reached;
  deactivating a tier leaves those who hold it with it (and its multiplier) until their
  period ends. "The highest tier reached" by an amount is the active tier of highest rank
  whose threshold the amount reaches, or else the entry tier (or none, without one).
- **Qualifying amount** of a member over a window, counted by a purchase's recording time:
  under the `points` measure, the base points of their purchases (before any tier
  multiplier, so bonuses never compound) less the base points that refunds took back;
  under the `spend` measure, the amount paid less the amount refunded. A refund lowers the
  amount of the purchase's own period, whenever it happens.
- **Tier periods** follow the program's time zone (day boundaries at local midnight) and
  are stored in UTC, as [start, end):
  - `calendar_year`: from 1 January 00:00 local to the next 1 January 00:00 local. The
    qualifying amount so far counts purchases since this year's 1 January.
  - `rolling_12_months`: a period starts at local midnight of the day the member joined,
    last moved up, or had their last period evaluated, and ends 12 months later (same day
    of the month, clamped: 29 Feb + 12 months is 28 Feb). The qualifying amount so far is
    the trailing 12 months: purchases since local midnight of the same day a year ago.
- **Moving up** happens at once: right after a purchase is credited, `after_purchase`
  moves the member to the highest tier reached by their qualifying amount so far when it is
  above the tier they hold (skipping tiers if the amount crosses several thresholds). The
  purchase that crosses a threshold earns at the old rate: `record_purchase` reads
  `earn_multiplier` before crediting. In calendar years the period stays the year; in
  rolling periods moving up starts a new period on that day.
- **Moving down** happens only at the end of a period, never mid-period.
  `apply_period_ends` (the `wallet run-jobs` job) takes each member whose period has ended,
  counts the qualifying amount of that whole period, and sets their tier to the highest
  tier reached by it: the same tier ("Requalified"), a lower one ("Did not requalify"), or
  a higher one if thresholds were lowered meanwhile ("Qualified"). The next period starts
  where the ended one ended, not when the job runs, so a late job changes nothing; when it
  is late by several periods, each missed period is evaluated in turn. Every evaluation
  writes one `TierChange` naming the period's end, and the update is guarded by the old
  period end, so running the job twice (or twice at once) applies each period end once.
  A period end the job has not applied yet is applied at the member's next purchase,
  before its points are counted (`earn_multiplier`), so the job's timing never changes
  what a member earns.
- Members who never moved up have no stored period: they hold the entry tier, and their
  period is the current calendar year, or (rolling) the 12-month period, counted from the
  day they joined, that contains now. Thresholds and multipliers an admin changes apply to
  the next purchase and the next period end; nobody is moved between them.
- **Tier progress** (`tier_progress`): the tier held; the next active tier by rank (none at
  the top); the qualifying amount so far; `needed` = the next tier's threshold less that
  amount, never below 0 (0 at the top); `percent` = the amount over the next threshold,
  0 to 100, rounded *down* to one decimal place (so 100.0 means reached; 100 at the top);
  `period_end`, the end of the current period; `keeps_tier_until`, the end of the stored
  period: the tier is held at least until then. Amounts are points or money per the
  measure: whole numbers for points, two decimals for money.
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError

from wallet import clock, db, validation
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.db import connection, transaction
from wallet.live import service as live
from wallet.errors import Duplicate, InvalidInput, NotFound
from wallet.members.models import Member
from wallet.program.models import Program, QualifyingMeasure, TierPeriod
from wallet.program.service import add_months, get_program, start_of_local_day
from wallet.tiers.models import MemberTier, Tier, TierChange

MIN_MULTIPLIER, MAX_MULTIPLIER = Decimal(1), Decimal(10)
MAX_RANK = 1000
MAX_THRESHOLD = Decimal("999999999999.99")  # the column's 14 digits
MAX_PERKS, MAX_PERK_LENGTH = 20, 200
BATCH_SIZE = 500  # member periods evaluated per transaction by the job

_CENT = Decimal("0.01")
_ONE_PLACE = Decimal("0.1")
_HUNDRED = Decimal(100)


# --- the ladder of tiers ----------------------------------------------------------------


@dataclass(frozen=True)
class Ladder:
    """All tiers, by rank: read once per use case (the table is tiny)."""

    tiers: tuple[Tier, ...]

    @property
    def entry(self) -> Tier | None:
        """The entry tier (rank 0) when it is active: every member's floor."""
        return next((t for t in self.tiers if t.rank == 0 and t.is_active), None)

    def by_id(self, tier_id: uuid.UUID | str | None) -> Tier | None:
        if tier_id is None:
            return None
        return next((t for t in self.tiers if str(t.id) == str(tier_id)), None)

    def held(self, status: MemberTier | None) -> Tier | None:
        """The tier a member holds: their stored tier, else the entry tier."""
        stored = self.by_id(status.tier_id) if status is not None else None
        return stored or self.entry

    def reached(self, amount: Decimal) -> Tier | None:
        """The highest active tier whose threshold `amount` reaches, else the entry tier."""
        reached = [t for t in self.tiers if t.is_active and t.rank > 0 and amount >= t.threshold]
        return max(reached, key=lambda t: t.rank) if reached else self.entry

    def above(self, tier: Tier | None) -> Tier | None:
        """The next active tier by rank above `tier` (above nothing: the lowest)."""
        floor = tier.rank if tier is not None else -1
        return next((t for t in self.tiers if t.is_active and t.rank > floor), None)


async def ladder() -> Ladder:
    # Read on every purchase and `me`: written out rather than built by the ORM (see wallet.db).
    return Ladder(tuple(await db.fetch(Tier, f"SELECT {db.columns(Tier)} FROM tier ORDER BY \"rank\"")))


def _rank(tier: Tier | None) -> int:
    return tier.rank if tier is not None else -1


# --- periods, in the program's time zone ------------------------------------------------


def _local_date(program: Program, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(program.timezone)).date()


def period_end_after(program: Program, start: datetime) -> datetime:
    """The end of the tier period that starts at `start`."""
    local_day = _local_date(program, start)
    if program.tier_period == TierPeriod.ROLLING_12_MONTHS:
        return start_of_local_day(program, add_months(local_day, 12))
    return start_of_local_day(program, date(local_day.year + 1, 1, 1))


def period_starting(program: Program, moment: datetime) -> tuple[datetime, datetime]:
    """A new period for a tier reached at `moment`: the year, or 12 months from that day."""
    local_day = _local_date(program, moment)
    if program.tier_period == TierPeriod.ROLLING_12_MONTHS:
        start = start_of_local_day(program, local_day)
    else:
        start = start_of_local_day(program, date(local_day.year, 1, 1))
    return start, period_end_after(program, start)


def qualifying_since(program: Program, now: datetime) -> datetime:
    """Purchases from this moment to `now` count toward moving up."""
    local_day = _local_date(program, now)
    if program.tier_period == TierPeriod.ROLLING_12_MONTHS:
        return start_of_local_day(program, add_months(local_day, -12))
    return start_of_local_day(program, date(local_day.year, 1, 1))


def _period_at(
    program: Program, status: MemberTier | None, joined_at: datetime | None, now: datetime
) -> tuple[datetime, datetime]:
    """The period containing `now`: the stored one rolled forward past any ended periods
    not yet applied, or for a member with none, the year or the 12 months since joining."""
    if status is not None:
        start, end = status.period_start, status.period_end
    elif program.tier_period == TierPeriod.ROLLING_12_MONTHS and joined_at is not None:
        start, end = period_starting(program, joined_at)
    else:
        return period_starting(program, now)
    while end <= now:
        start, end = end, period_end_after(program, end)
    return start, end


# --- qualifying amounts -----------------------------------------------------------------


def _measure_sql(program: Program, alias: str = "") -> str:
    """One purchase's qualifying amount, in whole points or in cents (exact on SQLite too,
    where decimals are stored as text and would be summed as floats)."""
    p = f"{alias}." if alias else ""
    if program.qualifying_measure == QualifyingMeasure.SPEND:
        return f"CAST(ROUND(({p}amount - {p}refunded_amount) * 100) AS BIGINT)"
    return f"({p}base_points - {p}base_points_reversed)"


def _amount(program: Program, total: Any) -> Decimal:
    units = Decimal(int(total or 0))
    if program.qualifying_measure == QualifyingMeasure.SPEND:
        return (units / 100).quantize(_CENT)
    return units


async def qualifying_amounts(
    program: Program, member_ids: Iterable[uuid.UUID | str], since: datetime, until: datetime
) -> dict[str, Decimal]:
    """Each member's qualifying amount from purchases recorded in [since, until]; one query."""
    ids = [uuid.UUID(str(m)) for m in member_ids]
    if not ids:
        return {}
    # Read on every purchase and `me`: written out rather than built by the ORM (see wallet.db).
    sql = f"""
        SELECT member_id, SUM({_measure_sql(program)}) AS total FROM purchase
        WHERE member_id IN ({db.placeholders(len(ids), start=3)})
            AND created_at >= $1 AND created_at <= $2
        GROUP BY member_id
    """
    rows = await db.fetch_rows(sql, since, until, *ids)
    found = {str(row["member_id"]): _amount(program, row["total"]) for row in rows}
    return {str(m): found.get(str(m), Decimal(0)) for m in ids}


async def _period_amounts(program: Program, statuses: Sequence[MemberTier]) -> dict[int, Decimal]:
    """Each stored period's qualifying amount over its own [start, end); one query."""
    ids = ",".join(str(int(s.id)) for s in statuses)
    sql = f"""
        SELECT mt.id AS id, SUM({_measure_sql(program, "p")}) AS total
        FROM member_tier mt
        JOIN purchase p ON p.member_id = mt.member_id
            AND p.created_at >= mt.period_start AND p.created_at < mt.period_end
        WHERE mt.id IN ({ids})
        GROUP BY mt.id
    """
    rows = await connection().execute_query_dict(sql)
    found = {int(row["id"]): _amount(program, row["total"]) for row in rows}
    return {int(s.id): found.get(int(s.id), Decimal(0)) for s in statuses}


def describe(program: Program, amount: Decimal) -> str:
    """An amount of the qualifying measure for people: "1,000 points", "1,234.50 USD"."""
    if program.qualifying_measure == QualifyingMeasure.SPEND:
        return f"{amount:,.2f} {program.currency}"
    return f"{int(amount):,} points"


def display_amount(amount: Decimal) -> Decimal:
    """Whole numbers without decimals ("1000"), others with two ("1234.50")."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.quantize(_CENT)


# --- earning and moving up --------------------------------------------------------------


class EarnRate(NamedTuple):
    """The multiplier a member's purchases earn at, and the tier that gives it."""

    multiplier: Decimal
    tier_name: str | None


async def tier_for(member_id: uuid.UUID | str) -> Tier | None:
    """The tier a member holds now (their stored tier, else the entry tier, else none)."""
    status = await MemberTier.get_or_none(member_id=member_id)
    return (await ladder()).held(status)


@dataclass(frozen=True)
class TierView:
    """A member's settled tier status and the ladder, read once for one purchase."""

    status: MemberTier | None
    tiers: Ladder


async def tier_view(member_id: uuid.UUID | str) -> TierView:
    """Read inside the purchase's transaction, with the member's account locked (so no
    other purchase of theirs moves them meanwhile); pass it to `earn_multiplier` and
    `after_purchase` to read the tier tables once."""
    return TierView(await _settled_status(member_id, clock.now()), await ladder())


async def earn_multiplier(member_id: uuid.UUID | str, view: TierView | None = None) -> EarnRate:
    """The multiplier of the tier the member holds, 1 without a tier.

    Call it inside the purchase's transaction, before crediting: the purchase that crosses a
    threshold earns at the old rate. A period end not yet applied by the job is applied
    first, so a member who did not requalify earns at their new tier's rate.
    """
    view = view or await tier_view(member_id)
    tier = view.tiers.held(view.status)
    if tier is None:
        return EarnRate(Decimal(1), None)
    return EarnRate(Decimal(tier.earn_multiplier), tier.name)


async def _settled_status(member_id: uuid.UUID | str, now: datetime) -> MemberTier | None:
    """The member's stored tier, after applying any period end the job has not applied."""
    found = await db.fetch_where(MemberTier, "member_id", [uuid.UUID(str(member_id))])
    status = found[0] if found else None
    if status is None or status.period_end > now:
        return status
    await _apply_due(await get_program(), await ladder(), now, member_id=member_id)
    return await MemberTier.get_or_none(member_id=member_id)


@dataclass(frozen=True)
class TierMove:
    member_id: str
    from_tier: Tier | None
    to_tier: Tier
    qualifying: Decimal


async def after_purchase(
    member_id: uuid.UUID | str,
    actor: Actor | None = None,
    view: TierView | None = None,
    program: Program | None = None,
) -> TierMove | None:
    """Move the member up at once if their qualifying amount reached a higher tier.

    Call it inside the purchase's transaction, after crediting. Never moves anyone down.
    The move is recorded as a `TierChange` (the program's doing, whoever recorded the sale,
    so `actor` is not stored). Returns the move, or None.
    """
    now = clock.now()
    view = view or await tier_view(member_id)
    status, tiers = view.status, view.tiers
    if tiers.above(tiers.held(status)) is None:
        return None  # no tier above theirs: nothing to qualify for
    program = program or await get_program()
    amounts = await qualifying_amounts(program, [member_id], qualifying_since(program, now), now)
    amount = amounts[str(member_id)]
    reached = tiers.reached(amount)
    if reached is None or reached.rank <= _rank(tiers.held(status)):
        return None
    # Two purchases of one member at once must not both move them, nor undo a period end the
    # job is applying: lock the member (their tier row may not exist yet) and the row, then
    # look again. NO KEY UPDATE: a concurrent purchase's insert holds KEY SHARE on the member
    # (its foreign key) while it waits for the points account we hold; FOR UPDATE deadlocks.
    # Written out (see wallet.db): a sale that moves its member up makes these statements.
    member_uuid = uuid.UUID(str(member_id))
    await db.fetch_rows(f"SELECT id FROM member WHERE id = $1{db.for_update(no_key=True)}", member_uuid)
    found = await db.fetch(
        MemberTier, f"SELECT {db.columns(MemberTier)} FROM member_tier WHERE member_id = $1{db.for_update()}", member_uuid
    )
    status = found[0] if found else None
    held = tiers.held(status)
    if reached.rank <= _rank(held):
        return None
    if status is not None and program.tier_period == TierPeriod.CALENDAR_YEAR:
        start, end = status.period_start, status.period_end
    else:
        start, end = period_starting(program, now)
    if status is None:
        await db.fetch_rows(
            "INSERT INTO member_tier (member_id, tier_id, period_start, period_end, updated_at)"
            " VALUES ($1, $2, $3, $4, $5)",
            member_uuid, reached.id, start, end, now,
        )
    else:
        await db.fetch_rows(
            "UPDATE member_tier SET tier_id = $1, period_start = $2, period_end = $3, updated_at = $4 WHERE id = $5",
            reached.id, start, end, now, status.id,
        )
    await db.fetch_rows(
        "INSERT INTO tier_change (member_id, from_tier_id, to_tier_id, reason, period_end, created_at)"
        " VALUES ($1, $2, $3, $4, NULL, $5)",
        member_uuid, held.id if held else None, reached.id, f"Qualified: {describe(program, amount)} this period", now,
    )
    await live.tier_changed(member_id, held.id if held else None, reached.id)
    return TierMove(str(member_id), held, reached, amount)


# --- period ends ------------------------------------------------------------------------


async def apply_period_ends(now: datetime | None = None) -> int:
    """Evaluate every stored tier period that ended by `now`; returns how many were applied.

    Safe to run twice (a second run finds nothing due) and late (each missed period is
    evaluated in turn, and the next period starts where the last one ended).
    """
    when = now or clock.now()
    return await _apply_due(await get_program(), await ladder(), when)


async def _apply_due(
    program: Program, tiers: Ladder, now: datetime, *, member_id: uuid.UUID | str | None = None
) -> int:
    applied = 0
    while True:
        async with transaction():
            query = MemberTier.filter(period_end__lte=now)
            if member_id is not None:
                query = query.filter(member_id=member_id)
            # Locked, so a concurrent run waits and then sees these periods moved on.
            due = await query.order_by("id").limit(BATCH_SIZE).select_for_update()
            if not due:
                return applied
            applied += await _evaluate_periods(program, tiers, due)


async def _evaluate_periods(program: Program, tiers: Ladder, due: list[MemberTier]) -> int:
    """Set each ended period's tier from its qualifying amount and start the next period."""
    amounts = await _period_amounts(program, due)
    written_at = clock.now()
    changes: list[TierChange] = []
    moves: dict[tuple[datetime, uuid.UUID | None, datetime], list[int]] = defaultdict(list)
    for status in due:
        amount = amounts[int(status.id)]
        held, reached = tiers.held(status), tiers.reached(amount)
        changes.append(
            TierChange(
                member_id=status.member_id,
                from_tier_id=held.id if held else None,
                to_tier_id=reached.id if reached else None,
                reason=_period_end_reason(program, held, reached, amount),
                period_end=status.period_end,
                created_at=written_at,
            )
        )
        next_end = period_end_after(program, status.period_end)
        moves[(status.period_end, reached.id if reached else None, next_end)].append(status.id)
    for (ended, tier_id, next_end), ids in moves.items():
        changed = await MemberTier.filter(id__in=ids, period_end=ended).update(
            tier_id=tier_id, period_start=ended, period_end=next_end
        )
        if changed != len(ids):
            raise RuntimeError(f"tier periods {ids} changed while locked")
    await TierChange.bulk_create(changes)
    for change in changes:
        if change.from_tier_id != change.to_tier_id:  # a requalification moves no one
            await live.tier_changed(change.member_id, change.from_tier_id, change.to_tier_id)
    return len(due)


def _period_end_reason(
    program: Program, held: Tier | None, reached: Tier | None, amount: Decimal
) -> str:
    qualifying = f"{describe(program, amount)} in the period"
    if reached is None:
        return f"Did not requalify: no tier ({qualifying})"
    if held is not None and reached.id == held.id:
        return f"Requalified: {qualifying}"
    if reached.rank < _rank(held):
        return f"Did not requalify: moved to {reached.name} ({qualifying})"
    return f"Qualified: {qualifying}"


# --- progress ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TierStatus:
    """What is stored about a member's tier, and the tier that means they hold."""

    member_id: str
    tier: Tier | None
    stored: MemberTier | None
    ladder: Ladder


async def tier_statuses(member_ids: Sequence[uuid.UUID | str]) -> list[TierStatus]:
    """Each member's tier, in order; two queries whatever the number of members."""
    tiers = await ladder()
    stored = {str(s.member_id): s for s in await db.fetch_where(MemberTier, "member_id", _uuids(member_ids))}
    return [
        TierStatus(str(m), tiers.held(stored.get(str(m))), stored.get(str(m)), tiers)
        for m in member_ids
    ]


async def tier_ranks(member_ids: Sequence[uuid.UUID | str]) -> dict[str, int | None]:
    """The rank of each member's tier (None without one), for tier-gated rewards."""
    return {s.member_id: s.tier.rank if s.tier else None for s in await tier_statuses(member_ids)}


@dataclass(frozen=True)
class TierProgress:
    current: Tier | None
    next: Tier | None
    qualifying: Decimal
    needed: Decimal
    percent: Decimal
    qualifying_since: datetime
    period_end: datetime
    keeps_tier_until: datetime


async def tier_progress(member_id: uuid.UUID | str, now: datetime | None = None) -> TierProgress:
    """A member's progress toward the next tier (see the rules above)."""
    [status] = await tier_statuses([member_id])
    member = await Member.get(id=member_id)
    [progress] = await tier_progress_for([status], {str(member.id): member.created_at}, now)
    return progress


async def tier_progress_for(
    statuses: Sequence[TierStatus],
    joined_at: dict[str, datetime],
    now: datetime | None = None,
) -> list[TierProgress]:
    """Progress of several members, in order; two queries whatever their histories."""
    when = now or clock.now()
    program = await get_program()
    since = qualifying_since(program, when)
    amounts = await qualifying_amounts(program, [s.member_id for s in statuses], since, when)
    results = []
    for status in statuses:
        amount = amounts.get(status.member_id, Decimal(0))
        following = status.ladder.above(status.tier)
        if following is None:
            needed, percent = Decimal(0), _HUNDRED
        else:
            needed = max(Decimal(following.threshold) - amount, Decimal(0))
            percent = _percent(amount, Decimal(following.threshold))
        if program.qualifying_measure == QualifyingMeasure.POINTS:
            needed = needed.to_integral_value(rounding=ROUND_CEILING)
        _, period_end = _period_at(program, status.stored, joined_at.get(status.member_id), when)
        results.append(
            TierProgress(
                current=status.tier,
                next=following,
                qualifying=display_amount(amount),
                needed=display_amount(needed),
                percent=percent,
                qualifying_since=since,
                period_end=period_end,
                keeps_tier_until=status.stored.period_end if status.stored else period_end,
            )
        )
    return results


def _percent(amount: Decimal, threshold: Decimal) -> Decimal:
    if threshold <= 0 or amount >= threshold:
        return _HUNDRED.quantize(_ONE_PLACE)
    return (amount * _HUNDRED / threshold).quantize(_ONE_PLACE, rounding=ROUND_DOWN)


def _uuids(keys: Iterable[uuid.UUID | str]) -> list[uuid.UUID]:
    valid = []
    for key in keys:
        try:
            valid.append(uuid.UUID(str(key)))
        except ValueError:
            continue
    return valid


# --- administration ---------------------------------------------------------------------


async def active_tiers() -> list[Tier]:
    """The tiers members can reach, by rank."""
    return list(await Tier.filter(is_active=True).order_by("rank"))


def _snapshot(tier: Tier) -> dict[str, Any]:
    return {
        "name": tier.name,
        "rank": tier.rank,
        "threshold": str(tier.threshold),
        "earnMultiplier": str(tier.earn_multiplier),
        "perks": list(tier.perks),
        "isActive": tier.is_active,
    }


def _valid_rank(rank: int) -> int:
    if not 0 <= rank <= MAX_RANK:
        raise InvalidInput(f"rank must be from 0 (the entry tier) to {MAX_RANK}.", field="rank")
    return rank


def _valid_threshold(raw: Decimal | str) -> Decimal:
    value = validation.decimal(raw, "threshold")
    if value < 0 or value > MAX_THRESHOLD:
        raise InvalidInput(f"threshold must be from 0 to {MAX_THRESHOLD}.", field="threshold")
    if value != value.quantize(_CENT):
        raise InvalidInput("threshold must have at most two decimal places.", field="threshold")
    return value.quantize(_CENT)


def _valid_multiplier(raw: Decimal | str) -> Decimal:
    value = validation.decimal(raw, "earnMultiplier")
    if not MIN_MULTIPLIER <= value <= MAX_MULTIPLIER:
        raise InvalidInput(
            f"earnMultiplier must be from {MIN_MULTIPLIER} to {MAX_MULTIPLIER}.",
            field="earnMultiplier",
        )
    if value != value.quantize(Decimal("0.001")):
        raise InvalidInput(
            "earnMultiplier must have at most three decimal places.", field="earnMultiplier"
        )
    return value.quantize(Decimal("0.001"))


def _valid_perks(perks: Sequence[str]) -> list[str]:
    if len(perks) > MAX_PERKS:
        raise InvalidInput(f"A tier has at most {MAX_PERKS} perks.", field="perks")
    return [validation.text(p, "perks", max_length=MAX_PERK_LENGTH) for p in perks]


def _check_entry_threshold(rank: int, threshold: Decimal) -> None:
    if rank == 0 and threshold != 0:
        raise InvalidInput(
            "The entry tier (rank 0) is every member's floor: its threshold must be 0.",
            field="threshold",
        )


async def _check_rank_free(rank: int, tier_id: uuid.UUID | None = None) -> None:
    query = Tier.filter(rank=rank)
    if tier_id is not None:
        query = query.exclude(id=tier_id)
    if await query.exists():
        raise Duplicate(f"Another tier already has rank {rank}.", field="rank")


async def create_tier(
    actor: Actor,
    *,
    name: str,
    rank: int,
    threshold: Decimal | str,
    earn_multiplier: Decimal | str,
    perks: Sequence[str] = (),
    request_id: str | None = None,
) -> Tier:
    """Add a tier (admin); audited. Raises InvalidInput or Duplicate (a taken rank)."""
    values = {
        "name": validation.text(name, "name", max_length=100),
        "rank": _valid_rank(rank),
        "threshold": _valid_threshold(threshold),
        "earn_multiplier": _valid_multiplier(earn_multiplier),
        "perks": _valid_perks(perks),
    }
    _check_entry_threshold(values["rank"], values["threshold"])
    try:
        async with transaction():
            await _check_rank_free(values["rank"])
            tier = await Tier.create(id=uuid.uuid4(), is_active=True, **values)
            await audit.record(
                actor,
                "tier.create",
                target_type="tier",
                target_id=str(tier.id),
                after=_snapshot(tier),
                request_id=request_id,
            )
    except IntegrityError as exc:  # a concurrent create took the rank
        raise Duplicate(f"Another tier already has rank {values['rank']}.", field="rank") from exc
    return tier


async def update_tier(
    actor: Actor,
    tier_id: str,
    *,
    name: str | None = None,
    rank: int | None = None,
    threshold: Decimal | str | None = None,
    earn_multiplier: Decimal | str | None = None,
    perks: Sequence[str] | None = None,
    is_active: bool | None = None,
    request_id: str | None = None,
) -> Tier:
    """Change a tier's given fields (admin); audited with before and after.

    A change that changes nothing writes nothing. Raises InvalidInput, NotFound, Duplicate.
    """
    key = _uuids([tier_id])
    if not key:
        raise NotFound("No tier with this id.", field="id")
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = validation.text(name, "name", max_length=100)
    if rank is not None:
        changes["rank"] = _valid_rank(rank)
    if threshold is not None:
        changes["threshold"] = _valid_threshold(threshold)
    if earn_multiplier is not None:
        changes["earn_multiplier"] = _valid_multiplier(earn_multiplier)
    if perks is not None:
        changes["perks"] = _valid_perks(perks)
    if is_active is not None:
        changes["is_active"] = is_active
    try:
        async with transaction():
            tier = await Tier.select_for_update().get_or_none(id=key[0])
            if tier is None:
                raise NotFound("No tier with this id.", field="id")
            before = _snapshot(tier)
            _check_entry_threshold(
                changes.get("rank", tier.rank), changes.get("threshold", tier.threshold)
            )
            if "rank" in changes:
                await _check_rank_free(changes["rank"], tier.id)
            for field, value in changes.items():
                setattr(tier, field, value)
            if _snapshot(tier) == before:
                return tier
            await tier.save(update_fields=[*changes, "updated_at"])
            await audit.record(
                actor,
                "tier.update",
                target_type="tier",
                target_id=str(tier.id),
                before=before,
                after=_snapshot(tier),
                request_id=request_id,
            )
    except IntegrityError as exc:
        raise Duplicate(f"Another tier already has rank {changes.get('rank')}.", field="rank") from exc
    return tier


# --- demo data --------------------------------------------------------------------------

DEMO_TIERS = [
    ("Insider", 0, "0", "1.0", ["Birthday gift", "Members-only offers"]),
    ("VIB", 1, "150", "1.25", ["Free standard shipping", "Early access to sales"]),
    ("Rouge", 2, "1000", "1.5", ["Free express shipping", "Exclusive events", "Rouge-only rewards"]),
]


async def seed_demo_tiers() -> list[Tier]:
    """Three tiers for the demo (thresholds in the program's measure; 150 points make VIB).

    Run it before the demo purchases so members move up as they buy. Does nothing when
    tiers exist.
    """
    if await Tier.exists():
        return await active_tiers()
    system = Actor.system()
    for name, rank, threshold, multiplier, perks in DEMO_TIERS:
        await create_tier(
            system,
            name=name,
            rank=rank,
            threshold=Decimal(threshold),
            earn_multiplier=Decimal(multiplier),
            perks=perks,
        )
    return await active_tiers()
