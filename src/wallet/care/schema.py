"""Member care's queries and mutations: thin, the rules live in wallet.care.service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from wallet.actors import Role
from wallet.care import errors, service
from wallet.care.models import ClaimStatus as ClaimStatusModel
from wallet.care.types import (
    CLAIM_CURSOR,
    CLIENT_CURSOR,
    ClaimStatus,
    ClientConnection,
    MissingPointsClaim,
    MissingPointsClaimConnection,
    claim_connection,
    client_connection,
)
from wallet.errors import DomainError
from wallet.graphql.errors import (
    Error,
    ErrorCode,
    IdempotencyKeyReusedError,
    InsufficientPointsError,
    InvalidInputError,
    NotFoundError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.members import service as members
from wallet.members.types import Member
from wallet.pagination import decode_cursor, page_size

if TYPE_CHECKING:
    from wallet.staff.types import Store


@strawberry.type(description="A claim for this receipt at this store was already filed (by anyone).")
class ClaimExistsError(Error):
    pass


@strawberry.type(description="A purchase with this receipt reference was already recorded: it earned its points.")
class ReceiptAlreadyRecordedError(Error):
    pass


@strawberry.type(description="The purchase is older than claims may be.")
class ClaimTooOldError(Error):
    max_age_days: int = strawberry.field(description="How many days back purchases can be claimed.")


@strawberry.type(description="The claim was already approved or rejected.")
class ClaimNotOpenError(Error):
    status: ClaimStatus = strawberry.field(description="Where the claim stands now.")


@strawberry.type(description="The program does not allow points gifts between members.")
class GiftsDisabledError(Error):
    pass


@strawberry.type(description="The gift would pass the monthly limit of points a member may give.")
class GiftLimitExceededError(Error):
    limit: int = strawberry.field(description="Points a member may give per calendar month.")
    remaining: int = strawberry.field(description="Points the member may still give this month.")


def _error(exc: DomainError) -> Error:
    code = ErrorCode(exc.code)
    if isinstance(exc, errors.ClaimExists):
        return ClaimExistsError(code=code, message=exc.message)
    if isinstance(exc, errors.ReceiptAlreadyRecorded):
        return ReceiptAlreadyRecordedError(code=code, message=exc.message)
    if isinstance(exc, errors.ClaimTooOld):
        return ClaimTooOldError(code=code, message=exc.message, max_age_days=exc.max_age_days)
    if isinstance(exc, errors.ClaimNotOpen):
        return ClaimNotOpenError(code=code, message=exc.message, status=ClaimStatus(ClaimStatusModel(exc.status)))
    if isinstance(exc, errors.GiftsDisabled):
        return GiftsDisabledError(code=code, message=exc.message)
    if isinstance(exc, errors.GiftLimitExceeded):
        return GiftLimitExceededError(code=code, message=exc.message, limit=exc.limit, remaining=exc.remaining)
    return error_type(exc)


@strawberry.input(description="A purchase that earned no points, claimed by the member who made it.")
class FileMissingPointsClaimInput:
    store_id: strawberry.ID = strawberry.field(description="Where the purchase was made.")
    purchased_at: datetime = strawberry.field(description="When it was made, with its offset.")
    amount: Decimal = strawberry.field(description="What was paid, e.g. \"19.99\".")
    receipt_reference: str = strawberry.field(description="The receipt's reference, as printed.")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry with the same key replays the first answer.")


@strawberry.type(description="The claim as it stands now.")
class MissingPointsClaimSuccess:
    claim: MissingPointsClaim = strawberry.field(description="The claim.")
    replayed: bool = strawberry.field(description="True when this answer replays an earlier request with the same key.")


FileMissingPointsClaimResult = Annotated[
    MissingPointsClaimSuccess
    | InvalidInputError
    | NotFoundError
    | ClaimExistsError
    | ReceiptAlreadyRecordedError
    | ClaimTooOldError
    | IdempotencyKeyReusedError,
    strawberry.union("FileMissingPointsClaimResult", description="The result of `fileMissingPointsClaim`."),
]


@strawberry.input(description="A claim to approve: its purchase is recorded and earns its points.")
class ApproveMissingPointsClaimInput:
    claim_id: strawberry.ID = strawberry.field(description="The claim.")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry with the same key replays the first answer.")


ApproveMissingPointsClaimResult = Annotated[
    MissingPointsClaimSuccess
    | InvalidInputError
    | NotFoundError
    | ClaimNotOpenError
    | ReceiptAlreadyRecordedError
    | IdempotencyKeyReusedError,
    strawberry.union("ApproveMissingPointsClaimResult", description="The result of `approveMissingPointsClaim`."),
]


@strawberry.input(description="A claim to reject, with the reason the member will see.")
class RejectMissingPointsClaimInput:
    claim_id: strawberry.ID = strawberry.field(description="The claim.")
    reason: str = strawberry.field(description="Why, for the member (up to 500 characters).")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry with the same key replays the first answer.")


RejectMissingPointsClaimResult = Annotated[
    MissingPointsClaimSuccess | InvalidInputError | NotFoundError | ClaimNotOpenError | IdempotencyKeyReusedError,
    strawberry.union("RejectMissingPointsClaimResult", description="The result of `rejectMissingPointsClaim`."),
]


@strawberry.input(description="Points to give another member. Give one of `toCardNumber` or `toEmail`.")
class GiftPointsInput:
    to_card_number: str | None = strawberry.field(default=None, description="The recipient's card number.")
    to_email: str | None = strawberry.field(default=None, description="Or the recipient's e-mail.")
    points: int = strawberry.field(description="How many of your available points to give.")
    message: str | None = strawberry.field(default=None, description="A note for the recipient (up to 200 characters).")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry with the same key replays the first answer.")


@strawberry.type(description="The points were given.")
class GiftPointsSuccess:
    gift_id: strawberry.ID = strawberry.field(description="The gift's id; both entries carry `gift:<id>` as reference.")
    points: int = strawberry.field(description="Points given.")
    recipient_name: str = strawberry.field(description="Who received them.")
    replayed: bool = strawberry.field(description="True when this answer replays an earlier request with the same key.")
    member: Member = strawberry.field(description="The giver, as the gift left them.")


GiftPointsResult = Annotated[
    GiftPointsSuccess
    | InvalidInputError
    | NotFoundError
    | InsufficientPointsError
    | GiftsDisabledError
    | GiftLimitExceededError
    | IdempotencyKeyReusedError,
    strawberry.union("GiftPointsResult", description="The result of `giftPoints`."),
]


@strawberry.input(description="Who looks after a member.")
class AssignAssociateInput:
    member_id: strawberry.ID = strawberry.field(description="The member.")
    staff_id: strawberry.ID | None = strawberry.field(description="The staff member; null removes the assignment.")


@strawberry.type(description="The member with their associate as it is now.")
class AssignAssociateSuccess:
    member: Member = strawberry.field(description="The member.")


AssignAssociateResult = Annotated[
    AssignAssociateSuccess | NotFoundError,
    strawberry.union("AssignAssociateResult", description="The result of `assignAssociate`."),
]


@strawberry.type(description="What members may do in member care, as this program is set up.")
class MemberCareSettings:
    gifts_enabled: bool = strawberry.field(description="Whether members may give each other points.")
    gift_points_per_month: int = strawberry.field(description="Points a member may give per calendar month.")
    claim_max_age_days: int = strawberry.field(description="How many days back a purchase may be claimed.")


@strawberry.type
class CareQueries:
    @strawberry.field(description="Whether gifts are allowed, their monthly limit, and how far back claims reach (public).")
    def member_care_settings(self, info: Info) -> MemberCareSettings:
        settings = info.context.settings
        return MemberCareSettings(
            gifts_enabled=settings.gifts_enabled,
            gift_points_per_month=settings.gift_points_per_month,
            claim_max_age_days=settings.claim_max_age_days,
        )

    @strawberry.field(
        description=(
            "Missing-points claims, oldest first (staff): cashiers see their stores' claims, "
            "admins all. `status` null: every status."
        )
    )
    async def missing_points_claims(
        self,
        info: Info,
        status: ClaimStatus | None = None,
        store_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> MissingPointsClaimConnection:
        actor = await info.context.staff()
        rows, has_next = await service.claims_queue(
            actor,
            status=ClaimStatusModel(status.value) if status is not None else None,
            store_id=str(store_id) if store_id is not None else None,
            first=page_size(first, info.context.settings.limits.max_page_size),
            after_id=decode_cursor(CLAIM_CURSOR, after),
        )
        return claim_connection(rows, has_next)

    @strawberry.field(description="The open stores a member may name in a claim (any logged-in account).")
    async def claim_stores(self, info: Info) -> list[Annotated["Store", strawberry.lazy("wallet.staff.types")]]:
        from wallet.staff.models import Store as StoreModel
        from wallet.staff.types import Store

        from wallet.actors import ActorKind
        from wallet.errors import Forbidden

        if (await info.context.actor()).kind is ActorKind.API_KEY:
            raise Forbidden("Stores for claims are for members and staff.")
        return [Store.from_model(s) for s in await StoreModel.filter(is_active=True).order_by("name")]

    @strawberry.field(description="The members assigned to you (staff), in order of assignment, with their recent history.")
    async def my_clients(self, info: Info, first: int | None = 20, after: str | None = None) -> ClientConnection:
        actor = await info.context.staff()
        rows, has_next = await service.clients_page(
            actor,
            first=page_size(first, info.context.settings.limits.max_page_size),
            after_id=decode_cursor(CLIENT_CURSOR, after),
        )
        return client_connection(rows, has_next)


@strawberry.type
class CareMutations:
    @strawberry.mutation(description="Claim the points of a purchase that earned none (members).")
    async def file_missing_points_claim(
        self, info: Info, input: FileMissingPointsClaimInput
    ) -> FileMissingPointsClaimResult:
        member = await info.context.member()
        settings = info.context.settings
        try:
            claim, replayed = await service.file_claim(
                await info.context.actor(),
                service.ClaimPolicy(settings.claim_max_age_days, settings.max_purchase_amount),
                store_id=str(input.store_id),
                purchased_at=input.purchased_at,
                amount=input.amount,
                receipt_reference=input.receipt_reference,
                idempotency_key=input.idempotency_key,
            )
        except DomainError as exc:
            return _error(exc)  # type: ignore[return-value]
        assert str(claim.member_id) == str(member.id)
        return MissingPointsClaimSuccess(claim=MissingPointsClaim.from_model(claim), replayed=replayed)

    @strawberry.mutation(
        description="Approve a claim: its purchase is recorded and earns as a sale of that date (cashiers of its store, admins)."
    )
    async def approve_missing_points_claim(
        self, info: Info, input: ApproveMissingPointsClaimInput
    ) -> ApproveMissingPointsClaimResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            claim, replayed = await service.approve_claim(
                actor,
                claim_id=str(input.claim_id),
                idempotency_key=input.idempotency_key,
                max_amount=info.context.settings.max_purchase_amount,
            )
        except DomainError as exc:
            return _error(exc)  # type: ignore[return-value]
        return MissingPointsClaimSuccess(claim=MissingPointsClaim.from_model(claim), replayed=replayed)

    @strawberry.mutation(description="Reject a claim with a reason the member sees (cashiers of its store, admins).")
    async def reject_missing_points_claim(
        self, info: Info, input: RejectMissingPointsClaimInput
    ) -> RejectMissingPointsClaimResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            claim, replayed = await service.reject_claim(
                actor, claim_id=str(input.claim_id), reason=input.reason, idempotency_key=input.idempotency_key
            )
        except DomainError as exc:
            return _error(exc)  # type: ignore[return-value]
        return MissingPointsClaimSuccess(claim=MissingPointsClaim.from_model(claim), replayed=replayed)

    @strawberry.mutation(description="Give some of your available points to another member (members; when the program allows).")
    async def gift_points(self, info: Info, input: GiftPointsInput) -> GiftPointsResult:
        await info.context.member()
        settings = info.context.settings
        try:
            sent = await service.give_points(
                await info.context.actor(),
                service.GiftPolicy(settings.gifts_enabled, settings.gift_points_per_month),
                to_card_number=input.to_card_number,
                to_email=input.to_email,
                points=input.points,
                message=input.message,
                idempotency_key=input.idempotency_key,
            )
        except DomainError as exc:
            return _error(exc)  # type: ignore[return-value]
        sender = sent.sender or await info.context.member()
        return GiftPointsSuccess(
            gift_id=strawberry.ID(sent.gift_id),
            points=sent.points,
            recipient_name=sent.recipient_name,
            replayed=sent.replayed,
            member=Member.from_model(sender),
        )

    @strawberry.mutation(description="Assign a staff member to look after a member, or remove them (admin only).")
    async def assign_associate(self, info: Info, input: AssignAssociateInput) -> AssignAssociateResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            await service.assign_associate(
                actor,
                member_id=str(input.member_id),
                staff_id=str(input.staff_id) if input.staff_id is not None else None,
            )
            member = await members.get_member(str(input.member_id))
        except DomainError as exc:
            return _error(exc)  # type: ignore[return-value]
        return AssignAssociateSuccess(member=Member.from_model(member))
