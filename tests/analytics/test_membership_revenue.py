"""Membership revenue: the charges that went through, as their events recorded them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.analytics.conftest import utc
from tests.conftest import new_key
from wallet import clock
from wallet.actors import Actor, ActorKind, Role
from wallet.members import service as members
from wallet.memberships import service as memberships
from wallet.memberships.models import Membership, MembershipEvent

STATS = """query($from: DateTime!, $to: DateTime!) { programStats(from: $from, to: $to) {
  memberships { signups payments revenue revenueCurrency otherRevenue { amount currency } } } }"""
JANUARY = {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}
FEBRUARY = {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}


@pytest.fixture
async def paid(app, passwords):
    """
    Jan 5   X pays Plus (9.99)                      Jan 10  Y pays Plus (9.99)
    Jan 20  Z starts Trial (7 days, then 5.00): no charge
    Feb 6   the job: Z's trial ends, charged 5.00; X renewed, 9.99
    Feb 11  the job: Y's renewal is declined (past due: no revenue)
    Feb 15  W pays Euro (7.00 EUR)
    Feb 20  the job: Y lapses after 7 days' grace
    Feb 21  the gateway reports Y's invoice paid after all: recorded, to refund (no revenue)
    """
    gateways = app.state.gateways
    gateway = gateways.get("manual")
    system = Actor.system()
    clock.set(utc(2026, 1, 1))
    plus = await memberships.create_plan(system, name="Plus", price=Decimal("9.99"), currency="USD", interval="month")
    trial = await memberships.create_plan(
        system, name="Trial", price=Decimal("5.00"), currency="USD", interval="month", trial_days=7
    )
    euro = await memberships.create_plan(system, name="Euro", price=Decimal("7.00"), currency="EUR", interval="month")

    async def pay(name: str, plan, day) -> str:
        clock.set(day)
        member = await members.sign_up(
            passwords, email=f"{name}@example.com", password="a long passphrase", name=name, limits=None
        )
        started = await memberships.start_membership(
            Actor(ActorKind.MEMBER, str(member.id), Role.MEMBER), str(member.id), str(plan.id), new_key(), gateways
        )
        await memberships.confirm_checkout(system, gateway.name, started.checkout_id)
        return started.membership_id

    await pay("X", plus, utc(2026, 1, 5, 12))
    y = await pay("Y", plus, utc(2026, 1, 10, 12))
    await pay("Z", trial, utc(2026, 1, 20, 12))
    clock.set(utc(2026, 2, 6, 13))
    gateway.will_pay(2)  # Z's first charge (its trial ended first), then X's renewal
    await memberships.process_due(clock.now(), gateways, grace_days=7)
    clock.set(utc(2026, 2, 11, 13))
    gateway.will_decline("insufficient_funds")
    await memberships.process_due(clock.now(), gateways, grace_days=7)
    await pay("W", euro, utc(2026, 2, 15, 12))
    clock.set(utc(2026, 2, 20, 13))
    await memberships.process_due(clock.now(), gateways, grace_days=7)
    await Membership.filter(id=y).update(gateway_subscription_id="sub_y")
    clock.set(utc(2026, 2, 21, 13))
    await memberships.renewal_paid(system, gateway.name, "sub_y", None)
    clock.set(utc(2026, 3, 1))
    return y


async def test_payment_events_keep_what_was_charged(paid):
    rows = await MembershipEvent.filter(membership_id=paid).order_by("id").values_list(
        "to_status", "amount", "currency"
    )
    assert rows == [
        ("pending", None, None),
        ("active", Decimal("9.99"), "USD"),
        ("past_due", None, None),
        ("lapsed", None, None),
        ("lapsed", None, None),  # paid after it lapsed: to refund, not revenue
    ]


async def test_revenue_counts_the_charges_that_went_through_in_the_window(api, paid):
    admin = await api.staff("admin")

    january = (await api.ok(STATS, JANUARY, token=admin.token))["programStats"]["memberships"]
    february = (await api.ok(STATS, FEBRUARY, token=admin.token))["programStats"]["memberships"]

    # January: X and Y paid 9.99 each; Z's trial charged nothing.
    assert january == {"signups": 3, "payments": 2, "revenue": "19.98", "revenueCurrency": "USD", "otherRevenue": []}
    # February: Z 5.00 and X 9.99; Y's declined renewal and its late payment are not revenue;
    # W paid in euros.
    assert february == {
        "signups": 1, "payments": 3, "revenue": "14.99", "revenueCurrency": "USD",
        "otherRevenue": [{"amount": "7.00", "currency": "EUR"}],
    }


@pytest.fixture(autouse=True)
def _reset_clock():
    yield
    clock.reset()
