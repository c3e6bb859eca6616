"""The payment gateway interface and the registry of configured gateways.

A gateway takes the membership fee. Wallet asks it for two things: a checkout for a new
membership (`create_checkout`), and a renewal charge (`charge_renewal`) for gateways that
do not renew subscriptions themselves. What the gateway tells back arrives as events
(`parse_webhook`, after checking their signature): a checkout paid or failed, an invoice
paid or failed. The membership service turns events into state changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol


class EventKind(StrEnum):
    CHECKOUT_COMPLETED = "checkout_completed"  # the first payment (or the trial) succeeded
    CHECKOUT_FAILED = "checkout_failed"  # the first payment failed or the checkout expired
    RENEWAL_PAID = "renewal_paid"  # a period's invoice was paid
    RENEWAL_FAILED = "renewal_failed"  # a period's invoice failed
    SUBSCRIPTION_ENDED = "subscription_ended"  # the gateway stopped the subscription
    IGNORED = "ignored"  # an event Wallet does not act on


@dataclass(frozen=True)
class Checkout:
    """Where the member pays: the gateway's id, and a URL for hosted checkouts."""

    id: str
    url: str | None = None


@dataclass(frozen=True)
class CheckoutRequest:
    membership_id: str
    member_id: str
    member_email: str
    plan_id: str
    plan_name: str
    price: Decimal
    currency: str
    interval: str
    trial_days: int
    idempotency_key: str


@dataclass(frozen=True)
class Charge:
    """The outcome of a renewal charge."""

    paid: bool
    reason: str = ""
    payment_id: str | None = None


@dataclass(frozen=True)
class RenewalRequest:
    membership_id: str
    subscription_id: str | None
    amount: Decimal
    currency: str
    period_start: str  # ISO time of the period being charged for
    idempotency_key: str  # one per membership and period: a retried charge is not a second one


@dataclass(frozen=True)
class GatewayEventData:
    """An event from the gateway, after its signature was verified."""

    id: str
    type: str
    kind: EventKind
    checkout_id: str | None = None
    membership_id: str | None = None
    subscription_id: str | None = None
    reason: str = ""
    paid_until: datetime | None = None  # for a renewal: the end of the period it pays for


class BadSignature(Exception):
    """A webhook whose signature does not verify: answered 400, nothing written."""


class Gateway(Protocol):
    name: str
    renews_itself: bool  # True: renewals arrive as events; the job does not charge

    async def create_checkout(self, request: CheckoutRequest) -> Checkout: ...

    async def charge_renewal(self, request: RenewalRequest) -> Charge: ...

    def parse_webhook(self, payload: bytes, headers: dict[str, str]) -> GatewayEventData: ...

    async def set_cancel_at_period_end(self, subscription_id: str | None, cancel: bool) -> None: ...

    async def cancel_subscription(self, subscription_id: str | None) -> None:
        """Stop a self-renewing subscription now: no further charge."""
        ...

    async def expire_checkout(self, checkout_id: str) -> None:
        """Close an unpaid checkout so it can no longer be paid; raises GatewayError when it
        cannot (e.g. the payment already went through)."""
        ...


class GatewayError(Exception):
    """The gateway could not be reached or refused the request."""


@dataclass
class Gateways:
    """The gateways this server uses, by name, and the one new memberships check out with."""

    default: str
    by_name: dict[str, Gateway] = field(default_factory=dict)

    def get(self, name: str) -> Gateway | None:
        return self.by_name.get(name)

    def checkout_gateway(self) -> Gateway:
        gateway = self.by_name.get(self.default)
        if gateway is None:
            raise GatewayError(f"The payment gateway {self.default} is not configured.")
        return gateway
