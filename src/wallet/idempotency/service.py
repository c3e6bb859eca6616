"""Client-chosen idempotency keys: a retried write replays its first answer.

The key is claimed by inserting its record inside the same transaction as the write, so
the record and the write commit together or not at all. A concurrent retry with the same
key blocks on the unique index until the first commits, then replays its answer. A write
that fails with an expected error rolls back, key included: retrying it runs it again.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.exceptions import IntegrityError

from wallet.actors import Actor
from wallet.db import transaction
from wallet.errors import IdempotencyKeyReused, InvalidInput
from wallet.idempotency.models import IdempotencyRecord

MAX_KEY_LENGTH = 200

Result = dict[str, Any]


def request_fingerprint(operation: str, request: dict[str, Any]) -> str:
    canonical = json.dumps({"operation": operation, "request": request}, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(record: IdempotencyRecord, fingerprint: str) -> Result:
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused()
    return dict(record.result)


async def run_once(
    actor: Actor,
    key: str,
    operation: str,
    request: dict[str, Any],
    write: Callable[[], Awaitable[Result]],
) -> tuple[Result, bool]:
    """Run `write` in a transaction unless `key` was used before.

    Returns the result and whether it is a replay. `write` must return JSON-serialisable
    data from which the caller can rebuild its answer.
    """
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(
            f"idempotencyKey must be 1 to {MAX_KEY_LENGTH} characters.", field="idempotencyKey"
        )
    fingerprint = request_fingerprint(operation, request)
    existing = await IdempotencyRecord.get_or_none(actor=actor.key, key=key)
    if existing is not None:
        return _replay(existing, fingerprint), True
    try:
        async with transaction():
            record = await IdempotencyRecord.create(
                actor=actor.key, key=key, operation=operation, request_hash=fingerprint
            )
            result = await write()
            await IdempotencyRecord.filter(id=record.id).update(result=result)
            return result, False
    except IntegrityError:
        # Another request with this key committed first; our transaction rolled back.
        winner = await IdempotencyRecord.get_or_none(actor=actor.key, key=key)
        if winner is None:
            raise
        return _replay(winner, fingerprint), True
