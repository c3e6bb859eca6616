"""Offers and challenges: thin, the rules are in the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import (
    IdempotencyKeyReusedError,
    InvalidInputError,
    NotAvailableError,
    NotFoundError,
    NotTargetedError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.offers import service
from wallet.offers.models import Offer as OfferModel
from wallet.offers.models import OfferGoal, OfferTarget

OfferGoalKind = strawberry.enum(
    OfferGoal,
    name="OfferGoalKind",
    description="visits: N purchases; spend: spend at least an amount (optionally on a category or SKU); sku_purchases: N purchases with a line of a SKU.",
)
OfferTargetKind = strawberry.enum(
    OfferTarget, name="OfferTargetKind", description="segment: members matching its conditions; members: the listed members."
)


def _percent(progress: Decimal, target: Decimal) -> float:
    if target <= 0:
        return 100.0
    return float(min(Decimal(100), (progress * 100 / target)).quantize(Decimal("0.1"), rounding="ROUND_FLOOR"))


@strawberry.type(description="An offer as the member sees it: what to do, what it gives, how far they are.")
class MemberOffer:
    id: strawberry.ID = strawberry.field(description="The offer's id.")
    title: str = strawberry.field(description="The offer's title.")
    description: str = strawberry.field(description="What the member is asked to do, in words.")
    reward_points: int = strawberry.field(description="Points given on completion.")
    goal: OfferGoalKind = strawberry.field(description="What counts toward the target.")
    goal_category: str = strawberry.field(description="Spend goals: only lines of this category count; else empty.")
    goal_sku: str = strawberry.field(description="Only lines of this SKU count; else empty.")
    target: Decimal = strawberry.field(description="The goal: a number of purchases, or an amount to spend.")
    progress: Decimal = strawberry.field(description="Toward the target so far (this round, after refunds).")
    percent: float = strawberry.field(description="progress ÷ target in percent, rounded down to 0.1.")
    activated: bool = strawberry.field(description="Whether the member took the offer up; only then purchases count.")
    activated_at: datetime | None = strawberry.field(description="When the member activated it (UTC).")
    completed: bool = strawberry.field(description="Whether the member completed it as often as it allows.")
    completions: int = strawberry.field(description="How often the member completed it.")
    max_completions: int = strawberry.field(description="How often a member may complete it.")
    starts_at: datetime = strawberry.field(description="The offer is valid from (UTC).")
    ends_at: datetime = strawberry.field(description="Purchases count until, excluded: the offer's end or the member's goal period's (UTC).")

    @classmethod
    def from_view(cls, view: service.MemberOffer) -> "MemberOffer":
        offer, activation = view.offer, view.activation
        target = Decimal(offer.goal_target)
        if offer.goal != OfferGoal.SPEND:
            target = target.quantize(Decimal(1))
        progress = view.progress.quantize(Decimal("0.01") if offer.goal == OfferGoal.SPEND else Decimal(1))
        return cls(
            id=strawberry.ID(str(offer.id)),
            title=offer.title,
            description=offer.description,
            reward_points=offer.reward_points,
            goal=OfferGoal(offer.goal),
            goal_category=offer.goal_category,
            goal_sku=offer.goal_sku,
            target=target,
            progress=progress,
            percent=100.0 if view.completed else _percent(progress, target),
            activated=activation is not None,
            activated_at=None if activation is None else activation.activated_at,
            completed=view.completed,
            completions=view.completions,
            max_completions=offer.max_completions,
            starts_at=offer.starts_at,
            ends_at=view.ends_at,
        )


async def member_offers(info: Info, member_id: str) -> list[MemberOffer]:
    """`me { offers }`: two statements, whatever the number of offers."""
    return [MemberOffer.from_view(view) for view in await service.member_offers(member_id)]


@strawberry.type(description="An offer a sale completed, and the points it gave.")
class CompletedOffer:
    offer_id: strawberry.ID = strawberry.field(description="The offer.")
    title: str = strawberry.field(description="The offer's title.")
    points: int = strawberry.field(description="The reward points credited.")


@strawberry.type(description="An offer, as admins configure it.")
class Offer:
    id: strawberry.ID = strawberry.field(description="The offer's id.")
    title: str = strawberry.field(description="Shown to members, and in the reward's ledger entry.")
    description: str = strawberry.field(description="What the member is asked to do, in words.")
    reward_points: int = strawberry.field(description="Points given on each completion.")
    starts_at: datetime = strawberry.field(description="Valid from (UTC).")
    ends_at: datetime = strawberry.field(description="Valid until, excluded (UTC).")
    target: OfferTargetKind = strawberry.field(description="Who the offer is for.")
    segment_tier_id: strawberry.ID | None = strawberry.field(description="Segment: only members holding this tier.")
    segment_plan_id: strawberry.ID | None = strawberry.field(description="Segment: only members with a live membership of this plan.")
    segment_spend_days: int | None = strawberry.field(description="Segment: spend is counted over this many days.")
    segment_min_spend: Decimal | None = strawberry.field(description="Segment: at least this spend (purchases less refunds) in those days.")
    segment_inactive_days: int | None = strawberry.field(description="Segment: no purchase in this many days (and joined before).")
    segment_birthday_month: bool = strawberry.field(description="Segment: only members whose birthday falls in the current month.")
    goal: OfferGoalKind = strawberry.field(description="What counts toward the target.")
    goal_target: Decimal = strawberry.field(description="A number of purchases, or an amount to spend.")
    goal_category: str = strawberry.field(description="Spend goals: only lines of this category count; else empty.")
    goal_sku: str = strawberry.field(description="Only lines of this SKU count; else empty.")
    goal_period_days: int | None = strawberry.field(description="Days a member has from activation (never past endsAt); null for the whole window.")
    max_completions: int = strawberry.field(description="How often one member may complete it.")
    is_active: bool = strawberry.field(description="Whether the offer is on.")

    @classmethod
    def from_model(cls, offer: OfferModel) -> "Offer":
        return cls(
            id=strawberry.ID(str(offer.id)),
            title=offer.title,
            description=offer.description,
            reward_points=offer.reward_points,
            starts_at=offer.starts_at,
            ends_at=offer.ends_at,
            target=OfferTarget(offer.target),
            segment_tier_id=None if offer.segment_tier_id is None else strawberry.ID(str(offer.segment_tier_id)),
            segment_plan_id=None if offer.segment_plan_id is None else strawberry.ID(str(offer.segment_plan_id)),
            segment_spend_days=offer.segment_spend_days,
            segment_min_spend=None if offer.segment_min_spend is None else Decimal(offer.segment_min_spend),
            segment_inactive_days=offer.segment_inactive_days,
            segment_birthday_month=offer.segment_birthday_month,
            goal=OfferGoal(offer.goal),
            goal_target=Decimal(offer.goal_target),
            goal_category=offer.goal_category,
            goal_sku=offer.goal_sku,
            goal_period_days=offer.goal_period_days,
            max_completions=offer.max_completions,
            is_active=offer.is_active,
        )

    @strawberry.field(description="Members the offer is for now (its segment or list, evaluated in SQL).")
    async def audience_size(self, info: Info) -> int:
        return await info.context.loaders.offer_audience_by_id.load(str(self.id))

    @strawberry.field(description="Members who activated it.")
    async def activations(self, info: Info) -> int:
        return (await info.context.loaders.offer_counts_by_id.load(str(self.id))).activations

    @strawberry.field(description="Completions by all members (each gave its reward).")
    async def completions(self, info: Info) -> int:
        return (await info.context.loaders.offer_counts_by_id.load(str(self.id))).completions


@strawberry.input(description="A new offer.")
class CreateOfferInput:
    title: str = strawberry.field(description="Shown to members.")
    description: str = strawberry.field(default="", description="What the member is asked to do, in words.")
    reward_points: int = strawberry.field(description="Points given on completion (1 to 1000000).")
    starts_at: datetime = strawberry.field(description="Valid from.")
    ends_at: datetime = strawberry.field(description="Valid until, excluded.")
    target: OfferTargetKind = strawberry.field(default=OfferTarget.SEGMENT, description="Who the offer is for.")
    member_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="target members: the members (1 to 1000).")
    segment_tier_id: strawberry.ID | None = strawberry.field(default=None, description="Segment: members holding this tier.")
    segment_plan_id: strawberry.ID | None = strawberry.field(default=None, description="Segment: members with a live membership of this plan.")
    segment_spend_days: int | None = strawberry.field(default=None, description="Segment: count spend over this many days (with segmentMinSpend).")
    segment_min_spend: Decimal | None = strawberry.field(default=None, description="Segment: at least this spend in those days.")
    segment_inactive_days: int | None = strawberry.field(default=None, description="Segment: no purchase in this many days.")
    segment_birthday_month: bool = strawberry.field(default=False, description="Segment: members whose birthday falls in the current month (program time zone).")
    goal: OfferGoalKind = strawberry.field(description="What counts toward the target.")
    goal_target: Decimal = strawberry.field(description="A whole number of purchases, or an amount to spend.")
    goal_category: str | None = strawberry.field(default=None, description="Spend goals: only lines of this category.")
    goal_sku: str | None = strawberry.field(default=None, description="Spend and sku_purchases goals: only lines of this SKU.")
    goal_period_days: int | None = strawberry.field(default=None, description="Days a member has from activation.")
    max_completions: int = strawberry.field(default=1, description="How often one member may complete it (1 to 100).")


@strawberry.input(description="Changes to an offer; the goal and target stay as members took them up.")
class UpdateOfferInput:
    id: strawberry.ID = strawberry.field(description="The offer.")
    title: str | None = strawberry.field(default=None, description="A new title.")
    description: str | None = strawberry.field(default=None, description="A new description.")
    reward_points: int | None = strawberry.field(default=None, description="New reward points, for completions from now on.")
    starts_at: datetime | None = strawberry.field(default=None, description="A new start.")
    ends_at: datetime | None = strawberry.field(default=None, description="A new end.")


@strawberry.type(description="The offer as it now stands.")
class OfferSuccess:
    offer: Offer = strawberry.field(description="The offer.")


OfferResult = Annotated[
    OfferSuccess | InvalidInputError | NotFoundError,
    strawberry.union("OfferResult", description="The result of changing an offer."),
]


@strawberry.input(description="Take up an offer.")
class ActivateOfferInput:
    offer_id: strawberry.ID = strawberry.field(description="The offer.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Optional, chosen by the client; a retry replays the first answer."
    )


@strawberry.type(description="The offer is activated: purchases from now on count toward it.")
class ActivateOfferSuccess:
    offer: MemberOffer = strawberry.field(description="The offer, with the member's progress.")
    already_activated: bool = strawberry.field(description="True when it was activated before (nothing changed).")
    replayed: bool = strawberry.field(description="True when this answers a retry with the same idempotency key.")


ActivateOfferResult = Annotated[
    ActivateOfferSuccess | NotFoundError | NotAvailableError | NotTargetedError | InvalidInputError | IdempotencyKeyReusedError,
    strawberry.union("ActivateOfferResult", description="The result of `activateOffer`."),
]


@strawberry.type
class OfferQueries:
    @strawberry.field(description="Every offer, newest first (admin only).")
    async def offers(self, info: Info) -> list[Offer]:
        await info.context.staff(Role.ADMIN)
        return [Offer.from_model(offer) for offer in await service.list_offers()]


@strawberry.type
class OfferMutations:
    @strawberry.mutation(description="Create an offer, active at once (admin only).")
    async def create_offer(self, info: Info, input: CreateOfferInput) -> OfferResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            offer = await service.create_offer(
                actor,
                service.OfferInput(
                    title=input.title,
                    description=input.description,
                    reward_points=input.reward_points,
                    starts_at=input.starts_at,
                    ends_at=input.ends_at,
                    target=OfferTarget(input.target).value,
                    member_ids=[str(m) for m in input.member_ids],
                    segment_tier_id=None if input.segment_tier_id is None else str(input.segment_tier_id),
                    segment_plan_id=None if input.segment_plan_id is None else str(input.segment_plan_id),
                    segment_spend_days=input.segment_spend_days,
                    segment_min_spend=input.segment_min_spend,
                    segment_inactive_days=input.segment_inactive_days,
                    segment_birthday_month=input.segment_birthday_month,
                    goal=OfferGoal(input.goal).value,
                    goal_target=input.goal_target,
                    goal_category=input.goal_category,
                    goal_sku=input.goal_sku,
                    goal_period_days=input.goal_period_days,
                    max_completions=input.max_completions,
                ),
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return OfferSuccess(offer=Offer.from_model(offer))

    @strawberry.mutation(description="Change an offer's title, description, reward or window (admin only).")
    async def update_offer(self, info: Info, input: UpdateOfferInput) -> OfferResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            offer = await service.update_offer(
                actor,
                str(input.id),
                service.OfferChanges(
                    title=input.title,
                    description=input.description,
                    reward_points=input.reward_points,
                    starts_at=input.starts_at,
                    ends_at=input.ends_at,
                ),
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return OfferSuccess(offer=Offer.from_model(offer))

    @strawberry.mutation(description="Switch an offer on or off (admin only); rewards given stay.")
    async def set_offer_active(self, info: Info, id: strawberry.ID, is_active: bool) -> OfferResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            offer = await service.set_offer_active(actor, str(id), is_active)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return OfferSuccess(offer=Offer.from_model(offer))

    @strawberry.mutation(description="Take up an offer meant for you (members): purchases from now on count toward it.")
    async def activate_offer(self, info: Info, input: ActivateOfferInput) -> ActivateOfferResult:
        member = await info.context.member()
        actor = await info.context.actor()
        try:
            result = await service.activate_offer(
                actor=actor, member_id=str(member.id), offer_id=str(input.offer_id), idempotency_key=input.idempotency_key
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        views = [v for v in await service.member_offers(member.id) if str(v.offer.id) == result.offer_id]
        if not views:  # it ended between the two reads: show it as activated all the same
            views = [service.MemberOffer(await service.get_offer(result.offer_id), None)]
        return ActivateOfferSuccess(
            offer=MemberOffer.from_view(views[0]), already_activated=not result.newly, replayed=result.replayed
        )
