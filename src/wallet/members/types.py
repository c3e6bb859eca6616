"""The GraphQL face of a member."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from wallet.actors import ActorKind, Role
from wallet.errors import Forbidden
from wallet.graphql.types import Info, PageInfo
from wallet.ledger import service as ledger
from wallet.ledger.types import LedgerEntry, LedgerEntryConnection, LedgerEntryEdge, Points
from wallet.credit.types import Credit, member_credit
from wallet.members import models
from wallet.notifications import schema as notifications
from wallet.memberships.types import Membership, member_membership
from wallet.referrals.types import Referral, member_referral
from wallet.offers.schema import MemberOffer, member_offers
from wallet.pagination import decode_cursor, encode_cursor, page_size
from wallet.rewards import service as rewards
from wallet.rewards.types import Voucher, VoucherStatus
from wallet.scan.service import issue_code
from wallet.scan.types import ScanCode
from wallet.tiers.types import Tier, TierProgress, member_tier, member_tier_progress

if TYPE_CHECKING:
    from wallet.care.types import Associate, MissingPointsClaimConnection

ENTRY_CURSOR = "entry"


@strawberry.type(name="Member", description="A customer enrolled in the program.")
class Member:
    id: strawberry.ID = strawberry.field(description="The member's id.")
    email: str = strawberry.field(description="The member's email, lower-cased.")
    name: str = strawberry.field(description="The member's name.")
    card_number: str = strawberry.field(
        description="12 digits, the last a check digit: the manual fallback to the QR code."
    )
    created_at: datetime = strawberry.field(description="When the member joined (UTC).")
    referral_code: strawberry.Private[str | None] = None
    birth: strawberry.Private[date | None] = None

    @classmethod
    def from_model(cls, member: models.Member) -> "Member":
        return cls(
            id=strawberry.ID(str(member.id)),
            email=member.email,
            name=member.name,
            card_number=member.card_number,
            created_at=member.created_at,
            referral_code=member.referral_code,
            birth=member.birth_date,
        )

    @strawberry.field(description="The member's birth date, if given (the member themself and admins only).")
    async def birth_date(self, info: Info) -> date | None:
        actor = await info.context.actor()
        if not (actor.kind is ActorKind.MEMBER and actor.id == str(self.id)) and actor.role is not Role.ADMIN:
            raise Forbidden("Only the member and admins see a birth date.")
        return self.birth

    @strawberry.field(description="The member's points balances.")
    async def points(self, info: Info) -> Points:
        account = await info.context.loaders.points_account_by_member_id.load(str(self.id))
        return Points.from_account(account)

    @strawberry.field(description="The tier the member holds; null when the program has none for them.")
    async def tier(self, info: Info) -> Tier | None:
        return await member_tier(info, str(self.id))

    @strawberry.field(description="Where the member stands: tier, next tier, amount still needed.")
    async def tier_progress(self, info: Info) -> TierProgress:
        return await member_tier_progress(info, str(self.id))

    @strawberry.field(
        description="The member's paid membership: the live one, else the latest; null when never started."
    )
    async def membership(self, info: Info) -> Membership | None:
        return await member_membership(info, str(self.id))

    @strawberry.field(description="The member's wallet credit (from cashback), spendable at the till.")
    async def credit(self, info: Info) -> Credit:
        return await member_credit(str(self.id))

    @strawberry.field(description="The member's ledger entries, newest first.")
    async def activity(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> LedgerEntryConnection:
        size = page_size(first, info.context.settings.limits.max_page_size)
        entries, has_next = await ledger.activity_page(
            str(self.id), first=size, before_id=decode_cursor(ENTRY_CURSOR, after)
        )
        edges = [
            LedgerEntryEdge(cursor=encode_cursor(ENTRY_CURSOR, e.id), node=LedgerEntry.from_model(e))
            for e in entries
        ]
        return LedgerEntryConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None
            ),
        )

    @strawberry.field(
        description=(
            "A fresh scan code to show at the till (the member themself only). Fetch a new one "
            "before `expiresAt`; each fetch gives a different code."
        )
    )
    async def scan_code(self, info: Info) -> ScanCode:
        viewer = await info.context.member()
        if str(viewer.id) != str(self.id):
            raise Forbidden("Only the member may see their scan code.")
        issued = issue_code(info.context.scan_policy, viewer.id)
        return ScanCode(payload=issued.payload, expires_at=issued.expires_at)

    @strawberry.field(description="The member's referral code, invitation link and referrals (the member themself only).")
    async def referral(self, info: Info) -> Referral:
        viewer = await info.context.member()
        if str(viewer.id) != str(self.id):
            raise Forbidden("Only the member may see their referrals.")
        return await member_referral(info, str(self.id), self.referral_code)

    @strawberry.field(description="The member's missing-points claims, newest first, with their status and any reason.")
    async def claims(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Annotated["MissingPointsClaimConnection", strawberry.lazy("wallet.care.types")]:
        from wallet.care import service as care
        from wallet.care.types import CLAIM_CURSOR, claim_connection

        size = page_size(first, info.context.settings.limits.max_page_size)
        rows, has_next = await care.member_claims(
            str(self.id), first=size, before_id=decode_cursor(CLAIM_CURSOR, after)
        )
        return claim_connection(rows, has_next)

    @strawberry.field(description="The staff member assigned to look after the member, and how to reach them; null when none.")
    async def associate(self, info: Info) -> Annotated["Associate", strawberry.lazy("wallet.care.types")] | None:
        from wallet.care.types import member_associate

        return await member_associate(info, str(self.id))

    @strawberry.field(
        description="Offers for the member now: those they are targeted by or activated, with progress; soonest to end first."
    )
    async def offers(self, info: Info) -> list[MemberOffer]:
        return await member_offers(info, str(self.id))

    @strawberry.field(description="The member's vouchers, newest first.")
    async def vouchers(
        self, info: Info, status: VoucherStatus | None = None, first: int | None = 50
    ) -> list[Voucher]:
        size = page_size(first, info.context.settings.limits.max_page_size, default=50)
        rows = await rewards.member_vouchers(str(self.id), status=status, limit=size)
        return [Voucher.from_model(v) for v in rows]

    @strawberry.field(description="The member's notifications, newest first (the member themself only).")
    async def notifications(
        self, info: Info, first: int | None = 20, after: str | None = None, unread_only: bool = False
    ) -> notifications.NotificationConnection:
        return await notifications.member_notifications(info, str(self.id), first, after, unread_only)

    @strawberry.field(description="How many of the member's notifications are unread (the member themself only).")
    async def unread_notification_count(self, info: Info) -> int:
        return await notifications.member_unread_count(info, str(self.id))

    @strawberry.field(description="The kinds of notification the member muted (the member themself only).")
    async def muted_notification_kinds(self, info: Info) -> list[notifications.NotificationKind]:
        return await notifications.member_muted_kinds(info, str(self.id))
