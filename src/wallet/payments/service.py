"""Gateway events: each is acted on once, by the gateway's event id.

The event's effect and the record of its id commit together; a second delivery of the
same id (even at the same time: the unique index makes it wait) finds the record and
changes nothing. An event about a checkout or subscription Wallet does not know is
recorded and answered 200, so the gateway does not retry it forever.
"""
from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from wallet import clock
from wallet.actors import Actor, ActorKind
from wallet.db import transaction
from wallet.errors import NotFound
from wallet.memberships import service as memberships
from wallet.payments.gateway import EventKind, GatewayEventData
from wallet.payments.models import GatewayEvent


@dataclass(frozen=True)
class Handled:
    duplicate: bool
    outcome: str


async def handle_event(gateway: str, event: GatewayEventData) -> Handled:
    if await GatewayEvent.exists(gateway=gateway, event_id=event.id):
        return Handled(True, "already processed")
    actor = Actor(ActorKind.SYSTEM, gateway)
    try:
        async with transaction():
            outcome = await _apply(gateway, event, actor)
            await GatewayEvent.create(
                gateway=gateway,
                event_id=event.id,
                event_type=event.type[:100],
                outcome=outcome[:200],
                received_at=clock.now(),
            )
    except IntegrityError:
        # The same event, delivered twice at once: the other delivery committed first.
        if await GatewayEvent.exists(gateway=gateway, event_id=event.id):
            return Handled(True, "already processed")
        raise
    return Handled(False, outcome)


async def _apply(gateway: str, event: GatewayEventData, actor: Actor) -> str:
    kind = event.kind
    try:
        if kind is EventKind.CHECKOUT_COMPLETED and event.checkout_id:
            membership = await memberships.confirm_checkout(
                actor, gateway, event.checkout_id, subscription_id=event.subscription_id
            )
            return f"membership {membership.id}: {membership.status.value}"
        if kind is EventKind.CHECKOUT_FAILED and event.checkout_id:
            membership = await memberships.fail_checkout(actor, gateway, event.checkout_id, event.reason)
            return f"membership {membership.id}: {membership.status.value}"
    except NotFound:
        return "unknown checkout"
    if kind in (EventKind.RENEWAL_PAID, EventKind.RENEWAL_FAILED, EventKind.SUBSCRIPTION_ENDED):
        if not event.subscription_id:
            return "no subscription"
        if kind is EventKind.RENEWAL_PAID:
            found = await memberships.renewal_paid(actor, gateway, event.subscription_id, event.paid_until)
        elif kind is EventKind.RENEWAL_FAILED:
            found = await memberships.renewal_failed(actor, gateway, event.subscription_id, event.reason)
        else:
            found = await memberships.subscription_ended(actor, gateway, event.subscription_id, event.reason)
        return f"membership {found.id}: {found.status.value}" if found else "unknown subscription"
    return f"ignored: {event.reason}" if event.reason else "ignored"
