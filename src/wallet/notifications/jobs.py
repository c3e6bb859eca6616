"""The notifications' timed steps, run by `wallet run-jobs`."""
from __future__ import annotations

from datetime import datetime, timedelta

from wallet import db
from wallet.ledger.expiry import expiring_batches
from wallet.notifications import service
from wallet.notifications.models import Notification, NotificationKind
from wallet.program.models import Program
from wallet.program.service import local_date


async def warn_expiring(program: Program, now: datetime, within_days: int) -> int:
    """Tell each member about points lapsing within `within_days`: once per batch (the
    points lapsing at one time), however often the job runs. Returns how many were sent."""
    batches = await expiring_batches(program, now, within_days)
    if not batches:
        return 0
    # Batches already warned about are skipped without an INSERT (their once_key is taken).
    warned = {
        (str(member_id), key)
        for member_id, key in await Notification.filter(
            kind=NotificationKind.POINTS_EXPIRING,
            member_id__in=sorted({b.member_id for b in batches}),
            once_key__isnull=False,
        ).values_list("member_id", "once_key")
    }
    sent = 0
    for batch in batches:
        if (batch.member_id, service.expiring_key(batch.on)) in warned:
            continue
        # Points lapse at midnight local time: the last day to use them is the day before.
        last_day = local_date(program, batch.on - timedelta(microseconds=1))
        async with db.transaction():
            if await service.points_expiring(batch.member_id, batch.amount, batch.on, f"{last_day:%d %B %Y}"):
                sent += 1
    return sent
