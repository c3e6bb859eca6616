"""The GraphQL face of live updates: subscriptions, over WebSocket (graphql-transport-ws).

Each subscription listens on topics derived from the signed-in account, never from what
the client names: a member hears only their own points and tier. For every event the
connection reads afresh (new DataLoaders) and checks its account again, so a deactivated
account or a revoked staff token stops receiving at the next event.
"""
from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.types import Info
from wallet.ledger import service as ledger
from wallet.ledger.types import LedgerEntry, Points
from wallet.live import service
from wallet.members.types import Member
from wallet.staff.service import store_for
from wallet.staff.types import Store
from wallet.tiers import service as tiers
from wallet.tiers.types import Tier


@strawberry.type(description="A change of the signed-in member's points, or their balance as it stands.")
class PointsChange:
    points: Points = strawberry.field(description="The member's balances, read when this message was sent.")
    entries: list[LedgerEntry] = strawberry.field(
        description=(
            "The ledger entries of the change, oldest first. Empty in the first message, which "
            "gives the balance as it stands when the subscription starts (and again after "
            "events may have been missed)."
        )
    )

    @strawberry.field(description="The newest ledger entry of the change; null when `entries` is empty.")
    def entry(self) -> LedgerEntry | None:
        return self.entries[-1] if self.entries else None


@strawberry.type(description="The signed-in member moved between tiers.")
class TierChange:
    old_tier: Tier | None = strawberry.field(description="The tier held before; null without one.")
    new_tier: Tier | None = strawberry.field(description="The tier held now; null without one.")


@strawberry.type(description="A till identified a member (scanMember) at one of the viewer's stores.")
class MemberScan:
    member: Member = strawberry.field(description="The member scanned: name, tier, points.")
    store: Store = strawberry.field(description="Where.")
    scanned_at: datetime = strawberry.field(description="When (UTC).")


async def _points_change(info: Info, member_id: str, event: service.Event | None) -> PointsChange:
    info.context.fresh_loaders()
    await info.context.member()  # still an active account
    account = await info.context.loaders.points_account_by_member_id.load(member_id)
    entries = []
    if event is not None and event.kind == service.POINTS:
        entries = await ledger.entries_between(member_id, int(event.data["a"]), int(event.data["b"]))
    return PointsChange(points=Points.from_account(account), entries=[LedgerEntry.from_model(e) for e in entries])


@strawberry.type
class LiveSubscriptions:
    @strawberry.subscription(
        description=(
            "The signed-in member's points, live: first the balance as it stands, then one "
            "message per change (purchase, refund, adjustment, redemption, expiry, bonus)."
        )
    )
    async def points_changed(self, info: Info) -> AsyncGenerator[PointsChange, None]:
        member = await info.context.member()
        member_id = str(member.id)
        # Listening before the first read: a change made meanwhile is sent after it.
        async with service.subscribe([service.points_topic(member_id)]) as subscription:
            yield await _points_change(info, member_id, None)
            while True:
                event = await subscription.next()
                yield await _points_change(info, member_id, event)

    @strawberry.subscription(description="The signed-in member's tier moves, up or down, as they happen.")
    async def tier_changed(self, info: Info) -> AsyncGenerator[TierChange, None]:
        member = await info.context.member()
        member_id = str(member.id)
        async with service.subscribe([service.tier_topic(member_id)]) as subscription:
            while True:
                event = await subscription.next()
                if event.kind != service.TIER:
                    continue
                info.context.fresh_loaders()
                await info.context.member()
                ladder = await tiers.ladder()
                old, new = ladder.by_id(event.data.get("f")), ladder.by_id(event.data.get("t"))
                yield TierChange(
                    old_tier=Tier.from_model(old) if old else None,
                    new_tier=Tier.from_model(new) if new else None,
                )

    @strawberry.subscription(
        description=(
            "Members identified at tills (scanMember), for a cashier's console: at `storeId` "
            "(one of the cashier's stores; admins: any), else at all of the viewer's stores."
        )
    )
    async def member_scanned(
        self, info: Info, store_id: strawberry.ID | None = None
    ) -> AsyncGenerator[MemberScan, None]:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        store_ids = await service.stores_to_watch(actor, str(store_id) if store_id is not None else None)
        async with service.subscribe([service.scan_topic(s) for s in store_ids]) as subscription:
            while True:
                event = await subscription.next()
                if event.kind != service.SCAN:
                    continue
                info.context.fresh_loaders()
                actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
                try:
                    # Still theirs: an unassigned or closed store's scans stop at once.
                    store = await store_for(actor, event.data["s"])
                except DomainError:
                    continue
                member = await info.context.loaders.member_by_id.load(event.data["m"])
                if member is None:
                    continue
                yield MemberScan(
                    member=Member.from_model(member),
                    store=Store.from_model(store),
                    scanned_at=datetime.fromisoformat(event.data["at"]),
                )
