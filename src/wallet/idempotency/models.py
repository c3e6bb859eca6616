from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class IdempotencyRecord(Model):
    """The first answer to a retried write, keyed by who asked and the key they chose."""

    id = fields.BigIntField(primary_key=True)
    actor = fields.CharField(max_length=80)
    key = fields.CharField(max_length=200)
    operation = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    result = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "idempotency_record"
        unique_together = (("actor", "key"),)
