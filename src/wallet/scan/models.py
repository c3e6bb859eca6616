from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ScanClaim(Model):
    """The till that first accepted a scan code: the same code is refused at any other till."""

    nonce = fields.CharField(max_length=32, primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField("models.Staff", related_name=False, on_delete=fields.RESTRICT)
    store = fields.ForeignKeyField("models.Store", related_name=False, on_delete=fields.RESTRICT)
    expires_at = fields.DatetimeField()
    claimed_at = fields.DatetimeField()

    class Meta:
        table = "scan_claim"
        indexes = (("expires_at",),)


class ScanFailure(Model):
    """A refused scan attempt, counted per cashier for the rate limit."""

    id = fields.BigIntField(primary_key=True)
    staff = fields.ForeignKeyField("models.Staff", related_name=False, on_delete=fields.RESTRICT)
    reason = fields.CharField(max_length=32)
    created_at = fields.DatetimeField()

    class Meta:
        table = "scan_failure"
        indexes = (("staff_id", "created_at"),)
