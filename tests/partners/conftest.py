"""Helpers for the partner tests: partners, their stores and keys made through the API."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.conftest import new_key

CREATE_PARTNER = """mutation($input: CreatePartnerInput!) { createPartner(input: $input) {
  __typename ... on PartnerSuccess { partner { id name earnRate pointValue isActive } }
  ... on Error { code message } } }"""

SET_STORE = """mutation($store: ID!, $partner: ID) { setStorePartner(storeId: $store, partnerId: $partner) {
  __typename ... on SetStorePartnerSuccess { storeId partnerId } ... on Error { code message } } }"""

CREATE_KEY = """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  __typename ... on CreateApiKeySuccess { secret key { id prefix name partnerId scopes createdAt lastUsedAt revokedAt } }
  ... on Error { code message } ... on InvalidInputError { field } } }"""

REVOKE_KEY = """mutation($id: ID!) { revokeApiKey(id: $id) {
  __typename ... on RevokeApiKeySuccess { key { id revokedAt } } ... on Error { code message } } }"""

PURCHASE = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned basePoints bonusPoints replayed
        appliedRules { name points } member { points { available } } }
  ... on Error { code message }
  ... on InvalidInputError { field }
} }"""

STATEMENT = """query($partner: ID!, $from: DateTime!, $to: DateTime!) {
  partnerStatement(partnerId: $partner, from: $from, to: $to) {
    partner { name } from to currency pointsIssued issuedValue pointsRedeemed redeemedValue net
    partnerOwes programOwes
    lines { day pointsIssued issuedValue pointsRedeemed redeemedValue net }
  } }"""


@dataclass(frozen=True)
class PartnerSetup:
    admin: object
    partner_id: str
    store: str
    key_id: str
    key: str
    member: object


async def make_partner(api, admin, name="Fuel & Go", earn_rate="2", point_value="0.02") -> str:
    data = await api.ok(
        CREATE_PARTNER, {"input": {"name": name, "earnRate": earn_rate, "pointValue": point_value}}, admin.token
    )
    assert data["createPartner"]["__typename"] == "PartnerSuccess", data
    return data["createPartner"]["partner"]["id"]


async def partner_store(api, admin, partner_id, name="Fuel & Go Station") -> str:
    store = await api.store(name, assign=False)
    data = await api.ok(SET_STORE, {"store": store, "partner": partner_id}, admin.token)
    assert data["setStorePartner"] == {"__typename": "SetStorePartnerSuccess", "storeId": store, "partnerId": partner_id}
    return store


async def make_key(api, admin, partner_id, scopes=("purchases", "events", "statements"), name="POS") -> dict:
    data = await api.ok(
        CREATE_KEY, {"input": {"partnerId": partner_id, "name": name, "scopes": list(scopes)}}, admin.token
    )
    result = data["createApiKey"]
    assert result["__typename"] == "CreateApiKeySuccess", result
    return result


async def partner_buy(api, token, member_id, store, amount, key=None, reference=None) -> dict:
    payload = {
        "memberId": member_id,
        "amount": amount,
        "currency": "USD",
        "reference": reference or f"P-{new_key()[:10]}",
        "storeId": store,
        "idempotencyKey": key or new_key(),
    }
    return (await api.ok(PURCHASE, {"input": payload}, token))["recordPurchase"]


@pytest.fixture
async def coalition(api) -> PartnerSetup:
    """An admin, the partner Fuel & Go (2 points per 1.00, 0.02 a point) with one store and a
    key with every scope, and a member."""
    admin = await api.staff("admin")
    partner_id = await make_partner(api, admin)
    store = await partner_store(api, admin, partner_id)
    key = await make_key(api, admin, partner_id)
    member = await api.sign_up()
    return PartnerSetup(admin, partner_id, store, key["key"]["id"], key["secret"], member)
