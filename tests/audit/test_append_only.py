"""Audit records are append-only: the database refuses to change or delete one, and the API
offers no way to."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.staff.conftest import audit_view
from wallet import db
from wallet.audit.models import AuditRecord
from wallet.graphql.schema import export_schema

ROOT = Path(__file__).resolve().parents[2]

INTROSPECT = """{ __schema {
  mutationType { fields { name args { name } } }
  queryType { fields { name } }
} }"""


@pytest.fixture
async def written(api) -> AuditRecord:
    """The audit record of the creation of store Main (after another one)."""
    await api.store("First")
    store = await api.store("Main")
    return await AuditRecord.get(action="store.create", target_id=store)


def placeholder(n: int) -> str:
    return f"${n}" if db.connection().capabilities.dialect == "postgres" else "?"


async def test_a_raw_update_of_an_audit_record_is_refused(written):
    before = audit_view(written)
    sql = f'UPDATE "audit_record" SET "action" = {placeholder(1)} WHERE "id" = {placeholder(2)}'
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query(sql, ["store.forged", written.id])
    assert audit_view(await AuditRecord.get(id=written.id)) == before


async def test_a_raw_update_or_delete_of_every_audit_record_is_refused(written):
    async def everything() -> list[tuple]:
        records = await AuditRecord.all().order_by("id")
        return [(r.id, r.request_id, r.created_at, *audit_view(r).values()) for r in records]

    before = await everything()
    assert len(before) >= 2
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query('UPDATE "audit_record" SET "actor_id" = NULL, "after" = NULL')
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query('DELETE FROM "audit_record"')
    assert await everything() == before


async def test_a_raw_delete_of_an_audit_record_is_refused(written):
    count = await AuditRecord.all().count()
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query(
            f'DELETE FROM "audit_record" WHERE "id" = {placeholder(1)}', [written.id]
        )
    assert await AuditRecord.all().count() == count
    assert audit_view(await AuditRecord.get(id=written.id)) == audit_view(written)


async def test_the_orm_cannot_update_or_delete_one_either(written):
    with pytest.raises(Exception, match="append-only"):
        await AuditRecord.filter(id=written.id).update(after={"name": "Forged"})
    with pytest.raises(Exception, match="append-only"):
        await AuditRecord.filter(id=written.id).delete()
    with pytest.raises(Exception, match="append-only"):
        written.after = {"name": "Forged"}
        await written.save()
    stored = await AuditRecord.get(id=written.id)
    assert stored.after == {"name": "Main", "isActive": True}


async def test_new_records_can_still_be_added(written):
    from wallet.actors import Actor
    from wallet.audit import service

    added = await service.record(Actor.system(), "test.append", target_type="test", target_id="1")
    assert added > written.id


def mutation_names(sdl: str) -> list[str]:
    block = re.search(r"^type Mutation \{\n(.*?)^\}", sdl, re.S | re.M)
    assert block, "no Mutation type in the schema"
    return re.findall(r"^  (\w+)\(", block.group(1), re.M)


def test_the_committed_schema_has_no_mutation_about_audit():
    names = mutation_names((ROOT / "schema.graphql").read_text())
    assert "recordPurchase" in names and "updateStaff" in names  # the parser found the mutations
    assert [n for n in names if "audit" in n.lower()] == []


def test_the_live_schema_has_no_mutation_about_audit():
    names = mutation_names(export_schema())
    assert names == mutation_names((ROOT / "schema.graphql").read_text())
    assert [n for n in names if "audit" in n.lower()] == []


async def test_introspection_shows_the_audit_log_as_a_query_only(api):
    schema = (await api.ok(INTROSPECT))["__schema"]
    mutations = [f["name"] for f in schema["mutationType"]["fields"]]
    assert "adjustPoints" in mutations
    assert [m for m in mutations if "audit" in m.lower()] == []
    assert [f["name"] for f in schema["queryType"]["fields"] if "audit" in f["name"].lower()] == ["auditLog"]
