"""Cancel, resume, change plan, renewals, failed renewals, grace and lapse; benefits."""
from __future__ import annotations

import asyncio

from tests.ledger.test_purchases import record
from tests.memberships.conftest import (
    history,
    join,
    make_plan,
    membership,
    stored,
    utc,
)
from wallet.jobs import run_jobs
from wallet.ledger.models import LedgerEntry
from wallet.memberships.models import MembershipBonusGrant

CANCEL = """mutation($input: CancelMembershipInput) { cancelMembership(input: $input) { __typename
  ... on MembershipSuccess { membership { status cancelAtPeriodEnd currentPeriodEnd } }
  ... on Error { code message } } }"""
RESUME = """mutation { resumeMembership { __typename
  ... on MembershipSuccess { membership { status cancelAtPeriodEnd } }
  ... on MembershipStateError { status }
  ... on Error { code message } } }"""
CHANGE = """mutation($input: ChangePlanInput!) { changePlan(input: $input) { __typename
  ... on MembershipSuccess { membership { plan { name } nextPlan { name } } }
  ... on Error { code message } } }"""


async def jobs(gateways):
    return await run_jobs(gateways=gateways, grace_days=7)


async def bonuses(member_id: str) -> list[int]:
    return await LedgerEntry.filter(account__member_id=member_id, kind="bonus").order_by("id").values_list(
        "amount", flat=True
    )


async def test_cancel_at_period_end_keeps_benefits_until_then_and_never_charges(
    api, plan, gateway, gateways, frozen_clock
):
    member = await api.sign_up()
    await join(api, member, plan.id)
    cancelled = (await api.ok(CANCEL, token=member.token))["cancelMembership"]
    assert cancelled["membership"] == {
        "status": "ACTIVE",
        "cancelAtPeriodEnd": True,
        "currentPeriodEnd": "2026-04-15T12:00:00+00:00",
    }
    # when the period ends, the job cancels it without charging
    frozen_clock.set(utc(2026, 4, 15, 12))
    results = await jobs(gateways)
    assert (results["memberships_cancelled"], results["memberships_renewed"]) == (1, 0)
    assert gateway.charges == []
    assert (await membership(api, member))["status"] == "CANCELLED"
    assert (await history(member.id))[-2:] == [
        ("active", "active", "Cancellation at the period end requested by the member"),
        ("active", "cancelled", "Cancelled at the period end, as the member asked"),
    ]
    # and the member may start again
    assert (await stored(member.id)).live_member_id is None


async def test_resume_before_the_end_renews_as_usual(api, plan, gateway, gateways, frozen_clock):
    member = await api.sign_up()
    await join(api, member, plan.id)
    await api.ok(CANCEL, token=member.token)
    resumed = (await api.ok(RESUME, token=member.token))["resumeMembership"]
    assert resumed["membership"] == {"status": "ACTIVE", "cancelAtPeriodEnd": False}
    # resuming twice is refused: there is nothing to resume
    again = (await api.ok(RESUME, token=member.token))["resumeMembership"]
    assert (again["__typename"], again["code"], again["status"]) == ("MembershipStateError", "MEMBERSHIP_STATE", "active")
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateway.will_pay()
    assert (await jobs(gateways))["memberships_renewed"] == 1
    assert (await membership(api, member))["currentPeriodEnd"] == "2026-05-15T12:00:00+00:00"


async def test_resume_after_the_period_ended_is_refused(api, plan, gateways, frozen_clock):
    member = await api.sign_up()
    await join(api, member, plan.id)
    await api.ok(CANCEL, token=member.token)
    frozen_clock.set(utc(2026, 4, 15, 12, 1))  # the job has not run yet
    refused = (await api.ok(RESUME, token=member.token))["resumeMembership"]
    assert refused["code"] == "MEMBERSHIP_STATE"


async def test_cancel_now_ends_at_once(api, plan, gateways, frozen_clock):
    member = await api.sign_up()
    await join(api, member, plan.id)
    result = (await api.ok(CANCEL, {"input": {"atPeriodEnd": False}}, member.token))["cancelMembership"]
    assert result["membership"] == {
        "status": "CANCELLED",
        "cancelAtPeriodEnd": False,
        "currentPeriodEnd": "2026-03-15T12:00:00+00:00",
    }


async def test_cancel_without_a_membership_is_not_found(api, plan):
    member = await api.sign_up()
    assert (await api.ok(CANCEL, token=member.token))["cancelMembership"]["code"] == "NOT_FOUND"


async def test_a_renewal_starts_the_next_period_where_the_last_ended_and_grants_its_bonus_once(
    api, plan, gateway, gateways, frozen_clock
):
    member = await api.sign_up()
    await join(api, member, plan.id)
    # the job runs two hours late, twice
    frozen_clock.set(utc(2026, 4, 15, 14))
    gateway.will_pay()
    first = await jobs(gateways)
    second = await jobs(gateways)
    assert (first["memberships_renewed"], second["memberships_renewed"]) == (1, 0)
    assert len(gateway.charges) == 1
    assert gateway.charges[0].idempotency_key.endswith("2026-04-15T12:00:00+00:00")
    me = await membership(api, member)
    assert (me["status"], me["currentPeriodStart"], me["currentPeriodEnd"]) == (
        "ACTIVE",
        "2026-04-15T12:00:00+00:00",
        "2026-05-15T12:00:00+00:00",
    )
    assert await bonuses(member.id) == [100, 100]
    assert (await history(member.id))[-1] == ("active", "active", "Renewed: paid 9.99 USD")


async def test_a_late_job_charges_each_missed_period_and_grants_each_bonus_once(
    api, plan, gateway, gateways, frozen_clock
):
    member = await api.sign_up()
    await join(api, member, plan.id)
    frozen_clock.set(utc(2026, 6, 20))
    gateway.will_pay(times=3)
    assert (await jobs(gateways))["memberships_renewed"] == 3
    assert [c.period_start for c in gateway.charges] == [
        "2026-04-15T12:00:00+00:00",
        "2026-05-15T12:00:00+00:00",
        "2026-06-15T12:00:00+00:00",
    ]
    assert (await membership(api, member))["currentPeriodEnd"] == "2026-07-15T12:00:00+00:00"
    assert await bonuses(member.id) == [100, 100, 100, 100]
    assert await MembershipBonusGrant.all().count() == 4


async def test_a_trial_ends_with_the_first_charge(api, trial_plan, gateway, gateways, frozen_clock):
    member = await api.sign_up()
    await join(api, member, trial_plan.id)
    frozen_clock.set(utc(2026, 3, 29, 12))
    gateway.will_pay()
    assert (await jobs(gateways))["memberships_renewed"] == 1
    me = await membership(api, member)
    assert (me["status"], me["currentPeriodEnd"]) == ("ACTIVE", "2026-04-29T12:00:00+00:00")
    assert await bonuses(member.id) == [100]
    assert [c.amount for c in gateway.charges] == [trial_plan.price]


async def test_a_failed_renewal_is_past_due_with_benefits_then_lapses_after_the_grace_period(
    api, plan, gateway, gateways, frozen_clock
):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await join(api, member, plan.id)
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateway.will_decline("insufficient_funds")
    assert (await jobs(gateways))["memberships_past_due"] == 1
    me = await membership(api, member)
    assert (me["status"], me["failureReason"]) == ("PAST_DUE", "insufficient_funds")
    # within the grace period the plan's ×2 still applies, and no further charge is tried
    assert (await record(api, cashier, member.id, store, "10.00"))["pointsEarned"] == 20
    frozen_clock.set(utc(2026, 4, 22, 11, 59))
    assert (await jobs(gateways))["memberships_lapsed"] == 0
    assert len(gateway.charges) == 1
    # seven days after the unpaid period ended, it lapses and the benefits stop
    frozen_clock.set(utc(2026, 4, 22, 12))
    assert (await jobs(gateways))["memberships_lapsed"] == 1
    assert (await jobs(gateways))["memberships_lapsed"] == 0
    assert (await membership(api, member))["status"] == "LAPSED"
    assert (await record(api, cashier, member.id, store, "10.00"))["pointsEarned"] == 10
    assert (await history(member.id))[-2:] == [
        ("active", "past_due", "Renewal failed: insufficient_funds"),
        ("past_due", "lapsed", "Grace period of 7 days ended unpaid (insufficient_funds)"),
    ]
    assert await bonuses(member.id) == [100, 10]


async def test_plan_and_tier_multipliers_multiply(api, plan, frozen_clock):
    from decimal import Decimal

    from wallet.actors import Actor
    from wallet.tiers import service as tiers

    await tiers.create_tier(Actor.system(), name="Gold", rank=0, threshold=Decimal(0), earn_multiplier=Decimal("1.5"))
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await join(api, member, plan.id)
    result = await record(api, cashier, member.id, store, "100.00", reference="BOTH-1")
    # floor(100.00 × 1 × 1.5 × 2) = 300: 100 base points and a 200-point bonus
    assert result["pointsEarned"] == 300
    assert await LedgerEntry.filter(reference="BOTH-1").order_by("id").values_list("kind", "amount", "reason") == [
        ("earn", 100, "Purchase"),
        ("bonus", 200, "Gold tier and Plus membership bonus"),
    ]


async def test_a_pending_membership_gives_no_benefits(api, plan, frozen_clock):
    from tests.memberships.conftest import start

    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await start(api, member, plan.id)
    assert (await record(api, cashier, member.id, store, "10.00"))["pointsEarned"] == 10


async def test_a_plan_change_takes_effect_at_the_next_renewal_at_the_new_price(
    api, plan, gateway, gateways, frozen_clock
):
    member = await api.sign_up()
    premium = await make_plan(name="Premium", price="19.99", bonus_points=500, interval="year")
    await join(api, member, plan.id)
    changed = (await api.ok(CHANGE, {"input": {"planId": str(premium.id)}}, member.token))["changePlan"]
    assert changed["membership"] == {"plan": {"name": "Plus"}, "nextPlan": {"name": "Premium"}}
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateway.will_pay()
    await jobs(gateways)
    assert [str(c.amount) for c in gateway.charges] == ["19.99"]
    me = await membership(api, member)
    assert (me["plan"], me["nextPlan"], me["currentPeriodEnd"]) == (
        {"name": "Premium"},
        None,
        "2027-04-15T12:00:00+00:00",
    )
    assert await bonuses(member.id) == [100, 500]


async def test_choosing_the_current_plan_withdraws_a_change(api, plan, frozen_clock):
    member = await api.sign_up()
    premium = await make_plan(name="Premium", price="19.99")
    await join(api, member, plan.id)
    await api.ok(CHANGE, {"input": {"planId": str(premium.id)}}, member.token)
    back = (await api.ok(CHANGE, {"input": {"planId": str(plan.id)}}, member.token))["changePlan"]
    assert back["membership"] == {"plan": {"name": "Plus"}, "nextPlan": None}
    assert (await history(member.id))[-2:] == [
        ("active", "active", "Plan change to Premium at the next renewal"),
        ("active", "active", "Plan change withdrawn: the plan stays"),
    ]


async def test_concurrent_job_runs_charge_and_grant_once(api, plan, gateway, gateways, frozen_clock, postgres_only):
    members = [await api.sign_up() for _ in range(4)]
    for member in members:
        await join(api, member, plan.id)
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateway.will_pay(times=4)
    results = await asyncio.gather(*(jobs(gateways) for _ in range(3)))
    assert sum(r["memberships_renewed"] for r in results) == 4
    assert len(gateway.charges) == 4
    assert await MembershipBonusGrant.all().count() == 8


async def test_membership_events_are_append_only(api, plan, frozen_clock):
    import pytest

    from wallet.db import connection

    member = await api.sign_up()
    await join(api, member, plan.id)
    with pytest.raises(Exception, match="append-only"):
        await connection().execute_query("UPDATE membership_event SET reason = 'x'")
    with pytest.raises(Exception, match="append-only"):
        await connection().execute_query("DELETE FROM membership_bonus_grant")


async def test_a_cashier_sees_the_membership_at_the_till(api, plan, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await join(api, member, plan.id)
    scan = """mutation($code: String!, $store: ID!) { scanMember(code: $code, storeId: $store) {
      ... on ScanMemberSuccess { member { membership { status plan { name benefits { earnMultiplier } } } } } } }"""
    data = await api.ok(scan, {"code": member.card_number, "store": store}, cashier.token)
    assert data["scanMember"]["member"]["membership"] == {
        "status": "ACTIVE",
        "plan": {"name": "Plus", "benefits": {"earnMultiplier": "2.0"}},
    }


async def test_the_till_and_the_member_see_free_shipping_and_whether_it_applies(api, frozen_clock):
    # given a member of a plan with free shipping, scanned at the till
    shipping = await make_plan(name="Plus Shipping", free_shipping=True)
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await join(api, member, shipping.id)
    scan = """mutation($code: String!, $store: ID!) { scanMember(code: $code, storeId: $store) {
      ... on ScanMemberSuccess { member { membership { status benefitsApply
          plan { name benefits { freeShipping } } } } } } }"""
    mine = "{ me { membership { status benefitsApply plan { benefits { freeShipping } } } } }"

    async def at_the_till():
        data = await api.ok(scan, {"code": member.card_number, "store": store}, cashier.token)
        return data["scanMember"]["member"]["membership"]

    assert await at_the_till() == {
        "status": "ACTIVE",
        "benefitsApply": True,
        "plan": {"name": "Plus Shipping", "benefits": {"freeShipping": True}},
    }
    assert (await api.ok(mine, token=member.token))["me"]["membership"] == {
        "status": "ACTIVE", "benefitsApply": True, "plan": {"benefits": {"freeShipping": True}},
    }
    # when the member ends it now, the plan still says free shipping, but it no longer applies
    ended = await api.ok(CANCEL, {"input": {"atPeriodEnd": False}}, member.token)
    assert ended["cancelMembership"]["membership"]["status"] == "CANCELLED"
    assert await at_the_till() == {
        "status": "CANCELLED",
        "benefitsApply": False,
        "plan": {"name": "Plus Shipping", "benefits": {"freeShipping": True}},
    }


async def test_cancelling_before_payment_closes_the_checkout(api, plan, gateway, frozen_clock):
    from tests.memberships.conftest import confirm, start

    member = await api.sign_up()
    started = await start(api, member, plan.id)
    result = (await api.ok(CANCEL, token=member.token))["cancelMembership"]
    assert result["membership"]["status"] == "CANCELLED"
    assert gateway.expired == [started["checkout"]["id"]]
    # a confirmation arriving anyway activates nothing
    late = await confirm(api, member, started["checkout"]["id"])
    assert late["membership"]["status"] == "CANCELLED"
    assert await LedgerEntry.all().count() == 0
