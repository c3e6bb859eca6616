"""What a member's membership gives them now: read by the earning path and the rewards
catalogue (no service imports, so the ledger and rewards can use it without an import cycle)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from wallet.memberships.models import BENEFIT_STATUSES, Membership, MembershipPlan


async def plans_with_benefits(member_ids: Iterable[uuid.UUID | str]) -> dict[str, MembershipPlan | None]:
    """Each member's plan when their live membership's benefits apply (trialing, active, or
    past due within the grace period), else None: pending, lapsed, cancelled and failed
    memberships give nothing. One query, whatever the number of members."""
    ids = [str(i) for i in member_ids]
    memberships = await Membership.filter(
        live_member_id__in=ids, status__in=list(BENEFIT_STATUSES)
    ).select_related("plan")
    found = {m.live_member_id: m.plan for m in memberships}
    return {i: found.get(i) for i in ids}


async def plan_with_benefits(member_id: uuid.UUID | str) -> MembershipPlan | None:
    """The plan of the member's membership when its benefits apply, else None."""
    return (await plans_with_benefits([member_id]))[str(member_id)]


async def has_exclusive_rewards(member_id: uuid.UUID | str) -> bool:
    """Whether the member may redeem members-only rewards now."""
    plan = await plan_with_benefits(member_id)
    return plan is not None and plan.exclusive_rewards
