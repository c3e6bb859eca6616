"""GraphQL types of the rewards catalogue and vouchers."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from wallet.actors import ActorKind
from wallet.graphql.types import Info, PageInfo
from wallet.rewards import models, service

if TYPE_CHECKING:
    from wallet.members.types import Member

RewardKind = strawberry.enum(models.RewardKind, description="What a reward gives.")
VoucherStatus = strawberry.enum(
    models.VoucherStatus,
    description="issued (usable), used, cancelled (points returned) or expired (points kept).",
)


async def viewing_member_id(info: Info) -> str | None:
    """The member asking, or None for anonymous and staff callers.

    A request that sends a token must send a valid one: a bad token is refused, not
    treated as anonymous.
    """
    if not info.context.request.headers.get("authorization"):
        return None
    actor = await info.context.actor()
    return actor.id if actor.kind is ActorKind.MEMBER else None


async def viewer(info: Info) -> service.Viewer | None:
    """The asking member's balance, tier rank and membership benefit, loaded once per request."""
    member_id = await viewing_member_id(info)
    if member_id is None:
        return None
    loaders = info.context.loaders
    account = await loaders.points_account_by_member_id.load(member_id)
    rank = await loaders.tier_rank_by_member_id.load(member_id)
    plan = await loaders.benefit_plan_by_member_id.load(member_id)
    return service.Viewer(
        points_available=account.available if account else 0,
        tier_rank=rank,
        exclusive_rewards=plan is not None and plan.exclusive_rewards,
    )


@strawberry.type(name="Reward", description="An item of the catalogue with a cost in points.")
class Reward:
    id: strawberry.ID = strawberry.field(description="The reward's id.")
    name: str = strawberry.field(description="What it is called.")
    description: str = strawberry.field(description="What it is, in a few sentences.")
    kind: RewardKind = strawberry.field(description="What it gives.")
    cost_points: int = strawberry.field(description="Points one of it costs.")
    discount_amount: Decimal | None = strawberry.field(
        description="For a fixed discount: the amount off, in the program's currency."
    )
    discount_percent: Decimal | None = strawberry.field(
        description="For a percent discount: the percentage off (0 to 100)."
    )
    charity_name: str | None = strawberry.field(description="For a donation: the charity.")
    min_tier_rank: int | None = strawberry.field(
        description="The lowest tier rank that may redeem it; null or 0 is every member."
    )
    members_only: bool = strawberry.field(
        description=(
            "Only members whose membership gives benefits now (trialing, active or past due) "
            "on a plan with exclusive rewards may redeem it."
        )
    )
    stock: int | None = strawberry.field(
        description="Units (or, for an experience, places) left; null is unlimited."
    )
    experience_at: datetime | None = strawberry.field(
        description="For an experience: when it takes place (UTC); its vouchers expire then."
    )
    available_from: datetime | None = strawberry.field(description="Offered from (UTC); null is always.")
    available_until: datetime | None = strawberry.field(description="Offered until (UTC); null is always.")
    voucher_valid_days: int = strawberry.field(
        description="Days a voucher stays usable after redemption (not for experiences)."
    )
    image_url: str | None = strawberry.field(description="An http(s) image of it.")
    is_active: bool = strawberry.field(description="False when an admin withdrew it.")
    partner_id: strawberry.ID | None = strawberry.field(
        description="The partner offering it (paid for the points redeemed on it); null for the program's own."
    )

    @classmethod
    def from_model(cls, reward: models.Reward) -> "Reward":
        return cls(
            id=strawberry.ID(str(reward.id)),
            name=reward.name,
            description=reward.description,
            kind=RewardKind(reward.kind),
            cost_points=reward.cost_points,
            discount_amount=reward.discount_amount,
            discount_percent=reward.discount_percent,
            charity_name=reward.charity_name or None,
            min_tier_rank=reward.min_tier_rank,
            members_only=reward.members_only,
            stock=reward.stock,
            experience_at=reward.experience_at,
            available_from=reward.available_from,
            available_until=reward.available_until,
            voucher_valid_days=reward.voucher_valid_days,
            image_url=reward.image_url or None,
            is_active=reward.is_active,
            partner_id=strawberry.ID(str(reward.partner_id)) if reward.partner_id else None,
        )

    @strawberry.field(
        description="Whether your available points cover one. Null unless you are a member."
    )
    async def affordable(self, info: Info) -> bool | None:
        seen_by = await viewer(info)
        return None if seen_by is None else seen_by.points_available >= self.cost_points

    @strawberry.field(
        description=(
            "Whether your tier (and, for a members-only reward, your membership) lets you redeem "
            "it. Null unless you are a member."
        )
    )
    async def unlocked(self, info: Info) -> bool | None:
        seen_by = await viewer(info)
        if seen_by is None:
            return None
        return service.is_unlocked(
            self.min_tier_rank,
            seen_by.tier_rank,
            members_only=self.members_only,
            exclusive_rewards=seen_by.exclusive_rewards,
        )


@strawberry.type(description="A reward and its cursor.")
class RewardEdge:
    cursor: str = strawberry.field(description="Where this reward stands in the list.")
    node: Reward = strawberry.field(description="The reward.")


@strawberry.type(description="A page of the catalogue, cheapest first.")
class RewardConnection:
    edges: list[RewardEdge] = strawberry.field(description="The rewards of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


@strawberry.type(name="Voucher", description="Proof of a redemption: a unique code to show at the till.")
class Voucher:
    id: strawberry.ID = strawberry.field(description="The voucher's id.")
    code: str = strawberry.field(description="16 characters in groups of four; typed or scanned at the till.")
    status: VoucherStatus = strawberry.field(
        description="Its status now: an issued voucher past its expiry reads as expired."
    )
    quantity: int = strawberry.field(description="How many of the reward it is for.")
    points_spent: int = strawberry.field(description="Points it cost in all.")
    expires_at: datetime | None = strawberry.field(
        description="When it stops being usable (UTC); null for a donation."
    )
    used_at: datetime | None = strawberry.field(description="When it was used (UTC).")
    used_store_id: strawberry.ID | None = strawberry.field(description="Where it was used.")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled (UTC).")
    created_at: datetime = strawberry.field(description="When it was redeemed (UTC).")
    reward_id: strawberry.Private[str]
    member_id: strawberry.Private[str]

    @classmethod
    def from_model(cls, voucher: models.Voucher) -> "Voucher":
        return cls(
            id=strawberry.ID(str(voucher.id)),
            code=voucher.code,
            status=VoucherStatus(service.voucher_status(voucher)),
            quantity=voucher.quantity,
            points_spent=voucher.points_spent,
            expires_at=voucher.expires_at,
            used_at=voucher.used_at,
            used_store_id=strawberry.ID(str(voucher.used_store_id)) if voucher.used_store_id else None,
            cancelled_at=voucher.cancelled_at,
            created_at=voucher.created_at,
            reward_id=str(voucher.reward_id),
            member_id=str(voucher.member_id),
        )

    @strawberry.field(description="The reward redeemed.")
    async def reward(self, info: Info) -> Reward:
        reward = await info.context.loaders.reward_by_id.load(self.reward_id)
        assert reward is not None
        return Reward.from_model(reward)

    @strawberry.field(description="The member who redeemed it.")
    async def member(
        self, info: Info
    ) -> Annotated["Member", strawberry.lazy("wallet.members.types")]:
        from wallet.members.types import Member

        member = await info.context.loaders.member_by_id.load(self.member_id)
        assert member is not None
        return Member.from_model(member)


@strawberry.type(name="Donation", description="Points given to charity, at the point value.")
class Donation:
    charity_name: str = strawberry.field(description="The charity.")
    points: int = strawberry.field(description="Points given.")
    amount: Decimal = strawberry.field(description="Their value: points × point value, to the cent.")
    currency: str = strawberry.field(description="The program's currency.")
    created_at: datetime = strawberry.field(description="When it was given (UTC).")

    @classmethod
    def from_model(cls, donation: models.Donation) -> "Donation":
        return cls(
            charity_name=donation.charity_name,
            points=donation.points,
            amount=donation.amount,
            currency=donation.currency,
            created_at=donation.created_at,
        )
