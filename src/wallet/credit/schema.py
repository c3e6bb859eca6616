"""Wallet credit at the till, and cashback promotions: thin, the rules are in the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.credit import service
from wallet.credit.models import CashbackPromotion as PromotionModel
from wallet.errors import DomainError
from wallet.graphql.errors import (
    IdempotencyKeyReusedError,
    InsufficientCreditError,
    InvalidInputError,
    NotFoundError,
    RateLimitedError,
    ScanCodeClaimedError,
    ScanCodeExpiredError,
    ScanCodeForgedError,
    ScanCodeMalformedError,
    ScanCodeTamperedError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.members import service as members
from wallet.members.types import Member


@strawberry.input(description="Spend a member's credit at a till. Give one of scanCode, cardNumber or memberId.")
class ApplyCreditInput:
    member_id: strawberry.ID | None = strawberry.field(default=None, description="The member.")
    card_number: str | None = strawberry.field(default=None, description="Or their card number, typed.")
    scan_code: str | None = strawberry.field(default=None, description="Or the code scanned from their phone.")
    amount: Decimal = strawberry.field(description="Credit to spend, e.g. \"5.00\".")
    reference: str = strawberry.field(description="The receipt or till reference.")
    store_id: strawberry.ID = strawberry.field(description="Where it is spent.")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry replays the first answer.")


@strawberry.type(description="The credit was spent.")
class ApplyCreditSuccess:
    entry_id: strawberry.ID = strawberry.field(description="The credit entry written.")
    amount: Decimal = strawberry.field(description="Credit spent.")
    balance: Decimal = strawberry.field(description="Credit left after it.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member.")


ApplyCreditResult = Annotated[
    ApplyCreditSuccess
    | InvalidInputError
    | NotFoundError
    | InsufficientCreditError
    | IdempotencyKeyReusedError
    | ScanCodeMalformedError
    | ScanCodeForgedError
    | ScanCodeTamperedError
    | ScanCodeExpiredError
    | ScanCodeClaimedError
    | RateLimitedError,
    strawberry.union("ApplyCreditResult", description="The result of `applyCredit`."),
]


@strawberry.type(description="A raise of the cashback percent within a time window.")
class CashbackPromotion:
    id: strawberry.ID = strawberry.field(description="The promotion's id.")
    name: str = strawberry.field(description="Its name.")
    extra_percent: Decimal = strawberry.field(description="Percent added to the cashback of purchases in the window.")
    starts_at: datetime = strawberry.field(description="From (inclusive, UTC).")
    ends_at: datetime = strawberry.field(description="Until (exclusive, UTC).")
    is_active: bool = strawberry.field(description="False switches it off.")

    @classmethod
    def from_model(cls, p: PromotionModel) -> "CashbackPromotion":
        return cls(id=strawberry.ID(str(p.id)), name=p.name,
                   extra_percent=Decimal(p.extra_percent).quantize(Decimal("0.01")),
                   starts_at=p.starts_at, ends_at=p.ends_at, is_active=p.is_active)


@strawberry.input(description="A new cashback promotion.")
class CreateCashbackPromotionInput:
    name: str = strawberry.field(description="Up to 100 characters.")
    extra_percent: Decimal = strawberry.field(description="Above 0, at most 100.")
    starts_at: datetime = strawberry.field(description="From, with its offset.")
    ends_at: datetime = strawberry.field(description="Until, after startsAt.")


@strawberry.type(description="The promotion as it is now.")
class CashbackPromotionSuccess:
    promotion: CashbackPromotion = strawberry.field(description="The promotion.")


CashbackPromotionResult = Annotated[
    CashbackPromotionSuccess | InvalidInputError | NotFoundError,
    strawberry.union("CashbackPromotionResult", description="The result of a promotion change."),
]


@strawberry.type
class CreditQueries:
    @strawberry.field(description="Cashback promotions, latest start first (admin only).")
    async def cashback_promotions(self, info: Info) -> list[CashbackPromotion]:
        await info.context.staff(Role.ADMIN)
        return [CashbackPromotion.from_model(p) for p in await service.promotions()]


@strawberry.type
class CreditMutations:
    @strawberry.mutation(description="Spend a member's wallet credit (staff, at one of their stores; audited).")
    async def apply_credit(self, info: Info, input: ApplyCreditInput) -> ApplyCreditResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            result = await service.apply_credit(
                actor=actor,
                member_id=str(input.member_id) if input.member_id else None,
                card_number=input.card_number,
                scan_code=input.scan_code,
                scan_policy=info.context.scan_policy,
                amount=input.amount,
                reference=input.reference,
                store_id=str(input.store_id),
                idempotency_key=input.idempotency_key,
                max_amount=info.context.settings.max_purchase_amount,
            )
            member = Member.from_model(await members.get_member(result.member_id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return ApplyCreditSuccess(
            entry_id=strawberry.ID(str(result.entry_id)), amount=result.amount.quantize(Decimal("0.01")),
            balance=result.balance.quantize(Decimal("0.01")), replayed=result.replayed, member=member,
        )

    @strawberry.mutation(description="Add a cashback promotion (admin only; audited).")
    async def create_cashback_promotion(self, info: Info, input: CreateCashbackPromotionInput) -> CashbackPromotionResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            promotion = await service.create_promotion(
                actor, name=input.name, extra_percent=input.extra_percent,
                starts_at=input.starts_at, ends_at=input.ends_at,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CashbackPromotionSuccess(promotion=CashbackPromotion.from_model(promotion))

    @strawberry.mutation(description="Switch a cashback promotion on or off (admin only; audited).")
    async def set_cashback_promotion_active(
        self, info: Info, id: strawberry.ID, is_active: bool
    ) -> CashbackPromotionResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            promotion = await service.set_promotion_active(actor, str(id), is_active)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CashbackPromotionSuccess(promotion=CashbackPromotion.from_model(promotion))
