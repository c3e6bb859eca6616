"""Pending points in the return window, points expiry, and the jobs that apply them."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import new_key
from tests.ledger.test_purchases import record
from tests.ledger.test_refunds_and_adjustments import adjust, refund
from wallet.audit.models import AuditRecord
from wallet.jobs import run_jobs
from wallet.ledger.models import LedgerEntry, PointsAccount, PointsLot

UPDATE_PROGRAM = """mutation($input: UpdateProgramInput!) { updateProgram(input: $input) {
  __typename
  ... on UpdateProgramSuccess { program { timezone returnWindowDays expiryPolicy expiryMonths } }
  ... on InvalidInputError { code field }
} }"""

POINTS = """{ me { points { available pending lifetime expiringSoon { amount on } } } }"""


async def configure(api, admin, **settings):
    result = (await api.ok(UPDATE_PROGRAM, {"input": settings}, admin.token))["updateProgram"]
    assert result["__typename"] == "UpdateProgramSuccess", result
    return result["program"]


async def points(api, member):
    return (await api.ok(POINTS, token=member.token))["me"]["points"]


async def test_purchase_points_stay_pending_until_the_return_window_ends(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, returnWindowDays=14)
    result = await record(api, cashier, member.id, store, "19.99")
    assert result["pointsEarned"] == 19
    assert await points(api, member) == {"available": 0, "pending": 19, "lifetime": 19, "expiringSoon": []}
    # 13 days later nothing is due yet
    frozen_clock.advance(timedelta(days=13))
    assert (await run_jobs())["pending_released"] == 0
    # after 14 days the points become available, once
    frozen_clock.advance(timedelta(days=1))
    assert (await run_jobs())["pending_released"] == 1
    assert (await run_jobs())["pending_released"] == 0
    assert (await points(api, member))["available"] == 19
    assert (await points(api, member))["pending"] == 0
    kinds = await LedgerEntry.filter(kind="release").order_by("id").values_list("bucket", "amount")
    assert kinds == [("pending", -19), ("available", 19)]


async def test_a_refund_in_the_return_window_takes_pending_points_first(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await adjust(api, admin, member.id, 50, "Welcome")
    await configure(api, admin, returnWindowDays=30)
    await record(api, cashier, member.id, store, "40.00", reference="RW-1")
    result = await refund(api, cashier, "RW-1", "10.00")
    assert (result["pointsReversed"], result["pointsOwed"]) == (10, 0)
    assert await points(api, member) == {"available": 50, "pending": 30, "lifetime": 80, "expiringSoon": []}
    frozen_clock.advance(timedelta(days=31))
    await run_jobs()
    assert (await points(api, member))["available"] == 80


async def test_points_lapse_at_the_end_of_the_local_day_n_months_after_earning(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, timezone="America/New_York", expiryPolicy="AFTER_EARNING", expiryMonths=12)
    # earned 2026-03-15 12:00 UTC (08:00 in New York)
    await record(api, cashier, member.id, store, "100.00")
    # they spend 30: the oldest lot pays
    await adjust(api, admin, member.id, -30, "Spent")
    # the end of 2027-03-15 in New York is 2027-03-16 04:00 UTC (daylight time)
    lapse = datetime(2027, 3, 16, 4, 0, tzinfo=UTC)
    frozen_clock.set(lapse - timedelta(days=30))
    assert (await points(api, member))["expiringSoon"] == [{"amount": 70, "on": "2027-03-16T04:00:00+00:00"}]
    frozen_clock.set(lapse - timedelta(seconds=1))
    assert (await run_jobs())["points_expired"] == 0
    frozen_clock.set(lapse)
    assert (await run_jobs())["points_expired"] == 70
    assert (await run_jobs())["points_expired"] == 0
    account = await PointsAccount.get(member_id=member.id)
    assert (account.available, account.lifetime) == (0, 100)
    expired = await LedgerEntry.filter(kind="expire").values_list("amount", flat=True)
    assert expired == [-70]


async def test_only_the_lots_that_lapsed_expire_first_in_first_out(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, expiryPolicy="AFTER_EARNING", expiryMonths=1)
    await record(api, cashier, member.id, store, "10.00")  # lot A, 15 March
    frozen_clock.advance(timedelta(days=20))
    await record(api, cashier, member.id, store, "20.00")  # lot B, 4 April
    await adjust(api, admin, member.id, -15, "Spent")  # takes all of A, then 5 of B
    frozen_clock.set(datetime(2026, 4, 16, 0, 0, tzinfo=UTC))  # A would lapse now: it is empty
    assert (await run_jobs())["points_expired"] == 0
    frozen_clock.set(datetime(2026, 5, 5, 0, 0, tzinfo=UTC))  # B lapses
    assert (await run_jobs())["points_expired"] == 15
    assert await PointsLot.filter(remaining__gt=0).count() == 0


async def test_all_points_lapse_after_months_without_activity(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, expiryPolicy="AFTER_INACTIVITY", expiryMonths=6)
    await record(api, cashier, member.id, store, "10.00")  # 15 March
    frozen_clock.set(datetime(2026, 6, 1, tzinfo=UTC))
    await record(api, cashier, member.id, store, "5.00")  # activity resets the clock
    frozen_clock.set(datetime(2026, 11, 1, tzinfo=UTC))
    assert (await run_jobs())["points_expired"] == 0
    frozen_clock.set(datetime(2026, 12, 2, tzinfo=UTC))
    assert (await run_jobs())["points_expired"] == 15
    assert (await PointsAccount.get(member_id=member.id)).available == 0


async def test_program_settings_are_admin_only_validated_and_audited(api):
    admin, cashier = await api.staff("admin"), await api.staff("cashier")
    assert await api.error_code(UPDATE_PROGRAM, {"input": {"returnWindowDays": 7}}, cashier.token) == "FORBIDDEN"
    bad = (await api.ok(UPDATE_PROGRAM, {"input": {"timezone": "Mars/Olympus"}}, admin.token))["updateProgram"]
    assert (bad["code"], bad["field"]) == ("INVALID_INPUT", "timezone")
    assert await AuditRecord.filter(action="program.update").count() == 0
    program = await configure(api, admin, timezone="Europe/Paris", returnWindowDays=7)
    assert (program["timezone"], program["returnWindowDays"]) == ("Europe/Paris", 7)
    [audit] = await AuditRecord.filter(action="program.update")
    assert (audit.actor_id, audit.before["timezone"], audit.after["timezone"]) == (admin.id, "UTC", "Europe/Paris")


async def test_the_currency_cannot_change_once_purchases_exist(api):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await record(api, cashier, member.id, store, "10.00", key=new_key())
    result = (await api.ok(UPDATE_PROGRAM, {"input": {"currency": "EUR"}}, admin.token))["updateProgram"]
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "currency")



async def test_a_cancelled_redemption_gives_the_points_back_with_their_old_expiry(api, frozen_clock):
    from tests.rewards.conftest import CANCEL, REDEEM, make_reward

    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, expiryPolicy="AFTER_EARNING", expiryMonths=1)
    await record(api, cashier, member.id, store, "100.00")  # lapses at the end of 15 April
    reward = await make_reward(cost_points=100)
    # a day before the points lapse, the member redeems them, and cancels a week later
    frozen_clock.set(datetime(2026, 4, 15, 12, 0, tzinfo=UTC))
    redeemed = (await api.ok(REDEEM, {"input": {"rewardId": str(reward.id), "quantity": 1, "idempotencyKey": new_key()}}, member.token))["redeemReward"]
    assert redeemed["__typename"] == "RedeemRewardSuccess", redeemed
    frozen_clock.set(datetime(2026, 4, 22, 12, 0, tzinfo=UTC))
    cancelled = (await api.ok(CANCEL, {"input": {"voucherId": redeemed["voucher"]["id"], "idempotencyKey": new_key()}}, member.token))["cancelRedemption"]
    assert cancelled["__typename"] == "CancelRedemptionSuccess", cancelled
    # the points come back into their own lot, which has lapsed meanwhile: the job expires them
    assert await PointsLot.all().count() == 1
    assert (await run_jobs())["points_expired"] == 100
    assert (await PointsAccount.get(member_id=member.id)).available == 0
