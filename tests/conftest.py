"""Shared fixtures: a real database per test (SQLite by default, PostgreSQL when
WALLET_TEST_DATABASE_URL is set), the app over ASGI, and helpers to act as members and staff.

After every test the ledger invariant is checked: each balance equals its entries' sum.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from tortoise import Tortoise

from wallet import db
from wallet.actors import Actor, ActorKind, Role
from wallet.app import create_app
from wallet.auth import issue_token
from wallet.config import Settings
from wallet.ledger.service import check_ledger
from wallet.passwords import Passwords
from wallet.program.service import ensure_program
from wallet.staff import service as staff_service
from wallet.staff.models import StaffStore

POSTGRES_URL = os.environ.get("WALLET_TEST_DATABASE_URL", "").strip()
TEST_SECRET = "test-secret-" + "x" * 40
_counter = itertools.count()

# Hypothesis (tests/test_fuzz.py): a few examples per run, as they are requests to the app;
# under CI=true derandomized, so CI runs the same examples each time and a failure there can
# be replayed. `--hypothesis-profile=fuzz` runs longer.
hypothesis_settings.register_profile(
    "wallet", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.register_profile(
    "ci", parent=hypothesis_settings.get_profile("wallet"), derandomize=True, database=None
)
hypothesis_settings.register_profile("fuzz", parent=hypothesis_settings.get_profile("wallet"), max_examples=200)
hypothesis_settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "wallet")


def base_settings(database_url: str) -> Settings:
    return Settings.from_env(
        {
            "WALLET_DATABASE_URL": database_url,
            "WALLET_SECRET": TEST_SECRET,
            "WALLET_ENV": "test",
            # Argon2id stays memory-hard, but cheap enough for hundreds of sign-ups.
            "WALLET_PASSWORD_MEMORY_KIB": "1024",
            "WALLET_PASSWORD_TIME_COST": "1",
        }
    )


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Migrate once per session: a template SQLite file, or the PostgreSQL test database."""
    if POSTGRES_URL:
        asyncio.run(_reset_postgres_schema(POSTGRES_URL))
        asyncio.run(db.migrate(base_settings(POSTGRES_URL)))
        return POSTGRES_URL
    template = tmp_path_factory.mktemp("db") / "template.db"
    asyncio.run(db.migrate(base_settings(f"sqlite://{template}")))
    return str(template)


async def _reset_postgres_schema(url: str) -> None:
    await Tortoise.init(
        config=db.tortoise_config(base_settings(url)), _enable_global_fallback=True
    )
    try:
        await Tortoise.get_connection("default").execute_script(
            "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
        )
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def settings(database_template: str, tmp_path: Path) -> Settings:
    if POSTGRES_URL:
        return base_settings(POSTGRES_URL)
    path = tmp_path / f"wallet-{next(_counter)}.db"
    shutil.copyfile(database_template, path)
    return base_settings(f"sqlite://{path}")


async def _empty_postgres() -> None:
    tables = [
        m._meta.db_table for m in Tortoise.apps.get_models_iterable() if m._meta.db_table != "aerich"
    ]
    quoted = ", ".join(f'"{t}"' for t in tables)
    # TRUNCATE does not fire the append-only row triggers: only tests may empty the ledger.
    await Tortoise.get_connection("default").execute_script(
        f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"
    )


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Settings]:
    await db.init_orm(settings)
    if POSTGRES_URL:
        await _empty_postgres()
    await ensure_program(settings.program)
    try:
        yield settings
        mismatches = await check_ledger()
        assert mismatches == [], f"ledger invariant broken: {mismatches}"
    finally:
        await db.close_orm()


@pytest.fixture
def passwords(settings: Settings) -> Passwords:
    return Passwords(settings.password_memory_kib, settings.password_time_cost)


@pytest.fixture
def app(database: Settings) -> Any:
    """The ASGI app; `app.state.gateways` holds its payment gateways (the manual one in tests)."""
    return create_app(database, manage_database=False)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://wallet.test") as http:
        yield http


@dataclass
class Api:
    """Talks GraphQL to the app, as a given token or anonymously."""

    http: httpx.AsyncClient
    settings: Settings
    passwords: Passwords
    stores: list[str] = field(default_factory=list)
    cashiers: list[str] = field(default_factory=list)

    async def raw(self, query: str, variables: dict | None = None, token: str | None = None) -> dict:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def ok(self, query: str, variables: dict | None = None, token: str | None = None) -> dict:
        body = await self.raw(query, variables, token)
        assert "errors" not in body, body
        return body["data"]

    async def error_code(self, query: str, variables: dict | None = None, token: str | None = None) -> str:
        body = await self.raw(query, variables, token)
        assert body.get("errors"), body
        return body["errors"][0]["extensions"]["code"]

    async def sign_up(self, name: str = "Test Member", email: str | None = None) -> "MemberLogin":
        email = email or f"member-{uuid.uuid4().hex[:12]}@example.com"
        data = await self.ok(
            """mutation($input: SignUpInput!) { signUp(input: $input) {
                __typename ... on SignUpSuccess { accessToken member { id cardNumber } }
                ... on Error { code message } } }""",
            {"input": {"email": email, "password": "correct horse battery", "name": name}},
        )
        result = data["signUp"]
        assert result["__typename"] == "SignUpSuccess", result
        return MemberLogin(result["member"]["id"], result["member"]["cardNumber"], email, result["accessToken"])

    async def staff(self, role: str = "cashier", stores: list[str] | None = None) -> "StaffLogin":
        """A staff account and its token. A cashier is assigned to `stores`, by default
        every store this helper made, before or after (see `store`)."""
        email = f"{role}-{uuid.uuid4().hex[:12]}@example.com"
        account = await staff_service.create_staff(
            self.passwords,
            email=email,
            password="staff password 1",
            role=role,
            store_ids=self.stores if stores is None else stores,
        )
        token = issue_token(
            self.settings, Actor(ActorKind.STAFF, str(account.id), Role(role))
        ).token
        login = StaffLogin(str(account.id), email, token)
        if role == "cashier" and stores is None:
            self.cashiers.append(login.id)
        return login

    async def store(self, name: str = "Main Street", *, assign: bool = True) -> str:
        """A store; with `assign`, every cashier this helper made with default stores works there."""
        store = await staff_service.create_store(name=name)
        if assign:
            self.stores.append(str(store.id))
            await StaffStore.bulk_create([StaffStore(staff_id=c, store_id=store.id) for c in self.cashiers])
        return str(store.id)


@dataclass(frozen=True)
class MemberLogin:
    id: str
    card_number: str
    email: str
    token: str


@dataclass(frozen=True)
class StaffLogin:
    id: str
    email: str
    token: str


@pytest.fixture
def api(client: httpx.AsyncClient, database: Settings, passwords: Passwords) -> Api:
    return Api(client, database, passwords)


@pytest.fixture
def postgres_only() -> None:
    if not POSTGRES_URL:
        pytest.skip("needs PostgreSQL (set WALLET_TEST_DATABASE_URL)")


def new_key() -> str:
    return uuid.uuid4().hex




@pytest.fixture
def frozen_clock():
    """Freeze `wallet.clock` at 2026-03-15 12:00 UTC; move it with clock.set/advance."""
    from datetime import UTC, datetime

    from wallet import clock

    clock.set(datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    yield clock
    clock.reset()
