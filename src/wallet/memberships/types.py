"""The GraphQL face of plans and memberships."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry

from wallet.graphql.types import Info
from wallet.memberships import models, service


@strawberry.enum(description="How often a plan is charged.")
class PlanInterval(Enum):
    MONTH = "month"
    YEAR = "year"


@strawberry.enum(description="Where a membership stands.")
class MembershipStatus(Enum):
    PENDING = "pending"
    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    LAPSED = "lapsed"
    CANCELLED = "cancelled"
    FAILED = "failed"


def _decimal(value: Decimal) -> Decimal:
    """1.250 shows as 1.25, 1.000 as 1.0."""
    text = format(Decimal(value), "f").rstrip("0")
    return Decimal(text + "0" if text.endswith(".") else text)


@strawberry.type(description="What a plan gives its members while their membership is trialing, active or past due.")
class PlanBenefits:
    earn_multiplier: Decimal = strawberry.field(
        description="Purchases earn base points × tier multiplier × this; the extra is a bonus entry."
    )
    bonus_points: int = strawberry.field(description="Points granted once for each paid period.")
    free_shipping: bool = strawberry.field(description="Whether orders ship free.")
    cashback_percent: Decimal = strawberry.field(description="Percent of purchases credited as wallet credit.")
    exclusive_rewards: bool = strawberry.field(description="Whether members reach rewards kept for the plan.")


@strawberry.type(name="MembershipPlan", description="A paid membership offer.")
class MembershipPlan:
    id: strawberry.ID = strawberry.field(description="The plan's id.")
    name: str = strawberry.field(description="The plan's name.")
    price: Decimal = strawberry.field(description="What each period costs.")
    currency: str = strawberry.field(description="The price's currency (ISO 4217).")
    interval: PlanInterval = strawberry.field(description="How long a period lasts.")
    trial_days: int = strawberry.field(description="Days of free trial before the first charge; 0 for none.")
    benefits: PlanBenefits = strawberry.field(description="What members of the plan get.")
    is_active: bool = strawberry.field(description="Whether members can start it.")

    @classmethod
    def from_model(cls, plan: models.MembershipPlan) -> "MembershipPlan":
        return cls(
            id=strawberry.ID(str(plan.id)),
            name=plan.name,
            price=Decimal(plan.price).quantize(Decimal("0.01")),
            currency=plan.currency,
            interval=PlanInterval(plan.interval.value),
            trial_days=plan.trial_days,
            benefits=PlanBenefits(
                earn_multiplier=_decimal(plan.earn_multiplier),
                bonus_points=int(plan.bonus_points),
                free_shipping=plan.free_shipping,
                cashback_percent=_decimal(plan.cashback_percent),
                exclusive_rewards=plan.exclusive_rewards,
            ),
            is_active=plan.is_active,
        )


@strawberry.type(description="One state change of a membership, and why.")
class MembershipEvent:
    from_status: MembershipStatus | None = strawberry.field(description="The status before; null when created.")
    to_status: MembershipStatus = strawberry.field(description="The status after (the same when only a flag changed).")
    reason: str = strawberry.field(description="Why, for people.")
    created_at: datetime = strawberry.field(description="When (UTC).")


@strawberry.type(name="Membership", description="A member's subscription to a plan.")
class Membership:
    id: strawberry.ID = strawberry.field(description="The membership's id.")
    status: MembershipStatus = strawberry.field(description="Where it stands.")
    current_period_start: datetime | None = strawberry.field(description="Start of the current period (UTC); null until paid.")
    current_period_end: datetime | None = strawberry.field(description="End of the current period (UTC): the next renewal.")
    cancel_at_period_end: bool = strawberry.field(description="True when it ends at the period end instead of renewing.")
    failure_reason: str | None = strawberry.field(description="Why the last payment failed, if it did.")
    checkout_url: str | None = strawberry.field(description="Where to pay, for a pending membership of a hosted checkout.")
    plan_id: strawberry.Private[str]
    next_plan_id: strawberry.Private[str | None]

    @classmethod
    def from_model(cls, membership: models.Membership) -> "Membership":
        pending = membership.status is models.MembershipStatus.PENDING
        return cls(
            id=strawberry.ID(str(membership.id)),
            status=MembershipStatus(membership.status.value),
            current_period_start=membership.current_period_start,
            current_period_end=membership.current_period_end,
            cancel_at_period_end=membership.cancel_at_period_end,
            failure_reason=membership.failure_reason or None,
            checkout_url=membership.checkout_url if pending else None,
            plan_id=str(membership.plan_id),
            next_plan_id=str(membership.next_plan_id) if membership.next_plan_id else None,
        )

    @strawberry.field(
        description=(
            "Whether the plan's benefits apply now: true while trialing, active or past due "
            "(the grace period); what the till checks before giving free shipping."
        )
    )
    def benefits_apply(self) -> bool:
        return models.MembershipStatus(self.status.value) in models.BENEFIT_STATUSES

    @strawberry.field(description="The plan of the current period.")
    async def plan(self, info: Info) -> MembershipPlan:
        plan = await info.context.loaders.membership_plan_by_id.load(self.plan_id)
        assert plan is not None
        return MembershipPlan.from_model(plan)

    @strawberry.field(description="The plan the next renewal switches to (changePlan); null: the same plan.")
    async def next_plan(self, info: Info) -> MembershipPlan | None:
        if self.next_plan_id is None:
            return None
        plan = await info.context.loaders.membership_plan_by_id.load(self.next_plan_id)
        return MembershipPlan.from_model(plan) if plan is not None else None

    @strawberry.field(description="Every state change, oldest first.")
    async def events(self) -> list[MembershipEvent]:
        return [
            MembershipEvent(
                from_status=MembershipStatus(e.from_status) if e.from_status else None,
                to_status=MembershipStatus(e.to_status),
                reason=e.reason,
                created_at=e.created_at,
            )
            for e in await service.events_of(str(self.id))
        ]


async def member_membership(info: Info, member_id: str) -> Membership | None:
    """`Member.membership`: the live membership, else the latest one, else null (through
    the request's DataLoader)."""
    membership = await info.context.loaders.membership_by_member_id.load(member_id)
    return Membership.from_model(membership) if membership is not None else None
