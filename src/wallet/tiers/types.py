"""The GraphQL face of tiers and tier progress."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from wallet.graphql.types import Info
from wallet.tiers import models, service


@strawberry.type(name="TierBenefits", description="What holding a tier gives a member.")
class TierBenefits:
    earn_multiplier: Decimal = strawberry.field(
        description="Purchases earn base points × this (e.g. 1.25); the extra is a bonus entry."
    )
    perks: list[str] = strawberry.field(description="The tier's perks, for people.")


@strawberry.type(name="Tier", description="A level of membership reached by a qualifying amount.")
class Tier:
    id: strawberry.ID = strawberry.field(description="The tier's id.")
    name: str = strawberry.field(description="The tier's name, e.g. VIB.")
    rank: int = strawberry.field(description="Its place on the ladder: 0 is the entry tier, higher is better.")
    threshold: Decimal = strawberry.field(
        description="The qualifying amount (points or spend, per the program) that reaches it."
    )
    benefits: TierBenefits = strawberry.field(description="What members of this tier get.")
    is_active: bool = strawberry.field(description="Whether members can reach it.")

    @classmethod
    def from_model(cls, tier: models.Tier) -> "Tier":
        return cls(
            id=strawberry.ID(str(tier.id)),
            name=tier.name,
            rank=tier.rank,
            threshold=service.display_amount(Decimal(tier.threshold)),
            benefits=TierBenefits(
                earn_multiplier=_multiplier(Decimal(tier.earn_multiplier)),
                perks=list(tier.perks),
            ),
            is_active=tier.is_active,
        )


def _multiplier(value: Decimal) -> Decimal:
    """1.250 shows as 1.25, 1.000 as 1.0."""
    text = format(value, "f").rstrip("0")
    return Decimal(text + "0" if text.endswith(".") else text)


def _tier(tier: models.Tier | None) -> Tier | None:
    return Tier.from_model(tier) if tier is not None else None


@strawberry.type(name="TierProgress", description="Where a member stands on the tier ladder.")
class TierProgress:
    current: Tier | None = strawberry.field(description="The tier held now; null without one.")
    next: Tier | None = strawberry.field(description="The next tier up; null at the top.")
    qualifying: Decimal = strawberry.field(
        description=(
            "The qualifying amount so far: points or spend, per the program, since "
            "`qualifyingSince`."
        )
    )
    needed: Decimal = strawberry.field(
        description="How much more reaches the next tier; 0 when reached or at the top."
    )
    percent: float = strawberry.field(
        description="Qualifying over the next tier's threshold, 0 to 100, rounded down to 0.1."
    )
    qualifying_since: datetime = strawberry.field(
        description="Purchases since then count: 1 January, or 12 months ago (program's time zone)."
    )
    period_end: datetime = strawberry.field(description="When the current tier period ends (UTC).")
    keeps_tier_until: datetime = strawberry.field(
        description="The current tier is held at least until then (UTC); then it is re-evaluated."
    )

    @classmethod
    def from_progress(cls, progress: service.TierProgress) -> "TierProgress":
        return cls(
            current=_tier(progress.current),
            next=_tier(progress.next),
            qualifying=progress.qualifying,
            needed=progress.needed,
            percent=float(progress.percent),
            qualifying_since=progress.qualifying_since,
            period_end=progress.period_end,
            keeps_tier_until=progress.keeps_tier_until,
        )


async def member_tier(info: Info, member_id: str) -> Tier | None:
    """`Member.tier`, through the request's DataLoader."""
    status = await info.context.loaders.tier_status_by_member_id.load(member_id)
    return _tier(status.tier)


async def member_tier_progress(info: Info, member_id: str) -> TierProgress:
    """`Member.tierProgress`, through the request's DataLoader."""
    progress = await info.context.loaders.tier_progress_by_member_id.load(member_id)
    return TierProgress.from_progress(progress)
