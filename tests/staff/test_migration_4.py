"""Migration 4 (stores, scan codes, audit) upgrades a database in use: existing cashiers keep
working at every open store, existing voucher audit records name their member, and audit
records become append-only.

The database is built at migration 3 by pointing WALLET_MIGRATIONS_DIR at a copy of
migrations 0 to 3, filled with rows as version 3 wrote them, then upgraded to head with the
real migrations. SQLite uses its own file; PostgreSQL its own schema of the test database.
"""
from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tortoise import Tortoise

from tests.conftest import POSTGRES_URL, base_settings
from wallet import db
from wallet.actors import Actor, ActorKind, Role
from wallet.audit.models import AuditRecord
from wallet.config import Settings
from wallet.errors import Forbidden
from wallet.staff import service as staff_service
from wallet.staff.models import Staff, StaffStore

SCHEMA = "wallet_migration_4_test"
WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def migration_files(dialect: str) -> list[Path]:
    # In aerich's order: by number (10 comes after 9).
    return sorted(
        (p for p in (db.migrations_root() / dialect / "models").glob("*.py") if p.name[0].isdigit()),
        key=lambda p: int(p.name.split("_")[0]),
    )


@pytest.fixture
async def old_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Settings]:
    """Settings for an empty database of this test's own."""
    if not POSTGRES_URL:
        yield base_settings(f"sqlite://{tmp_path / 'upgrade.db'}")
        return
    settings = base_settings(POSTGRES_URL)
    await _run_script(settings, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}";')
    original = db._connection

    def in_own_schema(s: Settings) -> dict[str, Any]:
        connection = original(s)
        connection["credentials"]["schema"] = SCHEMA  # sets search_path: nothing else is seen
        return connection

    monkeypatch.setattr(db, "_connection", in_own_schema)
    try:
        yield settings
    finally:
        monkeypatch.setattr(db, "_connection", original)
        await _run_script(settings, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE;')


async def _run_script(settings: Settings, sql: str) -> None:
    await Tortoise.init(config=db.tortoise_config(settings))
    try:
        await Tortoise.get_connection("default").execute_script(sql)
    finally:
        await Tortoise.close_connections()


class Rows:
    """Raw inserts as version 3 wrote them, in either dialect."""

    def __init__(self, dialect: str) -> None:
        self.postgres = dialect == "postgres"

    def id(self, value: uuid.UUID) -> Any:
        return value if self.postgres else str(value)

    def time(self, value: datetime) -> Any:
        return value if self.postgres else value.isoformat(sep=" ")

    async def insert(self, table: str, **row: Any) -> None:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join(f"${i}" if self.postgres else "?" for i in range(1, len(row) + 1))
        await db.connection().execute_query(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))


async def test_upgrading_from_3_assigns_cashiers_to_open_stores_and_links_voucher_records(
    old_database: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    settings = old_database
    files = migration_files(settings.dialect)
    assert [f.name[0] for f in files[:5]] == ["0", "1", "2", "3", "4"]
    # given a database at migration 3
    old = tmp_path / "migrations-up-to-3"
    (old / settings.dialect / "models").mkdir(parents=True)
    for f in files[:4]:
        shutil.copy(f, old / settings.dialect / "models" / f.name)
    monkeypatch.setenv("WALLET_MIGRATIONS_DIR", str(old))
    assert await db.migrate(settings) == [f.name for f in files[:4]]
    monkeypatch.delenv("WALLET_MIGRATIONS_DIR")

    # with a cashier, an admin, two open stores and a closed one, and a member's voucher
    # whose use was audited (before audit records had a member)
    cashier, admin = uuid.uuid4(), uuid.uuid4()
    north, south, closed = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    member, reward, voucher = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await db.init_orm(settings)
    try:
        rows = Rows(settings.dialect)
        for staff_id, role in ((cashier, "cashier"), (admin, "admin")):
            await rows.insert(
                "staff", id=rows.id(staff_id), email=f"{role}@example.com", name=role.title(),
                password_hash="$argon2id$old", role=role, is_active=True, created_at=rows.time(WHEN),
            )
        for store_id, name, active in ((north, "North", True), (south, "South", True), (closed, "Closed", False)):
            await rows.insert("store", id=rows.id(store_id), name=name, is_active=active, created_at=rows.time(WHEN))
        await rows.insert(
            "member", id=rows.id(member), email="ann@example.com", name="Ann", password_hash="$argon2id$old",
            card_number="400000000006", is_active=True, created_at=rows.time(WHEN),
        )
        await rows.insert(
            "reward", id=rows.id(reward), name="Mug", description="", kind="product", cost_points=100,
            charity_name="", voucher_valid_days=90, image_url="", is_active=True,
            created_at=rows.time(WHEN), updated_at=rows.time(WHEN),
        )
        await rows.insert(
            "voucher", id=rows.id(voucher), code="ABCD-EFGH-JKMN-PQRS", quantity=1, points_spent=100,
            status="used", used_at=rows.time(WHEN), created_at=rows.time(WHEN), member_id=rows.id(member),
            reward_id=rows.id(reward), used_by_id=rows.id(cashier), used_store_id=rows.id(north),
        )
        audited = [
            ("voucher.use", "voucher", str(voucher), north),
            ("voucher.cancel", "voucher", str(uuid.uuid4()), None),  # a voucher that is not there
            ("store.create", "store", str(north), north),
        ]
        for action, target_type, target_id, store_id in audited:
            await rows.insert(
                "audit_record", actor_kind="staff", actor_id=str(cashier), role="cashier",
                store_id=rows.id(store_id) if store_id else None, action=action, target_type=target_type,
                target_id=target_id, created_at=rows.time(WHEN),
            )
    finally:
        await db.close_orm()

    # when it is upgraded to head
    assert await db.migrate(settings) == [f.name for f in files[4:]]

    await db.init_orm(settings)
    try:
        # then the cashier works at both open stores, and only there; the admin is not assigned
        assigned = sorted((str(a.staff_id), str(a.store_id)) for a in await StaffStore.all())
        assert assigned == sorted([(str(cashier), str(north)), (str(cashier), str(south))])
        as_cashier = Actor(ActorKind.STAFF, str(cashier), Role.CASHIER)
        await staff_service.check_store_access(as_cashier, north)
        await staff_service.check_store_access(as_cashier, south)
        with pytest.raises(Forbidden):
            await staff_service.check_store_access(as_cashier, closed)
        # and tokens of existing staff are at version 0, like the tokens they hold
        assert sorted((str(s.id), s.token_version) for s in await Staff.all()) == sorted(
            [(str(cashier), 0), (str(admin), 0)]
        )
        # and the voucher's audit record names its member; the others name none
        records = [(r.action, r.member_id) for r in await AuditRecord.all().order_by("id")]
        assert records == [("voucher.use", member), ("voucher.cancel", None), ("store.create", None)]
        # and from now on audit records cannot be changed
        with pytest.raises(Exception, match="append-only"):
            await AuditRecord.all().update(member_id=None)
        assert [r.member_id for r in await AuditRecord.all().order_by("id")] == [member, None, None]
    finally:
        await db.close_orm()
    # and nothing is left to apply
    assert await db.migrate(settings) == []
