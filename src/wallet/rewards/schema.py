"""The catalogue, redemptions and vouchers: queries and mutations, thin over the service."""
from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from wallet.actors import ActorKind, Role
from wallet.errors import DomainError, InvalidInput, NotFound
from wallet.graphql.errors import (
    AlreadyUsedError,
    IdempotencyKeyReusedError,
    InsufficientPointsError,
    InvalidInputError,
    MembersOnlyError,
    NotAvailableError,
    NotCancellableError,
    NotFoundError,
    OutOfStockError,
    TierLockedError,
    VoucherCancelledError,
    VoucherExpiredError,
    error_type,
)
from wallet.graphql.types import Info, PageInfo
from wallet.members import service as members
from wallet.members.types import Member
from wallet.pagination import page_size
from wallet.rewards import service
from wallet.rewards.models import Donation as DonationModel
from wallet.rewards.models import Voucher as VoucherModel
from wallet.rewards.types import (
    Donation,
    Reward,
    RewardConnection,
    RewardEdge,
    RewardKind,
    Voucher,
    viewer,
)

# --- cursors: the catalogue is ordered by (cost, id) ------------------------------------------


def encode_reward_cursor(reward: Any) -> str:
    raw = f"reward:{reward.cost_points}:{reward.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_reward_cursor(cursor: str | None) -> tuple[int, uuid.UUID] | None:
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        prefix, cost, reward_id = text.split(":")
        if prefix != "reward":
            raise ValueError(prefix)
        return int(cost), uuid.UUID(reward_id)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput("The cursor is not valid.", field="after") from exc


# --- queries ---------------------------------------------------------------------------------


@strawberry.input(description="Narrow the catalogue.")
class RewardFilter:
    kind: RewardKind | None = strawberry.field(default=None, description="Only this kind.")
    affordable: bool | None = strawberry.field(
        default=None, description="Only rewards your points cover (true) or do not (false); members only."
    )
    unlocked: bool | None = strawberry.field(
        default=None,
        description=(
            "Only rewards your tier and membership let you (true) or do not let you (false) "
            "redeem; members only."
        ),
    )
    search: str | None = strawberry.field(
        default=None, description="Words in the name or description (case-insensitive)."
    )


@strawberry.type
class RewardQueries:
    @strawberry.field(
        description=(
            "The rewards on offer now, cheapest first. Anyone may browse; for a member each "
            "reward says whether it is affordable and unlocked."
        )
    )
    async def rewards(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        filter: RewardFilter | None = None,
    ) -> RewardConnection:
        size = page_size(first, info.context.settings.limits.max_page_size)
        wanted = filter or RewardFilter()
        rows, has_next = await service.catalogue_page(
            first=size,
            after=decode_reward_cursor(after),
            viewer=await viewer(info),
            kind=wanted.kind,
            search=wanted.search,
            affordable=wanted.affordable,
            unlocked=wanted.unlocked,
        )
        edges = [RewardEdge(cursor=encode_reward_cursor(r), node=Reward.from_model(r)) for r in rows]
        return RewardConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        )

    @strawberry.field(
        description="A reward on offer by id; admins see withdrawn and out-of-window rewards too."
    )
    async def reward(self, info: Info, id: strawberry.ID) -> Reward | None:
        is_admin = False
        if info.context.request.headers.get("authorization"):
            actor = await info.context.actor()
            is_admin = actor.kind is ActorKind.STAFF and actor.role is Role.ADMIN
        try:
            return Reward.from_model(await service.get_reward(str(id), include_off_offer=is_admin))
        except NotFound:
            return None

    @strawberry.field(description="A voucher by its code, as shown or typed at the till (staff only).")
    async def voucher(self, info: Info, code: str) -> Voucher | None:
        await info.context.staff(Role.CASHIER, Role.ADMIN)
        found = await service.voucher_by_code(code)
        return Voucher.from_model(found) if found else None


# --- admin: rewards ----------------------------------------------------------------------------


@strawberry.input(description="A new reward. Fields of other kinds than `kind` are refused.")
class CreateRewardInput:
    name: str = strawberry.field(description="What it is called.")
    kind: RewardKind = strawberry.field(description="What it gives.")
    cost_points: int = strawberry.field(description="Points one costs; more than 0.")
    description: str | None = strawberry.field(default=None, description="A few sentences.")
    discount_amount: Decimal | None = strawberry.field(
        default=None, description="Required for a fixed discount: the amount off."
    )
    discount_percent: Decimal | None = strawberry.field(
        default=None, description="Required for a percent discount: more than 0, at most 100."
    )
    charity_name: str | None = strawberry.field(default=None, description="Required for a donation.")
    min_tier_rank: int | None = strawberry.field(
        default=None, description="The lowest tier rank that may redeem it; null for everyone."
    )
    members_only: bool | None = strawberry.field(
        default=None,
        description="Only for members whose plan gives exclusive rewards, while it does (default false).",
    )
    stock: int | None = strawberry.field(
        default=None, description="Units or places; null is unlimited. Required for an experience."
    )
    experience_at: datetime | None = strawberry.field(
        default=None, description="Required for an experience: when it takes place, in the future."
    )
    available_from: datetime | None = strawberry.field(default=None, description="Offered from.")
    available_until: datetime | None = strawberry.field(default=None, description="Offered until.")
    voucher_valid_days: int | None = strawberry.field(
        default=None, description="Days a voucher stays usable (1 to 3650; default 90)."
    )
    image_url: str | None = strawberry.field(default=None, description="An http(s) URL.")
    is_active: bool | None = strawberry.field(default=None, description="Offered at once (default true).")
    partner_id: strawberry.ID | None = strawberry.field(
        default=None, description="A partner's reward: points redeemed on it are paid to the partner."
    )


@strawberry.input(
    description="Changes to a reward: omitted fields stay as they are; null clears an optional one."
)
class UpdateRewardInput:
    id: strawberry.ID = strawberry.field(description="The reward.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="What it is called.")
    kind: RewardKind | None = strawberry.field(default=strawberry.UNSET, description="What it gives.")
    cost_points: int | None = strawberry.field(default=strawberry.UNSET, description="Points one costs.")
    description: str | None = strawberry.field(default=strawberry.UNSET, description="A few sentences.")
    discount_amount: Decimal | None = strawberry.field(
        default=strawberry.UNSET, description="For a fixed discount."
    )
    discount_percent: Decimal | None = strawberry.field(
        default=strawberry.UNSET, description="For a percent discount."
    )
    charity_name: str | None = strawberry.field(default=strawberry.UNSET, description="For a donation.")
    min_tier_rank: int | None = strawberry.field(
        default=strawberry.UNSET, description="The lowest tier rank that may redeem it; null for everyone."
    )
    members_only: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Only for members whose plan gives exclusive rewards."
    )
    stock: int | None = strawberry.field(
        default=strawberry.UNSET, description="Units or places left; null is unlimited."
    )
    experience_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="For an experience: when, in the future."
    )
    available_from: datetime | None = strawberry.field(default=strawberry.UNSET, description="Offered from.")
    available_until: datetime | None = strawberry.field(default=strawberry.UNSET, description="Offered until.")
    voucher_valid_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Days a voucher stays usable."
    )
    image_url: str | None = strawberry.field(default=strawberry.UNSET, description="An http(s) URL.")
    is_active: bool | None = strawberry.field(
        default=strawberry.UNSET, description="False withdraws it from the catalogue."
    )
    partner_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The partner offering it; null makes it the program's own."
    )


_FIELDS = service.EDITABLE


@strawberry.type(description="The reward was created.")
class CreateRewardSuccess:
    reward: Reward = strawberry.field(description="The new reward.")


@strawberry.type(description="The reward was changed.")
class UpdateRewardSuccess:
    reward: Reward = strawberry.field(description="The reward as it is now.")


CreateRewardResult = Annotated[
    CreateRewardSuccess | InvalidInputError,
    strawberry.union("CreateRewardResult", description="The result of `createReward`."),
]
UpdateRewardResult = Annotated[
    UpdateRewardSuccess | InvalidInputError | NotFoundError,
    strawberry.union("UpdateRewardResult", description="The result of `updateReward`."),
]


# --- members: redeeming and cancelling ------------------------------------------------------


@strawberry.input(description="Spend points on a reward.")
class RedeemRewardInput:
    reward_id: strawberry.ID = strawberry.field(description="The reward.")
    quantity: int = strawberry.field(default=1, description="How many, 1 to 10; one voucher for all.")
    idempotency_key: str = strawberry.field(description="Chosen by the client, for retries.")


@strawberry.type(description="The points were spent and a voucher issued.")
class RedeemRewardSuccess:
    voucher: Voucher = strawberry.field(description="The voucher; a donation's is already used.")
    points_spent: int = strawberry.field(description="Points spent in all.")
    donation: Donation | None = strawberry.field(description="For a donation: what was given.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member, with their new balance.")


RedeemRewardResult = Annotated[
    RedeemRewardSuccess
    | InvalidInputError
    | NotFoundError
    | NotAvailableError
    | TierLockedError
    | MembersOnlyError
    | OutOfStockError
    | InsufficientPointsError
    | IdempotencyKeyReusedError,
    strawberry.union("RedeemRewardResult", description="The result of `redeemReward`."),
]


@strawberry.input(description="Undo a redemption of an issued voucher.")
class CancelRedemptionInput:
    voucher_id: strawberry.ID = strawberry.field(description="The voucher.")
    idempotency_key: str = strawberry.field(description="Chosen by the client, for retries.")


@strawberry.type(description="The voucher was cancelled; its points and stock came back.")
class CancelRedemptionSuccess:
    voucher: Voucher = strawberry.field(description="The cancelled voucher.")
    points_returned: int = strawberry.field(description="Points given back.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member, with their new balance.")


CancelRedemptionResult = Annotated[
    CancelRedemptionSuccess
    | InvalidInputError
    | NotFoundError
    | NotCancellableError
    | IdempotencyKeyReusedError,
    strawberry.union("CancelRedemptionResult", description="The result of `cancelRedemption`."),
]


# --- staff: using a voucher -------------------------------------------------------------------


@strawberry.input(description="A voucher shown at a till.")
class UseVoucherInput:
    code: str = strawberry.field(description="The voucher's code; case, spaces and dashes do not matter.")
    store_id: strawberry.ID = strawberry.field(description="Where it is used.")


@strawberry.type(description="The voucher is now used.")
class UseVoucherSuccess:
    voucher: Voucher = strawberry.field(description="The voucher, with who used it, where and when.")


UseVoucherResult = Annotated[
    UseVoucherSuccess
    | InvalidInputError
    | NotFoundError
    | AlreadyUsedError
    | VoucherExpiredError
    | VoucherCancelledError,
    strawberry.union("UseVoucherResult", description="The result of `useVoucher`."),
]


async def _voucher(voucher_id: str) -> Voucher:
    return Voucher.from_model(await VoucherModel.get(id=voucher_id))


@strawberry.type
class RewardMutations:
    @strawberry.mutation(description="Add a reward to the catalogue (admin only).")
    async def create_reward(self, info: Info, input: CreateRewardInput) -> CreateRewardResult:
        actor = await info.context.staff(Role.ADMIN)
        given = {name: getattr(input, name) for name in _FIELDS if getattr(input, name) is not None}
        try:
            reward = await service.create_reward(actor, **given)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateRewardSuccess(reward=Reward.from_model(reward))

    @strawberry.mutation(description="Change a reward (admin only); the result is checked as a whole.")
    async def update_reward(self, info: Info, input: UpdateRewardInput) -> UpdateRewardResult:
        actor = await info.context.staff(Role.ADMIN)
        changes = {
            name: getattr(input, name) for name in _FIELDS if getattr(input, name) is not strawberry.UNSET
        }
        try:
            reward = await service.update_reward(actor, str(input.id), **changes)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateRewardSuccess(reward=Reward.from_model(reward))

    @strawberry.mutation(description="Spend your points on a reward and get a voucher (members).")
    async def redeem_reward(self, info: Info, input: RedeemRewardInput) -> RedeemRewardResult:
        await info.context.member()
        actor = await info.context.actor()
        try:
            result = await service.redeem_reward(
                actor=actor,
                reward_id=str(input.reward_id),
                quantity=input.quantity,
                idempotency_key=input.idempotency_key,
            )
            member = Member.from_model(await members.get_member(result.member_id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        donation = await DonationModel.get_or_none(voucher_id=result.voucher_id)
        return RedeemRewardSuccess(
            voucher=await _voucher(result.voucher_id),
            points_spent=result.points_spent,
            donation=Donation.from_model(donation) if donation else None,
            replayed=result.replayed,
            member=member,
        )

    @strawberry.mutation(
        description="Cancel an issued voucher and get its points back (its member, or an admin)."
    )
    async def cancel_redemption(self, info: Info, input: CancelRedemptionInput) -> CancelRedemptionResult:
        actor = await info.context.actor()
        if actor.kind is not ActorKind.MEMBER:
            actor = await info.context.staff(Role.ADMIN)
        try:
            result = await service.cancel_redemption(
                actor=actor, voucher_id=str(input.voucher_id), idempotency_key=input.idempotency_key
            )
            member = Member.from_model(await members.get_member(result.member_id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CancelRedemptionSuccess(
            voucher=await _voucher(result.voucher_id),
            points_returned=result.points_returned,
            replayed=result.replayed,
            member=member,
        )

    @strawberry.mutation(description="Mark a voucher used at the till (staff).")
    async def use_voucher(self, info: Info, input: UseVoucherInput) -> UseVoucherResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            voucher = await service.use_voucher(actor=actor, code=input.code, store_id=str(input.store_id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UseVoucherSuccess(voucher=Voucher.from_model(voucher))
