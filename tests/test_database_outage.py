"""When the database cannot be reached, requests fail fast with UNAVAILABLE (HTTP 503),
`/health` says the database is down, nothing is half-written, and service resumes by
itself when the database is back.

The outages are real, not mocked: on PostgreSQL the app reaches the server through a TCP
proxy (tests/tcp_proxy.py) that the tests cut, so the server the rest of the suite shares
keeps running; on SQLite another connection holds the write lock.
"""
from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from tests.conftest import POSTGRES_URL, Api, _empty_postgres, base_settings, new_key
from tests.tcp_proxy import TcpProxy
from wallet import db
from wallet.app import create_app
from wallet.config import ConfigError, Settings
from wallet.ledger.service import check_ledger
from wallet.passwords import Passwords
from wallet.program.service import ensure_program

CONNECT_TIMEOUT = 0.5
STATEMENT_TIMEOUT = 1.0
# The longest an answer may take during an outage: a statement on a connection that went
# silent times out, then asyncpg's cancel of it times out too (2 × 1 s), with room to spare.
FAST = 3.0
GUARD = 20.0  # a request still unanswered after this is hanging: the test fails, not hangs

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed member { points { available } } }
  ... on Error { code message }
} }"""
ME = "{ me { name points { available } } }"


async def post(api: Api, query: str, variables: dict | None = None, token: str | None = None) -> tuple[int, dict, float]:
    """The HTTP status, the body and the seconds it took, whatever the status."""
    headers = {"authorization": f"Bearer {token}"} if token else {}
    started = time.monotonic()
    response = await asyncio.wait_for(
        api.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers), GUARD
    )
    return response.status_code, response.json(), time.monotonic() - started


async def health(api: Api) -> tuple[int, dict, float]:
    started = time.monotonic()
    response = await asyncio.wait_for(api.http.get("/health"), GUARD)
    return response.status_code, response.json(), time.monotonic() - started


def purchase_input(member_id: str, store_id: str, *, amount: str = "25.00") -> dict:
    return {
        "memberId": member_id, "amount": amount, "currency": "USD", "reference": f"R-{new_key()[:12]}",
        "storeId": store_id, "idempotencyKey": new_key(),
    }


def unavailable(status: int, body: dict) -> bool:
    """The answer to a request the database could not serve: 503, no data, UNAVAILABLE."""
    codes = [error["extensions"]["code"] for error in body.get("errors", [])]
    return status == 503 and codes == ["UNAVAILABLE"] and body["data"] is None


def with_port(url: str, port: int, query: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:{parts.password}@127.0.0.1:{port}", query=query))


# --- PostgreSQL, through a proxy that the tests cut ---------------------------------------


@pytest.fixture
async def proxy(postgres_only: None) -> AsyncIterator[TcpProxy]:
    parts = urlsplit(POSTGRES_URL)
    running = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await running.start()
    yield running
    await running.close()


@pytest.fixture
async def api(proxy: TcpProxy, database_template: str) -> AsyncIterator[Api]:
    """The app, served as in production (bounded waits on PostgreSQL), over the proxy; a
    pool of two connections so that a few requests are enough to exhaust it."""
    settings = replace(
        base_settings(with_port(POSTGRES_URL, proxy.port, "maxsize=2")),
        database_connect_timeout_seconds=CONNECT_TIMEOUT,
        database_statement_timeout_seconds=STATEMENT_TIMEOUT,
    )
    await db.init_orm(settings, serving=True)
    try:
        await _empty_postgres()
        await ensure_program(settings.program)
        app = create_app(settings, manage_database=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wallet.test") as http:
            yield Api(http, settings, Passwords(settings.password_memory_kib, settings.password_time_cost))
        await proxy.restore()
        assert await check_ledger() == []
    finally:
        await db.close_orm()


async def direct() -> asyncpg.Connection:
    """A connection that bypasses the proxy: what is really in the database."""
    return await asyncpg.connect(POSTGRES_URL)


async def written(reference: str, key: str) -> tuple[int, int, int]:
    """Purchases with `reference`, ledger entries of those purchases, records of `key`."""
    connection = await direct()
    try:
        return (
            await connection.fetchval("SELECT count(*) FROM purchase WHERE reference = $1", reference),
            await connection.fetchval(
                "SELECT count(*) FROM ledger_entry e JOIN purchase p ON p.id = e.purchase_id WHERE p.reference = $1",
                reference,
            ),
            await connection.fetchval('SELECT count(*) FROM idempotency_record WHERE "key" = $1', key),
        )
    finally:
        await connection.close()


async def test_with_the_database_stopped_requests_fail_fast_with_unavailable_and_service_resumes(api, proxy):
    # given a member, a cashier at a store, and the app serving them
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    assert (await post(api, ME, token=member.token))[0] == 200
    purchase = purchase_input(member.id, store)
    # when the database stops: its connections are cut and new ones refused
    await proxy.refuse()
    # then a purchase, a query and the QR image each fail at once, with 503 UNAVAILABLE
    status, body, seconds = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert unavailable(status, body), body
    assert seconds < FAST
    status, body, seconds = await post(api, ME, token=member.token)
    assert unavailable(status, body), body
    assert seconds < FAST
    image = await asyncio.wait_for(
        api.http.get("/qr/scan.svg", headers={"authorization": f"Bearer {member.token}"}), GUARD
    )
    assert (image.status_code, image.json()["error"]["code"]) == (503, "UNAVAILABLE")
    # and /health says the database is down, as fast
    status, body, seconds = await health(api)
    assert (status, body) == (503, {"status": "unavailable", "database": "down"})
    assert seconds < FAST
    # and nothing of the purchase was written
    assert await written(purchase["reference"], purchase["idempotencyKey"]) == (0, 0, 0)

    # when the database is back (the app was not restarted)
    await proxy.restore()
    # then the next requests succeed
    assert await health(api) == (200, {"status": "ok", "database": "up"}, pytest.approx(0, abs=FAST))
    status, body, _ = await post(api, ME, token=member.token)
    assert (status, body) == (200, {"data": {"me": {"name": "Test Member", "points": {"available": 0}}}})
    # and the till's retry of the failed purchase, with the same key, applies it once
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert status == 200
    assert {k: body["data"]["recordPurchase"][k] for k in ("__typename", "pointsEarned", "replayed")} == {
        "__typename": "RecordPurchaseSuccess", "pointsEarned": 25, "replayed": False,
    }
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert (body["data"]["recordPurchase"]["replayed"], body["data"]["recordPurchase"]["member"]) == (
        True, {"points": {"available": 25}},
    )
    assert await written(purchase["reference"], purchase["idempotencyKey"]) == (1, 1, 1)


async def test_a_purchase_cut_off_in_the_middle_of_its_transaction_is_not_half_written(api, proxy):
    # given a member whose points account another transaction holds locked, so that a
    # purchase for them stops in the middle of its own transaction (its idempotency key
    # already claimed, its purchase not yet written)
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    purchase = purchase_input(member.id, store)
    holder = await direct()
    locked = holder.transaction()
    await locked.start()
    await holder.execute("SELECT 1 FROM points_account WHERE member_id = $1 FOR UPDATE", uuid.UUID(member.id))
    attempt = asyncio.create_task(post(api, RECORD, {"input": purchase}, cashier.token))
    await wait_for_a_backend_waiting_on_a_lock(holder)
    # when the database goes away in the middle of that transaction
    await proxy.refuse()
    # then the purchase fails at once with UNAVAILABLE
    status, body, seconds = await attempt
    assert unavailable(status, body), body
    assert seconds < FAST
    # and once the lock is gone and the database is back, nothing of it was written
    await locked.rollback()
    await holder.close()
    await proxy.restore()
    assert await written(purchase["reference"], purchase["idempotencyKey"]) == (0, 0, 0)
    # and the retry with the same key is applied, once
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert (status, body["data"]["recordPurchase"]["__typename"], body["data"]["recordPurchase"]["replayed"]) == (
        200, "RecordPurchaseSuccess", False,
    )
    assert await written(purchase["reference"], purchase["idempotencyKey"]) == (1, 1, 1)


async def wait_for_a_backend_waiting_on_a_lock(connection: asyncpg.Connection) -> None:
    deadline = time.monotonic() + GUARD
    while not await connection.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    ):
        assert time.monotonic() < deadline, "the purchase never reached the locked account"
        await asyncio.sleep(0.02)


async def test_with_the_network_dropping_packets_requests_fail_within_the_timeouts(api, proxy):
    # given a member and a cashier at a store
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    purchase = purchase_input(member.id, store)
    # when the network starts dropping everything: open connections go silent and new
    # ones are never answered
    proxy.blackhole()
    # then more requests than the pool has connections each fail with UNAVAILABLE within
    # the timeouts (none waits forever on a silent connection or for a pooled one)
    answers = await asyncio.gather(
        post(api, RECORD, {"input": purchase}, cashier.token),
        *(post(api, ME, token=member.token) for _ in range(11)),
    )
    assert [unavailable(status, body) for status, body, _ in answers] == [True] * 12, answers
    assert max(seconds for _, _, seconds in answers) < FAST
    # and /health says the database is down, within the timeouts too
    status, body, seconds = await health(api)
    assert (status, body) == (503, {"status": "unavailable", "database": "down"})
    assert seconds < FAST

    # when the network comes back
    await proxy.restore()
    # then requests succeed again, and the purchase's retry applies once
    status, body, _ = await post(api, ME, token=member.token)
    assert status == 200 and body["data"]["me"]["points"] == {"available": 0}
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert (body["data"]["recordPurchase"]["__typename"], body["data"]["recordPurchase"]["replayed"]) == (
        "RecordPurchaseSuccess", False,
    )
    assert await written(purchase["reference"], purchase["idempotencyKey"]) == (1, 1, 1)


# --- SQLite, locked by another process ----------------------------------------------------


@pytest.fixture
async def sqlite_api(tmp_path: Path) -> AsyncIterator[tuple[Api, Path]]:
    """The app on its own SQLite file (whatever database the suite runs on), waiting at
    most 0.3 s for another connection's write lock."""
    path = tmp_path / "locked.db"
    settings = base_settings(f"sqlite://{path}?busy_timeout=300")
    await db.migrate(settings)
    await db.init_orm(settings, serving=True)
    try:
        await ensure_program(settings.program)
        app = create_app(settings, manage_database=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wallet.test") as http:
            yield Api(http, settings, Passwords(settings.password_memory_kib, settings.password_time_cost)), path
        assert await check_ledger() == []
    finally:
        await db.close_orm()


async def test_on_sqlite_a_write_blocked_by_another_process_is_unavailable_and_its_retry_applies_once(sqlite_api):
    api, path = sqlite_api
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    purchase = purchase_input(member.id, store)
    # given another process holding the database's write lock (say, a long command)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        # when the till records a purchase
        status, body, seconds = await post(api, RECORD, {"input": purchase}, cashier.token)
        # then it fails after the busy timeout with UNAVAILABLE, not as a bug
        assert unavailable(status, body), body
        assert seconds < FAST
    finally:
        other.execute("ROLLBACK")
        other.close()
    # and its retry with the same key, once the lock is released, applies it once
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert (status, body["data"]["recordPurchase"]["replayed"]) == (200, False)
    status, body, _ = await post(api, RECORD, {"input": purchase}, cashier.token)
    assert (body["data"]["recordPurchase"]["replayed"], body["data"]["recordPurchase"]["member"]) == (
        True, {"points": {"available": 25}},
    )
    with sqlite3.connect(path) as connection:
        assert connection.execute(
            "SELECT count(*) FROM purchase WHERE reference = ?", (purchase["reference"],)
        ).fetchone() == (1,)


def _raised_from(cause: BaseException, error: BaseException) -> BaseException:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise error from inner
    except BaseException as outer:
        return outer


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (ConnectionRefusedError(111, "Connect call failed"), True),
        (TimeoutError(), True),
        (asyncpg.exceptions.CannotConnectNowError("the database system is starting up"), True),
        (asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation"), True),
        (asyncpg.exceptions.TooManyConnectionsError("too many clients"), True),
        (asyncpg.InterfaceError("cannot perform operation: connection is closed"), True),
        (_raised_from(ConnectionResetError(), RuntimeError("wrapped")), True),
        # bugs stay bugs: masked as INTERNAL_ERROR and logged with their traceback
        (RuntimeError("secret detail"), False),
        (asyncpg.InterfaceError("cannot perform operation: another operation is in progress"), False),
        (asyncpg.exceptions.UndefinedColumnError("column does not exist"), False),
        (sqlite3.OperationalError("no such table: purchase"), False),
    ],
    ids=repr,
)
def test_which_errors_mean_the_database_is_unavailable(error, outage):
    assert db.is_unavailable(error) is outage


# --- settings -----------------------------------------------------------------------------


def test_database_timeouts_are_read_from_the_environment(tmp_path):
    settings = Settings.from_env(
        {
            "WALLET_DATABASE_CONNECT_TIMEOUT_SECONDS": "1.5",
            "WALLET_DATABASE_STATEMENT_TIMEOUT_SECONDS": "12",
            "WALLET_SECRET": "s" * 40,
            "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db",
        }
    )
    assert (settings.database_connect_timeout_seconds, settings.database_statement_timeout_seconds) == (1.5, 12.0)
    defaults = Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})
    assert (defaults.database_connect_timeout_seconds, defaults.database_statement_timeout_seconds) == (2.0, 5.0)


@pytest.mark.parametrize("value", ["0", "-1", "soon", "3601"])
def test_database_timeouts_out_of_range_are_refused(tmp_path, value):
    with pytest.raises(ConfigError, match="WALLET_DATABASE_STATEMENT_TIMEOUT_SECONDS"):
        Settings.from_env(
            {
                "WALLET_DATABASE_STATEMENT_TIMEOUT_SECONDS": value,
                "WALLET_SECRET": "s" * 40,
                "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db",
            }
        )
