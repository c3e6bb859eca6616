"""GraphQL types of the ledger: balances and entries."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from wallet.graphql.types import PageInfo
from wallet.ledger import models

if TYPE_CHECKING:
    from wallet.ledger.service import Activity

EntryKind = strawberry.enum(models.EntryKind, description="What caused a ledger entry.")
Bucket = strawberry.enum(
    models.Bucket, description="Which balance an entry changes: available, pending or owed."
)


@strawberry.type(description="Points that will lapse, and when.")
class ExpiringPoints:
    amount: int = strawberry.field(description="How many points.")
    on: datetime = strawberry.field(
        description="When they lapse (UTC): the end of a day in the program's time zone."
    )


@strawberry.type(description="A member's points balances.")
class Points:
    available: int = strawberry.field(description="Points the member can spend now.")
    pending: int = strawberry.field(description="Earned points not yet available.")
    lifetime: int = strawberry.field(
        description="All points ever earned, less points reversed by refunds."
    )
    owed: int = strawberry.field(
        description="Points a refund took back after they were spent; future earnings repay them."
    )
    account: strawberry.Private[models.PointsAccount | None] = None

    @strawberry.field(description="Available points that lapse within the next 90 days, soonest first.")
    async def expiring_soon(self) -> list[ExpiringPoints]:
        if self.account is None:
            return []
        from wallet.ledger.expiry import expiring_soon
        from wallet.program.service import get_program

        expiring = await expiring_soon(await get_program(), self.account)
        return [ExpiringPoints(amount=e.amount, on=e.on) for e in expiring]

    @classmethod
    def from_account(cls, account: models.PointsAccount | None) -> "Points":
        if account is None:
            return cls(available=0, pending=0, lifetime=0, owed=0)
        return cls(
            available=account.available,
            pending=account.pending,
            lifetime=account.lifetime,
            owed=account.owed,
            account=account,
        )


@strawberry.type(description="One append-only change of one of a member's balances.")
class LedgerEntry:
    id: strawberry.ID = strawberry.field(description="The entry's id.")
    kind: EntryKind = strawberry.field(description="What caused the change.")
    bucket: Bucket = strawberry.field(description="Which balance changed.")
    amount: int = strawberry.field(description="Signed change in points.")
    balance_after: int = strawberry.field(description="The balance of `bucket` after this entry.")
    reason: str = strawberry.field(description="Why, in words.")
    reference: str = strawberry.field(description="The purchase or other reference it belongs to.")
    created_at: datetime = strawberry.field(description="When it was written (UTC).")

    @classmethod
    def from_model(cls, entry: models.LedgerEntry | Activity) -> "LedgerEntry":
        return cls(
            id=strawberry.ID(str(entry.id)),
            kind=entry.kind,
            bucket=entry.bucket,
            amount=entry.amount,
            balance_after=entry.balance_after,
            reason=entry.reason,
            reference=entry.reference,
            created_at=entry.created_at,
        )


@strawberry.type(description="A ledger entry and its cursor.")
class LedgerEntryEdge:
    cursor: str = strawberry.field(description="Where this entry stands in the list.")
    node: LedgerEntry = strawberry.field(description="The entry.")


@strawberry.type(description="A page of ledger entries, newest first.")
class LedgerEntryConnection:
    edges: list[LedgerEntryEdge] = strawberry.field(description="The entries of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


