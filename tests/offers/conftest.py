"""Helpers for the offer tests: offers made through the API, the member's view, sales."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import new_key

CREATE = """mutation($input: CreateOfferInput!) { createOffer(input: $input) {
  __typename
  ... on OfferSuccess { offer { id title rewardPoints target goal goalTarget isActive } }
  ... on Error { code message }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
} }"""

MY_OFFERS = """{ me { offers { id title rewardPoints goal target progress percent activated completed
  completions maxCompletions endsAt } } }"""

ACTIVATE = """mutation($input: ActivateOfferInput!) { activateOffer(input: $input) {
  __typename
  ... on ActivateOfferSuccess { alreadyActivated replayed offer { id activated progress target } }
  ... on Error { code message }
} }"""

PURCHASE = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed completedOffers { offerId title points }
        member { points { available lifetime } } }
  ... on Error { code message }
} }"""

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename ... on RefundPurchaseSuccess { pointsReversed } ... on Error { code message } } }"""


def window(now: datetime, days: int = 30) -> dict:
    return {"startsAt": (now - timedelta(days=1)).isoformat(), "endsAt": (now + timedelta(days=days)).isoformat()}


async def make_offer(api, admin, now: datetime, **fields) -> dict:
    payload = {"title": "Three visits", "rewardPoints": 150, "goal": "VISITS", "goalTarget": "3", **window(now), **fields}
    result = (await api.ok(CREATE, {"input": payload}, admin.token))["createOffer"]
    assert result["__typename"] == "OfferSuccess", result
    return result["offer"]


async def my_offers(api, member) -> list[dict]:
    return (await api.ok(MY_OFFERS, token=member.token))["me"]["offers"]


async def activate(api, member, offer_id, key=None) -> dict:
    payload = {"offerId": offer_id, **({"idempotencyKey": key} if key else {})}
    return (await api.ok(ACTIVATE, {"input": payload}, member.token))["activateOffer"]


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
    result = (await api.ok(PURCHASE, {"input": payload}, cashier.token))["recordPurchase"]
    assert result["__typename"] == "RecordPurchaseSuccess", result
    return result


async def refund(api, cashier, reference, amount) -> dict:
    payload = {"reference": reference, "amount": amount, "idempotencyKey": new_key()}
    return (await api.ok(REFUND, {"input": payload}, cashier.token))["refundPurchase"]


async def offer_entries(member_id) -> list[tuple[str, int, str]]:
    from wallet.ledger.models import LedgerEntry

    rows = await LedgerEntry.filter(account__member_id=member_id, reason__startswith="Offer completed").order_by("id")
    return [(str(r.kind), r.amount, r.reason) for r in rows]


@pytest.fixture
async def people(api):
    """An admin, a cashier, a store and a member."""
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    store = await api.store()
    member = await api.sign_up()
    return admin, cashier, store, member
