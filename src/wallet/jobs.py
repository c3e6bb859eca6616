"""`wallet run-jobs`: everything that happens because time passed.

Each step acts only on what is due and not yet done, so running the jobs twice changes
nothing the second time, and running them late catches up.
"""
from __future__ import annotations

from datetime import datetime

from wallet import clock
from wallet.actors import Actor
from wallet.attempts import service as attempts
from wallet.audit import service as audit
from wallet.ledger import expiry
from wallet.members import birthdays
from wallet.memberships import service as memberships
from wallet.notifications import jobs as notification_jobs
from wallet.notifications import service as notifications
from wallet.offers import service as offers
from wallet.payments.gateway import Gateways
from wallet.program.service import get_program
from wallet.rewards import service as rewards
from wallet.scan import service as scan
from wallet.tiers import service as tiers


async def run_jobs(
    now: datetime | None = None,
    *,
    gateways: Gateways | None = None,
    grace_days: int = 7,
    notification_retention_days: int = 90,
    points_expiring_notice_days: int = 30,
) -> dict[str, int]:
    """Run every timed step. Memberships are renewed, cancelled and lapsed only when the
    payment `gateways` are given (the `wallet run-jobs` command always gives them)."""
    moment = now or clock.now()
    program = await get_program()
    actor = Actor.system()
    results = {
        "pending_released": await expiry.release_pending(program, moment, actor),
        "points_expired": await expiry.expire_points(program, moment, actor),
        "expiring_points_notices": await notification_jobs.warn_expiring(
            program, moment, points_expiring_notice_days
        ),
        "tier_periods_ended": await tiers.apply_period_ends(moment),
        "vouchers_expired": await rewards.expire_vouchers(moment),
        "scan_records_purged": await scan.purge(moment),
        "auth_attempts_purged": await attempts.purge(moment),
        "notifications_purged": await notifications.purge_read(moment, notification_retention_days),
        "offers_announced": await offers.announce_offers(moment),
        "birthday_bonuses": await birthdays.grant_birthday_bonuses(moment),
    }
    if gateways is not None:
        results.update((await memberships.process_due(moment, gateways, grace_days)).as_dict())
    await audit.record(
        actor, "jobs.run", target_type="jobs", target_id=None, after={**results, "at": moment.isoformat()}
    )
    return results
