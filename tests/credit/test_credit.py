"""Cashback into wallet credit, refunds taking it back, and spending it at the till."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from tests.conftest import new_key
from tests.ledger.test_purchases import record
from tests.memberships.conftest import join, make_plan
from wallet.actors import Actor
from wallet.audit.models import AuditRecord
from wallet.credit import service as credit
from wallet.credit.models import CreditAccount, CreditEntry
from wallet.program.service import update_program

CREDIT = """{ me { credit { balance owed currency history { kind bucket amount balanceAfter reason reference } } } }"""
APPLY = """mutation($input: ApplyCreditInput!) { applyCredit(input: $input) { __typename
  ... on ApplyCreditSuccess { amount balance replayed }
  ... on InsufficientCreditError { available requested }
  ... on Error { code message } } }"""
REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { __typename
  ... on RefundPurchaseSuccess { cashbackReversed cashbackOwed } ... on Error { code } } }"""


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


async def cashback(percent: str) -> None:
    await update_program(Actor.system(), {"cashback_percent": Decimal(percent)})


async def me_credit(api, member):
    return (await api.ok(CREDIT, token=member.token))["me"]["credit"]


async def apply(api, staff, member_id, store, amount, key=None, reference="TILL-1"):
    payload = {"memberId": member_id, "amount": amount, "reference": reference, "storeId": store,
               "idempotencyKey": key or new_key()}
    return (await api.ok(APPLY, {"input": payload}, staff.token))["applyCredit"]


async def refund(api, cashier, reference, amount):
    payload = {"reference": reference, "amount": amount, "idempotencyKey": new_key()}
    return (await api.ok(REFUND, {"input": payload}, cashier.token))["refundPurchase"]


@pytest.fixture
async def till(api):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    return member, cashier, store


async def test_program_cashback_is_credited_rounded_down_to_the_cent(api, till):
    member, cashier, store = till
    await cashback("2")
    result = await record(api, cashier, member.id, store, "19.99", reference="CB-1")
    assert result["__typename"] == "RecordPurchaseSuccess"
    assert await me_credit(api, member) == {
        "balance": "0.39",  # 19.99 × 2% = 0.3998, rounded down
        "owed": "0.00",
        "currency": "USD",
        "history": [{"kind": "cashback", "bucket": "available", "amount": "0.39", "balanceAfter": "0.39",
                     "reason": "Cashback", "reference": "CB-1"}],
    }


async def test_without_cashback_the_credit_is_zero_and_no_account_is_opened(api, till):
    member, cashier, store = till
    await record(api, cashier, member.id, store, "19.99")
    assert await me_credit(api, member) == {"balance": "0.00", "owed": "0.00", "currency": "USD", "history": []}
    assert await CreditAccount.all().count() == 0


async def test_program_plan_and_the_largest_promotion_in_its_window_add_up(api, till, frozen_clock):
    member, cashier, store = till
    await cashback("2")
    plan = await make_plan(cashback_percent=Decimal("3"), earn_multiplier=Decimal(1), bonus_points=0)
    await join(api, member, plan.id)
    system = Actor.system()
    await credit.create_promotion(system, name="Spring", extra_percent=Decimal("5"),
                                  starts_at=utc(2026, 3, 1), ends_at=utc(2026, 4, 1))
    await credit.create_promotion(system, name="Weekend", extra_percent=Decimal("3"),
                                  starts_at=utc(2026, 3, 14), ends_at=utc(2026, 3, 16))
    # 2 + 3 + 5 (the larger promotion; they do not stack) = 10%
    await record(api, cashier, member.id, store, "100.00")
    frozen_clock.set(utc(2026, 4, 1))  # the window is over: 2 + 3 = 5%
    await record(api, cashier, member.id, store, "100.00")
    history = (await me_credit(api, member))["history"]
    assert [h["amount"] for h in history] == ["5.00", "10.00"]


async def test_refunds_take_cashback_back_in_proportion(api, till):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "100.00", reference="P-1")
    first = await refund(api, cashier, "P-1", "33.33")
    assert (first["cashbackReversed"], first["cashbackOwed"]) == ("3.33", "0.00")
    rest = await refund(api, cashier, "P-1", "66.67")
    assert (rest["cashbackReversed"], rest["cashbackOwed"]) == ("6.67", "0.00")
    assert (await me_credit(api, member))["balance"] == "0.00"


async def test_cashback_already_spent_is_owed_and_paid_back_by_later_cashback(api, till):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "100.00", reference="P-1")
    assert (await apply(api, cashier, member.id, store, "8.00"))["balance"] == "2.00"
    taken = await refund(api, cashier, "P-1", "100.00")
    assert (taken["cashbackReversed"], taken["cashbackOwed"]) == ("10.00", "8.00")
    assert {k: v for k, v in (await me_credit(api, member)).items() if k != "history"} == {
        "balance": "0.00", "owed": "8.00", "currency": "USD"}
    await record(api, cashier, member.id, store, "100.00", reference="P-2")
    after = await me_credit(api, member)
    assert (after["balance"], after["owed"]) == ("2.00", "0.00")
    assert [(h["kind"], h["bucket"], h["amount"]) for h in reversed(after["history"])] == [
        ("cashback", "available", "10.00"),
        ("spend", "available", "-8.00"),
        ("refund", "available", "-2.00"),
        ("refund", "owed", "8.00"),
        ("cashback", "available", "10.00"),
        ("recover", "available", "-8.00"),
        ("recover", "owed", "-8.00"),
    ]


async def test_apply_credit_spends_audits_and_replays(api, till):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    spent = await apply(api, cashier, member.id, store, "1.50", key="till-9-1", reference="R-77")
    assert spent == {"__typename": "ApplyCreditSuccess", "amount": "1.50", "balance": "3.50", "replayed": False}
    again = await apply(api, cashier, member.id, store, "1.50", key="till-9-1", reference="R-77")
    assert (again["replayed"], again["balance"]) == (True, "3.50")
    reused = await apply(api, cashier, member.id, store, "2.00", key="till-9-1", reference="R-77")
    assert reused["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert (await me_credit(api, member))["balance"] == "3.50"
    record_ = await AuditRecord.get(action="credit.apply")
    assert (record_.actor_id, str(record_.store_id), record_.before, record_.after["balance"]) == (
        cashier.id, store, {"balance": "5.00"}, "3.50")


async def test_apply_credit_beyond_the_balance_is_refused_and_writes_nothing(api, till):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    refused = await apply(api, cashier, member.id, store, "5.01")
    assert refused == {"__typename": "InsufficientCreditError", "available": "5.00", "requested": "5.01",
                       "code": "INSUFFICIENT_CREDIT", "message": "The member has 5.00 of credit; 5.01 was asked."}
    stranger = await api.sign_up()
    assert (await apply(api, cashier, stranger.id, store, "1.00"))["available"] == "0.00"
    assert await CreditEntry.filter(kind="spend").count() == 0
    assert await AuditRecord.filter(action="credit.apply").count() == 0
    assert (await apply(api, cashier, member.id, store, "0"))["code"] == "INVALID_INPUT"


async def test_only_staff_at_their_stores_apply_credit(api, till):
    member, cashier, store = till
    elsewhere = await api.store("Elsewhere", assign=False)
    payload = {"memberId": member.id, "amount": "1.00", "reference": "R", "storeId": elsewhere,
               "idempotencyKey": new_key()}
    assert await api.error_code(APPLY, {"input": payload}, cashier.token) == "FORBIDDEN"
    assert await api.error_code(APPLY, {"input": {**payload, "storeId": store}}, member.token) == "FORBIDDEN"


async def test_credit_entries_are_append_only(api, till):
    from wallet.db import connection

    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    with pytest.raises(Exception, match="append-only"):
        await connection().execute_query("UPDATE credit_entry SET amount = 100")
    with pytest.raises(Exception, match="append-only"):
        await connection().execute_query("DELETE FROM credit_entry")


async def test_concurrent_spends_never_overdraw(api, till, postgres_only):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    results = await asyncio.gather(*(apply(api, cashier, member.id, store, "1.00") for _ in range(20)))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["ApplyCreditSuccess"] * 5 + ["InsufficientCreditError"] * 15
    assert (await me_credit(api, member))["balance"] == "0.00"
    assert await CreditEntry.filter(kind="spend").count() == 5


async def test_concurrent_retries_of_one_spend_spend_once(api, till, postgres_only):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    results = await asyncio.gather(*(apply(api, cashier, member.id, store, "2.00", key="same") for _ in range(10)))
    assert [r["__typename"] for r in results] == ["ApplyCreditSuccess"] * 10
    assert sorted(r["replayed"] for r in results) == [False] + [True] * 9
    assert {r["balance"] for r in results} == {"3.00"}
    assert await CreditEntry.filter(kind="spend").count() == 1


async def test_concurrent_purchases_and_refunds_keep_credit_consistent(api, till, postgres_only):
    member, cashier, store = till
    await cashback("10")
    await asyncio.gather(*(record(api, cashier, member.id, store, "10.00", reference=f"C-{n}") for n in range(8)))
    await asyncio.gather(*(refund(api, cashier, f"C-{n}", "10.00") for n in range(4)))
    assert (await me_credit(api, member))["balance"] == "4.00"
    assert await credit.check_credit() == []


async def test_the_ledger_check_names_a_credit_balance_that_differs_from_its_entries(api, till):
    from wallet.db import connection
    from wallet.ledger.service import check_ledger

    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "50.00")
    await connection().execute_query("UPDATE credit_account SET balance = '6.00'")
    [mismatch] = await check_ledger()
    assert (mismatch.member_id, mismatch.problems) == (
        member.id, ["credit available is 6.00 but its entries add up to 5.00"])
    await connection().execute_query("UPDATE credit_account SET balance = '5.00'")


async def test_admins_set_the_cashback_percent_and_promotions(api):
    admin, cashier = await api.staff("admin"), await api.staff("cashier")
    program = """mutation($p: Decimal!) { updateProgram(input: {cashbackPercent: $p}) { __typename
      ... on UpdateProgramSuccess { program { cashbackPercent } } ... on InvalidInputError { field } } }"""
    assert (await api.ok(program, {"p": "2.5"}, admin.token))["updateProgram"]["program"] == {"cashbackPercent": "2.50"}
    assert (await api.ok(program, {"p": "101"}, admin.token))["updateProgram"]["field"] == "cashbackPercent"
    create = """mutation($input: CreateCashbackPromotionInput!) { createCashbackPromotion(input: $input) {
      __typename ... on CashbackPromotionSuccess { promotion { id name extraPercent isActive } }
      ... on InvalidInputError { field } } }"""
    window = {"name": "Spring", "extraPercent": "5", "startsAt": "2026-03-01T00:00:00Z", "endsAt": "2026-04-01T00:00:00Z"}
    made = (await api.ok(create, {"input": window}, admin.token))["createCashbackPromotion"]["promotion"]
    assert {k: v for k, v in made.items() if k != "id"} == {"name": "Spring", "extraPercent": "5.00", "isActive": True}
    backwards = {**window, "endsAt": "2026-02-01T00:00:00Z"}
    assert (await api.ok(create, {"input": backwards}, admin.token))["createCashbackPromotion"]["field"] == "endsAt"
    off = """mutation($id: ID!) { setCashbackPromotionActive(id: $id, isActive: false) {
      ... on CashbackPromotionSuccess { promotion { isActive } } } }"""
    assert (await api.ok(off, {"id": made["id"]}, admin.token))["setCashbackPromotionActive"]["promotion"] == {"isActive": False}
    assert await AuditRecord.filter(action__startswith="cashback_promotion.").count() == 2
    assert await api.error_code(create, {"input": window}, cashier.token) == "FORBIDDEN"


async def test_purchase_and_refund_audit_records_name_the_cashback(api, till):
    member, cashier, store = till
    await cashback("10")
    await record(api, cashier, member.id, store, "100.00", reference="A-1")
    await refund(api, cashier, "A-1", "50.00")
    sale = await AuditRecord.get(action="purchase.record")
    back = await AuditRecord.get(action="purchase.refund")
    assert sale.after["cashback"] == "10.00"
    assert (back.after["cashbackReversed"], back.after["cashbackOwed"]) == ("5.00", "0.00")
