"""recordNonMemberSale: a till records a sale without a member, for the figures only."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import new_key
from wallet.audit.models import AuditRecord
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.sales.models import NonMemberSale

RECORD = """mutation($input: RecordNonMemberSaleInput!) { recordNonMemberSale(input: $input) {
  __typename
  ... on RecordNonMemberSaleSuccess { replayed sale { id storeId amount currency reference createdAt } }
  ... on Error { code message }
  ... on InvalidInputError { field }
  ... on DuplicateError { field }
} }"""

PURCHASE = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename ... on Error { code } } }"""


def sale_input(store: str, amount: str = "24.50", *, key: str | None = None, **extra) -> dict:
    return {"input": {"storeId": store, "amount": amount, "reference": extra.pop("reference", f"N-{new_key()[:8]}"),
                      "idempotencyKey": key or new_key(), **extra}}


async def written() -> tuple[int, int, int, int]:
    return (
        await NonMemberSale.all().count(),
        await AuditRecord.all().count(),
        await IdempotencyRecord.all().count(),
        await LedgerEntry.all().count(),
    )


async def test_a_cashier_records_a_sale_without_a_member_at_their_store(api, frozen_clock):
    # Given a cashier at a store
    store = await api.store()
    cashier = await api.staff("cashier")

    # When they record a sale without a member, leaving the currency to the program
    data = await api.ok(RECORD, sale_input(store, "24.50", reference="T1-0042"), cashier.token)

    # Then the sale is recorded as given, in the program's currency
    result = data["recordNonMemberSale"]
    assert result["__typename"] == "RecordNonMemberSaleSuccess"
    assert result["replayed"] is False
    sale = result["sale"]
    assert {k: v for k, v in sale.items() if k != "id"} == {
        "storeId": store, "amount": "24.50", "currency": "USD", "reference": "T1-0042",
        "createdAt": "2026-03-15T12:00:00+00:00",
    }
    row = await NonMemberSale.get(id=sale["id"])
    assert (str(row.store_id), row.amount, row.currency, row.reference, str(row.staff_id)) == (
        store, Decimal("24.50"), "USD", "T1-0042", cashier.id,
    )
    # and audited in the same transaction; no points anywhere
    record = await AuditRecord.get(action="non_member_sale.record")
    assert (record.actor_id, str(record.store_id), record.target_id, record.member_id) == (
        cashier.id, store, sale["id"], None,
    )
    assert record.after == {"reference": "T1-0042", "amount": "24.50", "currency": "USD"}
    assert await LedgerEntry.all().count() == 0
    assert await Purchase.all().count() == 0


async def test_a_retry_with_the_same_key_replays_the_first_answer_and_writes_nothing(api):
    store = await api.store()
    cashier = await api.staff("cashier")
    first = (await api.ok(RECORD, sale_input(store, "10.00", key="till-1-s-9", reference="R-9"), cashier.token))[
        "recordNonMemberSale"
    ]
    before = await written()

    again = (await api.ok(RECORD, sale_input(store, "10.00", key="till-1-s-9", reference="R-9"), cashier.token))[
        "recordNonMemberSale"
    ]

    assert again["replayed"] is True
    assert again["sale"] == first["sale"]
    assert await written() == before
    assert await NonMemberSale.all().count() == 1


async def test_the_same_key_with_another_sale_is_refused(api):
    store = await api.store()
    cashier = await api.staff("cashier")
    await api.ok(RECORD, sale_input(store, "10.00", key="till-1-s-10", reference="R-10"), cashier.token)
    before = await written()

    data = await api.ok(RECORD, sale_input(store, "11.00", key="till-1-s-10", reference="R-10"), cashier.token)

    assert data["recordNonMemberSale"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await written() == before


async def test_a_receipt_is_recorded_once_whether_with_or_without_a_member(api):
    store = await api.store()
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    await api.ok(RECORD, sale_input(store, "10.00", reference="R-1"), cashier.token)
    purchase = {"memberId": member.id, "amount": "5.00", "currency": "USD", "reference": "R-2",
                "storeId": store, "idempotencyKey": new_key()}
    assert (await api.ok(PURCHASE, {"input": purchase}, cashier.token))["recordPurchase"]["__typename"] == (
        "RecordPurchaseSuccess"
    )
    before = await written()

    again = (await api.ok(RECORD, sale_input(store, "10.00", reference="R-1"), cashier.token))["recordNonMemberSale"]
    members = (await api.ok(RECORD, sale_input(store, "5.00", reference="R-2"), cashier.token))["recordNonMemberSale"]

    assert (again["code"], again["field"]) == ("DUPLICATE", "reference")
    assert (members["code"], members["field"]) == ("DUPLICATE", "reference")
    assert await written() == before


@pytest.mark.parametrize(
    ("amount", "extra", "field"),
    [
        ("0", {}, "amount"),
        ("-5.00", {}, "amount"),
        ("1.001", {}, "amount"),
        ("100000000", {}, "amount"),
        ("5.00", {"currency": "EUR"}, "currency"),
        ("5.00", {"reference": "  "}, "reference"),
    ],
)
async def test_malformed_sales_are_refused_and_nothing_is_written(api, amount, extra, field):
    store = await api.store()
    cashier = await api.staff("cashier")
    before = await written()

    data = await api.ok(RECORD, sale_input(store, amount, **extra), cashier.token)

    assert (data["recordNonMemberSale"]["code"], data["recordNonMemberSale"]["field"]) == ("INVALID_INPUT", field)
    assert await written() == before


async def test_a_cashier_cannot_record_at_another_store_and_nothing_is_written(api):
    # Given a cashier assigned to store A only
    store_a = await api.store("A")
    store_b = await api.store("B", assign=False)
    cashier = await api.staff("cashier", stores=[store_a])
    before = await written()

    # When they record a sale at B
    code = await api.error_code(RECORD, sale_input(store_b, key="till-2-1"), cashier.token)

    # Then it is forbidden, nothing is written, and the key still works at their own store
    assert code == "FORBIDDEN"
    assert await written() == before
    data = await api.ok(RECORD, sale_input(store_a, key="till-2-1"), cashier.token)
    assert data["recordNonMemberSale"]["replayed"] is False


async def test_an_admin_records_at_any_store(api):
    store = await api.store("Far away", assign=False)
    admin = await api.staff("admin")

    data = await api.ok(RECORD, sale_input(store, "3.00"), admin.token)

    assert data["recordNonMemberSale"]["sale"]["storeId"] == store


async def test_members_and_anonymous_callers_cannot_record_sales(api):
    store = await api.store()
    member = await api.sign_up()
    before = await written()

    assert await api.error_code(RECORD, sale_input(store), member.token) == "FORBIDDEN"
    assert await api.error_code(RECORD, sale_input(store)) == "UNAUTHENTICATED"
    assert await written() == before


async def test_an_unknown_store_is_not_found(api):
    admin = await api.staff("admin")
    before = await written()

    data = await api.ok(RECORD, sale_input("00000000-0000-0000-0000-000000000000"), admin.token)

    assert data["recordNonMemberSale"]["code"] == "NOT_FOUND"
    assert await written() == before
