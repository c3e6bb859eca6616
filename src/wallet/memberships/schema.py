"""Plans and memberships: queries and mutations. Thin: the rules are in the service."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import ActorKind, Role
from wallet.errors import DomainError, Forbidden
from wallet.graphql.errors import (
    IdempotencyKeyReusedError,
    InvalidInputError,
    MembershipExistsError,
    MembershipStateError,
    NotFoundError,
    PaymentGatewayError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.memberships import service
from wallet.memberships.models import Membership as MembershipModel
from wallet.memberships.types import Membership, MembershipPlan, PlanInterval


@strawberry.input(description="A new plan.")
class CreateMembershipPlanInput:
    name: str = strawberry.field(description="Up to 100 characters.")
    price: Decimal = strawberry.field(description="What each period costs, two decimals at most.")
    currency: str = strawberry.field(description="ISO 4217, e.g. USD.")
    interval: PlanInterval = strawberry.field(description="MONTH or YEAR.")
    trial_days: int = strawberry.field(default=0, description="Free days before the first charge, 0 to 365.")
    earn_multiplier: Decimal = strawberry.field(default=Decimal(1), description="1 to 10; multiplies the tier's.")
    bonus_points: int = strawberry.field(default=0, description="Points granted once per paid period.")
    free_shipping: bool = strawberry.field(default=False, description="Orders ship free.")
    cashback_percent: Decimal = strawberry.field(default=Decimal(0), description="0 to 100.")
    exclusive_rewards: bool = strawberry.field(default=False, description="Rewards kept for the plan.")


@strawberry.input(description="Changes to a plan: only the fields given change.")
class UpdateMembershipPlanInput:
    id: strawberry.ID = strawberry.field(description="The plan.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    price: Decimal | None = strawberry.field(default=None, description="A new price, charged from each next renewal.")
    trial_days: int | None = strawberry.field(default=None, description="For new signups.")
    earn_multiplier: Decimal | None = strawberry.field(default=None, description="From the next purchase.")
    bonus_points: int | None = strawberry.field(default=None, description="From the next period.")
    free_shipping: bool | None = strawberry.field(default=None, description="Orders ship free.")
    cashback_percent: Decimal | None = strawberry.field(default=None, description="0 to 100.")
    exclusive_rewards: bool | None = strawberry.field(default=None, description="Rewards kept for the plan.")
    is_active: bool | None = strawberry.field(
        default=None, description="False closes the plan to new signups; members on it keep it."
    )


@strawberry.type(description="The plan was created or changed.")
class MembershipPlanSuccess:
    plan: MembershipPlan = strawberry.field(description="The plan as it is now.")


CreateMembershipPlanResult = Annotated[
    MembershipPlanSuccess | InvalidInputError,
    strawberry.union("CreateMembershipPlanResult", description="The result of `createMembershipPlan`."),
]
UpdateMembershipPlanResult = Annotated[
    MembershipPlanSuccess | InvalidInputError | NotFoundError,
    strawberry.union("UpdateMembershipPlanResult", description="The result of `updateMembershipPlan`."),
]


@strawberry.input(description="Join a plan.")
class StartMembershipInput:
    plan_id: strawberry.ID = strawberry.field(description="The plan.")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry replays the first answer.")


@strawberry.type(description="Where the member pays: the gateway's checkout.")
class Checkout:
    id: str = strawberry.field(description="The gateway's checkout id.")
    url: str | None = strawberry.field(description="The hosted checkout page to send the member to; null for the manual gateway.")


@strawberry.type(description="A pending membership and its checkout; payment activates it.")
class StartMembershipSuccess:
    membership: Membership = strawberry.field(description="The membership, pending until the gateway confirms payment.")
    checkout: Checkout = strawberry.field(description="Where to pay.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")


StartMembershipResult = Annotated[
    StartMembershipSuccess
    | InvalidInputError
    | NotFoundError
    | MembershipExistsError
    | PaymentGatewayError
    | IdempotencyKeyReusedError,
    strawberry.union("StartMembershipResult", description="The result of `startMembership`."),
]


@strawberry.input(description="End the membership.")
class CancelMembershipInput:
    at_period_end: bool = strawberry.field(
        default=True, description="True (default): at the end of the paid period. False: now. Never refunded."
    )


@strawberry.input(description="Another plan from the next renewal.")
class ChangePlanInput:
    plan_id: strawberry.ID = strawberry.field(description="The new plan; the current one withdraws a change.")


@strawberry.input(description="Play the payer of a manual-gateway checkout (not in production).")
class ConfirmManualCheckoutInput:
    checkout_id: str = strawberry.field(description="The checkout id from startMembership.")
    paid: bool = strawberry.field(description="True: paid (or trial set up). False: the payment failed.")
    reason: str | None = strawberry.field(default=None, description="Why it failed, when paid is false.")


@strawberry.type(description="The membership as it is now.")
class MembershipSuccess:
    membership: Membership = strawberry.field(description="The membership.")


MembershipResult = Annotated[
    MembershipSuccess | NotFoundError | MembershipStateError | PaymentGatewayError | InvalidInputError,
    strawberry.union("MembershipResult", description="The result of a change of the member's membership."),
]


@strawberry.type
class MembershipQueries:
    @strawberry.field(description="The plans members can start (public), cheapest first.")
    async def membership_plans(self, info: Info, include_inactive: bool = False) -> list[MembershipPlan]:
        if include_inactive:
            await info.context.staff(Role.ADMIN)
        return [MembershipPlan.from_model(p) for p in await service.plans(include_inactive=include_inactive)]


@strawberry.type
class MembershipMutations:
    @strawberry.mutation(description="Add a plan (admin only).")
    async def create_membership_plan(self, info: Info, input: CreateMembershipPlanInput) -> CreateMembershipPlanResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            plan = await service.create_plan(
                actor,
                name=input.name,
                price=input.price,
                currency=input.currency,
                interval=input.interval.value,
                trial_days=input.trial_days,
                earn_multiplier=input.earn_multiplier,
                bonus_points=input.bonus_points,
                free_shipping=input.free_shipping,
                cashback_percent=input.cashback_percent,
                exclusive_rewards=input.exclusive_rewards,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipPlanSuccess(plan=MembershipPlan.from_model(plan))

    @strawberry.mutation(description="Change or close a plan (admin only).")
    async def update_membership_plan(self, info: Info, input: UpdateMembershipPlanInput) -> UpdateMembershipPlanResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            plan = await service.update_plan(
                actor,
                str(input.id),
                name=input.name,
                price=input.price,
                trial_days=input.trial_days,
                earn_multiplier=input.earn_multiplier,
                bonus_points=input.bonus_points,
                free_shipping=input.free_shipping,
                cashback_percent=input.cashback_percent,
                exclusive_rewards=input.exclusive_rewards,
                is_active=input.is_active,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipPlanSuccess(plan=MembershipPlan.from_model(plan))

    @strawberry.mutation(description="Start a membership (member): pending, with a checkout to pay.")
    async def start_membership(self, info: Info, input: StartMembershipInput) -> StartMembershipResult:
        member = await info.context.member()
        actor = await info.context.actor()
        try:
            started = await service.start_membership(
                actor, str(member.id), str(input.plan_id), input.idempotency_key, info.context.gateways
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        membership = await MembershipModel.get(id=started.membership_id)
        return StartMembershipSuccess(
            membership=Membership.from_model(membership),
            checkout=Checkout(id=started.checkout_id, url=started.checkout_url),
            replayed=started.replayed,
        )

    @strawberry.mutation(description="Cancel the membership (member): at the period end unless atPeriodEnd is false.")
    async def cancel_membership(self, info: Info, input: CancelMembershipInput | None = None) -> MembershipResult:
        member = await info.context.member()
        actor = await info.context.actor()
        at_period_end = True if input is None else input.at_period_end
        try:
            membership = await service.cancel_membership(
                actor, str(member.id), info.context.gateways, at_period_end=at_period_end
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipSuccess(membership=Membership.from_model(membership))

    @strawberry.mutation(description="Withdraw a cancellation at period end, before the period ends (member).")
    async def resume_membership(self, info: Info) -> MembershipResult:
        member = await info.context.member()
        actor = await info.context.actor()
        try:
            membership = await service.resume_membership(actor, str(member.id), info.context.gateways)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipSuccess(membership=Membership.from_model(membership))

    @strawberry.mutation(description="Switch plan at the next renewal, without proration (member).")
    async def change_plan(self, info: Info, input: ChangePlanInput) -> MembershipResult:
        member = await info.context.member()
        actor = await info.context.actor()
        try:
            membership = await service.change_plan(actor, str(member.id), str(input.plan_id), info.context.gateways)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipSuccess(membership=Membership.from_model(membership))

    @strawberry.mutation(
        description=(
            "Development only: confirm or fail a checkout of the manual gateway, as the gateway "
            "would (the member who started it, or an admin). Refused in production."
        )
    )
    async def confirm_manual_checkout(self, info: Info, input: ConfirmManualCheckoutInput) -> MembershipResult:
        if info.context.settings.is_production or info.context.gateways.get("manual") is None:
            raise Forbidden("The manual gateway is not available here.")
        actor = await info.context.actor()
        if actor.kind is ActorKind.API_KEY:
            raise Forbidden("API keys cannot confirm checkouts.")
        try:
            owner = await service.checkout_member_id("manual", input.checkout_id)
            if actor.role is not Role.ADMIN and str(owner) != str(actor.id):
                raise Forbidden("Only the member who started this checkout, or an admin, may confirm it.")
            if input.paid:
                membership = await service.confirm_checkout(actor, "manual", input.checkout_id)
            else:
                membership = await service.fail_checkout(actor, "manual", input.checkout_id, input.reason or "")
        except Forbidden:
            raise
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MembershipSuccess(membership=Membership.from_model(membership))
