"""The ledger's timed rules, run by `wallet run-jobs`: pending points becoming available,
and points lapsing under the program's expiry policy. Each step is safe to run twice and
safe to run late: it acts only on what is due and not yet done."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from wallet import clock, db
from wallet.actors import Actor
from wallet.db import transaction
from wallet.ledger.models import Bucket, EntryKind, PendingCredit, PointsAccount, PointsLot
from wallet.ledger.service import Posting, recovery_postings, post
from wallet.program.models import ExpiryPolicy, Program
from wallet.program.service import add_months, end_of_local_day, inactivity_expires_at, local_date

BATCH = 500


async def release_pending(program: Program, now: datetime, actor: Actor) -> int:
    """Make due pending credits available; returns how many were released."""
    released = 0
    while True:
        due = await PendingCredit.filter(released_at=None, available_at__lte=now).order_by("id").limit(BATCH)
        if not due:
            return released
        for credit in due:
            async with transaction():
                account = await PointsAccount.select_for_update().get(id=credit.account_id)
                current = await PendingCredit.select_for_update().get(id=credit.id)
                if current.released_at is not None:
                    continue
                amount = current.remaining
                await PendingCredit.filter(id=current.id).update(remaining=0, released_at=now)
                if amount:
                    reason = "Return window ended"
                    postings = [
                        Posting(EntryKind.RELEASE, Bucket.PENDING, -amount, reason),
                        Posting(EntryKind.RELEASE, Bucket.AVAILABLE, amount, reason),
                        *recovery_postings(account, amount, ""),
                    ]
                    await post(account, postings, actor=actor, program=program)
            released += 1


async def expire_points(program: Program, now: datetime, actor: Actor) -> int:
    """Write `expire` entries for lapsed lots; returns how many points lapsed."""
    if program.expiry_policy == ExpiryPolicy.AFTER_EARNING:
        return await _expire_lots(program, actor, PointsLot.filter(expires_at__lte=now, remaining__gt=0))
    if program.expiry_policy == ExpiryPolicy.AFTER_INACTIVITY:
        # The latest last activity whose points have lapsed by now, as a bound for the query.
        cutoff_day = add_months(local_date(program, now), -program.expiry_months)
        cutoff = end_of_local_day(program, cutoff_day)
        accounts = PointsAccount.filter(available__gt=0, last_activity_at__lte=cutoff)
        ids = await accounts.values_list("id", flat=True)
        lapsed = 0
        for account_id in ids:
            account = await PointsAccount.get(id=account_id)
            expires_at = inactivity_expires_at(program, account.last_activity_at)
            if expires_at is not None and expires_at <= now:
                lapsed += await _expire_lots(
                    program, actor, PointsLot.filter(account_id=account_id, remaining__gt=0)
                )
        return lapsed
    return 0


async def _expire_lots(program: Program, actor: Actor, lots_query) -> int:  # type: ignore[no-untyped-def]
    lapsed = 0
    account_ids = sorted(set(await lots_query.values_list("account_id", flat=True)))
    for account_id in account_ids:
        async with transaction():
            account = await PointsAccount.select_for_update().get(id=account_id)
            lots = await lots_query.filter(account_id=account_id).order_by("id")
            postings = [
                Posting(EntryKind.EXPIRE, Bucket.AVAILABLE, -lot.remaining, "Points expired", lot_id=lot.id)
                for lot in lots
                if lot.remaining > 0
            ]
            if postings:
                await post(account, postings, actor=actor, program=program)
                lapsed -= sum(p.amount for p in postings)
    return lapsed


@dataclass(frozen=True)
class Expiring:
    amount: int
    on: datetime


async def expiring_soon(program: Program, account: PointsAccount, within_days: int = 90) -> list[Expiring]:
    """Points that will lapse within `within_days`, by expiry time (earliest first)."""
    horizon = clock.now() + timedelta(days=within_days)
    if program.expiry_policy == ExpiryPolicy.AFTER_EARNING:
        lots = await PointsLot.filter(
            account_id=account.id, remaining__gt=0, expires_at__lte=horizon
        ).order_by("expires_at")
        grouped: dict[datetime, int] = {}
        for lot in lots:
            grouped[lot.expires_at] = grouped.get(lot.expires_at, 0) + lot.remaining
        return [Expiring(amount, on) for on, amount in grouped.items()]
    if program.expiry_policy == ExpiryPolicy.AFTER_INACTIVITY and account.available > 0:
        expires_at = inactivity_expires_at(program, account.last_activity_at)
        if expires_at is not None and expires_at <= horizon:
            return [Expiring(account.available, expires_at)]
    return []



@dataclass(frozen=True)
class ExpiringBatch:
    """Points of one member that lapse at one time (one lot's day, or their inactivity date)."""

    member_id: str
    amount: int
    on: datetime


async def expiring_batches(program: Program, now: datetime, within_days: int) -> list[ExpiringBatch]:
    """Every member's points that lapse after `now` and within `within_days`, grouped by
    the time they lapse (for the expiring-points notice)."""
    horizon = now + timedelta(days=within_days)
    if program.expiry_policy == ExpiryPolicy.AFTER_EARNING:
        rows = await db.fetch_rows(
            """SELECT a.member_id AS member_id, l.expires_at AS expires_at, SUM(l.remaining) AS amount
               FROM points_lot l JOIN points_account a ON a.id = l.account_id
               WHERE l.remaining > 0 AND l.expires_at > $1 AND l.expires_at <= $2
               GROUP BY a.member_id, l.expires_at ORDER BY l.expires_at, a.member_id""",
            now, horizon,
        )
        return [ExpiringBatch(str(r["member_id"]), int(r["amount"]), _aware(r["expires_at"])) for r in rows]
    if program.expiry_policy == ExpiryPolicy.AFTER_INACTIVITY:
        cutoff = end_of_local_day(program, add_months(local_date(program, horizon), -program.expiry_months))
        accounts = await PointsAccount.filter(available__gt=0, last_activity_at__lte=cutoff).order_by("id")
        batches = []
        for account in accounts:
            expires_at = inactivity_expires_at(program, account.last_activity_at)
            if expires_at is not None and now < expires_at <= horizon:
                batches.append(ExpiringBatch(str(account.member_id), account.available, expires_at))
        return batches
    return []


def _aware(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
