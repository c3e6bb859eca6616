"""A server killed mid-load loses nothing and doubles nothing.

A real `wallet serve` process on a database of its own takes purchases and redemptions
from concurrent tills and members, each with its own idempotency key. After a fixed number
of answers it is killed with SIGKILL (no clean shutdown: transactions cut wherever they
were), restarted on the same database, and every client sends each request it got no
answer to again, with the same key and body, until answered. Then every request is applied
exactly once, the ledger adds up (`wallet check-ledger`), and the reward's stock matches the
vouchers issued.

PostgreSQL only: a crash cutting concurrent transactions needs a multi-connection database.
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from tests.conftest import POSTGRES_URL, TEST_SECRET, base_settings
from wallet import db
from wallet.actors import Actor, ActorKind, Role
from wallet.auth import issue_token
from wallet.ledger import service as ledger
from wallet.members import service as members
from wallet.passwords import Passwords
from wallet.rewards import service as rewards
from wallet.staff import service as staff

CLIENTS = 12  # members, each with a till recording their purchases
ROUNDS = 4  # each client: a purchase then a redemption, this many times
KILL_AFTER = 30  # answers received before the answers start being lost to the crash
LOST_AT_KILL = 3  # answers lost (the write done, the answer never read) when it is killed
START_POINTS = 100
AMOUNT, EARNED = "50.00", 50  # each purchase, at one point per unit
COST, STOCK = 40, 30  # the reward: fewer units than redemptions, so it sells out

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed }
  ... on Error { code message }
} }"""
REDEEM = """mutation($input: RedeemRewardInput!) { redeemReward(input: $input) {
  __typename
  ... on RedeemRewardSuccess { voucher { id } pointsSpent replayed }
  ... on Error { code message }
} }"""


# --- a server process on a database of its own --------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ServerProcess:
    """`wallet serve` in a subprocess, on one port and one database across restarts."""

    database_url: str
    folder: Path
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("WALLET_")}
        env.update(
            WALLET_DATABASE_URL=self.database_url,
            WALLET_SECRET=TEST_SECRET,
            WALLET_ENV="test",
            WALLET_PASSWORD_MEMORY_KIB="1024",
            WALLET_PASSWORD_TIME_COST="1",
        )
        return env

    async def start(self) -> None:
        self.starts += 1
        with self.log.open("ab") as out:
            out.write(f"--- start {self.starts}\n".encode())
            out.flush()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "wallet.cli", "serve", "--port", str(self.port), "--log-level", "warning"],
                env=self.env(), cwd=self.folder, stdout=out, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        async with httpx.AsyncClient(timeout=2) as http:
            while True:
                assert self.process.poll() is None, f"the server exited:\n{self.log.read_text()}"
                try:
                    if (await http.get(f"{self.url}/health")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, f"the server did not answer in 60 s:\n{self.log.read_text()}"
                await asyncio.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing, no rollback sent; the process is just gone."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)

    async def wait_dead(self) -> None:
        assert self.process is not None
        await asyncio.to_thread(self.process.wait)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A `wallet` command against the server's database."""
        return subprocess.run(
            [sys.executable, "-m", "wallet.cli", *args],
            env=self.env(), cwd=self.folder, capture_output=True, text=True, timeout=60,
        )


@pytest.fixture
async def crash_database(postgres_only: None) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database beside the test database, dropped afterwards."""
    parts = urlsplit(POSTGRES_URL)
    name = f"{parts.path.lstrip('/')}_crash"
    admin = await asyncpg.connect(POSTGRES_URL)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield urlunsplit(parts._replace(path=f"/{name}"))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
def server(crash_database: str, tmp_path: Path) -> Iterator[ServerProcess]:
    running = ServerProcess(crash_database, tmp_path)
    yield running
    running.stop()


# --- the store, its till and its members ---------------------------------------------------


@dataclass
class Shop:
    store_id: str
    cashier_token: str
    reward_id: str
    member_ids: list[str]
    member_tokens: list[str]


async def open_shop(database_url: str) -> Shop:
    """Seeded through the services, on the database the server has migrated."""
    settings = base_settings(database_url)
    passwords = Passwords(settings.password_memory_kib, settings.password_time_cost)
    await db.init_orm(settings)
    try:
        store = await staff.create_store(name="Crash Street")
        admin = await staff.create_staff(passwords, email="admin@crash.test", password="admin pass phrase 1", role="admin")
        cashier = await staff.create_staff(
            passwords, email="till@crash.test", password="till pass phrase 1", role="cashier", store_ids=[str(store.id)]
        )
        reward = await rewards.create_reward(
            Actor.system(), name="Tote bag", kind="product", cost_points=COST, stock=STOCK
        )
        admin_actor = Actor(ActorKind.STAFF, str(admin.id), Role.ADMIN)
        member_ids, member_tokens = [], []
        for n in range(CLIENTS):
            member = await members.sign_up(
                passwords, email=f"m{n}@crash.test", password="member pass phrase", name=f"M{n}", limits=None
            )
            await ledger.adjust_points(
                actor=admin_actor, member_id=str(member.id), amount=START_POINTS, reason="Welcome",
                idempotency_key=f"welcome-{n}",
            )
            member_ids.append(str(member.id))
            member_tokens.append(issue_token(settings, Actor(ActorKind.MEMBER, str(member.id), Role.MEMBER)).token)
        cashier_token = issue_token(settings, Actor(ActorKind.STAFF, str(cashier.id), Role.CASHIER)).token
        return Shop(str(store.id), cashier_token, str(reward.id), member_ids, member_tokens)
    finally:
        await db.close_orm()


# --- the clients ---------------------------------------------------------------------------


@dataclass
class Call:
    """One request a client makes, resent verbatim until it is answered."""

    client: int
    operation: str
    query: str
    variables: dict[str, Any]
    token: str
    answer: dict[str, Any] | None = None
    lost_answer: dict[str, Any] | None = None
    sends: int = 0

    @property
    def key(self) -> str:
        return self.variables["input"]["idempotencyKey"]


@dataclass
class Load:
    """Clients sending their calls in turn; kills the server as the crash scenario says."""

    server: ServerProcess
    answered: int = 0
    in_flight: int = 0
    unavailable: int = 0
    losing: bool = False  # past KILL_AFTER: answers are lost, as a crash loses them
    lost: list[Call] = field(default_factory=list)
    in_flight_at_kill: int | None = None
    killed: asyncio.Event = field(default_factory=asyncio.Event)
    restarted: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self, http: httpx.AsyncClient, calls: list[Call]) -> None:
        for call in calls:
            await self.send(http, call)

    async def send(self, http: httpx.AsyncClient, call: Call) -> None:
        while True:
            call.sends += 1
            self.in_flight += 1
            try:
                response = await http.post(
                    "/graphql", json={"query": call.query, "variables": call.variables},
                    headers={"authorization": f"Bearer {call.token}"},
                )
            except httpx.TransportError:
                # No answer: the server died with the request in flight, or is not back yet.
                assert self.killed.is_set(), "a request failed before the server was killed"
                await self.restarted.wait()
                await asyncio.sleep(0.02)
                continue
            finally:
                self.in_flight -= 1
            body = response.json()
            if response.status_code == 503 and body["errors"][0]["extensions"]["code"] == "UNAVAILABLE":
                # Rows the killed server's transactions held stay locked until PostgreSQL
                # has noticed: the server says so, and the client tries again.
                self.unavailable += 1
                await asyncio.sleep(0.1)
                continue
            assert response.status_code == 200, (response.status_code, response.text)
            assert "errors" not in body, body
            answer = body["data"][call.operation]
            if self.losing and not self.killed.is_set():
                # The write is done but its answer never reaches the client: the crash takes it.
                call.lost_answer = answer
                self.lost.append(call)
                if len(self.lost) == LOST_AT_KILL:
                    self.kill()
                await self.restarted.wait()
                continue
            call.answer = answer
            self.answered += 1
            if self.answered == KILL_AFTER:
                self.losing = True
            return

    def kill(self) -> None:
        # Synchronous, between two steps of the event loop: the requests counted in flight
        # are still unanswered when the process dies.
        self.in_flight_at_kill = self.in_flight
        self.server.kill()
        self.killed.set()

    async def restart_after_kill(self) -> None:
        await self.killed.wait()
        await self.server.wait_dead()
        await self.server.start()
        self.restarted.set()


def calls_of(shop: Shop, client: int) -> list[Call]:
    calls = []
    for round_ in range(ROUNDS):
        purchase = {
            "memberId": shop.member_ids[client], "amount": AMOUNT, "currency": "USD",
            "reference": f"CRASH-{client}-{round_}", "storeId": shop.store_id,
            "idempotencyKey": f"till-{client}-{round_}",
        }
        redemption = {"rewardId": shop.reward_id, "quantity": 1, "idempotencyKey": f"redeem-{client}-{round_}"}
        calls.append(Call(client, "recordPurchase", RECORD, {"input": purchase}, shop.cashier_token))
        calls.append(Call(client, "redeemReward", REDEEM, {"input": redemption}, shop.member_tokens[client]))
    return calls


# --- the test ------------------------------------------------------------------------------


async def test_a_server_killed_mid_load_applies_every_request_exactly_once(server):
    # given a server on its own database, a store with a till, a reward with 30 units, and
    # 12 members with 100 points each
    started = time.monotonic()
    await server.start()
    shop = await open_shop(server.database_url)
    calls = {n: calls_of(shop, n) for n in range(CLIENTS)}
    load = Load(server)

    # when 12 clients send their purchases and redemptions at once, the server is killed
    # after 30 answers (with 3 more done but their answers lost), restarted on the same
    # database, and every unanswered request is sent again until it is answered
    restart = asyncio.create_task(load.restart_after_kill())
    https = [httpx.AsyncClient(base_url=server.url, timeout=30) for _ in range(CLIENTS)]  # a till or phone each
    try:
        await asyncio.wait_for(asyncio.gather(*(load.run(https[n], calls[n]) for n in range(CLIENTS))), timeout=90)
        await asyncio.wait_for(restart, timeout=5)
    finally:
        restart.cancel()
        await asyncio.gather(*(http.aclose() for http in https))
    everything = [call for n in range(CLIENTS) for call in calls[n]]

    # then the crash happened with requests in flight, and with answers lost
    assert load.in_flight_at_kill is not None and load.in_flight_at_kill >= 1, load.in_flight_at_kill
    assert len(load.lost) >= LOST_AT_KILL
    assert server.starts == 2
    # and every request got its answer: purchases all recorded, redemptions a voucher or sold out
    purchases = [c for c in everything if c.operation == "recordPurchase"]
    redemptions = [c for c in everything if c.operation == "redeemReward"]
    assert Counter(c.answer["__typename"] for c in purchases) == {"RecordPurchaseSuccess": CLIENTS * ROUNDS}
    assert {c.answer["pointsEarned"] for c in purchases} == {EARNED}
    kinds = Counter(c.answer.get("code") or c.answer["__typename"] for c in redemptions)
    assert kinds == {"RedeemRewardSuccess": STOCK, "OUT_OF_STOCK": CLIENTS * ROUNDS - STOCK}, kinds
    # and a request whose answer was lost got, when sent again, that same answer replayed
    for call in load.lost:
        if call.lost_answer.get("replayed") is None:  # an error: nothing was written, it ran again
            assert call.answer == call.lost_answer
        else:
            assert call.answer == {**call.lost_answer, "replayed": True}

    # and the database holds each request exactly once
    won = [c for c in redemptions if c.answer["__typename"] == "RedeemRewardSuccess"]
    facts = await database_facts(server.database_url, shop)
    assert facts["purchases"] == Counter({c.variables["input"]["reference"]: 1 for c in purchases})
    assert facts["earn_entries"] == facts["purchases"]
    assert facts["vouchers"] == sorted(c.answer["voucher"]["id"] for c in won)
    won_by_member = Counter(shop.member_ids[c.client] for c in won)
    assert facts["redeem_entries"] == won_by_member
    assert facts["keys"] == sorted([c.key for c in purchases] + [c.key for c in won])
    # and the reward's stock never went below zero: what is left is what was not redeemed
    assert facts["stock"] == STOCK - len(won) == 0
    # and each member's balance is what their answers add up to, and the sum of their entries
    assert facts["available"] == {
        member_id: START_POINTS + ROUNDS * EARNED - COST * won_by_member[member_id] for member_id in shop.member_ids
    }
    assert facts["available"] == facts["entries_sum"]

    # and the ledger check passes: every balance equals the sum of its entries
    check = server.command("check-ledger")
    assert check.returncode == 0, check.stderr
    assert "ledger check passed" in check.stdout
    print(f"crash test: {time.monotonic() - started:.1f} s, {load.in_flight_at_kill} in flight at the kill, "
          f"{sum(c.sends for c in everything) - len(everything)} requests sent again, {load.unavailable} UNAVAILABLE")


async def database_facts(database_url: str, shop: Shop) -> dict[str, Any]:
    """What is really in the database, read with plain SQL."""
    connection = await asyncpg.connect(database_url)
    try:
        purchases = await connection.fetch("SELECT reference, count(*) AS n FROM purchase GROUP BY reference")
        earn = await connection.fetch(
            "SELECT p.reference, count(*) AS n FROM ledger_entry e JOIN purchase p ON p.id = e.purchase_id"
            " WHERE e.kind = 'earn' GROUP BY p.reference"
        )
        vouchers = await connection.fetch("SELECT id FROM voucher WHERE reward_id = $1", uuid.UUID(shop.reward_id))
        redeem = await connection.fetch(
            "SELECT a.member_id, count(*) AS n FROM ledger_entry e JOIN points_account a ON a.id = e.account_id"
            " WHERE e.kind = 'redeem' GROUP BY a.member_id"
        )
        keys = await connection.fetch(
            "SELECT \"key\" FROM idempotency_record WHERE \"key\" LIKE 'till-%' OR \"key\" LIKE 'redeem-%'"
        )
        stock = await connection.fetchval("SELECT stock FROM reward WHERE id = $1", uuid.UUID(shop.reward_id))
        available = await connection.fetch("SELECT member_id, available FROM points_account")
        entries_sum = await connection.fetch(
            "SELECT a.member_id, coalesce(sum(e.amount), 0) AS total FROM points_account a"
            " LEFT JOIN ledger_entry e ON e.account_id = a.id AND e.bucket = 'available' GROUP BY a.member_id"
        )
    finally:
        await connection.close()
    return {
        "purchases": Counter({r["reference"]: r["n"] for r in purchases}),
        "earn_entries": Counter({r["reference"]: r["n"] for r in earn}),
        "vouchers": sorted(str(r["id"]) for r in vouchers),
        "redeem_entries": Counter({str(r["member_id"]): r["n"] for r in redeem}),
        "keys": sorted(r["key"] for r in keys),
        "stock": stock,
        "available": {str(r["member_id"]): r["available"] for r in available},
        "entries_sum": {str(r["member_id"]): r["total"] for r in entries_sum},
    }
