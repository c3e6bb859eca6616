"""Insight for admins: what the program does for the business and what it owes. Read-only.

Every figure is one SQL aggregate (a handful of statements per report, whatever the size of
the ledger), written with `$1` placeholders for both databases (`wallet.db.fetch_rows`).
Money is summed in whole cents (SQLite keeps decimals as text and would sum them as
floats), times are compared in UTC, and months and days are calendar months and days in the
program's time zone (`Program.timezone`, UTC by default): on PostgreSQL with `AT TIME ZONE`,
on SQLite by shifting each stored time by its zone's offset at that moment (`Calendar`).

Definitions (the README and the schema's descriptions say the same):

- A window is [from, to): `from` inclusive, `to` exclusive.
- An **active member** in a window recorded a purchase or redeemed a reward (a donation
  included) in it: the activity that also keeps points alive under expiry after inactivity.
- **Repeat purchase rate**: of the members who bought in the window, the share who bought
  at least twice in it.
- **Points issued**: `earn` and `bonus` entries and positive `adjust` entries (whether
  pending or available). **Redeemed**: `redeem` and `donate` entries less `reverse`
  entries (cancelled redemptions). **Expired**: `expire` entries. **Taken back by
  refunds**: what refunds reversed, the owed part included. **Redemption rate**: redeemed ÷
  issued in the window.
- **Churn**: paid memberships that ended (lapsed, or cancelled after their benefits
  started) in the window; **churn rate**: churned ÷ (memberships giving benefits at the
  window's start + memberships whose benefits started in it).
- **Breakage**: the share of issued points expected never to be redeemed: expired ÷ issued
  over the last N months before the report's end, or a rate the admin gives.
- **Non-member sales** are the sales the till recorded with `recordNonMemberSale`; **average
  ticket** is revenue ÷ purchases (members' and non-members' apart).
- **Membership revenue**: the plan prices of the charges that went through in the window
  (checkouts paid, renewals paid), as the membership events recorded them; failed charges
  and payments reported after a membership ended (refunded) are not revenue. Events written
  before amounts were recorded carry none.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from wallet.memberships import models as memberships_models
from wallet import db, validation
from wallet.errors import InvalidInput
from wallet.program.models import Program
from wallet.program.service import add_months, get_program

_CENT = Decimal("0.01")
_RATE = Decimal("0.0001")

# Largest windows a report accepts: bounded answers, whatever the caller asks.
MAX_COHORT_MONTHS = 120
MAX_LIABILITY_DAYS = 400
MAX_LIABILITY_MONTHS = 120
MAX_TOP_REWARDS = 50
EXPORT_BATCH_SIZE = 1000

BENEFIT_STATUSES = tuple(s.value for s in memberships_models.BENEFIT_STATUSES)
ENDED_STATUSES = ("lapsed", "cancelled")


# --- small helpers ------------------------------------------------------------------------


def _dialect() -> str:
    return db.dialect()


# What a time zone's name may hold (IANA names): it is written into the SQL as a literal.
_ZONE_NAME = re.compile(r"^[A-Za-z0-9_+\-/]{1,64}$")


@dataclass(frozen=True)
class Calendar:
    """Days and months in the program's time zone, in Python and in SQL."""

    name: str
    zone: ZoneInfo

    def midnight(self, day: date) -> datetime:
        """The start of a local day, in UTC."""
        return datetime.combine(day, time(0), self.zone).astimezone(UTC)

    def date_of(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def _offset(self, moment: datetime) -> int:
        offset = moment.astimezone(self.zone).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def offsets(self, since: datetime, until: datetime) -> list[tuple[datetime, int]]:
        """The zone's UTC offsets over [since, until): (from when, seconds) in order. Looked for
        day by day, each change then narrowed down to its second (zones change on whole seconds)."""
        segments = [(since, self._offset(since))]
        step = since
        while step < until:
            following = min(step + timedelta(days=1), until)
            while self._offset(following) != segments[-1][1]:
                low, high = step, following
                while high - low > timedelta(seconds=1):
                    middle = low + (high - low) / 2
                    if self._offset(middle) == segments[-1][1]:
                        low = middle
                    else:
                        high = middle
                change = low.replace(microsecond=0) + timedelta(seconds=1)
                segments.append((change, self._offset(change)))
                step = change
            step = following
        return segments

    def local_sql(self, column: str, since: datetime, until: datetime) -> str:
        """The local wall-clock time of a stored time that lies in [since, until)."""
        if _dialect() != "sqlite":
            return f"({column} AT TIME ZONE '{self.name}')"
        segments = self.offsets(since, until)
        if segments == [(since, 0)]:
            return column  # stored as UTC text, "YYYY-MM-DD HH:MM:SS…"
        # Stored times are text in UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]+00:00": they compare as
        # text with str() of an aware UTC time.
        whens = "".join(
            f" WHEN {column} < '{change.astimezone(UTC)}' THEN '{offset:+d} seconds'"
            for (_, offset), (change, _) in zip(segments, segments[1:])
        )
        shift = f"'{segments[-1][1]:+d} seconds'"
        return f"datetime({column}, CASE{whens} ELSE {shift} END)" if whens else f"datetime({column}, {shift})"

    def month_sql(self, column: str, since: datetime, until: datetime) -> str:
        """The local month of a stored time in [since, until); `_label` makes it YYYY-MM.
        (On PostgreSQL date_trunc: formatting every row with to_char cost a third more.)"""
        local = self.local_sql(column, since, until)
        if _dialect() == "sqlite":
            return f"substr({local}, 1, 7)"
        return f"date_trunc('month', {local})"

    def day_sql(self, column: str, since: datetime, until: datetime) -> str:
        """The local day of a stored time in [since, until); `_label` makes it YYYY-MM-DD."""
        local = self.local_sql(column, since, until)
        if _dialect() == "sqlite":
            return f"substr({local}, 1, 10)"
        return f"date_trunc('day', {local})"


async def _calendar(program: Program | None = None) -> Calendar:
    program = program or await get_program()
    name = program.timezone or "UTC"
    if not _ZONE_NAME.match(name):
        raise RuntimeError(f"the program's time zone {name!r} is not an IANA name")
    return Calendar(name, ZoneInfo(name))


def _label(value: Any, length: int) -> str:
    """YYYY-MM (length 7) or YYYY-MM-DD (10) from what `Calendar.month_sql` / `day_sql` return."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")[:length]
    return str(value)[:length]


def _cents_sql(column: str) -> str:
    # Exact on SQLite too, where decimals are text (see wallet.tiers.service._measure_sql).
    return f"CAST(ROUND({column} * 100) AS BIGINT)"


def _money(cents: Any) -> Decimal:
    return (Decimal(int(cents or 0)) / 100).quantize(_CENT)


def _int(value: Any) -> int:
    return int(value or 0)


def ratio(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """part ÷ whole rounded half up to 4 decimals; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(_RATE, rounding=ROUND_HALF_UP)


def _window(since: datetime, until: datetime) -> tuple[datetime, datetime]:
    since = validation.aware(since, "from").astimezone(UTC)
    until = validation.aware(until, "to").astimezone(UTC)
    if since >= until:
        raise InvalidInput("from must be before to.", field="from")
    return since, until


def _uuid(raw: str | None, field: str) -> uuid.UUID | None:
    if raw is None:
        return None
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise InvalidInput(f"Not a {field} id.", field=field) from exc


async def _one(sql: str, *params: Any) -> dict[str, Any]:
    rows = await db.fetch_rows(sql, *params)
    return rows[0] if rows else {}


# --- programStats ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberCounts:
    total: int
    new: int
    active: int


@dataclass(frozen=True)
class Sales:
    member_purchases: int
    member_revenue: Decimal
    member_refunds: Decimal
    member_net_revenue: Decimal
    member_average_ticket: Decimal | None
    non_member_purchases: int
    non_member_revenue: Decimal
    non_member_average_ticket: Decimal | None
    member_revenue_share: Decimal | None
    buying_members: int
    repeat_buyers: int
    repeat_purchase_rate: Decimal | None


@dataclass(frozen=True)
class PointsFlow:
    issued: int
    redeemed: int
    expired: int
    refunded: int
    adjusted_down: int
    redemption_rate: Decimal | None


@dataclass(frozen=True)
class TierCount:
    tier_id: str | None
    name: str | None
    rank: int | None
    members: int


@dataclass(frozen=True)
class TierMove:
    from_tier_id: str | None
    from_name: str | None
    to_tier_id: str | None
    to_name: str | None
    members: int
    upward: bool


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class MembershipFigures:
    at_start: int
    signups: int
    churned: int
    churn_rate: Decimal | None
    live_at_end: int
    payments: int
    revenue: Decimal  # in the program's currency
    revenue_currency: str
    other_revenue: list[Money]  # plans priced in other currencies, if any


@dataclass(frozen=True)
class RewardFigure:
    reward_id: str
    name: str
    kind: str
    redemptions: int
    quantity: int
    points: int


@dataclass(frozen=True)
class ProgramStats:
    since: datetime
    until: datetime
    timezone: str
    store_id: str | None
    members: MemberCounts
    sales: Sales
    points: PointsFlow
    tier_distribution: list[TierCount]
    tier_moves: list[TierMove]
    memberships: MembershipFigures
    top_rewards: list[RewardFigure]


async def program_stats(
    since: datetime, until: datetime, store_id: str | None = None, top_rewards: int = 5
) -> ProgramStats:
    """The program's figures over [since, until); `store_id` narrows the sales figures."""
    since, until = _window(since, until)
    store = _uuid(store_id, "storeId")
    if not 0 <= top_rewards <= MAX_TOP_REWARDS:
        raise InvalidInput(f"topRewards must be 0 to {MAX_TOP_REWARDS}.", field="topRewards")
    program = await get_program()
    return ProgramStats(
        since=since,
        until=until,
        timezone=program.timezone,
        store_id=str(store) if store else None,
        members=await member_counts(since, until),
        sales=await sales(since, until, store),
        points=await points_flow(since, until),
        tier_distribution=await tier_distribution(),
        tier_moves=await tier_moves(since, until),
        memberships=await membership_figures(since, until, program.currency),
        top_rewards=await top_rewards_in(since, until, top_rewards),
    )


async def member_counts(since: datetime, until: datetime) -> MemberCounts:
    # Active members by EXISTS per member (index probes on purchase(member_id, created_at)),
    # not by a UNION of every purchase's member: that sorted a million rows.
    row = await _one(
        """
        SELECT
          (SELECT COUNT(*) FROM member WHERE created_at < $2) AS total,
          (SELECT COUNT(*) FROM member WHERE created_at >= $1 AND created_at < $2) AS new,
          (SELECT COUNT(*) FROM member m WHERE
              EXISTS (SELECT 1 FROM purchase p
                      WHERE p.member_id = m.id AND p.created_at >= $1 AND p.created_at < $2)
              OR EXISTS (SELECT 1 FROM points_account a JOIN ledger_entry e ON e.account_id = a.id
                         WHERE a.member_id = m.id AND e.kind IN ('redeem', 'donate')
                           AND e.created_at >= $1 AND e.created_at < $2)) AS active
        """,
        since,
        until,
    )
    return MemberCounts(_int(row.get("total")), _int(row.get("new")), _int(row.get("active")))


async def sales(since: datetime, until: datetime, store: uuid.UUID | None) -> Sales:
    params: list[Any] = [since, until]
    purchase_store = refund_store = ""
    if store is not None:
        params.append(store)
        purchase_store, refund_store = "AND store_id = $3", "AND r.store_id = $3"
    # One pass over the window's purchases, grouped by member; and the non-members' sales.
    row = await _one(
        f"""
        SELECT COUNT(*) AS buyers, SUM(purchases) AS purchases, SUM(cents) AS revenue_cents,
               SUM(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeat_buyers,
               (SELECT SUM({_cents_sql("r.amount")}) FROM refund r
                  WHERE r.created_at >= $1 AND r.created_at < $2 {refund_store}) AS refund_cents,
               (SELECT COUNT(*) FROM non_member_sale
                  WHERE created_at >= $1 AND created_at < $2 {purchase_store}) AS non_member_sales,
               (SELECT SUM({_cents_sql("amount")}) FROM non_member_sale
                  WHERE created_at >= $1 AND created_at < $2 {purchase_store}) AS non_member_cents
        FROM (
            SELECT member_id, COUNT(*) AS purchases, SUM({_cents_sql("amount")}) AS cents
            FROM purchase WHERE created_at >= $1 AND created_at < $2 {purchase_store}
            GROUP BY member_id
        ) bought
        """,
        *params,
    )
    purchases = _int(row.get("purchases"))
    revenue_cents = _int(row.get("revenue_cents"))
    refund_cents = _int(row.get("refund_cents"))
    other_sales, other_cents = _int(row.get("non_member_sales")), _int(row.get("non_member_cents"))
    buyers, repeat = _int(row.get("buyers")), _int(row.get("repeat_buyers"))
    return Sales(
        member_purchases=purchases,
        member_revenue=_money(revenue_cents),
        member_refunds=_money(refund_cents),
        member_net_revenue=_money(revenue_cents - refund_cents),
        member_average_ticket=_average(revenue_cents, purchases),
        non_member_purchases=other_sales,
        non_member_revenue=_money(other_cents),
        non_member_average_ticket=_average(other_cents, other_sales),
        member_revenue_share=ratio(revenue_cents, revenue_cents + other_cents),
        buying_members=buyers,
        repeat_buyers=repeat,
        repeat_purchase_rate=ratio(repeat, buyers),
    )


def _average(cents: int, count: int) -> Decimal | None:
    """cents ÷ count in money, rounded half up to the cent; None for no count."""
    if not count:
        return None
    return (Decimal(cents) / count / 100).quantize(_CENT, rounding=ROUND_HALF_UP)


# The ledger's kinds, sorted into what the reports count (see the module's docstring).
_ISSUED_SQL = (
    "CASE WHEN kind IN ('earn', 'bonus') THEN amount"
    " WHEN kind = 'adjust' AND amount > 0 THEN amount ELSE 0 END"
)
_EXPIRED_SQL = "CASE WHEN kind = 'expire' THEN -amount ELSE 0 END"
_REDEEMED_SQL = "CASE WHEN kind IN ('redeem', 'donate', 'reverse') THEN -amount ELSE 0 END"


async def points_flow(since: datetime, until: datetime) -> PointsFlow:
    row = await _one(
        f"""
        SELECT
          SUM({_ISSUED_SQL}) AS issued,
          SUM({_REDEEMED_SQL}) AS redeemed,
          SUM({_EXPIRED_SQL}) AS expired,
          SUM(CASE WHEN kind = 'refund' AND bucket = 'owed' THEN amount
                   WHEN kind = 'refund' THEN -amount ELSE 0 END) AS refunded,
          SUM(CASE WHEN kind = 'adjust' AND amount < 0 THEN -amount ELSE 0 END) AS adjusted_down
        FROM ledger_entry WHERE created_at >= $1 AND created_at < $2
        """,
        since,
        until,
    )
    issued, redeemed = _int(row.get("issued")), _int(row.get("redeemed"))
    return PointsFlow(
        issued=issued,
        redeemed=redeemed,
        expired=_int(row.get("expired")),
        refunded=_int(row.get("refunded")),
        adjusted_down=_int(row.get("adjusted_down")),
        redemption_rate=ratio(redeemed, issued),
    )


async def tier_distribution() -> list[TierCount]:
    """Members by the tier they hold now (as stored; without one, the entry tier)."""
    rows = await db.fetch_rows(
        """
        SELECT held.tier_id AS tier_id, COUNT(*) AS members FROM (
            SELECT COALESCE(mt.tier_id, (SELECT id FROM tier WHERE rank = 0)) AS tier_id
            FROM member m LEFT JOIN member_tier mt ON mt.member_id = m.id
        ) held
        GROUP BY held.tier_id
        """
    )
    tiers = await _tiers()
    counts = [
        TierCount(
            str(row["tier_id"]) if row["tier_id"] else None,
            tiers.get(str(row["tier_id"]), (None, None))[0],
            tiers.get(str(row["tier_id"]), (None, None))[1],
            _int(row["members"]),
        )
        for row in rows
    ]
    return sorted(counts, key=lambda c: -1 if c.rank is None else c.rank)


async def _tiers() -> dict[str, tuple[str, int]]:
    rows = await db.fetch_rows("SELECT id, name, rank FROM tier")
    return {str(row["id"]): (row["name"], int(row["rank"])) for row in rows}


async def tier_moves(since: datetime, until: datetime) -> list[TierMove]:
    """Recorded tier changes in the window between two different tiers, by (from, to)."""
    rows = await db.fetch_rows(
        """
        SELECT from_tier_id, to_tier_id, COUNT(*) AS members FROM tier_change
        WHERE created_at >= $1 AND created_at < $2
          AND (from_tier_id IS NULL OR to_tier_id IS NULL OR from_tier_id <> to_tier_id)
        GROUP BY from_tier_id, to_tier_id
        """,
        since,
        until,
    )
    tiers = await _tiers()

    def named(tier_id: Any) -> tuple[str | None, str | None, int]:
        if tier_id is None:
            return None, None, -1
        name, rank = tiers.get(str(tier_id), (None, -1))
        return str(tier_id), name, rank

    moves = []
    for row in rows:
        from_id, from_name, from_rank = named(row["from_tier_id"])
        to_id, to_name, to_rank = named(row["to_tier_id"])
        moves.append(TierMove(from_id, from_name, to_id, to_name, _int(row["members"]), to_rank > from_rank))
    return sorted(moves, key=lambda m: (not m.upward, m.from_name or "", m.to_name or ""))


async def membership_figures(since: datetime, until: datetime, currency: str) -> MembershipFigures:
    benefit = ", ".join(f"'{s}'" for s in BENEFIT_STATUSES)
    ended = ", ".join(f"'{s}'" for s in ENDED_STATUSES)
    # A membership's status at a moment is the `to_status` of its last event before it.
    row = await _one(
        f"""
        SELECT
          (SELECT COUNT(*) FROM membership_event ev WHERE ev.to_status IN ({benefit})
             AND ev.id IN (SELECT MAX(id) FROM membership_event WHERE created_at < $1
                           GROUP BY membership_id)) AS at_start,
          (SELECT COUNT(*) FROM membership_event ev WHERE ev.to_status IN ({benefit})
             AND ev.id IN (SELECT MAX(id) FROM membership_event WHERE created_at < $2
                           GROUP BY membership_id)) AS live_at_end,
          (SELECT COUNT(DISTINCT membership_id) FROM membership_event
             WHERE from_status = 'pending' AND to_status IN ('trialing', 'active')
               AND created_at >= $1 AND created_at < $2) AS signups,
          (SELECT COUNT(DISTINCT membership_id) FROM membership_event
             WHERE from_status IN ({benefit}) AND to_status IN ({ended})
               AND created_at >= $1 AND created_at < $2) AS churned
        """,
        since,
        until,
    )
    at_start, signups, churned = _int(row.get("at_start")), _int(row.get("signups")), _int(row.get("churned"))
    # Only the events of charges that went through carry an amount (see the docstring).
    paid = await db.fetch_rows(
        f"""SELECT currency, COUNT(*) AS payments, SUM({_cents_sql("amount")}) AS cents
            FROM membership_event
            WHERE amount IS NOT NULL AND created_at >= $1 AND created_at < $2
            GROUP BY currency ORDER BY currency""",
        since,
        until,
    )
    revenue = next((_money(r["cents"]) for r in paid if r["currency"] == currency), _money(0))
    return MembershipFigures(
        at_start=at_start,
        signups=signups,
        churned=churned,
        churn_rate=ratio(churned, at_start + signups),
        live_at_end=_int(row.get("live_at_end")),
        payments=sum(_int(r["payments"]) for r in paid),
        revenue=revenue,
        revenue_currency=currency,
        other_revenue=[Money(_money(r["cents"]), r["currency"]) for r in paid if r["currency"] != currency],
    )


async def top_rewards_in(since: datetime, until: datetime, limit: int) -> list[RewardFigure]:
    """Rewards by units redeemed in the window (cancelled redemptions left out)."""
    if limit == 0:
        return []
    rows = await db.fetch_rows(
        """
        SELECT v.reward_id AS reward_id, r.name AS name, r.kind AS kind, COUNT(*) AS redemptions,
               SUM(v.quantity) AS quantity, SUM(v.points_spent) AS points
        FROM voucher v JOIN reward r ON r.id = v.reward_id
        WHERE v.created_at >= $1 AND v.created_at < $2 AND v.status <> 'cancelled'
        GROUP BY v.reward_id, r.name, r.kind
        ORDER BY SUM(v.quantity) DESC, SUM(v.points_spent) DESC, r.name
        LIMIT $3
        """,
        since,
        until,
        limit,
    )
    return [
        RewardFigure(str(row["reward_id"]), row["name"], row["kind"], _int(row["redemptions"]),
                     _int(row["quantity"]), _int(row["points"]))
        for row in rows
    ]


# --- cohorts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortMonth:
    month: str  # YYYY-MM
    active: int
    share: Decimal | None


@dataclass(frozen=True)
class Cohort:
    month: str
    members: int
    months: list[CohortMonth]


def _months(since: datetime, until: datetime, calendar: Calendar) -> list[str]:
    """The program's calendar months that overlap [since, until), as YYYY-MM."""
    first = calendar.date_of(since).replace(day=1)
    months = []
    day = first
    while calendar.midnight(day) < until:
        months.append(f"{day.year:04d}-{day.month:02d}")
        day = add_months(day, 1)
        if len(months) > MAX_COHORT_MONTHS:
            raise InvalidInput(f"The window spans more than {MAX_COHORT_MONTHS} months.", field="to")
    return months


async def cohort_retention(since: datetime, until: datetime) -> list[Cohort]:
    """For members who joined in each month of [since, until) (the program's time zone): how
    many of them were active (a purchase or a redemption) in their joining month and in each
    later month up to the window's end, counting activity before `until` only."""
    since, until = _window(since, until)
    calendar = await _calendar()
    months = _months(since, until, calendar)
    joined = calendar.month_sql("m.created_at", since, until)
    active_in = calendar.month_sql("act.created_at", since, until)
    sizes = await db.fetch_rows(
        f"""SELECT {joined} AS cohort, COUNT(*) AS members FROM member m
            WHERE m.created_at >= $1 AND m.created_at < $2 GROUP BY {joined}""",
        since,
        until,
    )
    rows = await db.fetch_rows(
        f"""
        SELECT {joined} AS cohort, {active_in} AS month, COUNT(DISTINCT act.member_id) AS active
        FROM (
            SELECT member_id, created_at FROM purchase WHERE created_at < $2
            UNION ALL
            SELECT a.member_id, e.created_at FROM ledger_entry e
            JOIN points_account a ON a.id = e.account_id
            WHERE e.kind IN ('redeem', 'donate') AND e.created_at < $2
        ) act
        JOIN member m ON m.id = act.member_id
        WHERE m.created_at >= $1 AND m.created_at < $2 AND act.created_at >= m.created_at
        GROUP BY {joined}, {active_in}
        """,
        since,
        until,
    )
    active = {(_label(row["cohort"], 7), _label(row["month"], 7)): _int(row["active"]) for row in rows}
    size = {_label(row["cohort"], 7): _int(row["members"]) for row in sizes}
    cohorts = []
    for index, month in enumerate(months):
        members = size.get(month, 0)
        cohorts.append(
            Cohort(
                month,
                members,
                [
                    CohortMonth(later, active.get((month, later), 0), ratio(active.get((month, later), 0), members))
                    for later in months[index:]
                ],
            )
        )
    return cohorts


# --- points accounting -----------------------------------------------------------------------


class Interval(StrEnum):
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class LiabilityPeriod:
    label: str  # YYYY-MM-DD or YYYY-MM (the program's time zone)
    start: datetime
    end: datetime
    available: int
    pending: int
    outstanding: int
    gross_value: Decimal
    breakage_value: Decimal
    liability: Decimal


@dataclass(frozen=True)
class LiabilityReport:
    point_value: Decimal
    currency: str
    breakage_rate: Decimal
    breakage_configured: bool
    breakage_months: int | None
    history_issued: int | None
    history_expired: int | None
    periods: list[LiabilityPeriod]


def _periods(
    since: datetime, until: datetime, interval: Interval, calendar: Calendar
) -> list[tuple[str, datetime, datetime]]:
    """The days or months of [since, until) in the program's time zone, each clipped to the window."""
    periods: list[tuple[str, datetime, datetime]] = []
    limit = MAX_LIABILITY_DAYS if interval is Interval.DAY else MAX_LIABILITY_MONTHS
    day = calendar.date_of(since)
    if interval is Interval.MONTH:
        day = day.replace(day=1)
    start = since
    while start < until:
        if len(periods) == limit:
            raise InvalidInput(f"The window spans more than {limit} {interval.value}s.", field="to")
        following = day + timedelta(days=1) if interval is Interval.DAY else add_months(day, 1)
        end = min(calendar.midnight(following), until)
        label = day.isoformat() if interval is Interval.DAY else day.isoformat()[:7]
        periods.append((label, start, end))
        day, start = following, end
    return periods


async def liability_report(
    since: datetime,
    until: datetime,
    interval: Interval = Interval.MONTH,
    breakage_rate: Decimal | None = None,
    breakage_months: int = 12,
) -> LiabilityReport:
    """What the points owed to members are worth at the end of each day or month of the window.

    outstanding = available + pending points (all members) at the period's end;
    gross value = outstanding × the program's point value (today's);
    liability = gross value × (1 − breakage rate), rounded half up to the cent.
    The breakage rate is the one given, or expired ÷ issued over the `breakage_months`
    months before `until` (four decimals), 0 when nothing was issued then. That history
    starts at the same UTC date and time `breakage_months` months before `until` (the day
    clamped to the month's end), not at a local month boundary.
    """
    since, until = _window(since, until)
    program = await get_program()
    calendar = await _calendar(program)
    periods = _periods(since, until, interval, calendar)
    history_issued = history_expired = None
    if breakage_rate is not None:
        rate = breakage_rate
        if not rate.is_finite() or not 0 <= rate <= 1:
            raise InvalidInput("breakageRate must be from 0 to 1.", field="breakageRate")
        rate = rate.quantize(_RATE, rounding=ROUND_HALF_UP)
    else:
        if not 1 <= breakage_months <= 120:
            raise InvalidInput("breakageMonths must be 1 to 120.", field="breakageMonths")
        history_since = datetime.combine(
            add_months(until.date(), -breakage_months), until.timetz()
        )
        row = await _one(
            f"""SELECT SUM({_ISSUED_SQL}) AS issued, SUM({_EXPIRED_SQL}) AS expired FROM ledger_entry
                WHERE created_at >= $1 AND created_at < $2""",
            history_since,
            until,
        )
        history_issued, history_expired = _int(row.get("issued")), _int(row.get("expired"))
        rate = ratio(history_expired, history_issued) or Decimal("0.0000")
    key = _period_sql(calendar, interval, "created_at", since, until)
    balances = """SUM(CASE WHEN bucket = 'available' THEN amount ELSE 0 END) AS available,
                  SUM(CASE WHEN bucket = 'pending' THEN amount ELSE 0 END) AS pending"""
    opening = await _one(f"SELECT {balances} FROM ledger_entry WHERE created_at < $1", since)
    rows = await db.fetch_rows(
        f"""SELECT {key} AS label, {balances} FROM ledger_entry
            WHERE created_at >= $1 AND created_at < $2 GROUP BY {key}""",
        since,
        until,
    )
    length = 10 if interval is Interval.DAY else 7
    changes = {_label(row["label"], length): (_int(row["available"]), _int(row["pending"])) for row in rows}
    available, pending = _int(opening.get("available")), _int(opening.get("pending"))
    point_value = Decimal(program.point_value)
    report = []
    for label, start, end in periods:
        change = changes.get(label, (0, 0))
        available, pending = available + change[0], pending + change[1]
        outstanding = available + pending
        gross = (outstanding * point_value).quantize(_CENT, rounding=ROUND_HALF_UP)
        liability = (outstanding * point_value * (1 - rate)).quantize(_CENT, rounding=ROUND_HALF_UP)
        report.append(
            LiabilityPeriod(label, start, end, available, pending, outstanding, gross, gross - liability, liability)
        )
    return LiabilityReport(
        point_value=point_value,
        currency=program.currency,
        breakage_rate=rate,
        breakage_configured=breakage_rate is not None,
        breakage_months=None if breakage_rate is not None else breakage_months,
        history_issued=history_issued,
        history_expired=history_expired,
        periods=report,
    )


def _period_sql(calendar: Calendar, interval: Interval, column: str, since: datetime, until: datetime) -> str:
    if interval is Interval.DAY:
        return calendar.day_sql(column, since, until)
    return calendar.month_sql(column, since, until)


@dataclass(frozen=True)
class PointsPeriod:
    label: str  # YYYY-MM-DD or YYYY-MM (the program's time zone)
    start: datetime
    end: datetime
    issued: int
    redeemed: int
    expired: int


@dataclass(frozen=True)
class PointsTimeline:
    timezone: str
    interval: Interval
    periods: list[PointsPeriod]


async def points_timeline(since: datetime, until: datetime, interval: Interval = Interval.MONTH) -> PointsTimeline:
    """Points issued, redeemed and expired in each day or month of [since, until) (the
    program's time zone; the first and last periods clipped to the window), counted as
    programStats counts them; one grouped aggregate."""
    since, until = _window(since, until)
    calendar = await _calendar()
    periods = _periods(since, until, interval, calendar)
    key = _period_sql(calendar, interval, "created_at", since, until)
    rows = await db.fetch_rows(
        f"""SELECT {key} AS label, SUM({_ISSUED_SQL}) AS issued, SUM({_REDEEMED_SQL}) AS redeemed,
                   SUM({_EXPIRED_SQL}) AS expired
            FROM ledger_entry WHERE created_at >= $1 AND created_at < $2 GROUP BY {key}""",
        since,
        until,
    )
    length = 10 if interval is Interval.DAY else 7
    found = {_label(row["label"], length): row for row in rows}
    return PointsTimeline(
        timezone=calendar.name,
        interval=interval,
        periods=[
            PointsPeriod(
                label, start, end,
                _int(found.get(label, {}).get("issued")),
                _int(found.get(label, {}).get("redeemed")),
                _int(found.get(label, {}).get("expired")),
            )
            for label, start, end in periods
        ],
    )


@dataclass(frozen=True)
class CharityDonations:
    charity_name: str
    donations: int
    points: int
    amount: Decimal
    currency: str


async def donations_report(since: datetime, until: datetime) -> list[CharityDonations]:
    """Donations made in [since, until), by charity (most given first)."""
    since, until = _window(since, until)
    rows = await db.fetch_rows(
        f"""SELECT charity_name, currency, COUNT(*) AS donations, SUM(points) AS points,
                   SUM({_cents_sql("amount")}) AS cents
            FROM donation WHERE created_at >= $1 AND created_at < $2
            GROUP BY charity_name, currency
            ORDER BY SUM({_cents_sql("amount")}) DESC, charity_name""",
        since,
        until,
    )
    return [
        CharityDonations(row["charity_name"], _int(row["donations"]), _int(row["points"]),
                         _money(row["cents"]), row["currency"])
        for row in rows
    ]


@dataclass(frozen=True)
class PartnerSettlement:
    partner_id: str
    partner_name: str
    points_issued: int
    issued_value: Decimal
    points_redeemed: int
    redeemed_value: Decimal

    @property
    def net(self) -> Decimal:
        """Positive: the partner owes the program; negative: the program owes the partner."""
        return self.issued_value - self.redeemed_value


async def partner_settlements(since: datetime, until: datetime) -> list[PartnerSettlement]:
    """Each partner's settlement over [since, until), as its statement totals it
    (`wallet.partners.service`), in one aggregate; partners without movements are left out."""
    from wallet.partners.service import SIGNED_SQL

    since, until = _window(since, until)
    rows = await db.fetch_rows(
        f"""SELECT p.id AS partner_id, p.name AS partner_name, {SIGNED_SQL}
            FROM partner_settlement s JOIN partner p ON p.id = s.partner_id
            WHERE s.created_at >= $1 AND s.created_at < $2
            GROUP BY p.id, p.name ORDER BY p.name""",
        since,
        until,
    )
    return [
        PartnerSettlement(str(row["partner_id"]), row["partner_name"], _int(row["points_issued"]),
                          _money(row["issued_cents"]), _int(row["points_redeemed"]), _money(row["redeemed_cents"]))
        for row in rows
    ]


# --- exports -----------------------------------------------------------------------------------

LEDGER_COLUMNS = (
    "id", "created_at", "member_id", "kind", "bucket", "amount", "balance_after", "reason",
    "reference", "store_id", "purchase_id", "corrects_id", "actor_kind", "actor_id",
)
AUDIT_COLUMNS = (
    "id", "created_at", "actor_kind", "actor_id", "role", "store_id", "action", "target_type",
    "target_id", "member_id", "before", "after", "request_id",
)
_EXPORT_SQL = {
    "ledger": """
        SELECT e.id AS id, e.created_at AS created_at, a.member_id AS member_id, e.kind AS kind,
               e.bucket AS bucket, e.amount AS amount, e.balance_after AS balance_after,
               e.reason AS reason, e.reference AS reference, e.store_id AS store_id,
               e.purchase_id AS purchase_id, e.corrects_id AS corrects_id,
               e.actor_kind AS actor_kind, e.actor_id AS actor_id
        FROM ledger_entry e JOIN points_account a ON a.id = e.account_id
        WHERE e.id > $1 AND e.created_at >= $2 AND e.created_at < $3
        ORDER BY e.id LIMIT $4""",
    "audit": """
        SELECT id, created_at, actor_kind, actor_id, role, store_id, action, target_type,
               target_id, member_id, before, after, request_id
        FROM audit_record
        WHERE id > $1 AND created_at >= $2 AND created_at < $3
        ORDER BY id LIMIT $4""",
}


async def export_batches(
    table: str, since: datetime, until: datetime, batch_size: int | None = None
) -> AsyncIterator[list[dict[str, Any]]]:
    """The ledger's entries or the audit records created in [since, until), oldest id first,
    in batches of at most `batch_size` rows: keyset pagination on the id, so however many
    rows match, at most one batch is held in memory, on either database."""
    since, until = _window(since, until)
    size = batch_size or EXPORT_BATCH_SIZE
    after_id = 0
    while True:
        rows = await db.fetch_rows(_EXPORT_SQL[table], after_id, since, until, size)
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        after_id = int(rows[-1]["id"])


def parse_moment(raw: str | None, field: str) -> datetime:
    """An ISO 8601 time with its offset from a query string ("Z" or "+00:00")."""
    if not raw:
        raise InvalidInput(f"{field} is required.", field=field)
    # A "+" left unencoded in a query string arrives as a space.
    text = raw.strip().replace(" ", "+") if "T" in raw else raw.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(f"{field} must be an ISO 8601 time, e.g. 2026-03-01T00:00:00Z.", field=field) from exc
    return validation.aware(moment, field)
