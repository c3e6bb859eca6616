"""The PostgreSQL side of live updates: one dedicated LISTEN connection per server process.

The connection is not from the ORM's pool: LISTEN is session state (the pool's connections
keep none, see `wallet.db.PooledConnection`) and it must stay open. When it drops (the
server restarted, the network failed, an administrator ended it), it is opened again with
a growing delay, and every subscriber is told to read afresh (`RESYNC`): NOTIFYs sent
while no connection listened are lost. A silent network is found by a ping every
`KEEPALIVE_SECONDS`.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg

from wallet import db
from wallet.config import Settings
from wallet.live.service import CHANNEL, RESYNC, Hub, decode

log = logging.getLogger("wallet.live")

KEEPALIVE_SECONDS = 15.0
FIRST_RETRY_SECONDS = 0.5
MAX_RETRY_SECONDS = 10.0


class PostgresListener:
    def __init__(self, settings: Settings, hub: Hub) -> None:
        credentials = dict(db.tortoise_config(settings)["connections"]["default"]["credentials"])
        self._connect_args = {
            "host": credentials["host"],
            "port": credentials["port"],
            "user": credentials["user"],
            "password": credentials["password"],
            "database": credentials["database"],
            "timeout": settings.database_connect_timeout_seconds,
        }
        self._statement_timeout = settings.database_statement_timeout_seconds
        self._hub = hub
        self._task: asyncio.Task[None] | None = None
        self._connection: asyncpg.Connection | None = None
        self.listening = asyncio.Event()
        self.connections_made = 0

    @property
    def server_pid(self) -> int | None:
        """The listening session's backend pid (tests end it to prove the reconnection)."""
        connection = self._connection
        return connection.get_server_pid() if connection is not None and not connection.is_closed() else None

    async def start(self, wait_seconds: float) -> None:
        """Start listening; waits up to `wait_seconds` for the first connection (and goes on
        trying in the background if the database is not there yet)."""
        self._task = asyncio.create_task(self._run(), name="wallet-live-listener")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.listening.wait(), wait_seconds)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        delay = FIRST_RETRY_SECONDS
        while True:
            try:
                await self._listen()
                delay = FIRST_RETRY_SECONDS  # it listened, then dropped: retry soon
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure: log, wait, reconnect
                log.warning("live updates: the LISTEN connection failed (%r); retrying in %.1f s", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_SECONDS)

    async def _listen(self) -> None:
        connection: asyncpg.Connection = await asyncpg.connect(**self._connect_args)
        lost = asyncio.Event()
        connection.add_termination_listener(lambda _connection: lost.set())
        try:
            await connection.add_listener(CHANNEL, self._on_notification)
            self._connection = connection
            self.connections_made += 1
            if self.connections_made > 1:
                # Whatever was sent while nobody listened is lost: subscribers read afresh.
                self._hub.deliver([RESYNC])
            self.listening.set()
            while not lost.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(lost.wait(), KEEPALIVE_SECONDS)
                    break
                await connection.execute("SELECT 1", timeout=self._statement_timeout)
            log.warning("live updates: the LISTEN connection was closed; reconnecting")
        finally:
            self.listening.clear()
            self._connection = None
            if not connection.is_closed():
                connection.terminate()

    def _on_notification(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        self._hub.deliver(decode(payload))
