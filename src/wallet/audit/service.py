"""The audit trail: who changed what, when and where, before and after. Append-only."""
from __future__ import annotations

import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from wallet import clock, validation
from wallet.errors import InvalidInput
from wallet.actors import Actor
from wallet.audit.models import AuditRecord

# Set by the app for each HTTP request, so records name the request without every service
# passing it along.
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


async def record(
    actor: Actor,
    action: str,
    *,
    target_type: str,
    target_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    store_id: uuid.UUID | str | None = None,
    member_id: uuid.UUID | str | None = None,
    request_id: str | None = None,
) -> AuditRecord:
    """Write one audit record; call it inside the transaction of the change it describes."""
    return await AuditRecord.create(
        actor_kind=actor.kind.value,
        actor_id=actor.id,
        role=actor.role.value if actor.role else None,
        store_id=store_id,
        member_id=member_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=_jsonable(before),
        after=_jsonable(after),
        request_id=request_id or current_request_id.get(),
        created_at=clock.now(),
    )


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    return {key: value if isinstance(value, (int, bool, type(None), list, dict)) else str(value) for key, value in data.items()}


MAX_ACTION_LENGTH = 64


async def audit_page(
    *,
    first: int,
    before_id: int | None,
    actor_id: str | None = None,
    member_id: str | None = None,
    action: str | None = None,
    store_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[AuditRecord], bool]:
    """Audit records, newest first, filtered; `before_id` is the last id of the previous page.

    `action` matches exactly, or as a prefix when it ends with a dot ("purchase." finds
    purchase.record and purchase.refund). `since` is inclusive, `until` exclusive.
    """
    query = AuditRecord.all()
    if actor_id == "system":
        query = query.filter(actor_kind="system")
    elif actor_id is not None:
        query = query.filter(actor_id=str(_uuid(actor_id, "actor")))
    if member_id is not None:
        query = query.filter(member_id=_uuid(member_id, "member"))
    if store_id is not None:
        query = query.filter(store_id=_uuid(store_id, "store"))
    if action is not None:
        action = action.strip()
        if not action or len(action) > MAX_ACTION_LENGTH:
            raise InvalidInput(f"action must be 1 to {MAX_ACTION_LENGTH} characters.", field="action")
        query = query.filter(action__startswith=action) if action.endswith(".") else query.filter(action=action)
    # In UTC: SQLite compares the stored UTC text with the parameter as written.
    if since is not None:
        query = query.filter(created_at__gte=validation.aware(since, "from").astimezone(UTC))
    if until is not None:
        query = query.filter(created_at__lt=validation.aware(until, "to").astimezone(UTC))
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    rows = await query.order_by("-id").limit(first + 1)
    return rows[:first], len(rows) > first


def _uuid(raw: str, thing: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise InvalidInput(f"Not a {thing} id.", field=thing) from exc
