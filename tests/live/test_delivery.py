"""How events travel: only after commit, between server processes on PostgreSQL, across
a dropped LISTEN connection, and past NOTIFY's payload limit."""
from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.conftest import POSTGRES_URL, TEST_SECRET, Api
from tests.live.conftest import POINTS_CHANGED, subscribed
from tests.scan.conftest import purchase
from tests.test_crash_recovery import _free_port
from wallet import db
from wallet.live import lifecycle
from wallet.live import service as live


async def _next(subscription: live.Subscription, timeout: float = 10) -> live.Event:
    return await asyncio.wait_for(subscription.next(), timeout)


async def test_an_event_leaves_only_when_its_transaction_commits(database):
    async with lifecycle.running(database), live.subscribe(["points:a", "points:b"]) as subscription:
        # given a transaction that publishes, then rolls back
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await live.points_changed("a", 1, 1)
                raise RuntimeError("rolled back")
        # and a nested transaction that fails inside one that commits
        async with db.transaction():
            with pytest.raises(RuntimeError):
                async with db.transaction():
                    await live.points_changed("a", 2, 2)
                    raise RuntimeError("inner rolled back")
            await live.points_changed("b", 3, 4)
            # nothing leaves before the commit
            await asyncio.sleep(0.05)
            assert subscription.queue.empty()
        # then the first event heard is the committed one
        assert await _next(subscription) == live.Event("points", {"m": "b", "a": 3, "b": 4})
        await asyncio.sleep(0.1)
        assert subscription.queue.empty()


async def test_one_transactions_changes_of_one_member_are_one_event(database):
    async with lifecycle.running(database), live.subscribe(["points:a"]) as subscription:
        async with db.transaction():
            await live.points_changed("a", 7, 8)
            await live.points_changed("a", 9, 9)
        assert await _next(subscription) == live.Event("points", {"m": "a", "a": 7, "b": 9})


async def test_a_batch_past_notifys_payload_limit_arrives_whole(database):
    # given 300 members' changes in one transaction (about 20 KB of events)
    members = [f"{n:036d}" for n in range(300)]
    payloads = live.encode([live.Event("points", {"m": m, "a": 1, "b": 1}) for m in members])
    assert len(payloads) == 3
    assert all(len(p.encode()) < 8000 for p in payloads)
    async with lifecycle.running(database), contextlib.AsyncExitStack() as stack:
        subscriptions = [await stack.enter_async_context(live.subscribe([live.points_topic(m)])) for m in members]
        async with db.transaction():
            for n, member in enumerate(members):
                await live.points_changed(member, n, n)
        # then every one is delivered to its member's subscriber
        heard = [await _next(subscription) for subscription in subscriptions]
        assert [(e.data["m"], e.data["a"]) for e in heard] == [(m, n) for n, m in enumerate(members)]


# --- PostgreSQL: between processes, and when the LISTEN connection drops -------------------


def _server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WALLET_")}
    env.update(
        WALLET_DATABASE_URL=POSTGRES_URL,
        WALLET_SECRET=TEST_SECRET,
        WALLET_ENV="test",
        WALLET_PASSWORD_MEMORY_KIB="1024",
        WALLET_PASSWORD_TIME_COST="1",
    )
    return env


@pytest.fixture
def second_server(postgres_only, tmp_path: Path) -> Iterator[str]:
    """Another server process (uvicorn, `wallet serve`) on the same database."""
    port = _free_port()
    log = tmp_path / "second.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "wallet.cli", "serve", "--port", str(port), "--log-level", "warning"],
            env=_server_env(), cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def test_a_purchase_recorded_on_another_server_process_reaches_the_member(
    remote_api, sockets, second_server, database, passwords
):
    # given a member listening on this server, and a cashier
    member = await remote_api.sign_up("Ada")
    await remote_api.store()
    cashier = await remote_api.staff("cashier")
    socket = await sockets()
    operation = await subscribed(socket, member.token, POINTS_CHANGED)
    await socket.next(operation)
    # when the cashier records the sale on the other server process
    async with httpx.AsyncClient(base_url=second_server, timeout=20) as other:
        elsewhere = Api(other, database, passwords)
        sale = await purchase(elsewhere, cashier, remote_api.stores[0], "42.00", memberId=member.id)
        assert sale["__typename"] == "RecordPurchaseSuccess"
    # then it reaches the member's socket here
    change = (await socket.next(operation))["data"]["pointsChanged"]
    assert change["points"]["available"] == 42
    assert change["entries"] == [{"kind": "EARN", "bucket": "AVAILABLE", "amount": 42}]


async def test_the_listener_reconnects_and_subscribers_read_afresh(postgres_only, remote_api, sockets, live_server):
    # given a member listening
    member = await remote_api.sign_up()
    await remote_api.store()
    cashier = await remote_api.staff("cashier")
    socket = await sockets()
    operation = await subscribed(socket, member.token, POINTS_CHANGED)
    await socket.next(operation)
    listener = live_server.app.state.live_listener
    # when the database ends the LISTEN connection, and a sale is made while it is down
    admin = await asyncpg.connect(POSTGRES_URL)
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", listener.server_pid)
    finally:
        await admin.close()
    # then the listener connects again and the member gets the balance as it stands
    change = (await socket.next(operation, timeout=15))["data"]["pointsChanged"]
    assert change == {"points": {"available": 0, "pending": 0, "owed": 0}, "entry": None, "entries": []}
    assert listener.connections_made == 2
    # and later sales arrive as before
    await purchase(remote_api, cashier, remote_api.stores[0], "5.00", memberId=member.id)
    assert (await socket.next(operation))["data"]["pointsChanged"]["points"]["available"] == 5
