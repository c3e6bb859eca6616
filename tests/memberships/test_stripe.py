"""The Stripe adapter: checkout sessions (through a stand-in client: no network) and the
webhook path with payloads signed the way Stripe signs them."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import replace
from types import SimpleNamespace

import httpx
import pytest

from tests.conftest import Api, new_key
from tests.memberships.conftest import START, history, membership, stored, utc
from wallet.app import create_app
from wallet.jobs import run_jobs
from wallet.ledger.models import LedgerEntry
from wallet.payments.gateway import Gateways
from wallet.payments.manual import ManualGateway
from wallet.payments.models import GatewayEvent
from wallet.payments.stripe_gateway import StripeGateway

SECRET = "whsec_test_" + "k" * 32


class FakeSessions:
    def __init__(self) -> None:
        self.calls: list[tuple[dict, dict]] = []
        self.expired: list[str] = []
        self.refuse_expiry = False

    async def expire_async(self, session_id, params=None, options=None):
        if self.refuse_expiry:
            import stripe

            raise stripe.InvalidRequestError("Only Checkout Sessions with a status of open can be expired.", None)
        self.expired.append(session_id)
        return SimpleNamespace(id=session_id, status="expired")

    async def create_async(self, params=None, options=None):
        self.calls.append((params, options))
        n = len(self.calls)
        return SimpleNamespace(id=f"cs_test_{n}", url=f"https://checkout.stripe.com/c/pay/cs_test_{n}")


class FakeSubscriptions:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []

    async def update_async(self, subscription_id, params=None, options=None):
        self.calls.append((subscription_id, params))
        return SimpleNamespace(id=subscription_id)

    async def cancel_async(self, subscription_id, params=None, options=None):
        self.calls.append((subscription_id, "cancel"))
        return SimpleNamespace(id=subscription_id, status="canceled")


class FakeStripeClient:
    """Stands in for stripe.StripeClient: records what Wallet asks of Stripe."""

    def __init__(self) -> None:
        self.sessions, self.subscriptions = FakeSessions(), FakeSubscriptions()
        self.v1 = SimpleNamespace(checkout=SimpleNamespace(sessions=self.sessions), subscriptions=self.subscriptions)


@pytest.fixture
def stripe_client() -> FakeStripeClient:
    return FakeStripeClient()


@pytest.fixture
async def stripe_api(database, passwords, stripe_client):
    settings = replace(database, stripe_webhook_secret=SECRET, stripe_secret_key="sk_test_offline",
                       payment_gateway="stripe", public_url="https://wallet.example")
    gateways = Gateways(
        default="stripe",
        by_name={"stripe": StripeGateway(settings, client=stripe_client), "manual": ManualGateway()},
    )
    app = create_app(settings, manage_database=False, gateways=gateways)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wallet.test") as http:
        api = Api(http, settings, passwords)
        api.gateways = gateways  # type: ignore[attr-defined]
        yield api


def signed(event: dict, *, secret: str = SECRET, timestamp: int | None = None) -> tuple[bytes, dict]:
    """The body and headers of a webhook, signed as Stripe signs: v1 = HMAC-SHA256 of "{t}.{body}"."""
    body = json.dumps(event)
    t = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return body.encode(), {"Stripe-Signature": f"t={t},v1={signature}", "content-type": "application/json"}


async def deliver(api, event: dict, **signing) -> httpx.Response:
    body, headers = signed(event, **signing)
    return await api.http.post("/webhooks/stripe", content=body, headers=headers)


def completed(event_id: str, session_id: str, membership_id: str, subscription: str = "sub_1", paid: str = "paid"):
    return {
        "id": event_id,
        "type": "checkout.session.completed",
        "data": {"object": {"id": session_id, "client_reference_id": membership_id,
                            "subscription": subscription, "payment_status": paid}},
    }


def invoice(event_id: str, kind: str, subscription: str, period_end: int | None = None, **extra):
    obj = {"subscription": subscription, "billing_reason": "subscription_cycle", **extra}
    if period_end is not None:
        obj["lines"] = {"data": [{"period": {"start": period_end - 86400 * 30, "end": period_end}}]}
    return {"id": event_id, "type": kind, "data": {"object": obj}}


async def start(api, member, plan_id):
    data = await api.ok(START, {"input": {"planId": str(plan_id), "idempotencyKey": new_key()}}, member.token)
    return data["startMembership"]


async def test_start_creates_a_subscription_checkout_session(stripe_api, stripe_client, trial_plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, trial_plan.id)
    assert started["checkout"] == {"id": "cs_test_1", "url": "https://checkout.stripe.com/c/pay/cs_test_1"}
    [(params, options)] = stripe_client.sessions.calls
    membership_id = started["membership"]["id"]
    assert params["mode"] == "subscription"
    assert params["client_reference_id"] == membership_id
    assert params["customer_email"] == member.email
    assert params["line_items"] == [{"quantity": 1, "price_data": {
        "currency": "usd", "unit_amount": 999, "recurring": {"interval": "month"},
        "product_data": {"name": "Trial Plus"}}}]
    assert params["subscription_data"] == {"metadata": {"membership_id": membership_id}, "trial_period_days": 14}
    assert params["success_url"] == "https://wallet.example/membership/welcome?session_id={CHECKOUT_SESSION_ID}"
    assert options["idempotency_key"].startswith(f"member:{member.id}:")
    assert (await membership(stripe_api, member))["status"] == "PENDING"


async def test_a_signed_completed_checkout_activates_once(stripe_api, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    event = completed("evt_1", started["checkout"]["id"], started["membership"]["id"])
    first = await deliver(stripe_api, event)
    assert (first.status_code, first.json()) == (200, {"received": True, "duplicate": False})
    me = await membership(stripe_api, member)
    assert (me["status"], me["currentPeriodEnd"]) == ("ACTIVE", "2026-04-15T12:00:00+00:00")
    assert (await stored(member.id)).gateway_subscription_id == "sub_1"
    # the same event again changes nothing
    again = await deliver(stripe_api, event)
    assert (again.status_code, again.json()) == (200, {"received": True, "duplicate": True})
    assert await LedgerEntry.all().values_list("amount", flat=True) == [100]
    assert await GatewayEvent.all().values_list("event_id", "event_type") == [("evt_1", "checkout.session.completed")]
    assert [h[1] for h in await history(member.id)] == ["pending", "active"]


@pytest.mark.parametrize(
    "tamper",
    ["wrong secret", "altered body", "no header", "stale"],
)
async def test_a_bad_signature_is_a_400_and_writes_nothing(stripe_api, plan, frozen_clock, tamper):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    event = completed("evt_bad", started["checkout"]["id"], started["membership"]["id"])
    body, headers = signed(event, secret="whsec_other" if tamper == "wrong secret" else SECRET,
                           timestamp=int(time.time()) - 301 if tamper == "stale" else None)
    if tamper == "altered body":
        body = body.replace(b'"paid"', b'"no_payment_required"')
    if tamper == "no header":
        headers.pop("Stripe-Signature")
    response = await stripe_api.http.post("/webhooks/stripe", content=body, headers=headers)
    assert (response.status_code, response.json()) == (400, {"error": "bad signature"})
    assert (await stored(member.id)).status == "pending"
    assert await GatewayEvent.all().count() == 0


async def test_an_unknown_gateway_is_a_404_and_the_manual_gateway_takes_no_webhooks(stripe_api):
    assert (await stripe_api.http.post("/webhooks/paypal", content=b"{}")).status_code == 404
    assert (await stripe_api.http.post("/webhooks/manual", content=b"{}")).status_code == 400


async def test_invoices_renew_fail_and_the_subscription_ends(stripe_api, stripe_client, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    await deliver(stripe_api, completed("evt_1", started["checkout"]["id"], started["membership"]["id"], "sub_9"))
    # the first period's invoice paid: renewed up to the line's period end, once
    frozen_clock.set(utc(2026, 4, 15, 12))
    paid = invoice("evt_2", "invoice.paid", "sub_9", period_end=int(utc(2026, 5, 15, 12).timestamp()))
    await deliver(stripe_api, paid)
    await deliver(stripe_api, {**paid, "id": "evt_2b"})  # the same period, another event id
    me = await membership(stripe_api, member)
    assert (me["status"], me["currentPeriodStart"], me["currentPeriodEnd"]) == (
        "ACTIVE", "2026-04-15T12:00:00+00:00", "2026-05-15T12:00:00+00:00")
    assert await LedgerEntry.all().values_list("amount", flat=True) == [100, 100]
    # the next one fails: past due
    frozen_clock.set(utc(2026, 5, 15, 13))
    await deliver(stripe_api, invoice("evt_3", "invoice.payment_failed", "sub_9", attempt_count=1))
    me = await membership(stripe_api, member)
    assert (me["status"], me["failureReason"]) == ("PAST_DUE", "invoice payment failed (attempt 1)")
    # the job does not charge Stripe memberships; the grace period still ends them
    frozen_clock.set(utc(2026, 5, 22, 13))
    results = await run_jobs(gateways=stripe_api.gateways, grace_days=7)
    assert (results["memberships_renewed"], results["memberships_lapsed"]) == (0, 1)
    assert (await membership(stripe_api, member))["status"] == "LAPSED"
    # Stripe is told to stop retrying the charge
    assert stripe_client.subscriptions.calls == [("sub_9", "cancel")]
    # a late deletion from Stripe changes nothing more
    await deliver(stripe_api, {"id": "evt_4", "type": "customer.subscription.deleted", "data": {"object": {"id": "sub_9"}}})
    assert (await membership(stripe_api, member))["status"] == "LAPSED"
    # a payment Stripe reports anyway is recorded, for a refund, and changes nothing
    await deliver(stripe_api, invoice("evt_5", "invoice.paid", "sub_9", period_end=int(utc(2026, 6, 15, 12).timestamp())))
    assert (await membership(stripe_api, member))["status"] == "LAPSED"
    assert (await history(member.id))[-1] == (
        "lapsed", "lapsed", "Invoice paid while lapsed: no change, refund it at the gateway")


async def test_a_payment_after_past_due_reactivates(stripe_api, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    await deliver(stripe_api, completed("evt_1", started["checkout"]["id"], started["membership"]["id"], "sub_5"))
    frozen_clock.set(utc(2026, 4, 15, 13))
    await deliver(stripe_api, invoice("evt_2", "invoice.payment_failed", "sub_5"))
    await deliver(stripe_api, invoice("evt_3", "invoice.paid", "sub_5", period_end=int(utc(2026, 5, 15, 12).timestamp())))
    me = await membership(stripe_api, member)
    assert (me["status"], me["currentPeriodEnd"], me["failureReason"]) == ("ACTIVE", "2026-05-15T12:00:00+00:00", None)


async def test_an_expired_checkout_fails_the_membership(stripe_api, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    await deliver(stripe_api, {"id": "evt_x", "type": "checkout.session.expired",
                               "data": {"object": {"id": started["checkout"]["id"]}}})
    me = await membership(stripe_api, member)
    assert (me["status"], me["failureReason"]) == ("FAILED", "the checkout expired unpaid")


async def test_unknown_checkouts_and_other_events_are_recorded_and_ignored(stripe_api, frozen_clock):
    response = await deliver(stripe_api, completed("evt_u", "cs_unknown", "m"))
    assert response.status_code == 200
    await deliver(stripe_api, {"id": "evt_o", "type": "customer.created", "data": {"object": {}}})
    assert await GatewayEvent.all().order_by("id").values_list("event_id", "outcome") == [
        ("evt_u", "unknown checkout"),
        ("evt_o", "ignored: not an event Wallet acts on"),
    ]


async def test_cancelling_tells_stripe_to_stop_renewing(stripe_api, stripe_client, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    await deliver(stripe_api, completed("evt_1", started["checkout"]["id"], started["membership"]["id"], "sub_7"))
    await stripe_api.ok("mutation { cancelMembership { __typename } }", token=member.token)
    await stripe_api.ok("mutation { resumeMembership { __typename } }", token=member.token)
    assert stripe_client.subscriptions.calls == [
        ("sub_7", {"cancel_at_period_end": True}),
        ("sub_7", {"cancel_at_period_end": False}),
    ]


async def test_the_same_event_delivered_at_once_is_applied_once(stripe_api, plan, frozen_clock, postgres_only):
    import asyncio

    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    event = completed("evt_dup", started["checkout"]["id"], started["membership"]["id"])
    responses = await asyncio.gather(*(deliver(stripe_api, event) for _ in range(5)))
    assert [r.status_code for r in responses] == [200] * 5
    assert sorted(r.json()["duplicate"] for r in responses) == [False, True, True, True, True]
    assert await GatewayEvent.all().count() == 1
    assert await LedgerEntry.all().values_list("amount", flat=True) == [100]


async def test_cancelling_a_pending_membership_expires_its_checkout(stripe_api, stripe_client, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    cancelled = await stripe_api.ok("mutation { cancelMembership { __typename } }", token=member.token)
    assert cancelled["cancelMembership"]["__typename"] == "MembershipSuccess"
    assert stripe_client.sessions.expired == [started["checkout"]["id"]]
    assert (await membership(stripe_api, member))["status"] == "CANCELLED"


async def test_a_checkout_being_paid_cannot_be_cancelled(stripe_api, stripe_client, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    stripe_client.sessions.refuse_expiry = True
    refused = await stripe_api.ok("mutation { cancelMembership { __typename ... on Error { code } } }", token=member.token)
    assert refused["cancelMembership"] == {"__typename": "PaymentGatewayError", "code": "GATEWAY_ERROR"}
    assert (await stored(member.id)).status == "pending"
    # and its payment then activates it
    await deliver(stripe_api, completed("evt_1", started["checkout"]["id"], started["membership"]["id"]))
    assert (await membership(stripe_api, member))["status"] == "ACTIVE"


async def test_cancelling_now_cancels_the_stripe_subscription(stripe_api, stripe_client, plan, frozen_clock):
    member = await stripe_api.sign_up()
    started = await start(stripe_api, member, plan.id)
    await deliver(stripe_api, completed("evt_1", started["checkout"]["id"], started["membership"]["id"], "sub_8"))
    await stripe_api.ok("mutation { cancelMembership(input: {atPeriodEnd: false}) { __typename } }", token=member.token)
    assert stripe_client.subscriptions.calls == [("sub_8", "cancel")]
    assert (await membership(stripe_api, member))["status"] == "CANCELLED"
