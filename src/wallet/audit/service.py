"""The audit trail: who changed what, when and where, before and after. Append-only."""
from __future__ import annotations

import json
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from wallet import clock, db, validation
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
) -> int:
    """Write one audit record; call it inside the transaction of the change it describes.
    Returns the record's id."""
    # In every sale, scan and redemption: written out rather than built by the ORM (see
    # wallet.db); the JSON is what the model's fields store and read back.
    rows = await db.fetch_rows(
        _INSERT,
        actor.kind.value,
        actor.id,
        actor.role.value if actor.role else None,
        _uuid_or_none(store_id),
        action,
        target_type,
        target_id,
        _uuid_or_none(member_id),
        _json(before),
        _json(after),
        request_id or current_request_id.get(),
        clock.now(),
    )
    return int(rows[0]["id"])


_INSERT = """
    INSERT INTO audit_record (actor_kind, actor_id, role, store_id, action, target_type, target_id,
        member_id, before, after, request_id, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
"""


def _uuid_or_none(value: uuid.UUID | str | None) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))


def _json(data: dict[str, Any] | None) -> str | None:
    jsonable = _jsonable(data)
    return None if jsonable is None else json.dumps(jsonable)


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
