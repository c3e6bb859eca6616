"""Starting and stopping live updates with the server (the app's lifespan)."""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from wallet.config import Settings
from wallet.live.postgres import PostgresListener
from wallet.live.service import hub


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[PostgresListener | None]:
    """On PostgreSQL, this process's LISTEN connection for as long as the context lasts;
    on SQLite nothing runs (committing transactions deliver in-process)."""
    if settings.dialect != "postgres":
        yield None
        return
    listener = PostgresListener(settings, hub)
    await listener.start(wait_seconds=settings.database_connect_timeout_seconds)
    try:
        yield listener
    finally:
        await listener.stop()
