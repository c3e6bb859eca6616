"""Recording purchases: earning, money rules, duplicates and idempotent retries."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import new_key
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed member { id points { available lifetime } } }
  ... on Error { code message }
  ... on InvalidInputError { field }
  ... on DuplicateError { field }
  ... on NotFoundError { field }
} }"""


async def record(api, cashier, member_id, store_id, amount="19.99", key=None, **extra):
    payload = {
        "memberId": member_id,
        "amount": amount,
        "currency": "USD",
        "reference": extra.pop("reference", f"R-{new_key()[:10]}"),
        "storeId": store_id,
        "idempotencyKey": key or new_key(),
        **extra,
    }
    data = await api.ok(RECORD, {"input": payload}, cashier.token)
    return data["recordPurchase"]


async def test_a_purchase_of_19_99_earns_19_points_at_one_point_per_unit(api):
    # given a member, a cashier and a store
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    # when the cashier records 19.99
    result = await record(api, cashier, member.id, store, "19.99")
    # then the member earns 19 points (rounded down), shown at once
    assert result["__typename"] == "RecordPurchaseSuccess"
    assert result["pointsEarned"] == 19
    assert result["member"]["points"] == {"available": 19, "lifetime": 19}
    entries = await LedgerEntry.all()
    assert [(e.kind, e.amount, e.balance_after) for e in entries] == [("earn", 19, 19)]


async def test_a_purchase_can_name_the_member_by_card_number_with_spaces(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    spaced = " ".join(member.card_number[i : i + 4] for i in range(0, 12, 4))
    result = await record(api, cashier, None, store, "5.00", cardNumber=spaced)
    assert result["__typename"] == "RecordPurchaseSuccess"
    assert result["member"]["id"] == member.id


async def test_a_mistyped_card_number_is_caught_by_its_check_digit(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    wrong_digit = member.card_number[:-1] + str((int(member.card_number[-1]) + 1) % 10)
    result = await record(api, cashier, None, store, "5.00", cardNumber=wrong_digit)
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "cardNumber")
    assert await Purchase.all().count() == 0


@pytest.mark.parametrize(
    "amount",
    ["-5.00", "0", "0.00", "NaN", "Infinity", "1e30", "1000000.01", "12.345"],
)
async def test_bad_amounts_are_refused_and_write_nothing(api, amount):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    result = await record(api, cashier, member.id, store, amount)
    assert (result["__typename"], result["code"], result["field"]) == (
        "InvalidInputError",
        "INVALID_INPUT",
        "amount",
    )
    assert await Purchase.all().count() == 0
    assert await LedgerEntry.all().count() == 0
    assert await IdempotencyRecord.all().count() == 0


async def test_a_malformed_amount_is_refused_before_anything_runs(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    variables = {
        "input": {
            "memberId": member.id,
            "amount": "twelve",
            "currency": "USD",
            "reference": "R-1",
            "storeId": store,
            "idempotencyKey": new_key(),
        }
    }
    assert await api.error_code(RECORD, variables, cashier.token) == "INVALID_INPUT"
    assert await Purchase.all().count() == 0


async def test_another_currency_is_refused(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    result = await record(api, cashier, member.id, store, "10.00", currency="EUR")
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "currency")
    assert await Purchase.all().count() == 0


async def test_unknown_member_or_store_is_not_found(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    unknown = "00000000-0000-0000-0000-000000000000"
    assert (await record(api, cashier, unknown, store))["code"] == "NOT_FOUND"
    assert (await record(api, cashier, member.id, unknown))["code"] == "NOT_FOUND"
    assert await Purchase.all().count() == 0


async def test_the_same_receipt_cannot_be_recorded_twice_under_another_key(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    first = await record(api, cashier, member.id, store, "10.00", reference="R-42")
    second = await record(api, cashier, member.id, store, "10.00", reference="R-42")
    assert first["__typename"] == "RecordPurchaseSuccess"
    assert (second["code"], second["field"]) == ("DUPLICATE", "reference")
    assert await LedgerEntry.all().count() == 1


async def test_a_retry_with_the_same_key_replays_the_first_answer(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    key = new_key()
    first = await record(api, cashier, member.id, store, "30.00", key=key, reference="R-7")
    again = await record(api, cashier, member.id, store, "30.00", key=key, reference="R-7")
    assert first["replayed"] is False and again["replayed"] is True
    assert again["purchaseId"] == first["purchaseId"]
    assert again["pointsEarned"] == 30
    assert again["member"]["points"]["available"] == 30
    assert await LedgerEntry.all().count() == 1


async def test_concurrent_retries_with_one_key_write_one_entry(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    key = new_key()
    results = await asyncio.gather(
        *(record(api, cashier, member.id, store, "12.00", key=key, reference="R-9") for _ in range(10))
    )
    assert {r["purchaseId"] for r in results} == {results[0]["purchaseId"]}
    assert sorted(r["replayed"] for r in results) == [False] + [True] * 9
    assert await LedgerEntry.all().count() == 1
    assert await Purchase.all().count() == 1


async def test_the_same_key_with_other_input_is_refused(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    key = new_key()
    await record(api, cashier, member.id, store, "10.00", key=key, reference="R-1")
    other = await record(api, cashier, member.id, store, "99.00", key=key, reference="R-1")
    assert other["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await LedgerEntry.all().count() == 1


async def test_a_failed_write_does_not_burn_its_key(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    key = new_key()
    failed = await record(api, cashier, member.id, store, "10.00", key=key, currency="EUR")
    assert failed["code"] == "INVALID_INPUT"
    fixed = await record(api, cashier, member.id, store, "10.00", key=key)
    assert fixed["__typename"] == "RecordPurchaseSuccess" and fixed["replayed"] is False
