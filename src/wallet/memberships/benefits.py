"""What a member's membership gives them now: read by the earning path and the rewards
catalogue (no service imports, so the ledger and rewards can use it without an import cycle)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from wallet import db
from wallet.memberships.models import BENEFIT_STATUSES, MembershipPlan


async def plans_with_benefits(member_ids: Iterable[uuid.UUID | str]) -> dict[str, MembershipPlan | None]:
    """Each member's plan when their live membership's benefits apply (trialing, active, or
    past due within the grace period), else None: pending, lapsed, cancelled and failed
    memberships give nothing. One query, whatever the number of members."""
    ids = [str(i) for i in member_ids]
    if not ids:
        return {}
    # Read on every purchase: written out rather than built by the ORM (see wallet.db).
    statuses = [status.value for status in BENEFIT_STATUSES]
    sql = f"""
        SELECT {db.columns(MembershipPlan, "p")}, m.live_member_id AS live_member
        FROM membership m JOIN membership_plan p ON p.id = m.plan_id
        WHERE m.status IN ({db.placeholders(len(statuses))})
            AND m.live_member_id IN ({db.placeholders(len(ids), start=len(statuses) + 1)})
    """
    found = {}
    for row in await db.fetch_rows(sql, *statuses, *ids):
        fields = dict(row)
        member_id = fields.pop("live_member")
        found[member_id] = db.from_row(MembershipPlan, fields)
    return {i: found.get(i) for i in ids}


async def plan_with_benefits(member_id: uuid.UUID | str) -> MembershipPlan | None:
    """The plan of the member's membership when its benefits apply, else None."""
    return (await plans_with_benefits([member_id]))[str(member_id)]


async def has_exclusive_rewards(member_id: uuid.UUID | str) -> bool:
    """Whether the member may redeem members-only rewards now."""
    plan = await plan_with_benefits(member_id)
    return plan is not None and plan.exclusive_rewards
