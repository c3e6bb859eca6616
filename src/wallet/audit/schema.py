"""The audit log, for admins: read-only. Nothing in the API edits or deletes a record."""
from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from wallet.actors import Role
from wallet.audit import service
from wallet.audit.models import AuditRecord as AuditRecordModel
from wallet.graphql.types import Info, PageInfo
from wallet.pagination import decode_cursor, encode_cursor, page_size

CURSOR = "audit"


@strawberry.type(description="One action that changed state: who, where, what, before and after.")
class AuditRecord:
    id: strawberry.ID = strawberry.field(description="The record's id; higher is later.")
    at: datetime = strawberry.field(description="When it happened (UTC).")
    actor_kind: str = strawberry.field(description="staff or system.")
    actor_id: strawberry.ID | None = strawberry.field(description="The staff account; null for the system.")
    role: str | None = strawberry.field(description="The actor's role at the time.")
    store_id: strawberry.ID | None = strawberry.field(description="The store it happened at, if any.")
    action: str = strawberry.field(description="What was done, e.g. purchase.record, staff.update.")
    target_type: str = strawberry.field(description="The kind of thing changed, e.g. purchase.")
    target_id: str | None = strawberry.field(description="Its id.")
    member_id: strawberry.ID | None = strawberry.field(description="The member concerned, if any.")
    before: JSON | None = strawberry.field(description="A summary of the thing before; null for a creation.")
    after: JSON | None = strawberry.field(description="A summary of the thing after.")
    request_id: str | None = strawberry.field(description="The HTTP request (X-Request-Id) that did it.")

    @classmethod
    def from_model(cls, record: AuditRecordModel) -> "AuditRecord":
        return cls(
            id=strawberry.ID(str(record.id)),
            at=record.created_at,
            actor_kind=record.actor_kind,
            actor_id=strawberry.ID(record.actor_id) if record.actor_id else None,
            role=record.role,
            store_id=strawberry.ID(str(record.store_id)) if record.store_id else None,
            action=record.action,
            target_type=record.target_type,
            target_id=record.target_id,
            member_id=strawberry.ID(str(record.member_id)) if record.member_id else None,
            before=record.before,
            after=record.after,
            request_id=record.request_id,
        )


@strawberry.type(description="An audit record in a page.")
class AuditRecordEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this record.")
    node: AuditRecord = strawberry.field(description="The record.")


@strawberry.type(description="A page of audit records, newest first.")
class AuditRecordConnection:
    edges: list[AuditRecordEdge] = strawberry.field(description="The records of this page.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and from where.")


@strawberry.input(description="Narrow the audit log; every given field must match.")
class AuditLogFilter:
    actor: strawberry.ID | None = strawberry.field(
        default=None, description="A staff account's id, or \"system\" for jobs."
    )
    member: strawberry.ID | None = strawberry.field(default=None, description="The member concerned.")
    action: str | None = strawberry.field(
        default=None,
        description="An action, e.g. purchase.refund; ending with a dot, a prefix (\"staff.\").",
    )
    store: strawberry.ID | None = strawberry.field(default=None, description="The store.")
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="From this moment, inclusive."
    )
    to: datetime | None = strawberry.field(default=None, description="Until this moment, exclusive.")


@strawberry.type
class AuditQueries:
    @strawberry.field(description="What staff and the system changed, newest first (admin only).")
    async def audit_log(
        self,
        info: Info,
        first: int | None = 50,
        after: str | None = None,
        filter: AuditLogFilter | None = None,
    ) -> AuditRecordConnection:
        await info.context.staff(Role.ADMIN)
        size = page_size(first, info.context.settings.limits.max_page_size, default=50)
        given = filter or AuditLogFilter()
        records, has_next = await service.audit_page(
            first=size,
            before_id=decode_cursor(CURSOR, after),
            actor_id=str(given.actor) if given.actor is not None else None,
            member_id=str(given.member) if given.member is not None else None,
            action=given.action,
            store_id=str(given.store) if given.store is not None else None,
            since=given.from_,
            until=given.to,
        )
        edges = [
            AuditRecordEdge(cursor=encode_cursor(CURSOR, r.id), node=AuditRecord.from_model(r))
            for r in records
        ]
        return AuditRecordConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        )
