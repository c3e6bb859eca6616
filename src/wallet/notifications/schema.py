"""Notifications in the wallet: the member's list, unread count, marking read and muting.
Thin: the rules are in the service."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from wallet.errors import DomainError, Forbidden
from wallet.graphql.errors import InvalidInputError, NotFoundError, error_type
from wallet.graphql.types import Info, PageInfo
from wallet.notifications import models, service
from wallet.pagination import decode_cursor, encode_cursor, page_size

CURSOR = "notification"

NotificationKind = strawberry.enum(
    models.NotificationKind,
    description=(
        "balance_changed: points earned, taken back, adjusted or spent; tier_up; points_expiring; "
        "offer_available; membership_renewal; membership_payment_failed; message: anything else."
    ),
)


@strawberry.type(description="Something the program told the member.")
class Notification:
    id: strawberry.ID = strawberry.field(description="The notification's id.")
    kind: NotificationKind = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="One line to show.")
    body: str = strawberry.field(description="More about it; may be empty.")
    data: JSON = strawberry.field(description="Ids and figures it is about (e.g. purchaseId, points), to link to them.")
    created_at: datetime = strawberry.field(description="When it was sent (UTC).")
    read_at: datetime | None = strawberry.field(description="When the member first marked it read; null while unread.")

    @classmethod
    def from_model(cls, row: models.Notification) -> "Notification":
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=models.NotificationKind(row.kind),
            title=row.title,
            body=row.body,
            data=row.data or {},
            created_at=row.created_at,
            read_at=row.read_at,
        )


@strawberry.type(description="One notification in a page.")
class NotificationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this notification.")
    node: Notification = strawberry.field(description="The notification.")


@strawberry.type(description="A page of notifications, newest first.")
class NotificationConnection:
    edges: list[NotificationEdge] = strawberry.field(description="The notifications of this page.")
    page_info: PageInfo = strawberry.field(description="Whether more follow.")


async def _own(info: Info, member_id: str) -> str:
    """Notifications are the member's own: not even staff read them."""
    viewer = await info.context.member()
    if str(viewer.id) != member_id:
        raise Forbidden("Only the member may see their notifications.")
    return member_id


async def member_notifications(
    info: Info, member_id: str, first: int | None, after: str | None, unread_only: bool
) -> NotificationConnection:
    await _own(info, member_id)
    size = page_size(first, info.context.settings.limits.max_page_size)
    rows, has_next = await service.notifications_page(
        member_id, first=size, before_id=decode_cursor(CURSOR, after), unread_only=unread_only
    )
    edges = [NotificationEdge(cursor=encode_cursor(CURSOR, row.id), node=Notification.from_model(row)) for row in rows]
    return NotificationConnection(
        edges=edges, page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None)
    )


async def member_unread_count(info: Info, member_id: str) -> int:
    return await service.unread_count(await _own(info, member_id))


async def member_muted_kinds(info: Info, member_id: str) -> list[NotificationKind]:
    return await service.muted_kinds(await _own(info, member_id))  # type: ignore[return-value]


@strawberry.input(description="Which notifications to mark read: give ids, or all: true.")
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Your notifications to mark read (at most 100).")
    all: bool = strawberry.field(default=False, description="Mark every one of your notifications read.")


@strawberry.type(description="The notifications are read.")
class MarkNotificationsReadSuccess:
    marked: int = strawberry.field(description="How many were unread until now.")
    unread_count: int = strawberry.field(description="Your notifications still unread.")


MarkNotificationsReadResult = Annotated[
    MarkNotificationsReadSuccess | InvalidInputError | NotFoundError,
    strawberry.union("MarkNotificationsReadResult", description="The result of `markNotificationsRead`."),
]


@strawberry.input(description="The kinds of notification you do not want (replaces the list).")
class MuteNotificationKindsInput:
    kinds: list[NotificationKind] = strawberry.field(description="Kinds to mute; empty to receive every kind.")


@strawberry.type(description="Your muted kinds were saved.")
class MuteNotificationKindsSuccess:
    muted_kinds: list[NotificationKind] = strawberry.field(description="The kinds you no longer receive.")


MuteNotificationKindsResult = Annotated[
    MuteNotificationKindsSuccess | InvalidInputError,
    strawberry.union("MuteNotificationKindsResult", description="The result of `muteNotificationKinds`."),
]


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Mark your notifications read (members). Safe to retry.")
    async def mark_notifications_read(self, info: Info, input: MarkNotificationsReadInput) -> MarkNotificationsReadResult:
        member = await info.context.member()
        ids = None if input.ids is None else [str(i) for i in input.ids]
        try:
            marked = await service.mark_read(member.id, ids=ids, all=input.all)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MarkNotificationsReadSuccess(marked=marked, unread_count=await service.unread_count(member.id))

    @strawberry.mutation(
        description="Choose the kinds of notification you do not receive (members); membership_payment_failed cannot be muted."
    )
    async def mute_notification_kinds(self, info: Info, input: MuteNotificationKindsInput) -> MuteNotificationKindsResult:
        member = await info.context.member()
        try:
            kinds = await service.set_muted_kinds(member.id, [models.NotificationKind(k.value) for k in input.kinds])
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return MuteNotificationKindsSuccess(muted_kinds=kinds)  # type: ignore[arg-type]
