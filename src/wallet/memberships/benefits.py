"""What a member's membership gives them now: read by the earning path (no service imports,
so the ledger can use it without an import cycle)."""
from __future__ import annotations

import uuid

from wallet.memberships.models import BENEFIT_STATUSES, Membership, MembershipPlan


async def plan_with_benefits(member_id: uuid.UUID | str) -> MembershipPlan | None:
    """The plan of the member's live membership when its benefits apply (trialing, active,
    or past due within the grace period), else None: pending, lapsed, cancelled and failed
    memberships give nothing."""
    membership = (
        await Membership.filter(live_member_id=str(member_id), status__in=list(BENEFIT_STATUSES))
        .select_related("plan")
        .first()
    )
    return membership.plan if membership is not None else None
