"""Helpers for the earning-rule tests: rules made through the API, events and sales."""
from __future__ import annotations

import pytest

from tests.conftest import new_key

CREATE = """mutation($input: CreateEarningRuleInput!) { createEarningRule(input: $input) {
  __typename
  ... on EarningRuleSuccess { rule { id name kind pointsGranted isActive dailyFrom dailyUntil } }
  ... on Error { code message }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
} }"""

EVENT = """mutation($input: RecordEventInput!) { recordEvent(input: $input) {
  __typename
  ... on RecordEventSuccess { pointsAwarded appliedRules { name points } replayed member { points { available lifetime } } }
  ... on Error { code message }
  ... on InvalidInputError { field }
} }"""

PURCHASE = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned basePoints bonusPoints pending replayed
        appliedRules { name points } member { points { available pending lifetime } } }
  ... on Error { code message }
  ... on InvalidInputError { field }
} }"""

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename ... on RefundPurchaseSuccess { pointsReversed member { points { available } } }
  ... on Error { code message } } }"""


async def make_rule(api, admin, **rule) -> dict:
    data = await api.ok(CREATE, {"input": rule}, admin.token)
    result = data["createEarningRule"]
    assert result["__typename"] == "EarningRuleSuccess", result
    return result["rule"]


async def event(api, admin, member_id, type, reference, key=None) -> dict:
    payload = {"memberId": member_id, "type": type, "reference": reference, "idempotencyKey": key or new_key()}
    return (await api.ok(EVENT, {"input": payload}, admin.token))["recordEvent"]


async def buy(api, cashier, member_id, store, amount, key=None, **extra) -> dict:
    payload = {
        "memberId": member_id,
        "amount": amount,
        "currency": "USD",
        "reference": extra.pop("reference", f"R-{new_key()[:10]}"),
        "storeId": store,
        "idempotencyKey": key or new_key(),
        **extra,
    }
    return (await api.ok(PURCHASE, {"input": payload}, cashier.token))["recordPurchase"]


async def refund(api, cashier, reference, amount) -> dict:
    payload = {"reference": reference, "amount": amount, "idempotencyKey": new_key()}
    return (await api.ok(REFUND, {"input": payload}, cashier.token))["refundPurchase"]


@pytest.fixture
async def people(api):
    """An admin, a cashier, a store and a member."""
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    store = await api.store()
    member = await api.sign_up()
    return admin, cashier, store, member
