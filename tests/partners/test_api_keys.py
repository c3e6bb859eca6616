"""API keys: shown once, kept as a hash, scoped, revocable, named in the audit log."""
from __future__ import annotations

import hashlib
from datetime import timedelta

from tests.conftest import new_key
from tests.partners.conftest import (
    PURCHASE, REVOKE_KEY, make_key, make_partner, partner_buy,
)
from wallet.audit.models import AuditRecord
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.partners.models import ApiKey

LIST_KEYS = """query($partner: ID) { apiKeys(partnerId: $partner) { id prefix scopes lastUsedAt revokedAt } }"""
UPDATE_PARTNER = """mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) {
  __typename ... on PartnerSuccess { partner { isActive } } } }"""


async def test_the_database_holds_only_the_hash_of_a_key(api, coalition, frozen_clock):
    # given a key just created: its secret was in the answer
    secret = coalition.key
    assert secret.startswith("wk_") and len(secret) > 40
    # then the row holds its SHA-256 and its prefix, and no column holds the secret
    row = await ApiKey.get(id=coalition.key_id)
    assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret == f"wk_{row.prefix}_{secret.split('_', 2)[2]}"
    stored = " ".join(str(v) for v in (await ApiKey.filter(id=row.id).values())[0].values())
    assert secret.split("_", 2)[2] not in stored
    # and the audit record of its creation names the prefix, never the secret
    record = await AuditRecord.get(action="api_key.create")
    assert record.after["prefix"] == row.prefix
    assert secret.split("_", 2)[2] not in str(record.after)
    # and the list shows the prefix, scopes and use, never a secret
    listed = (await api.ok(LIST_KEYS, {"partner": coalition.partner_id}, coalition.admin.token))["apiKeys"]
    assert listed == [{"id": coalition.key_id, "prefix": row.prefix, "scopes": ["events", "purchases", "statements"],
                       "lastUsedAt": None, "revokedAt": None}]


async def test_a_key_records_a_purchase_and_the_audit_record_names_the_key(api, coalition, frozen_clock):
    result = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "10.00")
    assert result["__typename"] == "RecordPurchaseSuccess", result
    record = await AuditRecord.get(action="purchase.record")
    assert (record.actor_kind, record.actor_id, record.role) == ("api_key", coalition.key_id, "partner")
    purchase = await Purchase.get(id=result["purchaseId"])
    assert (purchase.staff_id, str(purchase.partner_id)) == (None, coalition.partner_id)
    entry = await LedgerEntry.get(kind="earn")
    assert (entry.actor_kind, entry.actor_id) == ("api_key", coalition.key_id)
    # and the key's last use is recorded
    assert (await ApiKey.get(id=coalition.key_id)).last_used_at == frozen_clock.now()


async def test_a_revoked_key_is_refused_at_once(api, coalition):
    # given the key worked
    first = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "10.00")
    assert first["__typename"] == "RecordPurchaseSuccess"
    # when an admin revokes it
    revoked = (await api.ok(REVOKE_KEY, {"id": coalition.key_id}, coalition.admin.token))["revokeApiKey"]
    assert revoked["__typename"] == "RevokeApiKeySuccess" and revoked["key"]["revokedAt"]
    # then its next request is refused, and nothing is written
    payload = {"memberId": coalition.member.id, "amount": "10.00", "currency": "USD", "reference": "P-2",
               "storeId": coalition.store, "idempotencyKey": new_key()}
    assert await api.error_code(PURCHASE, {"input": payload}, coalition.key) == "UNAUTHENTICATED"
    assert await Purchase.all().count() == 1
    assert await AuditRecord.filter(action="api_key.revoke", actor_id=coalition.admin.id).count() == 1


async def test_a_wrong_secret_with_a_real_prefix_is_refused(api, coalition):
    prefix = coalition.key.split("_")[1]
    forged = f"wk_{prefix}_{'A' * 43}"
    payload = {"memberId": coalition.member.id, "amount": "10.00", "currency": "USD", "reference": "P-1",
               "storeId": coalition.store, "idempotencyKey": new_key()}
    assert await api.error_code(PURCHASE, {"input": payload}, forged) == "UNAUTHENTICATED"
    assert await Purchase.all().count() == 0


async def test_the_keys_of_a_deactivated_partner_are_refused(api, coalition):
    data = await api.ok(UPDATE_PARTNER, {"input": {"id": coalition.partner_id, "isActive": False}}, coalition.admin.token)
    assert data["updatePartner"]["partner"]["isActive"] is False
    payload = {"memberId": coalition.member.id, "amount": "10.00", "currency": "USD", "reference": "P-1",
               "storeId": coalition.store, "idempotencyKey": new_key()}
    assert await api.error_code(PURCHASE, {"input": payload}, coalition.key) == "UNAUTHENTICATED"
    assert await Purchase.all().count() == 0


async def test_a_key_without_the_purchases_scope_cannot_record_a_purchase(api, coalition):
    events_only = await make_key(api, coalition.admin, coalition.partner_id, scopes=["events"])
    payload = {"memberId": coalition.member.id, "amount": "10.00", "currency": "USD", "reference": "P-1",
               "storeId": coalition.store, "idempotencyKey": new_key()}
    assert await api.error_code(PURCHASE, {"input": payload}, events_only["secret"]) == "FORBIDDEN"
    assert (await Purchase.all().count(), await LedgerEntry.all().count(), await IdempotencyRecord.all().count()) == (0, 0, 0)


async def test_scopes_are_checked_when_a_key_is_made(api, coalition):
    admin = coalition.admin
    unknown = await make_key_raw(api, admin, coalition.partner_id, ["purchases", "admin"])
    internal = await make_key_raw(api, admin, None, ["purchases"])
    assert (unknown["code"], unknown["field"]) == ("INVALID_INPUT", "scopes")
    assert (internal["code"], internal["field"]) == ("INVALID_INPUT", "scopes")
    assert await ApiKey.all().count() == 1


async def make_key_raw(api, admin, partner_id, scopes):
    from tests.partners.conftest import CREATE_KEY

    data = await api.ok(CREATE_KEY, {"input": {"partnerId": partner_id, "name": "x", "scopes": scopes}}, admin.token)
    return data["createApiKey"]


async def test_an_internal_key_with_the_events_scope_records_events_but_no_purchases(api, coalition):
    from tests.earning.conftest import EVENT, make_rule

    await make_rule(api, coalition.admin, name="Review", kind="EVENT", eventType="product_review", points=20)
    internal = await make_key(api, coalition.admin, None, scopes=["events"], name="Reviews service")
    payload = {"memberId": coalition.member.id, "type": "product_review", "reference": "review-1", "idempotencyKey": new_key()}
    result = (await api.ok(EVENT, {"input": payload}, internal["secret"]))["recordEvent"]
    assert (result["__typename"], result["pointsAwarded"]) == ("RecordEventSuccess", 20)
    grant = await AuditRecord.get(action="earning.grant")
    assert (grant.actor_kind, grant.actor_id, grant.role) == ("api_key", internal["key"]["id"], "integration")
    # but an internal key acts at no store
    sale = {"memberId": coalition.member.id, "amount": "10.00", "currency": "USD", "reference": "P-1",
            "storeId": coalition.store, "idempotencyKey": new_key()}
    assert await api.error_code(PURCHASE, {"input": sale}, internal["secret"]) == "FORBIDDEN"


async def test_a_partner_key_without_the_events_scope_cannot_record_events(api, coalition):
    from tests.earning.conftest import EVENT

    purchases_only = await make_key(api, coalition.admin, coalition.partner_id, scopes=["purchases"])
    payload = {"memberId": coalition.member.id, "type": "app_check_in", "reference": "d1", "idempotencyKey": new_key()}
    assert await api.error_code(EVENT, {"input": payload}, purchases_only["secret"]) == "FORBIDDEN"


async def test_last_use_is_written_at_most_once_a_minute(api, coalition, frozen_clock):
    await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "1.00")
    first = frozen_clock.now()
    frozen_clock.advance(timedelta(seconds=30))
    await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "1.00")
    assert (await ApiKey.get(id=coalition.key_id)).last_used_at == first
    frozen_clock.advance(timedelta(seconds=31))
    await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "1.00")
    assert (await ApiKey.get(id=coalition.key_id)).last_used_at == frozen_clock.now()
