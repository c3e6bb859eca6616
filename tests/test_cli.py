"""The `wallet` console script, run for real against its own SQLite file, and start-up settings.

These tests never touch the shared test database, so they run the same way whether or not
WALLET_TEST_DATABASE_URL is set.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from wallet import db
from wallet.app import create_app
from wallet.config import ConfigError, Settings
from wallet.program.service import ensure_program

ROOT = Path(__file__).resolve().parents[1]
WALLET = Path(sys.executable).parent / "wallet"
SECRET = "cli-test-secret-" + "z" * 24  # 40 characters
ADMIN_PASSWORD = "admin pass phrase 1"


def cli_env(database: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WALLET_")}
    env.update(
        WALLET_DATABASE_URL=f"sqlite://{database}",
        WALLET_SECRET=SECRET,
        WALLET_PASSWORD_MEMORY_KIB="1024",
        WALLET_PASSWORD_TIME_COST="1",
    )
    env.update(extra)
    return env


def wallet(database: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WALLET), *args],
        env=cli_env(database, **env),
        cwd=database.parent.parent,  # the test's tmp_path: nothing lands in the repository
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def rows(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


def migration_files() -> list[str]:
    # In aerich's order: by number (10 comes after 9).
    return sorted(
        (p.name for p in (ROOT / "migrations" / "sqlite" / "models").glob("*.py") if p.name[0].isdigit()),
        key=lambda name: int(name.split("_")[0]),
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "cli" / "wallet.db"


@asynccontextmanager
async def in_process_api(database: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the CLI's database file, for checking what the commands left behind."""
    settings = Settings.from_env(cli_env(database))
    await db.init_orm(settings)
    try:
        await ensure_program(settings.program)
        transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
        async with httpx.AsyncClient(transport=transport, base_url="http://wallet.test") as http:
            yield http
    finally:
        await db.close_orm()


async def graphql(http: httpx.AsyncClient, query: str, variables: dict | None = None, token: str | None = None) -> dict:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  __typename ... on LogInSuccess { accessToken role staff { email role } } ... on Error { code } } }"""


# --- migrate ----------------------------------------------------------------------------


def test_migrate_applies_every_migration_once_then_reports_up_to_date(database):
    first = wallet(database, "migrate")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == migration_files()
    second = wallet(database, "migrate")
    assert second.returncode == 0, second.stderr
    assert second.stdout == "The database is up to date.\n"
    assert len(rows(database, "SELECT version FROM aerich")) == len(migration_files())
    tables = {name for (name,) in rows(database, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"member", "staff", "store", "points_account", "ledger_entry"} <= tables


def test_a_command_refuses_to_start_in_production_without_a_secret(database):
    result = wallet(database, "migrate", WALLET_ENV="production", WALLET_SECRET="")
    assert result.returncode == 2
    assert "WALLET_SECRET is required when WALLET_ENV=production" in result.stderr
    assert not database.exists()
    assert not (database.parent / ".wallet.secret").exists()


# --- create-staff -----------------------------------------------------------------------


async def test_create_staff_takes_the_password_on_stdin_and_the_admin_can_log_in(database):
    # when an admin is created with the password on standard input
    result = wallet(
        database, "create-staff", "--email", "a@b.co", "--role", "admin", "--password-stdin",
        stdin=ADMIN_PASSWORD + "\n",
    )
    # then the account is written, with a hash and never the password
    assert result.returncode == 0, result.stderr
    [(staff_id, email, role, is_active, password_hash)] = rows(
        database, "SELECT id, email, role, is_active, password_hash FROM staff"
    )
    assert result.stdout == f"created admin a@b.co ({staff_id})\n"
    assert (email, role, is_active) == ("a@b.co", "admin", 1)
    assert password_hash.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in password_hash
    # and the admin logs in with exactly that password (the newline is not part of it)
    async with in_process_api(database) as http:
        login = (await graphql(http, LOG_IN, {"input": {"email": "A@B.co", "password": ADMIN_PASSWORD}}))["logIn"]
        assert login["__typename"] == "LogInSuccess"
        assert (login["role"], login["staff"]) == ("admin", {"email": "a@b.co", "role": "ADMIN"})
        wrong = (
            await graphql(http, LOG_IN, {"input": {"email": "a@b.co", "password": ADMIN_PASSWORD + "\n"}})
        )["logIn"]
        assert wrong == {"__typename": "InvalidCredentialsError", "code": "INVALID_CREDENTIALS"}


def test_create_staff_without_password_stdin_exits_2_and_writes_nothing(database):
    assert wallet(database, "migrate").returncode == 0
    result = wallet(
        database, "create-staff", "--email", "a@b.co", "--role", "admin", stdin=ADMIN_PASSWORD + "\n"
    )
    assert result.returncode == 2
    assert "--password-stdin" in result.stderr
    assert rows(database, "SELECT count(*) FROM staff") == [(0,)]


def test_create_staff_with_a_short_password_exits_1_and_writes_nothing(database):
    result = wallet(
        database, "create-staff", "--email", "a@b.co", "--role", "cashier", "--password-stdin",
        stdin="short\n",
    )
    assert result.returncode == 1
    assert "INVALID_INPUT" in result.stderr
    assert rows(database, "SELECT count(*) FROM staff") == [(0,)]


def test_create_staff_twice_with_one_email_in_any_case_is_refused(database):
    args = ("--role", "cashier", "--password-stdin")
    first = wallet(database, "create-staff", "--email", "c@b.co", *args, stdin=ADMIN_PASSWORD)
    again = wallet(database, "create-staff", "--email", " C@B.CO ", *args, stdin=ADMIN_PASSWORD)
    assert first.returncode == 0, first.stderr
    assert again.returncode == 1
    assert "DUPLICATE" in again.stderr
    assert rows(database, "SELECT email FROM staff") == [("c@b.co",)]


# --- export-schema ----------------------------------------------------------------------


def test_export_schema_prints_exactly_the_committed_schema(database):
    result = wallet(database, "export-schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "schema.graphql").read_text()


# --- check-ledger -----------------------------------------------------------------------


RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename ... on RecordPurchaseSuccess { pointsEarned } ... on Error { code } } }"""


async def test_check_ledger_passes_on_a_consistent_ledger_and_names_a_tampered_account(database):
    # given an admin (from the CLI) and a member who earned points through the API
    created = wallet(
        database, "create-staff", "--email", "a@b.co", "--role", "admin", "--password-stdin",
        stdin=ADMIN_PASSWORD,
    )
    assert created.returncode == 0, created.stderr
    async with in_process_api(database) as http:
        token = (await graphql(http, LOG_IN, {"input": {"email": "a@b.co", "password": ADMIN_PASSWORD}}))[
            "logIn"
        ]["accessToken"]
        store = (
            await graphql(
                http,
                "mutation { createStore(input: {name: \"Main\"}) { ... on CreateStoreSuccess { store { id } } } }",
                token=token,
            )
        )["createStore"]["store"]["id"]
        signed_up = (
            await graphql(
                http,
                """mutation($input: SignUpInput!) { signUp(input: $input) {
                   ... on SignUpSuccess { member { id } } } }""",
                {"input": {"email": "m@b.co", "password": "member pass 1", "name": "M"}},
            )
        )["signUp"]
        member_id = signed_up["member"]["id"]
        earned = await graphql(
            http,
            RECORD,
            {
                "input": {
                    "memberId": member_id,
                    "amount": "25.00",
                    "currency": "USD",
                    "reference": "R-1",
                    "storeId": store,
                    "idempotencyKey": uuid.uuid4().hex,
                }
            },
            token,
        )
        assert earned["recordPurchase"] == {"__typename": "RecordPurchaseSuccess", "pointsEarned": 25}
    # when the ledger is checked, it passes
    passed = wallet(database, "check-ledger")
    assert passed.returncode == 0, passed.stderr
    assert passed.stdout == "ledger check passed: every balance equals the sum of its entries\n"
    # and when a balance is changed behind the ledger's back
    [(account_id,)] = rows(database, "SELECT id FROM points_account WHERE member_id = ?", member_id)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE points_account SET available = available + 1 WHERE id = ?", (account_id,))
    failed = wallet(database, "check-ledger")
    # then the check fails and names the account
    assert failed.returncode == 1
    assert f"account {account_id} (member {member_id}): available is 26 but its entries add up to 25" in failed.stderr
    assert "ledger check FAILED: 1 account(s) do not add up" in failed.stderr
    assert "passed" not in failed.stdout


def test_check_ledger_names_an_account_with_a_balance_and_no_entries(database):
    assert wallet(database, "migrate").returncode == 0
    member_id = str(uuid.uuid4())
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO member (id, email, name, password_hash, card_number, is_active, created_at)"
            " VALUES (?, 'x@b.co', 'X', 'nohash', '000000000000', 1, '2026-01-01 00:00:00+00:00')",
            (member_id,),
        )
        cursor = connection.execute(
            "INSERT INTO points_account (member_id, available, pending, owed, lifetime, updated_at)"
            " VALUES (?, 5, 0, 0, 0, '2026-01-01 00:00:00+00:00')",
            (member_id,),
        )
        account_id = cursor.lastrowid
    result = wallet(database, "check-ledger")
    assert result.returncode == 1
    assert f"account {account_id} (member {member_id}): available is 5 but its entries add up to 0" in result.stderr


# --- settings ---------------------------------------------------------------------------


@pytest.mark.parametrize("env_name", ["production", " Production "])
def test_production_without_a_secret_refuses_to_start(tmp_path, env_name):
    with pytest.raises(ConfigError, match="WALLET_SECRET is required"):
        Settings.from_env({"WALLET_ENV": env_name, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})
    assert not (tmp_path / ".wallet.secret").exists()


def test_a_short_secret_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="at least 32 characters"):
        Settings.from_env({"WALLET_SECRET": "s" * 31, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("WALLET_SCAN_CODE_TTL_SECONDS", "5", "between 10 and 3600"),
        ("WALLET_SCAN_CODE_TTL_SECONDS", "86400", "between 10 and 3600"),
        ("WALLET_SCAN_FAILURES_PER_MINUTE", "0", "at least 1"),
    ],
)
def test_scan_settings_out_of_range_are_refused(tmp_path, name, value, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({name: value, "WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})


def test_scan_settings_are_read_from_the_environment(tmp_path):
    settings = Settings.from_env(
        {
            "WALLET_SCAN_CODE_TTL_SECONDS": "30",
            "WALLET_SCAN_FAILURES_PER_MINUTE": "3",
            "WALLET_SECRET": "s" * 40,
            "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db",
        }
    )
    assert (settings.scan_code_ttl_seconds, settings.scan_failures_per_minute) == (30, 3)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("WALLET_LOGIN_FAILURES_PER_ACCOUNT", "0", "at least 1"),
        ("WALLET_LOGIN_FAILURES_PER_ADDRESS", "0", "at least 1"),
        ("WALLET_SIGN_UPS_PER_ADDRESS", "-1", "at least 1"),
        ("WALLET_LOGIN_WINDOW_SECONDS", "59", "between 60 and 86400"),
        ("WALLET_LOGIN_WINDOW_SECONDS", "86401", "between 60 and 86400"),
        ("WALLET_SIGN_UP_WINDOW_SECONDS", "0", "between 60 and 86400"),
        ("WALLET_LOGIN_FAILURES_PER_ACCOUNT", "five", "whole number"),
    ],
)
def test_abuse_limit_settings_out_of_range_are_refused(tmp_path, name, value, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({name: value, "WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})


def test_abuse_limit_settings_are_read_from_the_environment(tmp_path):
    base = {"WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"}
    defaults = Settings.from_env(base)
    settings = Settings.from_env(
        base
        | {
            "WALLET_LOGIN_FAILURES_PER_ACCOUNT": "3",
            "WALLET_LOGIN_FAILURES_PER_ADDRESS": "50",
            "WALLET_LOGIN_WINDOW_SECONDS": "600",
            "WALLET_SIGN_UPS_PER_ADDRESS": "5",
            "WALLET_SIGN_UP_WINDOW_SECONDS": "7200",
            "WALLET_FORWARDED_ALLOW_IPS": " 10.0.0.2,10.0.0.3 ",
        }
    )

    def limits(s: Settings) -> tuple:
        return (
            s.login_failures_per_account, s.login_failures_per_address, s.login_window_seconds,
            s.sign_ups_per_address, s.sign_up_window_seconds, s.forwarded_allow_ips,
        )

    assert limits(defaults) == (5, 20, 900, 20, 3600, "")
    assert limits(settings) == (3, 50, 600, 5, 7200, "10.0.0.2,10.0.0.3")


def test_development_generates_a_secret_beside_the_database_and_reuses_it(tmp_path):
    env = {"WALLET_DATABASE_URL": f"sqlite://{tmp_path}/data/w.db"}
    first = Settings.from_env(env)
    secret_file = tmp_path / "data" / ".wallet.secret"
    assert secret_file.read_text() == first.secret + "\n"
    assert len(first.secret) >= 32
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    second = Settings.from_env(env)
    assert second.secret == first.secret


@pytest.mark.parametrize("content", ["", "\n", "abc\n"], ids=["empty", "blank", "short"])
def test_a_development_secret_file_is_never_used_when_too_short(tmp_path, content):
    # A secret file left empty (say, by a crash between creating and writing it) or edited
    # by hand must not leave tokens signed with a key anyone could guess: WALLET_SECRET
    # itself must be 32 characters or more.
    (tmp_path / ".wallet.secret").write_text(content)
    try:
        settings = Settings.from_env({"WALLET_DATABASE_URL": f"sqlite://{tmp_path}/w.db"})
    except ConfigError:
        return  # refusing to start is a fine answer
    assert len(settings.secret) >= 32, f"signing secret {settings.secret!r} taken from the file"
