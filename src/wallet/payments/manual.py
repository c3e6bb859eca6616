"""The offline `manual` gateway, for development and tests. Never in production.

Nothing is charged. A checkout is an id (`manual_cs_…`) with no URL; whoever plays the
payer confirms or fails it (`confirmManualCheckout`, or the service call in tests).
Renewal charges take the next outcome from a queue the test fills (`will_pay()`,
`will_decline(reason)`); with an empty queue they fail loudly in tests, and succeed in
development when `auto_pay` is on, so the demo server's `run-jobs` keeps memberships alive.
"""
from __future__ import annotations

import uuid
from collections import deque

from wallet.payments.gateway import (
    BadSignature,
    Charge,
    Checkout,
    CheckoutRequest,
    GatewayEventData,
    RenewalRequest,
)


class ManualGateway:
    name = "manual"
    renews_itself = False

    def __init__(self, *, auto_pay: bool = False) -> None:
        self.auto_pay = auto_pay
        self.outcomes: deque[Charge] = deque()
        self.checkouts: list[CheckoutRequest] = []
        self.charges: list[RenewalRequest] = []
        self.expired: list[str] = []

    def will_pay(self, times: int = 1) -> None:
        for _ in range(times):
            self.outcomes.append(Charge(paid=True, payment_id=f"manual_py_{uuid.uuid4().hex[:12]}"))

    def will_decline(self, reason: str = "card_declined", times: int = 1) -> None:
        for _ in range(times):
            self.outcomes.append(Charge(paid=False, reason=reason))

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        self.checkouts.append(request)
        return Checkout(id=f"manual_cs_{uuid.uuid4().hex}")

    async def charge_renewal(self, request: RenewalRequest) -> Charge:
        self.charges.append(request)
        if self.outcomes:
            return self.outcomes.popleft()
        if self.auto_pay:
            return Charge(paid=True, payment_id=f"manual_py_{uuid.uuid4().hex[:12]}")
        raise RuntimeError("manual gateway: no outcome set for this charge (call will_pay or will_decline)")

    async def set_cancel_at_period_end(self, subscription_id: str | None, cancel: bool) -> None:
        return None  # the job itself renews manual memberships, or not

    async def cancel_subscription(self, subscription_id: str | None) -> None:
        return None  # nothing renews by itself here

    async def expire_checkout(self, checkout_id: str) -> None:
        self.expired.append(checkout_id)

    def parse_webhook(self, payload: bytes, headers: dict[str, str]) -> GatewayEventData:
        # The manual gateway has no webhooks: its checkouts are confirmed through the API.
        raise BadSignature("the manual gateway sends no webhooks")
