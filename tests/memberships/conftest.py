"""Helpers for the membership tests: plans, the manual gateway, and the API calls."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from tests.conftest import new_key
from wallet.actors import Actor
from wallet.memberships import service
from wallet.memberships.models import Membership, MembershipEvent
from wallet.payments.manual import ManualGateway


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture
def gateway(app) -> ManualGateway:
    """The app's manual gateway: each test sets the outcome of every renewal charge."""
    return app.state.gateways.get("manual")


@pytest.fixture
def gateways(app):
    return app.state.gateways


async def make_plan(**overrides):
    values = {
        "name": "Plus",
        "price": Decimal("9.99"),
        "currency": "USD",
        "interval": "month",
        "trial_days": 0,
        "earn_multiplier": Decimal("2"),
        "bonus_points": 100,
    }
    values.update(overrides)
    return await service.create_plan(Actor.system(), **values)


@pytest.fixture
async def plan(database):
    """Plus: 9.99 USD a month, ×2 points, 100 bonus points a period, no trial."""
    return await make_plan()


@pytest.fixture
async def trial_plan(database):
    """Trial Plus: 9.99 USD a month after a 14-day trial."""
    return await make_plan(name="Trial Plus", trial_days=14)


START = """mutation($input: StartMembershipInput!) { startMembership(input: $input) {
  __typename
  ... on StartMembershipSuccess { replayed checkout { id url }
      membership { id status plan { name } currentPeriodStart currentPeriodEnd cancelAtPeriodEnd } }
  ... on Error { code message } } }"""

CONFIRM = """mutation($input: ConfirmManualCheckoutInput!) { confirmManualCheckout(input: $input) {
  __typename
  ... on MembershipSuccess { membership { status currentPeriodStart currentPeriodEnd failureReason } }
  ... on Error { code message } } }"""

ME = """{ me { membership { status plan { name } currentPeriodStart currentPeriodEnd
  cancelAtPeriodEnd failureReason nextPlan { name } } points { available } } }"""


async def start(api, member, plan_id, key=None):
    data = await api.ok(START, {"input": {"planId": str(plan_id), "idempotencyKey": key or new_key()}}, member.token)
    return data["startMembership"]


async def confirm(api, member, checkout_id, paid=True, reason=None):
    data = await api.ok(
        CONFIRM, {"input": {"checkoutId": checkout_id, "paid": paid, "reason": reason}}, member.token
    )
    return data["confirmManualCheckout"]


async def join(api, member, plan_id):
    """Start and pay: the member's membership is active (or trialing)."""
    started = await start(api, member, plan_id)
    assert started["__typename"] == "StartMembershipSuccess", started
    confirmed = await confirm(api, member, started["checkout"]["id"])
    assert confirmed["__typename"] == "MembershipSuccess", confirmed
    return started


async def membership(api, member):
    return (await api.ok(ME, token=member.token))["me"]["membership"]


async def history(member_id: str) -> list[tuple[str | None, str, str]]:
    """Every event of the member's memberships, oldest first: (from, to, reason)."""
    rows = await MembershipEvent.filter(membership__member_id=member_id).order_by("id")
    return [(e.from_status, e.to_status, e.reason) for e in rows]


async def stored(member_id: str) -> Membership:
    return await Membership.filter(member_id=member_id).order_by("-created_at").first()
