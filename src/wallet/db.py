"""Tortoise set-up, migrations and the transaction helper."""
from __future__ import annotations

import asyncio
import functools
import logging
import os
import re
import sqlite3
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

import asyncpg
from tortoise import Tortoise
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionContext
from tortoise.connection import get_connections
from tortoise.exceptions import DBConnectionError, IntegrityError, OperationalError, TransactionManagementError
from tortoise.fields import DatetimeField
from tortoise.models import Model
from tortoise.transactions import in_transaction

from wallet.config import Settings, sqlite_path

log = logging.getLogger("wallet.db")

APP = "models"
MODEL_MODULES = [
    "wallet.program.models",
    "wallet.members.models",
    "wallet.staff.models",
    "wallet.ledger.models",
    "wallet.idempotency.models",
    "wallet.tiers.models",
    "wallet.rewards.models",
    "wallet.audit.models",
    "wallet.scan.models",
    "wallet.memberships.models",
    "wallet.payments.models",
    "wallet.credit.models",
    "wallet.earning.models",
    "wallet.attempts.models",
    "wallet.referrals.models",
    "wallet.care.models",
    "wallet.offers.models",
    "wallet.partners.models",
    "wallet.sales.models",
    "wallet.notifications.models",
    "aerich.models",
]


def migrations_root() -> Path:
    """`migrations/` at the repository root; WALLET_MIGRATIONS_DIR overrides it."""
    override = os.environ.get("WALLET_MIGRATIONS_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "migrations"


def migrations_location(settings: Settings) -> Path:
    """aerich writes SQL for one dialect, so each dialect keeps its own history."""
    return migrations_root() / settings.dialect


class PooledConnection(asyncpg.Connection):  # type: ignore[misc]
    """A PostgreSQL connection that goes back to the pool without a reset query.

    asyncpg's default reset (unlock advisory locks, CLOSE ALL, UNLISTEN, RESET ALL) is one
    more round trip per release, and Tortoise releases after every statement outside a
    transaction: it doubled the round trips of the hot reads. We keep no session state
    across a release (no LISTEN, SET, cursors; the migration lock is unlocked explicitly),
    and asyncpg still rolls back a transaction left open.
    """

    def get_reset_query(self) -> str:
        return ""


class BoundedPool:
    """asyncpg's pool, with a default timeout on `acquire` (Tortoise acquires without one).

    Without it a request waits forever for a pooled connection when every connection is
    stuck on a database that stopped answering. The timeout given at acquire also bounds
    the release (asyncpg records it), so a connection left cancelling cannot hang either.
    """

    def __init__(self, pool: asyncpg.Pool, acquire_timeout: float | None) -> None:
        self._pool = pool
        self._acquire_timeout = acquire_timeout

    def acquire(self, *, timeout: float | None = None) -> Any:
        return self._pool.acquire(timeout=self._acquire_timeout if timeout is None else timeout)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)


class RequestConnection:
    """The pooled connection one request runs all its statements on (PostgreSQL).

    Taken from the pool at the request's first statement and given back when it ends (see
    `request_connection`), rather than taken and given back around every statement: each
    round trip to the pool cost more CPU than the statement it carried (asyncpg wraps both
    in tasks), and a wallet screen makes a handful of reads. Statements from the request's
    concurrent resolvers take turns on it (`lock`); a transaction runs on it too, so a
    request never holds two connections (a full pool cannot deadlock on requests waiting
    for their second one). A second transaction opened while one is running (concurrent
    resolvers that both write) takes a connection of its own, as before.
    """

    __slots__ = ("client", "lock", "in_transaction", "closed", "_proxy")

    def __init__(self, client: "PostgresClient") -> None:
        self.client = client
        self.lock = asyncio.Lock()
        self.in_transaction = False
        self.closed = False
        self._proxy: Any = None

    async def connection(self) -> asyncpg.Connection:
        """The connection, taken from the pool on first use; call it holding `lock`."""
        if self._proxy is None:
            self._proxy = await self.client._pool.acquire()
        return self._proxy

    async def release(self) -> None:
        # Work the request left behind (a task it started) falls back to the pool.
        self.closed = True
        if self._proxy is not None:
            proxy, self._proxy = self._proxy, None
            await self.client._pool.release(proxy)


_request_connection: ContextVar[RequestConnection | None] = ContextVar("wallet_request_connection", default=None)


def _held() -> RequestConnection | None:
    held = _request_connection.get()
    return None if held is None or held.closed else held


@asynccontextmanager
async def request_connection() -> AsyncIterator[None]:
    """Run the statements of what happens inside on one pooled connection (PostgreSQL; on
    SQLite, and inside an enclosing one, nothing changes). For one HTTP request at a time:
    a long-lived WebSocket must not keep a connection."""
    client = connection()
    if not isinstance(client, PostgresClient) or _held() is not None:
        yield
        return
    held = RequestConnection(client)
    token = _request_connection.set(held)
    try:
        yield
    finally:
        _request_connection.reset(token)
        await held.release()


class _HeldStatement:
    """`acquire_connection` on a request's connection: one statement at a time."""

    __slots__ = ("held",)

    def __init__(self, held: RequestConnection) -> None:
        self.held = held

    async def __aenter__(self) -> asyncpg.Connection:
        await self.held.lock.acquire()
        try:
            return await self.held.connection()
        except BaseException:
            self.held.lock.release()
            raise

    async def __aexit__(self, *exc: Any) -> None:
        self.held.lock.release()


class _HeldTransaction(TransactionContext):
    """Tortoise's pooled transaction context, on the request's connection: the transaction's
    statements and the request's others share its lock."""

    __slots__ = ("client", "connection_name", "held", "token")

    def __init__(self, client: TransactionWrapper, held: RequestConnection) -> None:
        self.client = client
        self.connection_name = client.connection_name
        self.held = held

    async def __aenter__(self) -> TransactionWrapper:
        self.held.in_transaction = True
        try:
            async with self.held.lock:
                self.client._connection = await self.held.connection()
                self.client._lock = self.held.lock
                await self.client.begin()
        except BaseException:
            self.held.in_transaction = False
            raise
        self.token = get_connections().set(self.connection_name, self.client)
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            if not self.client._finalized:
                async with self.held.lock:
                    if exc_type is None:
                        await self.client.commit()
                    elif exc_type is not TransactionManagementError:  # a failed one cannot roll back
                        await self.client.rollback()
        finally:
            self.held.in_transaction = False
            get_connections().reset(self.token)


class PostgresClient(AsyncpgDBClient):
    """Tortoise's asyncpg client, with a bounded wait for a pooled connection, running a
    request's statements on the request's connection (see `RequestConnection`)."""

    def __init__(self, *args: Any, acquire_timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = acquire_timeout

    async def create_pool(self, **kwargs: Any) -> Any:
        return BoundedPool(await super().create_pool(**kwargs), self.acquire_timeout)

    def acquire_connection(self) -> Any:
        held = _held()
        return _HeldStatement(held) if held is not None else super().acquire_connection()

    def _in_transaction(self) -> TransactionContext:
        held = _held()
        if held is None or held.in_transaction:
            return super()._in_transaction()
        return _HeldTransaction(TransactionWrapper(self), held)


# Tortoise looks up `client_class` in the module named as the engine ("engine": "wallet.db").
client_class = PostgresClient


def _connection(settings: Settings) -> dict[str, Any]:
    url = settings.database_url
    if settings.dialect == "sqlite":
        path = sqlite_path(url)
        query = dict(parse_qsl(urlsplit(url).query))
        credentials: dict[str, Any] = {
            "file_path": str(path) if path else ":memory:",
            # Another process (a CLI command beside the server) waits instead of failing.
            "busy_timeout": int(query.get("busy_timeout", 5000)),
        }
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
        return {"engine": "tortoise.backends.sqlite", "credentials": credentials}
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    return {
        "engine": "wallet.db",
        "credentials": {
            # asyncpg's own default is 60 s: a request would hang that long on a host that
            # drops packets. A refused connection fails at once either way.
            "timeout": settings.database_connect_timeout_seconds,
            "host": parts.hostname or "localhost",
            "port": parts.port or 5432,
            "user": parts.username or "",
            "password": parts.password or "",
            "database": parts.path.lstrip("/"),
            "minsize": int(query.get("minsize", 1)),
            "maxsize": int(query.get("maxsize", 20)),
            "connection_class": PooledConnection,
        },
    }


def tortoise_config(settings: Settings, *, serving: bool = False) -> dict[str, Any]:
    connection = _connection(settings)
    if serving and settings.dialect == "postgres":
        # Each statement, and the wait for a pooled connection, is bounded while serving
        # requests; migrations and commands (check-ledger, run-jobs) may run long ones.
        connection["credentials"].update(
            command_timeout=settings.database_statement_timeout_seconds,
            acquire_timeout=settings.database_connect_timeout_seconds + settings.database_statement_timeout_seconds,
        )
    return {
        "connections": {"default": connection},
        "apps": {APP: {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_orm(settings: Settings, *, serving: bool = False) -> None:
    """Open the ORM. With `serving` (the app), waits on PostgreSQL are bounded by the
    statement timeout so that requests fail with UNAVAILABLE rather than hang."""
    # The global fallback lets request tasks (other contexts than the lifespan's) see the ORM.
    await Tortoise.init(config=tortoise_config(settings, serving=serving), _enable_global_fallback=True)


async def close_orm() -> None:
    await Tortoise.close_connections()


async def migrate(settings: Settings) -> list[str]:
    """Apply pending migrations; returns the files applied. Safe to run on every start."""
    from aerich import Command
    from aerich.migrate import Migrate

    config = tortoise_config(settings)
    location = migrations_location(settings)
    command = Command(tortoise_config=config, app=APP, location=str(location))
    await Tortoise.init(config=config)
    try:
        async with _migration_lock(settings):
            Migrate.app = APP
            Migrate.migrate_location = Migrate.get_migration_dir(str(location), APP)
            applied = await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()
    for name in applied:
        log.info("applied migration %s", name)
    return applied


@asynccontextmanager
async def _migration_lock(settings: Settings) -> AsyncIterator[None]:
    """Two servers starting at once on PostgreSQL must not both apply the same migration."""
    if settings.dialect != "postgres":
        yield
        return
    client = Tortoise.get_connection("default")
    async with client.acquire_connection() as connection:
        await connection.execute("SELECT pg_advisory_lock(724101)")
        try:
            yield
        finally:
            await connection.execute("SELECT pg_advisory_unlock(724101)")


# Failures that say the database cannot be reached now, rather than that a request or the
# code is wrong: the client may retry later. TimeoutError (our connect, statement and pool
# timeouts) and ConnectionRefusedError are OSErrors.
_OUTAGES: tuple[type[BaseException], ...] = (
    OSError,
    DBConnectionError,
    asyncpg.PostgresConnectionError,  # class 08: the connection failed or was lost
    asyncpg.exceptions.OperatorInterventionError,  # 57: shutting down, starting up, cancelled
    asyncpg.exceptions.InsufficientResourcesError,  # 53: too many connections, disk full
)
# SQLite's primary result codes for a file that is busy past the busy timeout (another
# process holds the write lock), cannot be read or written, or is on a full disk.
_SQLITE_OUTAGES = {5, 10, 13, 14}  # SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN


def is_unavailable(exc: BaseException) -> bool:
    """Whether `exc`, or an exception it arose from, means the database is unavailable."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _OUTAGES):
            return True
        # asyncpg reports the use of a connection the server closed as a plain
        # InterfaceError; its other InterfaceErrors are misuse (bugs), not outages.
        if isinstance(current, asyncpg.InterfaceError) and "connection is closed" in str(current):
            return True
        if isinstance(current, sqlite3.Error) and (getattr(current, "sqlite_errorcode", 0) & 0xFF) in _SQLITE_OUTAGES:
            return True
        pending += [current.__cause__, current.__context__]
    return False


class _Unit:
    """One transaction's side effects, held until it commits: the outbox of pub/sub messages
    (see `outbox`) and the callbacks of `on_commit`."""

    def __init__(self) -> None:
        self.outbox: list[Any] = []
        self.callbacks: list[Callable[[], Awaitable[None]]] = []
        self.client: BaseDBAsyncClient | None = None  # the transaction's, once open


_unit: ContextVar[_Unit | None] = ContextVar("wallet_db_unit", default=None)
_before_commit: list[Callable[[list[Any]], Awaitable[None]]] = []
_after_commit: list[Callable[[list[Any]], None]] = []


def register_outbox_hooks(
    *,
    before: Callable[[list[Any]], Awaitable[None]] | None = None,
    after: Callable[[list[Any]], None] | None = None,
) -> None:
    """Have a committing transaction hand its outbox to `before` (run inside it, as its last
    statements: what they send is discarded with a rollback) and to `after` (run once it
    committed). Registered once per process, by the module that fills outboxes."""
    if before is not None and before not in _before_commit:
        _before_commit.append(before)
    if after is not None and after not in _after_commit:
        _after_commit.append(after)


def outbox() -> list[Any] | None:
    """The current transaction's outbox, or None outside a transaction.

    Side effects (pub/sub messages) are put here rather than sent, so that they leave only
    if the transaction commits: a nested transaction's items join its parent's when it
    succeeds, and are dropped with it when it fails.
    """
    unit = _unit.get()
    return unit.outbox if unit is not None else None


async def on_commit(callback: Callable[[], Awaitable[None]]) -> None:
    """Run `callback` once the current transaction has committed (at once outside one);
    never when it rolls back. For side effects (messages) that must not leave before the
    change they describe is stored. A failing callback is logged, never raised."""
    unit = _unit.get()
    if unit is not None:
        unit.callbacks.append(callback)
    else:
        await _run_after_commit(callback)


async def _run_after_commit(callback: Callable[[], Awaitable[None]]) -> None:
    # The transaction has committed: a failing side effect must not turn it into an error.
    try:
        await callback()
    except Exception:  # noqa: BLE001
        log.exception("an after-commit callback failed")


@asynccontextmanager
async def transaction() -> AsyncIterator[Any]:
    """One unit of work: everything inside commits together or not at all.

    Its side effects (outbox, `on_commit` callbacks) leave once the outermost transaction
    commits; a nested one (a savepoint) hands them to its parent when it succeeds, and they
    are dropped with it when it fails (the exception leaves before they are handed on).
    """
    parent = _unit.get()
    unit = _Unit()
    token = _unit.set(unit)
    try:
        async with in_transaction("default") as client:
            unit.client = client
            yield client
            if parent is None and unit.outbox:
                for hook in _before_commit:
                    await hook(unit.outbox)
    finally:
        _unit.reset(token)
    if parent is not None:
        parent.outbox.extend(unit.outbox)
        parent.callbacks.extend(unit.callbacks)
        return
    if unit.outbox:
        for after in _after_commit:
            after(unit.outbox)
    for callback in unit.callbacks:
        await _run_after_commit(callback)


def connection() -> BaseDBAsyncClient:
    return Tortoise.get_connection("default")


def _current() -> BaseDBAsyncClient:
    """What a hand-written statement runs on: the innermost transaction (opened with
    `transaction`, the only way this code opens one), else the default client. Found through
    our own context variables first: Tortoise's look-up (its context, its storage, an
    event-loop check) was about 4 % of a sale's Python work, at some 35 look-ups a sale."""
    unit = _unit.get()
    if unit is not None and unit.client is not None:
        return unit.client
    held = _held()
    return held.client if held is not None else connection()


# --- hand-written reads for the hot paths ----------------------------------------------

_PLACEHOLDER = re.compile(r"\$(\d+)")
M = TypeVar("M", bound=Model)


def placeholders(count: int, start: int = 1) -> str:
    """`$1, $2, …` for an IN list of `count` values."""
    return ", ".join(f"${n}" for n in range(start, start + count))


_columns: dict[tuple[type[Model], str], str] = {}


def columns(model: type[Model], alias: str = "") -> str:
    """The model's columns for a SELECT list (all of them: `fetch` builds full instances)."""
    key = (model, alias)
    if key not in _columns:
        prefix = f"{alias}." if alias else ""
        _columns[key] = ", ".join(
            f'{prefix}"{column}"' for column in model._meta.fields_db_projection.values()
        )
    return _columns[key]


def _insert_sql(model: type[Model]) -> str:
    """`INSERT INTO <table> (<every column>) VALUES ($1, …)`, the columns in `columns` order."""
    key = (model, "insert")
    if key not in _columns:
        names = list(model._meta.fields_db_projection.values())
        quoted = ", ".join(f'"{name}"' for name in names)
        _columns[key] = f"INSERT INTO {model._meta.db_table} ({quoted}) VALUES ({placeholders(len(names))})"
    return _columns[key]


async def insert(model: type[M], row: dict[str, Any]) -> M:
    """Write one row, every column given, in one hand-written statement (for the hot paths:
    the ORM's create builds its INSERT on every call), and return it as the ORM reads it."""
    await fetch_rows(_insert_sql(model), *(row[column] for column in model._meta.fields_db_projection.values()))
    return from_row(model, row)


def aliased_columns(model: type[Model], alias: str) -> str:
    """The model's columns, each named `<alias>_<column>`: for a join that reads two models'
    rows at once (split them again with `from_aliased`)."""
    key = (model, f"aliased {alias}")
    if key not in _columns:
        _columns[key] = ", ".join(f'{alias}."{c}" AS {alias}_{c}' for c in model._meta.fields_db_projection.values())
    return _columns[key]


def from_aliased(model: type[M], alias: str, row: dict[str, Any]) -> M:
    """The model instance in a row read with `aliased_columns(model, alias)`."""
    return from_row(model, {c: row[f"{alias}_{c}"] for c in model._meta.fields_db_projection.values()})


def dialect() -> str:
    """"postgres" or "sqlite": the database statements run on."""
    return _current().capabilities.dialect


def for_update(*, no_key: bool = False) -> str:
    """` FOR UPDATE` (or ` FOR NO KEY UPDATE`) on PostgreSQL; SQLite has no row locks (one
    writer at a time)."""
    if dialect() != "postgres":
        return ""
    return " FOR NO KEY UPDATE" if no_key else " FOR UPDATE"


async def fetch_rows(sql: str, *params: Any) -> list[dict[str, Any]]:
    """Run a read written with PostgreSQL's `$1, $2 …` placeholders on either database.

    For the hot paths only: building a query with the ORM cost more CPU than running it
    (about 0.5 ms a statement), so reads made on every request are written out once.
    """
    client = _current()
    values = list(params)
    if client.capabilities.dialect == "sqlite":
        order: list[int] = []

        def question_mark(match: re.Match[str]) -> str:
            order.append(int(match.group(1)))
            return "?"

        sql = _PLACEHOLDER.sub(question_mark, sql)
        values = [_sqlite_value(params[n - 1]) for n in order]
    elif isinstance(client, TransactionWrapper):
        # In a transaction on PostgreSQL: straight to its connection. Tortoise's way there
        # (two wrappers) cost a third of a short statement's CPU; its lock (one statement at
        # a time on the connection), the log line and the exceptions the services catch stay.
        client.log.debug("%s: %s", sql, values)
        async with client._lock:
            return await _fetch_on(client._connection, sql, values)
    elif (held := _held()) is not None:
        # Outside a transaction, on the request's connection: the same short way.
        client.log.debug("%s: %s", sql, values)
        async with held.lock:
            return await _fetch_on(await held.connection(), sql, values)
    # execute_query_dict, not execute_query: on PostgreSQL the latter drops the rows of an
    # INSERT … RETURNING.
    return await client.execute_query_dict(sql, values)


async def _fetch_on(connection: asyncpg.Connection, sql: str, values: list[Any]) -> list[dict[str, Any]]:
    try:
        return [dict(row) for row in await connection.fetch(sql, *values)]
    except asyncpg.IntegrityConstraintViolationError as exc:
        raise IntegrityError(exc) from exc
    except (asyncpg.SyntaxOrAccessError, asyncpg.exceptions.DataError) as exc:
        raise OperationalError(exc) from exc


async def fetch(model: type[M], sql: str, *params: Any) -> list[M]:
    """Rows of `sql` (all of the model's columns) as model instances, as the ORM makes them."""
    read = _reader(model)
    return [read(row) for row in await fetch_rows(sql, *params)]


def from_row(model: type[M], row: dict[str, Any]) -> M:
    """The model instance of a row holding every one of its columns, as the ORM makes one."""
    return _reader(model)(row)


class _RowReader:
    """Makes a model's instances from its rows as Tortoise's `_init_from_db` does, with the
    work per column decided once: `_init_from_db` sets its four flags through the model's
    `__setattr__` (a relation check each) and converts times through Tortoise's time zone
    helpers, together about 500 Python steps per row; a `me` request reads seven rows, a
    sale a dozen. tests/test_db_rows.py compares the two on every model."""

    def __init__(self, model: type[Model]) -> None:
        meta = model._meta
        self.model = model
        self.custom_pk = meta.db_pk_column not in meta.generated_db_fields
        self.native = [(key, attribute) for key, attribute, _ in meta.db_native_fields]
        self.plain = [(key, attribute, field.field_type) for key, attribute, field in meta.db_default_fields]
        self.converted = [(key, attribute, _converter(field)) for key, attribute, field in meta.db_complex_fields]

    def __call__(self, row: dict[str, Any]) -> Any:
        instance = self.model.__new__(self.model)
        values = instance.__dict__
        values["_partial"] = False
        values["_saved_in_db"] = True
        values["_custom_generated_pk"] = self.custom_pk
        values["_await_when_save"] = {}
        for key, attribute in self.native:
            values[attribute] = row[key]
        for key, attribute, kind in self.plain:
            value = row[key]
            values[attribute] = None if value is None else kind(value)
        for key, attribute, convert in self.converted:
            values[attribute] = convert(row[key])
        return instance


# By model and database: which columns the driver already gives as Python values (and so
# need no conversion) depends on the database the ORM was opened on, and one process may
# open both (the test suite does).
_readers: dict[tuple[type[Model], str], _RowReader] = {}


def _reader(model: type[Model]) -> _RowReader:
    key = (model, dialect())
    read = _readers.get(key)
    if read is None:
        read = _readers[key] = _RowReader(model)
    return read


def _converter(field: Any) -> Callable[[Any], Any]:
    return orm_time if isinstance(field, DatetimeField) else field.to_python_value


_ANY_TIME = DatetimeField()


def orm_time(value: Any) -> datetime | None:
    """A stored time as the ORM reads it (aware, in the configured zone: UTC). An aware time,
    as PostgreSQL's driver gives them, is converted directly; anything else (SQLite's text)
    goes through Tortoise's own conversion, whose helpers cost ten times as much."""
    if type(value) is datetime and value.tzinfo is not None:
        return value.astimezone(_orm_zone())
    return _ANY_TIME.to_python_value(value)


@functools.cache
def _orm_zone() -> Any:
    from tortoise.timezone import get_default_timezone

    return get_default_timezone()


async def fetch_where(model: type[M], column: str, values: Sequence[Any]) -> list[M]:
    """The model's rows whose `column` is one of `values`, in one statement (none for no values)."""
    if not values:
        return []
    sql = (
        f"SELECT {columns(model)} FROM {model._meta.db_table}"
        f' WHERE "{column}" IN ({placeholders(len(values))})'
    )
    return await fetch(model, sql, *values)


def _sqlite_value(value: Any) -> Any:
    # As the ORM stores them on SQLite: UUIDs as text, times in UTC.
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value
