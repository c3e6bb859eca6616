"""Refunds take points back in proportion; admins adjust with a reason; debits never
overdraw a balance, even when fifty arrive at once."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import new_key
from tests.ledger.test_purchases import record
from wallet.ledger.models import LedgerEntry, PointsAccount, Refund

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename
  ... on RefundPurchaseSuccess { refundId pointsReversed pointsOwed replayed
      member { points { available pending lifetime owed } } }
  ... on RefundExceedsPurchaseError { refundable }
  ... on Error { code message }
} }"""

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename
  ... on AdjustPointsSuccess { entryId amount replayed member { points { available lifetime } } }
  ... on InsufficientPointsError { available requested }
  ... on InvalidInputError { field }
  ... on Error { code message }
} }"""


async def refund(api, staff, reference, amount, key=None):
    variables = {"input": {"reference": reference, "amount": amount, "idempotencyKey": key or new_key()}}
    return (await api.ok(REFUND, variables, staff.token))["refundPurchase"]


async def adjust(api, admin, member_id, amount, reason="Goodwill", key=None):
    variables = {
        "input": {"memberId": member_id, "amount": amount, "reason": reason, "idempotencyKey": key or new_key()}
    }
    return (await api.ok(ADJUST, variables, admin.token))["adjustPoints"]


@pytest.fixture
async def sale(api):
    """A member who bought 100.00 (100 points) at a store."""
    member, cashier, store = await api.sign_up(), await api.staff("cashier"), await api.store()
    await record(api, cashier, member.id, store, "100.00", reference="SALE-1")
    return member, cashier, store


async def test_partial_refunds_reverse_points_in_proportion_and_add_up_to_the_whole(api, sale):
    member, cashier, _ = sale
    # 33.33 of 100.00 -> floor(100 * 33.33 / 100) = 33
    first = await refund(api, cashier, "SALE-1", "33.33")
    assert (first["pointsReversed"], first["pointsOwed"]) == (33, 0)
    # 33.33 more: floor(66.66) = 66 reversed in all, so 33 more
    second = await refund(api, cashier, "SALE-1", "33.33")
    assert second["pointsReversed"] == 33
    # the rest: all 100 reversed in all
    last = await refund(api, cashier, "SALE-1", "33.34")
    assert last["pointsReversed"] == 34
    assert last["member"]["points"] == {"available": 0, "pending": 0, "lifetime": 0, "owed": 0}
    # nothing is left to refund
    more = await refund(api, cashier, "SALE-1", "0.01")
    assert (more["code"], more["refundable"]) == ("REFUND_EXCEEDS_PURCHASE", "0.00")
    assert await Refund.all().count() == 3


async def test_a_refund_larger_than_the_purchase_is_refused_and_writes_nothing(api, sale):
    _, cashier, _ = sale
    result = await refund(api, cashier, "SALE-1", "100.01")
    assert (result["code"], result["refundable"]) == ("REFUND_EXCEEDS_PURCHASE", "100.00")
    assert await Refund.all().count() == 0
    assert await LedgerEntry.filter(kind="refund").count() == 0


async def test_a_refund_of_an_unknown_receipt_is_not_found(api, sale):
    _, cashier, _ = sale
    assert (await refund(api, cashier, "NO-SUCH", "1.00"))["code"] == "NOT_FOUND"


async def test_a_refund_after_the_points_were_spent_carries_the_rest_as_owed(api, sale):
    member, cashier, store = sale
    admin = await api.staff("admin")
    # the member spends 80 of their 100 points
    assert (await adjust(api, admin, member.id, -80, "Spent at the counter"))["__typename"] == "AdjustPointsSuccess"
    # when the whole purchase is refunded
    result = await refund(api, cashier, "SALE-1", "100.00")
    # then the 20 available are taken and 80 are owed; the balance never goes negative
    assert (result["pointsReversed"], result["pointsOwed"]) == (100, 80)
    assert result["member"]["points"] == {"available": 0, "pending": 0, "lifetime": 0, "owed": 80}
    # the next purchase pays the owed points back first
    paid = await record(api, cashier, member.id, store, "50.00", reference="SALE-2")
    assert paid["pointsEarned"] == 50
    account = await PointsAccount.get(member_id=member.id)
    assert (account.available, account.owed, account.lifetime) == (0, 30, 50)
    recover = await LedgerEntry.filter(kind="recover").order_by("id").values_list("bucket", "amount")
    assert recover == [("available", -50), ("owed", -50)]


async def test_a_replayed_refund_reverses_once(api, sale):
    _, cashier, _ = sale
    key = new_key()
    first = await refund(api, cashier, "SALE-1", "50.00", key=key)
    again = await refund(api, cashier, "SALE-1", "50.00", key=key)
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert again["refundId"] == first["refundId"]
    assert await LedgerEntry.filter(kind="refund").count() == 1
    assert (await PointsAccount.get(member_id=sale[0].id)).available == 50


async def test_concurrent_refunds_never_reverse_more_than_was_earned(api, sale):
    member, cashier, _ = sale
    results = await asyncio.gather(*(refund(api, cashier, "SALE-1", "30.00") for _ in range(5)))
    accepted = [r for r in results if r["__typename"] == "RefundPurchaseSuccess"]
    refused = [r for r in results if r["__typename"] == "RefundExceedsPurchaseError"]
    assert (len(accepted), len(refused)) == (3, 2)
    assert sum(r["pointsReversed"] for r in accepted) == 90
    assert (await PointsAccount.get(member_id=member.id)).available == 10


async def test_an_admin_adjusts_points_with_a_reason(api):
    member, admin = await api.sign_up(), await api.staff("admin")
    result = await adjust(api, admin, member.id, 250, "Compensation for a late order")
    assert result["member"]["points"] == {"available": 250, "lifetime": 250}
    entry = await LedgerEntry.get(id=int(result["entryId"]))
    assert (entry.kind, entry.amount, entry.reason, entry.actor_id) == (
        "adjust", 250, "Compensation for a late order", admin.id
    )


@pytest.mark.parametrize("amount,reason,field", [(10, "  ", "reason"), (0, "Zero", "amount")])
async def test_an_adjustment_without_reason_or_amount_is_refused(api, amount, reason, field):
    member, admin = await api.sign_up(), await api.staff("admin")
    result = await adjust(api, admin, member.id, amount, reason)
    assert (result["code"], result["field"]) == ("INVALID_INPUT", field)
    assert await LedgerEntry.all().count() == 0


async def test_a_debit_larger_than_the_balance_is_refused(api):
    member, admin = await api.sign_up(), await api.staff("admin")
    await adjust(api, admin, member.id, 10)
    result = await adjust(api, admin, member.id, -11, "Too much")
    assert (result["code"], result["available"], result["requested"]) == ("INSUFFICIENT_POINTS", 10, 11)
    assert (await PointsAccount.get(member_id=member.id)).available == 10
    assert await LedgerEntry.all().count() == 1


async def test_fifty_concurrent_debits_of_one_point_against_ten_leave_zero(api):
    # given a balance of 10
    member, admin = await api.sign_up(), await api.staff("admin")
    await adjust(api, admin, member.id, 10)
    # when 50 debits of 1 arrive at once, each with its own key
    results = await asyncio.gather(*(adjust(api, admin, member.id, -1, "Debit") for _ in range(50)))
    # then exactly 10 succeed, 40 are refused, and the balance ends at 0
    kinds = [r["__typename"] for r in results]
    assert kinds.count("AdjustPointsSuccess") == 10
    assert kinds.count("InsufficientPointsError") == 40
    assert (await PointsAccount.get(member_id=member.id)).available == 0
    assert await LedgerEntry.filter(amount=-1).count() == 10


async def test_fifty_concurrent_replays_of_one_debit_write_one_entry(api):
    member, admin = await api.sign_up(), await api.staff("admin")
    await adjust(api, admin, member.id, 10)
    key = new_key()
    results = await asyncio.gather(*(adjust(api, admin, member.id, -1, "Debit", key=key) for _ in range(50)))
    assert {r["entryId"] for r in results} == {results[0]["entryId"]}
    assert [r["replayed"] for r in results].count(False) == 1
    assert (await PointsAccount.get(member_id=member.id)).available == 9


async def test_ledger_entries_cannot_be_changed_or_deleted_even_by_sql(api):
    member, admin = await api.sign_up(), await api.staff("admin")
    await adjust(api, admin, member.id, 10)
    from wallet.db import connection

    with pytest.raises(Exception, match="append-only"):
        await connection().execute_script("UPDATE ledger_entry SET amount = 1000")
    with pytest.raises(Exception, match="append-only"):
        await connection().execute_script("DELETE FROM ledger_entry")
    assert [e.amount for e in await LedgerEntry.all()] == [10]
