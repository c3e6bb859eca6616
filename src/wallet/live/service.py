"""Live updates: a small publish/subscribe of what just changed, across server processes.

Rules:
- Events are small: ids, never balances or names. A subscriber reads what it shows when
  the event arrives, with its own permissions (see `wallet.live.schema`).
- An event leaves only if the transaction that caused it commits. Inside a transaction,
  `publish` puts it in the transaction's outbox (`wallet.db.outbox`); the commit sends it.
  Outside one, the change it describes is already committed and it leaves at once.
- On PostgreSQL the outbox leaves as NOTIFY on the channel `wallet_live`, run inside the
  transaction as its last statement: PostgreSQL delivers it at commit, to every process
  listening (each server keeps one dedicated LISTEN connection, `wallet.live.postgres`),
  and drops it with a rollback. One transaction's events go in one NOTIFY (one statement),
  split only past NOTIFY's payload limit (8000 bytes: about 90 events).
- On SQLite (one server process) the outbox is handed to this process's subscribers once
  the transaction committed; nothing is sent between processes.
- Several point changes of one member in one transaction are one event (the range of its
  entries: the account is locked, so no other entry of it falls between).
- Delivery is at most once: a subscriber that is too slow (its queue full) or a listener
  reconnecting misses events; the listener then tells every subscriber to read afresh
  (`RESYNC`), which `pointsChanged` answers with the balance as it stands.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet import db
from wallet.actors import Actor, Role

log = logging.getLogger("wallet.live")

CHANNEL = "wallet_live"
# NOTIFY refuses payloads of 8000 bytes or more; keep a margin.
MAX_PAYLOAD_BYTES = 7900
# Events waiting for one subscriber; past this the oldest are dropped (it reads afresh).
QUEUE_SIZE = 100

POINTS = "points"
TIER = "tier"
SCAN = "scan"


@dataclass(frozen=True)
class Event:
    """What changed: `kind` and ids in `data` (short keys, as they travel in NOTIFY)."""

    kind: str
    data: dict[str, Any]

    @property
    def topic(self) -> str:
        if self.kind == SCAN:
            return scan_topic(self.data["s"])
        return f"{self.kind}:{self.data['m']}"


# Told to every subscriber when events may have been missed (the listener reconnected).
RESYNC = Event("resync", {})


def points_topic(member_id: uuid.UUID | str) -> str:
    return f"{POINTS}:{member_id}"


def tier_topic(member_id: uuid.UUID | str) -> str:
    return f"{TIER}:{member_id}"


def scan_topic(store_id: uuid.UUID | str) -> str:
    return f"{SCAN}:{store_id}"


# --- publishing -------------------------------------------------------------------------


async def points_changed(member_id: uuid.UUID | str, first_entry_id: int, last_entry_id: int) -> None:
    """The member's points changed, by their entries `first_entry_id`..`last_entry_id`."""
    await publish(Event(POINTS, {"m": str(member_id), "a": first_entry_id, "b": last_entry_id}))


async def tier_changed(
    member_id: uuid.UUID | str, from_tier_id: uuid.UUID | str | None, to_tier_id: uuid.UUID | str | None
) -> None:
    """The member moved from one tier to another (either may be none)."""
    await publish(
        Event(
            TIER,
            {
                "m": str(member_id),
                "f": str(from_tier_id) if from_tier_id else None,
                "t": str(to_tier_id) if to_tier_id else None,
            },
        )
    )


async def member_scanned(store_id: uuid.UUID | str, member_id: uuid.UUID | str, at: datetime) -> None:
    """A till at `store_id` identified the member."""
    await publish(Event(SCAN, {"s": str(store_id), "m": str(member_id), "at": at.isoformat()}))


async def publish(event: Event) -> None:
    """Send `event` once the current transaction commits (at once outside a transaction)."""
    pending = db.outbox()
    if pending is not None:
        pending.append(event)
        return
    if _is_postgres():
        await _notify([event])
    else:
        hub.deliver([event])


def _is_postgres() -> bool:
    return db.dialect() == "postgres"


def compact(events: Iterable[Event]) -> list[Event]:
    """One points event per member: the range of all its entries in the batch."""
    merged: list[Event] = []
    points: dict[str, int] = {}
    for event in events:
        if not isinstance(event, Event):
            continue  # another module's outbox item
        if event.kind == POINTS and event.data["m"] in points:
            index = points[event.data["m"]]
            before = merged[index].data
            merged[index] = Event(
                POINTS,
                {"m": before["m"], "a": min(before["a"], event.data["a"]), "b": max(before["b"], event.data["b"])},
            )
            continue
        if event.kind == POINTS:
            points[event.data["m"]] = len(merged)
        merged.append(event)
    return merged


def encode(events: list[Event]) -> list[str]:
    """NOTIFY payloads for `events`: as few as fit under the payload limit, in order."""
    payloads: list[str] = []
    batch: list[str] = []
    size = 2
    for event in events:
        item = json.dumps([event.kind, event.data], separators=(",", ":"))
        if batch and size + len(item) + 1 > MAX_PAYLOAD_BYTES:
            payloads.append("[" + ",".join(batch) + "]")
            batch, size = [], 2
        batch.append(item)
        size += len(item) + 1
    if batch:
        payloads.append("[" + ",".join(batch) + "]")
    return payloads


def decode(payload: str) -> list[Event]:
    """The events of one NOTIFY payload; a payload that is not ours is ignored."""
    try:
        items = json.loads(payload)
        return [Event(str(kind), dict(data)) for kind, data in items]
    except (ValueError, TypeError):
        log.warning("ignored a malformed notification on %s", CHANNEL)
        return []


async def _notify(events: list[Event]) -> None:
    for payload in encode(compact(events)):
        await db.fetch_rows("SELECT pg_notify($1, $2)", CHANNEL, payload)


async def _before_commit(outbox: list[Any]) -> None:
    if _is_postgres():
        await _notify(outbox)


def _after_commit(outbox: list[Any]) -> None:
    if not _is_postgres():
        hub.deliver(compact(outbox))


db.register_outbox_hooks(before=_before_commit, after=_after_commit)


# --- subscribing ------------------------------------------------------------------------


@dataclass(eq=False)
class Subscription:
    """One subscriber's queue of events on its topics."""

    topics: frozenset[str]
    queue: asyncio.Queue[Event] = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))

    def offer(self, event: Event) -> None:
        if self.queue.full():
            # Too slow: drop the oldest and ask it to read afresh.
            self.queue.get_nowait()
            event = RESYNC
        self.queue.put_nowait(event)

    async def next(self) -> Event:
        return await self.queue.get()


class Hub:
    """This process's subscribers, by topic."""

    def __init__(self) -> None:
        self._topics: dict[str, set[Subscription]] = {}

    def deliver(self, events: Iterable[Event]) -> None:
        for event in events:
            if event is RESYNC:
                for subscription in {s for subs in self._topics.values() for s in subs}:
                    subscription.offer(RESYNC)
                continue
            for subscription in tuple(self._topics.get(event.topic, ())):
                subscription.offer(event)

    def subscribers(self, topic: str) -> int:
        """How many subscriptions listen on `topic` (for tests and diagnostics)."""
        return len(self._topics.get(topic, ()))

    @contextlib.asynccontextmanager
    async def subscribe(self, topics: Iterable[str]) -> AsyncIterator[Subscription]:
        subscription = Subscription(frozenset(topics))
        for topic in subscription.topics:
            self._topics.setdefault(topic, set()).add(subscription)
        try:
            yield subscription
        finally:
            for topic in subscription.topics:
                subscribers = self._topics.get(topic)
                if subscribers is not None:
                    subscribers.discard(subscription)
                    if not subscribers:
                        del self._topics[topic]


# One per process: every subscription of this process listens here; the PostgreSQL listener
# and (on SQLite) committing transactions deliver to it.
hub = Hub()


def subscribe(topics: Iterable[str]) -> contextlib.AbstractAsyncContextManager[Subscription]:
    """Listen on `topics` for as long as the context lasts."""
    return hub.subscribe(topics)


async def stores_to_watch(actor: Actor, store_id: str | None) -> list[uuid.UUID]:
    """The stores whose scans a console hears: `store_id` if the actor may act there, else
    every open store of theirs (a cashier's assigned stores; for an admin, all)."""
    from wallet.staff import service as staff
    from wallet.staff.models import Store

    if store_id is not None:
        return [(await staff.store_for(actor, store_id)).id]
    if actor.role is Role.ADMIN:
        return [row[0] for row in await Store.filter(is_active=True).values_list("id")]
    return await staff.store_ids_of(str(actor.id))
