"""Admins define the ladder: createTier, updateTier, audited; everyone reads `tiers`."""
from __future__ import annotations

import pytest

from wallet.audit.models import AuditRecord
from wallet.tiers.models import Tier

CREATE = """mutation($input: CreateTierInput!) { createTier(input: $input) {
  __typename
  ... on CreateTierSuccess { tier { id name rank threshold isActive benefits { earnMultiplier perks } } }
  ... on InvalidInputError { code field }
  ... on DuplicateError { code field }
} }"""

UPDATE = """mutation($input: UpdateTierInput!) { updateTier(input: $input) {
  __typename
  ... on UpdateTierSuccess { tier { id name rank threshold isActive benefits { earnMultiplier perks } } }
  ... on InvalidInputError { code field }
  ... on NotFoundError { code field }
  ... on DuplicateError { code field }
} }"""

TIERS = "{ tiers { name rank threshold benefits { earnMultiplier perks } } }"

GOLD = {"name": "Gold", "rank": 2, "threshold": "1000", "earnMultiplier": "1.5", "perks": ["Free shipping"]}


async def create(api, admin, **fields):
    return (await api.ok(CREATE, {"input": {**GOLD, **fields}}, admin.token))["createTier"]


async def update(api, admin, tier_id, **fields):
    return (await api.ok(UPDATE, {"input": {"id": tier_id, **fields}}, admin.token))["updateTier"]


async def written() -> tuple[list, int]:
    tiers = await Tier.all().order_by("rank").values_list(
        "name", "rank", "threshold", "earn_multiplier", "perks", "is_active"
    )
    return tiers, await AuditRecord.filter(target_type="tier").count()


async def test_an_admin_creates_a_tier_and_the_audit_trail_records_it(api):
    # given an admin
    admin = await api.staff("admin")
    # when they create Gold
    result = await create(api, admin)
    # then the tier is answered, stored and audited
    assert result["__typename"] == "CreateTierSuccess"
    tier = result["tier"]
    assert {k: v for k, v in tier.items() if k != "id"} == {
        "name": "Gold",
        "rank": 2,
        "threshold": "1000",
        "isActive": True,
        "benefits": {"earnMultiplier": "1.5", "perks": ["Free shipping"]},
    }
    stored = await Tier.get(id=tier["id"])
    assert (stored.name, stored.rank, str(stored.threshold), str(stored.earn_multiplier), stored.perks) == (
        "Gold",
        2,
        "1000.00",
        "1.500",
        ["Free shipping"],
    )
    [record] = await AuditRecord.filter(target_type="tier")
    assert (record.action, record.actor_id, record.role, record.target_id, record.before) == (
        "tier.create",
        admin.id,
        "admin",
        tier["id"],
        None,
    )
    assert record.after == {
        "name": "Gold",
        "rank": 2,
        "threshold": "1000.00",
        "earnMultiplier": "1.500",
        "perks": ["Free shipping"],
        "isActive": True,
    }


async def test_an_admin_edits_a_tier_with_before_and_after_in_the_audit(api):
    admin = await api.staff("admin")
    tier_id = (await create(api, admin))["tier"]["id"]
    result = await update(api, admin, tier_id, threshold="1200.50", perks=["Free shipping", "Lounge"])
    assert result["tier"]["threshold"] == "1200.50"
    assert result["tier"]["benefits"] == {"earnMultiplier": "1.5", "perks": ["Free shipping", "Lounge"]}
    record = await AuditRecord.get(action="tier.update")
    assert (record.target_id, record.actor_id) == (tier_id, admin.id)
    assert (record.before["threshold"], record.after["threshold"]) == ("1000.00", "1200.50")
    assert (record.before["perks"], record.after["perks"]) == (["Free shipping"], ["Free shipping", "Lounge"])


async def test_a_closed_tier_leaves_the_public_ladder(api):
    admin = await api.staff("admin")
    await create(api, admin, name="Insider", rank=0, threshold="0", earnMultiplier="1", perks=[])
    gold = (await create(api, admin))["tier"]["id"]
    await create(api, admin, name="Silver", rank=1, threshold="500", earnMultiplier="1.25", perks=["Gift"])
    # anyone, even without logging in, sees the active tiers by rank
    assert (await api.ok(TIERS))["tiers"] == [
        {"name": "Insider", "rank": 0, "threshold": "0", "benefits": {"earnMultiplier": "1.0", "perks": []}},
        {"name": "Silver", "rank": 1, "threshold": "500", "benefits": {"earnMultiplier": "1.25", "perks": ["Gift"]}},
        {"name": "Gold", "rank": 2, "threshold": "1000", "benefits": {"earnMultiplier": "1.5", "perks": ["Free shipping"]}},
    ]
    closed = await update(api, admin, gold, isActive=False)
    assert closed["tier"]["isActive"] is False
    assert [t["name"] for t in (await api.ok(TIERS))["tiers"]] == ["Insider", "Silver"]


async def test_an_update_that_changes_nothing_writes_nothing(api):
    admin = await api.staff("admin")
    tier_id = (await create(api, admin))["tier"]["id"]
    before = await written()
    result = await update(api, admin, tier_id, name="Gold", threshold="1000.00")
    assert result["__typename"] == "UpdateTierSuccess"
    assert await written() == before
    assert await AuditRecord.filter(action="tier.update").count() == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"earnMultiplier": "0.99"}, "earnMultiplier"),
        ({"earnMultiplier": "10.001"}, "earnMultiplier"),
        ({"earnMultiplier": "1.2345"}, "earnMultiplier"),
        ({"earnMultiplier": "NaN"}, "earnMultiplier"),
        ({"threshold": "-1"}, "threshold"),
        ({"threshold": "10.001"}, "threshold"),
        ({"threshold": "Infinity"}, "threshold"),
        ({"rank": -1}, "rank"),
        ({"rank": 1001}, "rank"),
        ({"rank": 0, "threshold": "10"}, "threshold"),
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"perks": ["ok", ""]}, "perks"),
        ({"perks": ["perk"] * 21}, "perks"),
    ],
)
async def test_bad_input_is_refused_and_writes_nothing(api, fields, field):
    admin = await api.staff("admin")
    result = await create(api, admin, **fields)
    assert result == {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "field": field}
    assert await written() == ([], 0)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"earnMultiplier": "11"}, "earnMultiplier"),
        ({"threshold": "-0.01"}, "threshold"),
        ({"rank": 0}, "threshold"),  # the entry tier must have threshold 0
        ({"name": ""}, "name"),
    ],
)
async def test_a_bad_edit_is_refused_and_writes_nothing(api, fields, field):
    admin = await api.staff("admin")
    tier_id = (await create(api, admin))["tier"]["id"]
    before = await written()
    result = await update(api, admin, tier_id, **fields)
    assert result == {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "field": field}
    assert await written() == before


async def test_a_taken_rank_is_a_duplicate(api):
    admin = await api.staff("admin")
    await create(api, admin)
    silver = (await create(api, admin, name="Silver", rank=1, threshold="500"))["tier"]["id"]
    before = await written()
    assert await create(api, admin, name="Other Gold") == {
        "__typename": "DuplicateError",
        "code": "DUPLICATE",
        "field": "rank",
    }
    assert await update(api, admin, silver, rank=2) == {
        "__typename": "DuplicateError",
        "code": "DUPLICATE",
        "field": "rank",
    }
    assert await written() == before


@pytest.mark.parametrize("tier_id", ["00000000-0000-0000-0000-000000000000", "not-an-id"])
async def test_editing_an_unknown_tier_is_not_found(api, tier_id):
    admin = await api.staff("admin")
    assert await update(api, admin, tier_id, name="Gold") == {
        "__typename": "NotFoundError",
        "code": "NOT_FOUND",
        "field": "id",
    }


@pytest.mark.parametrize("role", ["cashier", "member"])
async def test_only_admins_create_and_edit_tiers(api, role):
    admin = await api.staff("admin")
    tier_id = (await create(api, admin))["tier"]["id"]
    before = await written()
    who = await (api.staff("cashier") if role == "cashier" else api.sign_up())
    assert await api.error_code(CREATE, {"input": {**GOLD, "rank": 3}}, who.token) == "FORBIDDEN"
    assert await api.error_code(UPDATE, {"input": {"id": tier_id, "name": "Mine"}}, who.token) == "FORBIDDEN"
    assert await api.error_code(CREATE, {"input": {**GOLD, "rank": 3}}) == "UNAUTHENTICATED"
    assert await written() == before


async def test_the_demo_ladder_is_seeded_once(database):
    from wallet.tiers.service import seed_demo_tiers

    first = await seed_demo_tiers()
    again = await seed_demo_tiers()
    assert [(t.name, t.rank, str(t.threshold), str(t.earn_multiplier)) for t in again] == [
        ("Insider", 0, "0.00", "1.000"),
        ("VIB", 1, "150.00", "1.250"),
        ("Rouge", 2, "1000.00", "1.500"),
    ]
    assert [t.id for t in first] == [t.id for t in again]
    assert await AuditRecord.filter(action="tier.create", actor_kind="system").count() == 3
