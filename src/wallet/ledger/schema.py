"""Purchases, refunds and adjustments: the writes on the ledger."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import (
    DuplicateError,
    IdempotencyKeyReusedError,
    InsufficientPointsError,
    InvalidInputError,
    NotFoundError,
    RateLimitedError,
    RefundExceedsPurchaseError,
    ScanCodeClaimedError,
    ScanCodeExpiredError,
    ScanCodeForgedError,
    ScanCodeMalformedError,
    ScanCodeTamperedError,
    error_type,
)
from wallet.earning.schema import AppliedRule, PurchaseLineInput
from wallet.earning.service import surprise_key
from wallet.graphql.types import Info
from wallet.ledger import service
from wallet.members import service as members
from wallet.members.types import Member
from wallet.offers.schema import CompletedOffer


async def _member(member_id: str) -> Member:
    return Member.from_model(await members.get_member(member_id))


@strawberry.input(description="A sale at a till. Give one of `scanCode`, `cardNumber` or `memberId`.")
class RecordPurchaseInput:
    member_id: strawberry.ID | None = strawberry.field(default=None, description="The member.")
    card_number: str | None = strawberry.field(
        default=None, description="Or the member's card number, as typed at the till."
    )
    scan_code: str | None = strawberry.field(
        default=None,
        description="Or the code scanned from the member's phone; claimed for this till.",
    )
    amount: Decimal = strawberry.field(description="What the member paid, e.g. \"19.99\".")
    currency: str = strawberry.field(description="Must be the program's currency.")
    reference: str = strawberry.field(description="The receipt number; unique per purchase.")
    store_id: strawberry.ID = strawberry.field(description="Where the sale happened.")
    idempotency_key: str = strawberry.field(
        description="Chosen by the client; a retry with the same key replays the first answer."
    )
    lines: list[PurchaseLineInput] | None = strawberry.field(
        default=None,
        description="The sale's lines, for category and SKU rules; their amounts must add up to `amount`.",
    )


@strawberry.type(description="The purchase was recorded and its points credited.")
class RecordPurchaseSuccess:
    purchase_id: strawberry.ID = strawberry.field(description="The recorded purchase.")
    points_earned: int = strawberry.field(
        description="Points the purchase earned in all: base, tier and plan bonus, and earning rules."
    )
    base_points: int = strawberry.field(
        description="Of those, points at the earn rate: the program's, or at a partner's store the partner's."
    )
    bonus_points: int = strawberry.field(description="Of those, points from the tier and plan multipliers.")
    applied_rules: list[AppliedRule] = strawberry.field(
        description="Of those, the points each earning rule gave (minimum basket, category, happy hour, surprise…)."
    )
    completed_offers: list[CompletedOffer] = strawberry.field(
        description="Offers this purchase completed; their reward points are credited at once, besides pointsEarned."
    )
    pending: bool = strawberry.field(
        description="True when the points are pending until the return window ends."
    )
    cashback_earned: Decimal = strawberry.field(
        description="Wallet credit the purchase earned as cashback (0.00 without cashback)."
    )
    replayed: bool = strawberry.field(
        description="True when this answers a retry of an earlier, identical request."
    )
    member: Member = strawberry.field(description="The member, with their new balance.")


RecordPurchaseResult = Annotated[
    RecordPurchaseSuccess
    | InvalidInputError
    | NotFoundError
    | DuplicateError
    | IdempotencyKeyReusedError
    | ScanCodeMalformedError
    | ScanCodeForgedError
    | ScanCodeTamperedError
    | ScanCodeExpiredError
    | ScanCodeClaimedError
    | RateLimitedError,
    strawberry.union("RecordPurchaseResult", description="The result of `recordPurchase`."),
]


@strawberry.input(description="Money given back on a recorded purchase.")
class RefundPurchaseInput:
    reference: str = strawberry.field(description="The purchase's receipt number.")
    amount: Decimal = strawberry.field(description="How much is refunded, at most what is left.")
    store_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where the refund happens; the purchase's store if omitted."
    )
    idempotency_key: str = strawberry.field(description="Chosen by the client, for retries.")


@strawberry.type(description="The refund was recorded and its points taken back.")
class RefundPurchaseSuccess:
    refund_id: strawberry.ID = strawberry.field(description="The recorded refund.")
    points_reversed: int = strawberry.field(description="Points this refund took back in all.")
    points_owed: int = strawberry.field(
        description="Of those, points already spent, now owed against future earnings."
    )
    cashback_reversed: Decimal = strawberry.field(description="Wallet credit this refund took back in all.")
    cashback_owed: Decimal = strawberry.field(
        description="Of that, credit already spent, now owed against future cashback."
    )
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member, with their new balance.")


RefundPurchaseResult = Annotated[
    RefundPurchaseSuccess
    | InvalidInputError
    | NotFoundError
    | RefundExceedsPurchaseError
    | IdempotencyKeyReusedError,
    strawberry.union("RefundPurchaseResult", description="The result of `refundPurchase`."),
]


@strawberry.input(description="An admin's correction of a member's points.")
class AdjustPointsInput:
    member_id: strawberry.ID = strawberry.field(description="The member.")
    amount: int = strawberry.field(description="Points to add (positive) or remove (negative).")
    reason: str = strawberry.field(description="Why; required, kept in the ledger.")
    idempotency_key: str = strawberry.field(description="Chosen by the client, for retries.")


@strawberry.type(description="The adjustment was written to the ledger.")
class AdjustPointsSuccess:
    entry_id: strawberry.ID = strawberry.field(description="The ledger entry written.")
    amount: int = strawberry.field(description="The signed change in available points.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member, with their new balance.")


AdjustPointsResult = Annotated[
    AdjustPointsSuccess
    | InvalidInputError
    | NotFoundError
    | InsufficientPointsError
    | IdempotencyKeyReusedError,
    strawberry.union("AdjustPointsResult", description="The result of `adjustPoints`."),
]


@strawberry.type
class LedgerMutations:
    @strawberry.mutation(
        description="Record a sale for a member and credit its points (staff, at one of their stores; "
        "a partner's API key with the `purchases` scope, at the partner's own stores, by memberId)."
    )
    async def record_purchase(self, info: Info, input: RecordPurchaseInput) -> RecordPurchaseResult:
        actor = await info.context.key_or_staff("purchases", Role.CASHIER, Role.ADMIN)
        try:
            result = await service.record_purchase(
                actor=actor,
                member_id=str(input.member_id) if input.member_id else None,
                card_number=input.card_number,
                scan_code=input.scan_code,
                scan_policy=info.context.scan_policy,
                amount=input.amount,
                currency=input.currency,
                reference=input.reference,
                store_id=str(input.store_id),
                idempotency_key=input.idempotency_key,
                max_amount=info.context.settings.max_purchase_amount,
                lines=[
                    {"sku": line.sku, "category": line.category, "quantity": line.quantity, "amount": line.amount}
                    for line in input.lines or []
                ],
                surprise_key=surprise_key(info.context.settings.secret),
            )
            if result.member is not None and result.account is not None:
                member = Member.from_model(result.member)
                info.context.loaders.points_account_by_member_id.prime(result.member_id, result.account)
            else:
                member = await _member(result.member_id)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return RecordPurchaseSuccess(
            purchase_id=strawberry.ID(result.purchase_id),
            points_earned=result.points_earned,
            base_points=result.base_points,
            bonus_points=result.bonus_points,
            applied_rules=[AppliedRule(name=a["name"], points=a["points"]) for a in result.applied_rules],
            completed_offers=[
                CompletedOffer(offer_id=strawberry.ID(c["offerId"]), title=c["title"], points=c["points"])
                for c in result.completed_offers
            ],
            pending=result.pending,
            cashback_earned=result.cashback,
            replayed=result.replayed,
            member=member,
        )

    @strawberry.mutation(description="Refund part or all of a purchase; its points go back in proportion (staff).")
    async def refund_purchase(self, info: Info, input: RefundPurchaseInput) -> RefundPurchaseResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            result = await service.refund_purchase(
                actor=actor,
                reference=input.reference,
                amount=input.amount,
                store_id=str(input.store_id) if input.store_id else None,
                idempotency_key=input.idempotency_key,
                max_amount=info.context.settings.max_purchase_amount,
            )
            member = await _member(result.member_id)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return RefundPurchaseSuccess(
            refund_id=strawberry.ID(result.refund_id),
            points_reversed=result.points_reversed,
            points_owed=result.points_owed,
            cashback_reversed=result.cashback_reversed,
            cashback_owed=result.cashback_owed,
            replayed=result.replayed,
            member=member,
        )

    @strawberry.mutation(description="Add or remove a member's points with a reason (admin only).")
    async def adjust_points(self, info: Info, input: AdjustPointsInput) -> AdjustPointsResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            result = await service.adjust_points(
                actor=actor,
                member_id=str(input.member_id),
                amount=input.amount,
                reason=input.reason,
                idempotency_key=input.idempotency_key,
            )
            member = await _member(result.member_id)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return AdjustPointsSuccess(
            entry_id=strawberry.ID(str(result.entry_id)),
            amount=result.amount,
            replayed=result.replayed,
            member=member,
        )
