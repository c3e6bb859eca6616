"""The GraphQL face of member care: claims, associates and clients."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from wallet.care import models
from wallet.graphql.types import Info, PageInfo
from wallet.ledger.types import LedgerEntry
from wallet.pagination import encode_cursor

if TYPE_CHECKING:
    from wallet.members.types import Member
    from wallet.staff.types import Store

CLAIM_CURSOR = "claim"
CLIENT_CURSOR = "client"

ClaimStatus = strawberry.enum(
    models.ClaimStatus, description="Where a missing-points claim stands: open, approved or rejected."
)


@strawberry.type(name="MissingPointsClaim", description="A member's claim for a purchase that earned no points.")
class MissingPointsClaim:
    id: strawberry.ID = strawberry.field(description="The claim's id.")
    status: ClaimStatus = strawberry.field(description="Open, approved or rejected.")
    purchased_at: datetime = strawberry.field(description="When the purchase was made (UTC).")
    amount: Decimal = strawberry.field(description="What the member paid.")
    currency: str = strawberry.field(description="The program's currency.")
    receipt_reference: str = strawberry.field(description="The receipt's reference, as printed.")
    reason: str | None = strawberry.field(description="Why staff rejected it; null unless rejected.")
    points_earned: int | None = strawberry.field(description="Points the approved purchase earned; null until approved.")
    decided_at: datetime | None = strawberry.field(description="When staff approved or rejected it (UTC).")
    created_at: datetime = strawberry.field(description="When it was filed (UTC).")
    store_id: strawberry.Private[str]
    member_id: strawberry.Private[str]

    @classmethod
    def from_model(cls, claim: models.MissingPointsClaim) -> "MissingPointsClaim":
        return cls(
            id=strawberry.ID(str(claim.id)),
            status=ClaimStatus(claim.status),
            purchased_at=claim.purchased_at,
            amount=claim.amount,
            currency=claim.currency,
            receipt_reference=claim.receipt_reference,
            reason=claim.decision_reason if claim.status is models.ClaimStatus.REJECTED else None,
            points_earned=claim.points_earned,
            decided_at=claim.decided_at,
            created_at=claim.created_at,
            store_id=str(claim.store_id),
            member_id=str(claim.member_id),
        )

    @strawberry.field(description="Where the purchase was made.")
    async def store(self, info: Info) -> Annotated["Store", strawberry.lazy("wallet.staff.types")] | None:
        from wallet.staff.types import Store

        store = await info.context.loaders.store_by_id.load(self.store_id)
        return Store.from_model(store) if store is not None else None

    @strawberry.field(description="The member who filed it.")
    async def member(self, info: Info) -> Annotated["Member", strawberry.lazy("wallet.members.types")] | None:
        from wallet.members.types import Member

        member = await info.context.loaders.member_by_id.load(self.member_id)
        return Member.from_model(member) if member is not None else None


@strawberry.type(description="A claim and its cursor.")
class MissingPointsClaimEdge:
    cursor: str = strawberry.field(description="Where this claim stands in the list.")
    node: MissingPointsClaim = strawberry.field(description="The claim.")


@strawberry.type(description="A page of missing-points claims.")
class MissingPointsClaimConnection:
    edges: list[MissingPointsClaimEdge] = strawberry.field(description="The claims of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


def claim_connection(rows: list[models.MissingPointsClaim], has_next: bool) -> MissingPointsClaimConnection:
    edges = [
        MissingPointsClaimEdge(cursor=encode_cursor(CLAIM_CURSOR, c.id), node=MissingPointsClaim.from_model(c))
        for c in rows
    ]
    return MissingPointsClaimConnection(
        edges=edges, page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None)
    )


@strawberry.type(description="The staff member who looks after a member, and how to reach them.")
class Associate:
    name: str = strawberry.field(description="Their name.")
    email: str = strawberry.field(description="Their e-mail.")
    phone: str | None = strawberry.field(description="Their phone number; null when not given.")


async def member_associate(info: Info, member_id: str) -> Associate | None:
    staff = await info.context.loaders.associate_by_member_id.load(member_id)
    if staff is None:
        return None
    return Associate(name=staff.name, email=staff.email, phone=staff.phone or None)


@strawberry.type(description="A member assigned to the viewing staff member.")
class Client:
    assigned_at: datetime = strawberry.field(description="When they were assigned (UTC).")
    member_id: strawberry.Private[str]

    @strawberry.field(description="The member.")
    async def member(self, info: Info) -> Annotated["Member", strawberry.lazy("wallet.members.types")] | None:
        from wallet.members.types import Member

        member = await info.context.loaders.member_by_id.load(self.member_id)
        return Member.from_model(member) if member is not None else None

    @strawberry.field(description="The member's five newest ledger entries, newest first (`member.activity` pages them all).")
    async def recent_activity(self, info: Info) -> list[LedgerEntry]:
        entries = await info.context.loaders.recent_entries_by_member_id.load(self.member_id)
        return [LedgerEntry.from_model(e) for e in entries]


@strawberry.type(description="A client and its cursor.")
class ClientEdge:
    cursor: str = strawberry.field(description="Where this client stands in the list.")
    node: Client = strawberry.field(description="The client.")


@strawberry.type(description="A page of the viewer's clients, in order of assignment.")
class ClientConnection:
    edges: list[ClientEdge] = strawberry.field(description="The clients of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


def client_connection(rows: list[models.MemberAssociate], has_next: bool) -> ClientConnection:
    edges = [
        ClientEdge(
            cursor=encode_cursor(CLIENT_CURSOR, row.id),
            node=Client(assigned_at=row.assigned_at, member_id=str(row.member_id)),
        )
        for row in rows
    ]
    return ClientConnection(
        edges=edges, page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None)
    )
