"""Each change a member should hear about writes exactly one notification, with its text
and the ids to link to; the sender gets it once the change has committed."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tests.ledger.test_pending_and_expiry import configure
from tests.ledger.test_purchases import record
from tests.ledger.test_refunds_and_adjustments import adjust, refund
from tests.memberships.conftest import confirm, join, make_plan, start, utc
from tests.notifications.conftest import stored
from tests.rewards.conftest import give_points, make_reward, redeem
from wallet.jobs import run_jobs
from wallet.memberships.models import Membership
from wallet.tiers.models import Tier


async def test_a_purchase_tells_the_member_the_points_it_earned(api, sender, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    # when a sale earns 19 points
    result = await record(api, cashier, member.id, store, "19.99", reference="RCPT-1")
    # then one notification says so, naming the purchase
    assert await stored(member.id) == [
        ("balance_changed", "You earned 19 points", "For your purchase RCPT-1.",
         {"reason": "purchase", "points": 19, "purchaseId": result["purchaseId"], "reference": "RCPT-1"}),
    ]
    # and the sender got it after the sale committed
    assert [(m.member_id, m.kind, m.title) for m in sender.sent] == [(member.id, "balance_changed", "You earned 19 points")]


async def test_a_purchase_in_the_return_window_says_its_points_are_pending(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, returnWindowDays=14)
    await record(api, cashier, member.id, store, "1.00", reference="RCPT-2")
    [(kind, title, body, _)] = await stored(member.id)
    assert (kind, title, body) == (
        "balance_changed", "You earned 1 point",
        "For your purchase RCPT-2. They become available when the return window ends.",
    )


async def test_a_sale_that_earns_nothing_notifies_nothing(api, sender, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    assert (await record(api, cashier, member.id, store, "0.50"))["pointsEarned"] == 0
    assert await stored(member.id) == []
    assert sender.sent == []


async def test_a_refund_tells_the_member_the_points_taken_back(api, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await record(api, cashier, member.id, store, "100.00", reference="SALE-1")
    # when half is refunded
    result = await refund(api, cashier, "SALE-1", "50.00")
    assert result["__typename"] == "RefundPurchaseSuccess"
    # then one more notification, with the refund's id
    assert (await stored(member.id))[1:] == [
        ("balance_changed", "50 points taken back", "A refund of your purchase SALE-1 took back the points it earned.",
         {"reason": "refund", "points": -50, "owed": 0, "refundId": result["refundId"], "reference": "SALE-1"}),
    ]


async def test_a_refund_of_points_already_spent_says_they_are_owed(api, frozen_clock):
    member, cashier, store, admin = await api.sign_up(), await api.staff(), await api.store(), await api.staff("admin")
    await record(api, cashier, member.id, store, "100.00", reference="SALE-2")
    await adjust(api, admin, member.id, -80, "Spent")
    await refund(api, cashier, "SALE-2", "100.00")
    kind, title, body, data = (await stored(member.id))[-1]
    assert (title, body, data["owed"]) == (
        "100 points taken back",
        "A refund of your purchase SALE-2 took back the points it earned. 80 points you had already spent"
        " will come out of your next purchases.",
        80,
    )


async def test_an_adjustment_tells_the_member_with_its_reason(api, frozen_clock):
    member, admin = await api.sign_up(), await api.staff("admin")
    added = await adjust(api, admin, member.id, 50, "Late delivery")
    removed = await adjust(api, admin, member.id, -1, "Typo")
    assert await stored(member.id) == [
        ("balance_changed", "50 points added", "Late delivery",
         {"reason": "adjustment", "points": 50, "entryId": int(added["entryId"])}),
        ("balance_changed", "1 point removed", "Typo",
         {"reason": "adjustment", "points": -1, "entryId": int(removed["entryId"])}),
    ]


async def test_a_redemption_tells_the_member_the_points_spent(api, sender, frozen_clock):
    member = await api.sign_up()
    await give_points(api, member, 500)
    reward = await make_reward(name="Free shipping", cost_points=150)
    sender.sent.clear()
    result = await redeem(api, member, reward.id)
    assert result["__typename"] == "RedeemRewardSuccess"
    assert (await stored(member.id))[1:] == [
        ("balance_changed", "You spent 150 points", "On Free shipping: your voucher is in your wallet.",
         {"reason": "redemption", "points": -150, "voucherId": result["voucher"]["id"]}),
    ]
    assert [m.title for m in sender.sent] == ["You spent 150 points"]


async def test_moving_up_a_tier_tells_the_member_once(api, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await Tier.create(name="Insider", rank=0, threshold=Decimal(0))
    gold = await Tier.create(name="Gold", rank=1, threshold=Decimal(100))
    await record(api, cashier, member.id, store, "60.00")
    # when a purchase crosses the threshold, and another follows
    await record(api, cashier, member.id, store, "60.00")
    await record(api, cashier, member.id, store, "60.00")
    # then one tier-up, after the points of the purchase that crossed
    kinds = [(kind, title) for kind, title, _, _ in await stored(member.id)]
    assert kinds == [
        ("balance_changed", "You earned 60 points"),
        ("balance_changed", "You earned 60 points"),
        ("tier_up", "Welcome to Gold"),
        ("balance_changed", "You earned 60 points"),
    ]
    assert (await stored(member.id))[2][2:] == (
        "You reached the Gold tier: see its benefits in your wallet.", {"tierId": str(gold.id)}
    )


async def test_a_paid_renewal_tells_the_member(api, app, frozen_clock):
    gateways = app.state.gateways
    member = await api.sign_up()
    plan = await make_plan()
    await join(api, member, plan.id)
    membership = await Membership.get(member_id=member.id)
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateways.get("manual").will_pay()
    await run_jobs(gateways=gateways, grace_days=7)
    await run_jobs(gateways=gateways, grace_days=7)
    renewals = [n for n in await stored(member.id) if n[0] == "membership_renewal"]
    assert renewals == [
        ("membership_renewal", "Your Plus membership was renewed",
         "Paid 9.99 USD; this period ends on 15 May 2026.",
         {"membershipId": str(membership.id), "periodEnd": "2026-05-15T12:00:00+00:00"}),
    ]


async def test_a_failed_renewal_tells_the_member_to_act(api, app, frozen_clock):
    gateways = app.state.gateways
    member = await api.sign_up()
    plan = await make_plan()
    await join(api, member, plan.id)
    membership = await Membership.get(member_id=member.id)
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateways.get("manual").will_decline("insufficient_funds")
    await run_jobs(gateways=gateways, grace_days=7)
    await run_jobs(gateways=gateways, grace_days=7)
    failures = [n for n in await stored(member.id) if n[0] == "membership_payment_failed"]
    assert failures == [
        ("membership_payment_failed", "Your membership payment failed",
         "We could not take the payment for your Plus membership (insufficient_funds). "
         "Update your payment details to keep its benefits.",
         {"membershipId": str(membership.id)}),
    ]


async def test_a_declined_first_payment_tells_the_member(api, frozen_clock):
    member = await api.sign_up()
    plan = await make_plan()
    started = await start(api, member, plan.id)
    assert (await confirm(api, member, started["checkout"]["id"], paid=False, reason="card_declined"))[
        "__typename"
    ] == "MembershipSuccess"
    assert await stored(member.id) == [
        ("membership_payment_failed", "Your membership payment failed",
         "We could not take the payment for your Plus membership (card_declined). Choose a plan again to retry.",
         {"membershipId": started["membership"]["id"]}),
    ]


async def test_expiring_points_are_announced_once_per_batch_however_often_the_job_runs(api, sender, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, timezone="America/New_York", expiryPolicy="AFTER_EARNING", expiryMonths=12)
    await record(api, cashier, member.id, store, "100.00")  # lapses at the end of 2027-03-15, New York
    frozen_clock.advance(timedelta(days=1))
    await record(api, cashier, member.id, store, "40.00")  # lapses a day later
    lapse = datetime(2027, 3, 16, 4, 0, tzinfo=UTC)
    # 31 days before: not yet within the 30-day notice
    frozen_clock.set(lapse - timedelta(days=31))
    assert (await run_jobs())["expiring_points_notices"] == 0
    # within the notice: the first batch is announced, on the next run nothing more
    frozen_clock.set(lapse - timedelta(days=30))
    sender.sent.clear()
    assert (await run_jobs())["expiring_points_notices"] == 1
    assert (await run_jobs())["expiring_points_notices"] == 0
    frozen_clock.advance(timedelta(hours=6))
    assert (await run_jobs())["expiring_points_notices"] == 0
    # a day later the second batch is announced, once
    frozen_clock.set(lapse - timedelta(days=29))
    assert (await run_jobs())["expiring_points_notices"] == 1
    assert (await run_jobs())["expiring_points_notices"] == 0
    expiring = [n for n in await stored(member.id) if n[0] == "points_expiring"]
    assert expiring == [
        ("points_expiring", "100 points expire soon", "Use them by 15 March 2027: after that day they lapse.",
         {"points": 100, "expiresAt": "2027-03-16T04:00:00+00:00"}),
        ("points_expiring", "40 points expire soon", "Use them by 16 March 2027: after that day they lapse.",
         {"points": 40, "expiresAt": "2027-03-17T04:00:00+00:00"}),
    ]
    assert [m.title for m in sender.sent] == ["100 points expire soon", "40 points expire soon"]


async def test_points_lapsing_after_inactivity_are_announced_once(api, frozen_clock):
    admin, cashier, store, member = await api.staff("admin"), await api.staff(), await api.store(), await api.sign_up()
    await configure(api, admin, expiryPolicy="AFTER_INACTIVITY", expiryMonths=6)
    await record(api, cashier, member.id, store, "25.00")  # last activity 2026-03-15: lapse at the end of 2026-09-15
    frozen_clock.set(datetime(2026, 9, 1, tzinfo=UTC))
    assert (await run_jobs())["expiring_points_notices"] == 1
    assert (await run_jobs())["expiring_points_notices"] == 0
    [(_, title, body, data)] = [n for n in await stored(member.id) if n[0] == "points_expiring"]
    assert (title, body, data) == (
        "25 points expire soon", "Use them by 15 September 2026: after that day they lapse.",
        {"points": 25, "expiresAt": "2026-09-16T00:00:00+00:00"},
    )
