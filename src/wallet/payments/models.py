"""Gateway events already handled: a webhook delivered twice changes nothing the second time."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class GatewayEvent(Model):
    """One processed event of a payment gateway, by the gateway's own event id."""

    id = fields.BigIntField(primary_key=True)
    gateway = fields.CharField(max_length=32)
    event_id = fields.CharField(max_length=255)
    event_type = fields.CharField(max_length=100)
    outcome = fields.CharField(max_length=200, default="")
    received_at = fields.DatetimeField()

    class Meta:
        table = "gateway_event"
        unique_together = (("gateway", "event_id"),)
