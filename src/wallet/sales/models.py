"""Sales recorded at a till without a member: for the program's figures only (no points)."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class NonMemberSale(Model):
    """A sale to a customer who is not (or did not say they are) a member. It earns nothing
    and names nobody: it lets programStats compare members' purchases with everyone else's."""

    id = fields.UUIDField(primary_key=True)
    store = fields.ForeignKeyField("models.Store", related_name=False, on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField("models.Staff", related_name=False, null=True, on_delete=fields.RESTRICT)
    reference = fields.CharField(max_length=100, unique=True)
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3)
    created_at = fields.DatetimeField()

    class Meta:
        table = "non_member_sale"
        # programStats sums a window's sales, program-wide or at one store.
        indexes = (("created_at",), ("store_id", "created_at"))
