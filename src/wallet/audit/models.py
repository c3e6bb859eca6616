from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditRecord(Model):
    """An append-only record of a staff or system action that changed state."""

    id = fields.BigIntField(primary_key=True)
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    role = fields.CharField(max_length=16, null=True)
    store_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=64)
    target_type = fields.CharField(max_length=32)
    target_id = fields.CharField(max_length=64, null=True)
    member_id = fields.UUIDField(null=True)  # the member the action concerns, for filtering
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    request_id = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_record"
        indexes = (
            ("action", "id"),
            ("target_type", "target_id"),
            ("actor_id", "id"),
            ("member_id", "id"),
            ("store_id", "id"),
            ("created_at",),
        )
