"""Sales without a member: the till's `recordNonMemberSale`. Thin: the rules are in
`wallet.sales.service`."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import (
    DuplicateError,
    IdempotencyKeyReusedError,
    InvalidInputError,
    NotFoundError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.sales import service


@strawberry.input(description="A sale at a till to a customer who is not a member: counted in the figures, earns nothing.")
class RecordNonMemberSaleInput:
    store_id: strawberry.ID = strawberry.field(description="Where the sale happened.")
    amount: Decimal = strawberry.field(description="What the customer paid, e.g. \"19.99\".")
    currency: str | None = strawberry.field(
        default=None, description="The program's currency (the default when omitted)."
    )
    reference: str = strawberry.field(
        description="The receipt number; unique among sales, and not a member purchase's."
    )
    idempotency_key: str = strawberry.field(
        description="Chosen by the client; a retry with the same key replays the first answer."
    )


@strawberry.type(description="A sale recorded without a member.")
class NonMemberSale:
    id: strawberry.ID = strawberry.field(description="The sale.")
    store_id: strawberry.ID = strawberry.field(description="Where it happened.")
    amount: Decimal = strawberry.field(description="What was paid.")
    currency: str = strawberry.field(description="In this currency.")
    reference: str = strawberry.field(description="The receipt number.")
    created_at: datetime = strawberry.field(description="When it was recorded (UTC).")


@strawberry.type(description="The sale was recorded.")
class RecordNonMemberSaleSuccess:
    sale: NonMemberSale = strawberry.field(description="The sale recorded.")
    replayed: bool = strawberry.field(description="True when this answers a retry of an earlier, identical request.")


RecordNonMemberSaleResult = Annotated[
    RecordNonMemberSaleSuccess | InvalidInputError | NotFoundError | DuplicateError | IdempotencyKeyReusedError,
    strawberry.union("RecordNonMemberSaleResult", description="The result of `recordNonMemberSale`."),
]


@strawberry.type
class SalesMutations:
    @strawberry.mutation(
        description="Record a sale without a member, for the program's figures: no points (staff, at one "
        "of their stores)."
    )
    async def record_non_member_sale(
        self, info: Info, input: RecordNonMemberSaleInput
    ) -> RecordNonMemberSaleResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            sale = await service.record_non_member_sale(
                actor=actor,
                store_id=str(input.store_id),
                amount=input.amount,
                currency=input.currency,
                reference=input.reference,
                idempotency_key=input.idempotency_key,
                max_amount=info.context.settings.max_purchase_amount,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return RecordNonMemberSaleSuccess(
            sale=NonMemberSale(
                id=strawberry.ID(sale.sale_id),
                store_id=strawberry.ID(sale.store_id),
                amount=sale.amount,
                currency=sale.currency,
                reference=sale.reference,
                created_at=sale.created_at,
            ),
            replayed=sale.replayed,
        )
