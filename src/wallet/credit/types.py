"""The GraphQL face of wallet credit."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from wallet.credit import models, service
from wallet.graphql.types import Info
from wallet.pagination import page_size


@strawberry.type(description="One change of a member's wallet credit.")
class CreditMovement:
    id: strawberry.ID = strawberry.field(description="The entry's id.")
    kind: str = strawberry.field(description="cashback, refund, spend or recover.")
    bucket: str = strawberry.field(description="available, or owed (credit a refund could not take back).")
    amount: Decimal = strawberry.field(description="The signed change.")
    balance_after: Decimal = strawberry.field(description="That bucket's balance after it.")
    reason: str = strawberry.field(description="Why, for people.")
    reference: str = strawberry.field(description="The receipt or till reference.")
    created_at: datetime = strawberry.field(description="When (UTC).")

    @classmethod
    def from_model(cls, entry: models.CreditEntry) -> "CreditMovement":
        cent = Decimal("0.01")
        return cls(
            id=strawberry.ID(str(entry.id)),
            kind=entry.kind.value,
            bucket=entry.bucket.value,
            amount=Decimal(entry.amount).quantize(cent),
            balance_after=Decimal(entry.balance_after).quantize(cent),
            reason=entry.reason,
            reference=entry.reference,
            created_at=entry.created_at,
        )


@strawberry.type(description="A member's wallet credit: money to spend at the till.")
class Credit:
    balance: Decimal = strawberry.field(description="Credit available to spend.")
    owed: Decimal = strawberry.field(description="Cashback refunds could not take back; later cashback pays it first.")
    currency: str = strawberry.field(description="The credit's currency (the program's).")
    member_id: strawberry.Private[str]

    @strawberry.field(description="Credit movements, newest first.")
    async def history(self, info: Info, first: int | None = 20) -> list[CreditMovement]:
        size = page_size(first, info.context.settings.limits.max_page_size)
        return [CreditMovement.from_model(e) for e in await service.history(self.member_id, first=size)]


async def member_credit(member_id: str) -> Credit:
    balance = await service.balance_of(member_id)
    return Credit(balance=balance.balance, owed=balance.owed, currency=balance.currency, member_id=member_id)
