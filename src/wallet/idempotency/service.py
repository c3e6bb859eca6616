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

from wallet import clock, db
from wallet.actors import Actor
from wallet.db import transaction
from wallet.errors import IdempotencyKeyReused, InvalidInput
from wallet.idempotency.models import IdempotencyRecord

MAX_KEY_LENGTH = 200

Result = dict[str, Any]


def request_fingerprint(operation: str, request: dict[str, Any]) -> str:
    canonical = json.dumps({"operation": operation, "request": request}, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _json(result: Result) -> str:
    # As the ORM's JSONField writes it.
    return json.dumps(result, separators=(",", ":"))


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
    async with transaction():
        # One statement claims the key or finds it taken (a retry, or a concurrent request
        # with the same key: PostgreSQL waits for that one to commit or roll back).
        claimed = await db.fetch_rows(
            """INSERT INTO idempotency_record ("actor", "key", operation, request_hash, result, created_at)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("actor", "key") DO NOTHING RETURNING id""",
            actor.key, key, operation, fingerprint, "{}", clock.now(),
        )
        if not claimed:
            found = await db.fetch(
                IdempotencyRecord,
                f"SELECT {db.columns(IdempotencyRecord)} FROM idempotency_record WHERE \"actor\" = $1 AND \"key\" = $2",
                actor.key, key,
            )
            return _replay(found[0], fingerprint), True
        result = await write()
        await db.fetch_rows(
            "UPDATE idempotency_record SET result = $1 WHERE id = $2", _json(result), claimed[0]["id"]
        )
        return result, False
