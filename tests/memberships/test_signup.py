"""The signup flow with the manual gateway: start, pay or fail, trial, one live membership."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import new_key
from tests.memberships.conftest import (
    ME,
    confirm,
    history,
    join,
    make_plan,
    membership,
    start,
    stored,
)
from wallet.config import ConfigError, Settings
from wallet.ledger.models import LedgerEntry
from wallet.memberships.models import Membership, MembershipEvent


async def test_a_paid_checkout_activates_the_membership_and_grants_the_period_bonus(api, plan, frozen_clock):
    # given a member
    member = await api.sign_up()
    # when they start Plus
    started = await start(api, member, plan.id)
    # then the membership is pending, with a manual checkout and no URL
    assert started["__typename"] == "StartMembershipSuccess"
    assert started["checkout"]["id"].startswith("manual_cs_")
    assert started["checkout"]["url"] is None
    assert started["membership"]["status"] == "PENDING"
    assert started["membership"]["currentPeriodEnd"] is None
    assert (await api.ok(ME, token=member.token))["me"]["points"] == {"available": 0}
    # when the gateway confirms the payment
    confirmed = await confirm(api, member, started["checkout"]["id"])
    # then it is active for a month from now, and the period's 100 bonus points are granted
    assert confirmed["membership"] == {
        "status": "ACTIVE",
        "currentPeriodStart": "2026-03-15T12:00:00+00:00",
        "currentPeriodEnd": "2026-04-15T12:00:00+00:00",
        "failureReason": None,
    }
    me = (await api.ok(ME, token=member.token))["me"]
    assert me == {
        "membership": {
            "status": "ACTIVE",
            "plan": {"name": "Plus"},
            "currentPeriodStart": "2026-03-15T12:00:00+00:00",
            "currentPeriodEnd": "2026-04-15T12:00:00+00:00",
            "cancelAtPeriodEnd": False,
            "failureReason": None,
            "nextPlan": None,
        },
        "points": {"available": 100},
    }
    assert await LedgerEntry.all().values_list("kind", "amount", "reason") == [
        ("bonus", 100, "Plus membership bonus")
    ]
    assert await history(member.id) == [
        (None, "pending", "Checkout started with manual"),
        ("pending", "active", "Checkout paid: 9.99 USD"),
    ]


async def test_a_second_confirmation_changes_nothing(api, plan, frozen_clock):
    member = await api.sign_up()
    started = await join(api, member, plan.id)
    again = await confirm(api, member, started["checkout"]["id"])
    assert again["membership"]["status"] == "ACTIVE"
    assert await LedgerEntry.all().count() == 1
    assert (await history(member.id))[-1] == ("active", "active", "Checkout confirmed while active: no change")


async def test_a_failed_payment_leaves_the_membership_failed_with_the_reason(api, plan, frozen_clock):
    member = await api.sign_up()
    started = await start(api, member, plan.id)
    failed = await confirm(api, member, started["checkout"]["id"], paid=False, reason="card_declined")
    assert failed["membership"] == {
        "status": "FAILED",
        "currentPeriodStart": None,
        "currentPeriodEnd": None,
        "failureReason": "card_declined",
    }
    assert await LedgerEntry.all().count() == 0
    assert await history(member.id) == [
        (None, "pending", "Checkout started with manual"),
        ("pending", "failed", "Payment failed: card_declined"),
    ]
    # a failed membership is not live: the member may try again
    again = await start(api, member, plan.id)
    assert again["membership"]["status"] == "PENDING"
    # and a late confirmation of the failed checkout activates nothing
    late = await confirm(api, member, started["checkout"]["id"])
    assert late["membership"]["status"] == "FAILED"
    assert (await membership(api, member))["status"] == "PENDING"


async def test_a_plan_with_a_trial_starts_trialing_without_bonus(api, trial_plan, frozen_clock):
    member = await api.sign_up()
    await join(api, member, trial_plan.id)
    me = await membership(api, member)
    assert (me["status"], me["currentPeriodStart"], me["currentPeriodEnd"]) == (
        "TRIALING",
        "2026-03-15T12:00:00+00:00",
        "2026-03-29T12:00:00+00:00",
    )
    assert await LedgerEntry.all().count() == 0
    assert (await history(member.id))[-1] == ("pending", "trialing", "Checkout completed: trial of 14 days")


async def test_a_member_has_one_live_membership(api, plan, frozen_clock):
    member = await api.sign_up()
    other = await make_plan(name="Premium", price="19.99")
    await join(api, member, plan.id)
    second = await start(api, member, other.id)
    assert (second["__typename"], second["code"]) == ("MembershipExistsError", "MEMBERSHIP_EXISTS")
    assert await Membership.filter(member_id=member.id).count() == 1
    # even while the first is still pending
    newcomer = await api.sign_up()
    await start(api, newcomer, plan.id)
    assert (await start(api, newcomer, other.id))["code"] == "MEMBERSHIP_EXISTS"


async def test_start_is_idempotent(api, plan, frozen_clock):
    member = await api.sign_up()
    other = await make_plan(name="Premium", price="19.99")
    first = await start(api, member, plan.id, key="join-1")
    again = await start(api, member, plan.id, key="join-1")
    assert again["replayed"] is True
    assert again["checkout"] == first["checkout"]
    assert again["membership"]["id"] == first["membership"]["id"]
    reused = await start(api, member, other.id, key="join-1")
    assert reused["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await Membership.all().count() == 1
    assert await MembershipEvent.all().count() == 1


async def test_a_closed_or_unknown_plan_cannot_be_started(api, plan, frozen_clock):
    from wallet.actors import Actor
    from wallet.memberships import service

    member = await api.sign_up()
    await service.update_plan(Actor.system(), str(plan.id), is_active=False)
    assert (await start(api, member, plan.id))["code"] == "NOT_FOUND"
    assert (await start(api, member, "not-a-uuid"))["code"] == "NOT_FOUND"
    assert await Membership.all().count() == 0


async def test_only_the_member_who_started_a_checkout_or_an_admin_confirms_it(api, plan, frozen_clock):
    member, stranger = await api.sign_up(), await api.sign_up()
    started = await start(api, member, plan.id)
    variables = {"input": {"checkoutId": started["checkout"]["id"], "paid": True}}
    from tests.memberships.conftest import CONFIRM

    assert await api.error_code(CONFIRM, variables, stranger.token) == "FORBIDDEN"
    assert (await stored(member.id)).status == "pending"
    admin = await api.staff("admin")
    confirmed = (await api.ok(CONFIRM, variables, admin.token))["confirmManualCheckout"]
    assert confirmed["membership"]["status"] == "ACTIVE"


async def test_a_checkout_id_longer_than_any_is_not_found(api, plan, frozen_clock):
    # A 256-character id failed with INTERNAL_ERROR: the ORM refused to look it up.
    member = await api.sign_up()
    await start(api, member, plan.id)
    for paid in (True, False):
        answer = await confirm(api, member, "manual_cs_" + "x" * 246, paid=paid)
        assert answer == {"__typename": "NotFoundError", "code": "NOT_FOUND", "message": "No membership with this checkout."}
    assert (await stored(member.id)).status == "pending"


async def test_a_long_failure_reason_is_kept_to_what_fits(api, plan, frozen_clock):
    # The event reads "Payment failed: <reason>"; with a 500-character reason it no longer
    # fitted its column, and the failure was lost to an INTERNAL_ERROR.
    member = await api.sign_up()
    started = await start(api, member, plan.id)
    failed = await confirm(api, member, started["checkout"]["id"], paid=False, reason="r" * 500)
    assert failed["membership"]["status"] == "FAILED"
    assert failed["membership"]["failureReason"] == "r" * 484
    assert (await history(member.id))[-1] == ("pending", "failed", "Payment failed: " + "r" * 484)

async def test_staff_cannot_start_a_membership(api, plan):
    cashier = await api.staff("cashier")
    from tests.memberships.conftest import START

    code = await api.error_code(START, {"input": {"planId": str(plan.id), "idempotencyKey": new_key()}}, cashier.token)
    assert code == "FORBIDDEN"


def test_the_manual_gateway_is_refused_in_production():
    env = {"WALLET_ENV": "production", "WALLET_SECRET": "s" * 40, "WALLET_PAYMENT_GATEWAY": "manual"}
    with pytest.raises(ConfigError, match="manual payment gateway is refused"):
        Settings.from_env(env)


def test_production_registers_no_manual_gateway():
    from wallet.payments.registry import build_gateways

    settings = Settings.from_env({"WALLET_ENV": "production", "WALLET_SECRET": "s" * 40})
    assert settings.payment_gateway == "stripe"
    assert build_gateways(settings).get("manual") is None


async def test_the_manual_confirmation_is_refused_in_production(api, plan, frozen_clock):
    from dataclasses import replace

    from tests.memberships.conftest import CONFIRM
    from wallet.app import create_app
    from wallet.payments.gateway import Gateways
    import httpx

    member = await api.sign_up()
    started = await start(api, member, plan.id)
    production = replace(api.settings, env="production")
    app = create_app(production, manage_database=False, gateways=Gateways(default="stripe"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wallet.test") as http:
        response = await http.post(
            "/graphql",
            json={"query": CONFIRM, "variables": {"input": {"checkoutId": started["checkout"]["id"], "paid": True}}},
            headers={"authorization": f"Bearer {member.token}"},
        )
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await stored(member.id)).status == "pending"


async def test_concurrent_starts_make_one_membership(api, plan, frozen_clock, postgres_only):
    member = await api.sign_up()
    results = await asyncio.gather(*(start(api, member, plan.id) for _ in range(6)))
    assert sorted(r["__typename"] for r in results) == ["MembershipExistsError"] * 5 + ["StartMembershipSuccess"]
    assert await Membership.filter(member_id=member.id).count() == 1
