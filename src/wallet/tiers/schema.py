"""Tiers: the public ladder, and the admin's mutations. Thin: the rules are in the service."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import DuplicateError, InvalidInputError, NotFoundError, error_type
from wallet.graphql.types import Info
from wallet.tiers import service
from wallet.tiers.types import Tier


@strawberry.input(description="A new tier.")
class CreateTierInput:
    name: str = strawberry.field(description="The tier's name, up to 100 characters.")
    rank: int = strawberry.field(
        description="Unique; 0 is the entry tier (threshold 0), higher is better, at most 1000."
    )
    threshold: Decimal = strawberry.field(
        description="The qualifying amount that reaches it (points or spend, per the program), >= 0."
    )
    earn_multiplier: Decimal = strawberry.field(
        description="From 1 to 10, at most three decimals: purchases earn base points × this."
    )
    perks: list[str] = strawberry.field(
        default_factory=list, description="Up to 20 perks, each up to 200 characters."
    )


@strawberry.input(description="Changes to a tier: only the fields given change.")
class UpdateTierInput:
    id: strawberry.ID = strawberry.field(description="The tier.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    rank: int | None = strawberry.field(default=None, description="A new, unused rank.")
    threshold: Decimal | None = strawberry.field(
        default=None, description="A new threshold; it applies from the next evaluation."
    )
    earn_multiplier: Decimal | None = strawberry.field(
        default=None, description="A new multiplier; it applies from the next purchase."
    )
    perks: list[str] | None = strawberry.field(default=None, description="The new list of perks.")
    is_active: bool | None = strawberry.field(
        default=None,
        description="False closes the tier: nobody reaches it; holders keep it until their period ends.",
    )


@strawberry.type(description="The tier was created.")
class CreateTierSuccess:
    tier: Tier = strawberry.field(description="The new tier.")


@strawberry.type(description="The tier was changed (or already was as asked).")
class UpdateTierSuccess:
    tier: Tier = strawberry.field(description="The tier as it is now.")


CreateTierResult = Annotated[
    CreateTierSuccess | InvalidInputError | DuplicateError,
    strawberry.union("CreateTierResult", description="The result of `createTier`."),
]

UpdateTierResult = Annotated[
    UpdateTierSuccess | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union("UpdateTierResult", description="The result of `updateTier`."),
]


@strawberry.type
class TierQueries:
    @strawberry.field(description="The tiers members can reach, lowest rank first (public).")
    async def tiers(self) -> list[Tier]:
        return [Tier.from_model(t) for t in await service.active_tiers()]


@strawberry.type
class TierMutations:
    @strawberry.mutation(description="Add a tier to the ladder (admin only).")
    async def create_tier(self, info: Info, input: CreateTierInput) -> CreateTierResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            tier = await service.create_tier(
                actor,
                name=input.name,
                rank=input.rank,
                threshold=input.threshold,
                earn_multiplier=input.earn_multiplier,
                perks=input.perks,
                request_id=info.context.request_id,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateTierSuccess(tier=Tier.from_model(tier))

    @strawberry.mutation(description="Change a tier, or close it with isActive: false (admin only).")
    async def update_tier(self, info: Info, input: UpdateTierInput) -> UpdateTierResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            tier = await service.update_tier(
                actor,
                str(input.id),
                name=input.name,
                rank=input.rank,
                threshold=input.threshold,
                earn_multiplier=input.earn_multiplier,
                perks=input.perks,
                is_active=input.is_active,
                request_id=info.context.request_id,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateTierSuccess(tier=Tier.from_model(tier))
