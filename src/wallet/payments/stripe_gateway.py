"""The Stripe adapter, on the official `stripe` package.

- Signup: a Checkout Session in `subscription` mode, priced inline from the plan
  (`price_data`, `recurring.interval`), with the plan's trial (`trial_period_days`); the
  membership id travels as `client_reference_id` and in metadata. The request carries an
  idempotency key derived from the member's, so a retried start creates one session.
- Renewals: Stripe charges the subscription itself (`renews_itself`); the job does not
  charge. Its webhooks move the membership: `checkout.session.completed` (paid or trial,
  `payment_status` not `unpaid`) and `checkout.session.async_payment_succeeded` activate;
  `checkout.session.async_payment_failed` and `checkout.session.expired` fail the checkout;
  `invoice.paid` of a `subscription_cycle` renews up to the invoice line's period end;
  `invoice.payment_failed` makes it past due; `customer.subscription.deleted` lapses it.
- Webhooks are verified with Stripe's scheme (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256
  of `"{t}.{body}"` with the endpoint secret, 5 minutes of tolerance).
- Amounts go to Stripe in minor units (× 100): currencies without cents (JPY…) are not
  supported yet.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import stripe

from wallet.config import Settings
from wallet.payments.gateway import (
    BadSignature,
    Charge,
    Checkout,
    CheckoutRequest,
    EventKind,
    GatewayError,
    GatewayEventData,
    RenewalRequest,
)

SIGNATURE_TOLERANCE_SECONDS = 300


class StripeGateway:
    name = "stripe"
    renews_itself = True

    def __init__(self, settings: Settings, client: Any | None = None) -> None:
        self.webhook_secret = settings.stripe_webhook_secret
        self.public_url = settings.public_url
        self.client = client if client is not None else stripe.StripeClient(settings.stripe_secret_key or "sk_unset")

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        subscription_data: dict[str, Any] = {"metadata": {"membership_id": request.membership_id}}
        if request.trial_days:
            subscription_data["trial_period_days"] = request.trial_days
        params = {
            "mode": "subscription",
            "client_reference_id": request.membership_id,
            "customer_email": request.member_email,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": request.currency.lower(),
                        "unit_amount": int(request.price * 100),
                        "recurring": {"interval": request.interval},
                        "product_data": {"name": request.plan_name},
                    },
                }
            ],
            "subscription_data": subscription_data,
            "metadata": {"membership_id": request.membership_id, "member_id": request.member_id},
            "success_url": f"{self.public_url}/membership/welcome?session_id={{CHECKOUT_SESSION_ID}}",
            "cancel_url": f"{self.public_url}/membership/cancelled",
        }
        try:
            session = await self.client.v1.checkout.sessions.create_async(
                params=params, options={"idempotency_key": request.idempotency_key}
            )
        except stripe.StripeError as exc:
            raise GatewayError(exc.user_message or type(exc).__name__) from exc
        return Checkout(id=session.id, url=session.url)

    async def charge_renewal(self, request: RenewalRequest) -> Charge:
        raise GatewayError("Stripe charges renewals itself; they arrive as invoice events")

    async def set_cancel_at_period_end(self, subscription_id: str | None, cancel: bool) -> None:
        if not subscription_id:
            return
        try:
            await self.client.v1.subscriptions.update_async(
                subscription_id, params={"cancel_at_period_end": cancel}
            )
        except stripe.StripeError as exc:
            raise GatewayError(exc.user_message or type(exc).__name__) from exc

    async def cancel_subscription(self, subscription_id: str | None) -> None:
        if not subscription_id:
            return
        try:
            await self.client.v1.subscriptions.cancel_async(subscription_id)
        except stripe.StripeError as exc:
            raise GatewayError(exc.user_message or type(exc).__name__) from exc

    async def expire_checkout(self, checkout_id: str) -> None:
        try:
            await self.client.v1.checkout.sessions.expire_async(checkout_id)
        except stripe.StripeError as exc:
            raise GatewayError(exc.user_message or type(exc).__name__) from exc

    def parse_webhook(self, payload: bytes, headers: dict[str, str]) -> GatewayEventData:
        header = headers.get("stripe-signature")
        try:
            stripe.WebhookSignature.verify_header(
                payload, header, self.webhook_secret, tolerance=SIGNATURE_TOLERANCE_SECONDS
            )
            event = json.loads(payload)
            event_id, event_type, obj = event["id"], event["type"], event["data"]["object"]
        except (stripe.SignatureVerificationError, ValueError, KeyError, TypeError) as exc:
            raise BadSignature(str(exc)) from exc
        return _event(event_id, event_type, obj)


def _subscription_of_invoice(invoice: dict[str, Any]) -> str | None:
    # Older API versions put it on the invoice; newer ones under parent.subscription_details.
    subscription = invoice.get("subscription")
    if subscription is None:
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        subscription = details.get("subscription")
    if isinstance(subscription, dict):
        subscription = subscription.get("id")
    return subscription


def _paid_until(invoice: dict[str, Any]) -> datetime | None:
    lines = (invoice.get("lines") or {}).get("data") or []
    ends = [line["period"]["end"] for line in lines if (line.get("period") or {}).get("end")]
    return datetime.fromtimestamp(max(ends), UTC) if ends else None


def _event(event_id: str, event_type: str, obj: dict[str, Any]) -> GatewayEventData:
    def make(kind: EventKind, **fields: Any) -> GatewayEventData:
        return GatewayEventData(id=event_id, type=event_type, kind=kind, **fields)

    if event_type in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
        if obj.get("payment_status") == "unpaid":
            return make(EventKind.IGNORED, reason="paid later: waiting for async_payment_succeeded")
        return make(
            EventKind.CHECKOUT_COMPLETED,
            checkout_id=obj.get("id"),
            membership_id=obj.get("client_reference_id"),
            subscription_id=obj.get("subscription"),
        )
    if event_type == "checkout.session.async_payment_failed":
        return make(EventKind.CHECKOUT_FAILED, checkout_id=obj.get("id"), reason="the payment failed")
    if event_type == "checkout.session.expired":
        return make(EventKind.CHECKOUT_FAILED, checkout_id=obj.get("id"), reason="the checkout expired unpaid")
    if event_type == "invoice.paid":
        if obj.get("billing_reason") == "subscription_create":
            return make(EventKind.IGNORED, reason="first invoice: the checkout event activates")
        return make(
            EventKind.RENEWAL_PAID, subscription_id=_subscription_of_invoice(obj), paid_until=_paid_until(obj)
        )
    if event_type == "invoice.payment_failed":
        error = (obj.get("last_finalization_error") or {}).get("message")
        attempts = obj.get("attempt_count")
        reason = error or (f"invoice payment failed (attempt {attempts})" if attempts else "invoice payment failed")
        return make(EventKind.RENEWAL_FAILED, subscription_id=_subscription_of_invoice(obj), reason=reason)
    if event_type == "customer.subscription.deleted":
        return make(EventKind.SUBSCRIPTION_ENDED, subscription_id=obj.get("id"), reason="Stripe ended the subscription")
    return make(EventKind.IGNORED, reason="not an event Wallet acts on")



