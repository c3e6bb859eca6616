"""The gateways a server uses, built from the settings."""
from __future__ import annotations

import logging

from wallet.config import Settings
from wallet.payments.gateway import Gateways
from wallet.payments.manual import ManualGateway

log = logging.getLogger("wallet.payments")


def build_gateways(settings: Settings) -> Gateways:
    """The manual gateway outside production (auto-paying renewals in development only:
    tests set each outcome), and Stripe when it is configured."""
    gateways = Gateways(default=settings.payment_gateway)
    if not settings.is_production:
        gateways.by_name["manual"] = ManualGateway(auto_pay=settings.env == "development")
    if settings.stripe_secret_key or settings.stripe_webhook_secret:
        from wallet.payments.stripe_gateway import StripeGateway

        gateways.by_name["stripe"] = StripeGateway(settings)
    if settings.payment_gateway not in gateways.by_name:
        # The API still serves everything else; startMembership answers GATEWAY_ERROR.
        log.warning(
            "WALLET_PAYMENT_GATEWAY is %s but it is not configured (Stripe needs "
            "WALLET_STRIPE_SECRET_KEY and WALLET_STRIPE_WEBHOOK_SECRET): memberships cannot start",
            settings.payment_gateway,
        )
    return gateways
