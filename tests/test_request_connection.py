"""One HTTP request, one pooled connection (PostgreSQL): wallet.db.request_connection."""
from __future__ import annotations

import asyncio

import pytest

from wallet import db
from wallet.program.models import Program

BACKEND = "SELECT pg_backend_pid() AS pid"


async def backend() -> int:
    return (await db.fetch_rows(BACKEND))[0]["pid"]


async def test_a_requests_concurrent_reads_and_its_transaction_share_one_connection(database, postgres_only):
    async with db.request_connection():
        # Resolvers read at once (DataLoaders, sibling fields): they take turns, none fails.
        pids = await asyncio.gather(*(backend() for _ in range(8)))

        async def write() -> int:
            async with db.transaction():
                await Program.filter(id=1).update(name="One connection")
                return await backend()

        in_transaction, *beside = await asyncio.gather(write(), backend(), backend())
        after = await backend()
    assert len(set(pids)) == 1
    assert {in_transaction, *beside, after} == set(pids)
    assert (await Program.get(id=1)).name == "One connection"


async def test_a_second_transaction_running_beside_the_first_gets_a_connection_of_its_own(database, postgres_only):
    started = asyncio.Event()
    release = asyncio.Event()

    async def first() -> int:
        async with db.transaction():
            await Program.filter(id=1).update(name="First")
            started.set()
            await release.wait()
            return await backend()

    async def second() -> int:
        await started.wait()
        try:
            async with db.transaction():
                # The first transaction's change is not visible: this is another transaction.
                name = (await db.fetch_rows("SELECT name FROM program WHERE id = 1"))[0]["name"]
                return name, await backend()
        finally:
            release.set()

    async with db.request_connection():
        one, (seen, two) = await asyncio.gather(first(), second())
    # Two transactions never share a connection (one would silently join the other).
    assert one != two
    assert seen != "First"
    assert (await Program.get(id=1)).name == "First"


async def test_a_failed_transaction_rolls_back_and_the_request_goes_on(database, postgres_only):
    async with db.request_connection():
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await Program.filter(id=1).update(name="Never")
                raise RuntimeError("the sale failed")
        # The connection is usable, out of the failed transaction.
        assert (await db.fetch_rows("SELECT name FROM program WHERE id = 1"))[0]["name"] != "Never"


async def test_work_a_request_left_running_uses_the_pool_once_it_ended(database, postgres_only):
    proceed = asyncio.Event()

    async def later() -> int:
        await proceed.wait()
        return await backend()

    async with db.request_connection():
        await backend()
        leftover = asyncio.create_task(later())  # inherits the request's context
    proceed.set()
    # The request gave its connection back; the task's statement runs on a pooled one.
    assert await leftover > 0
