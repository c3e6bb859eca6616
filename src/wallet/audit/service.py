"""The audit trail: who changed what, when and where, before and after. Append-only."""
from __future__ import annotations

import uuid
from typing import Any

from wallet import clock
from wallet.actors import Actor
from wallet.audit.models import AuditRecord


async def record(
    actor: Actor,
    action: str,
    *,
    target_type: str,
    target_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    store_id: uuid.UUID | str | None = None,
    request_id: str | None = None,
) -> AuditRecord:
    """Write one audit record; call it inside the transaction of the change it describes."""
    return await AuditRecord.create(
        actor_kind=actor.kind.value,
        actor_id=actor.id,
        role=actor.role.value if actor.role else None,
        store_id=store_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=_jsonable(before),
        after=_jsonable(after),
        request_id=request_id,
        created_at=clock.now(),
    )


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    return {key: value if isinstance(value, (int, bool, type(None), list, dict)) else str(value) for key, value in data.items()}
