from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

PROGRAM_ID = 1


class Program(Model):
    """The one loyalty program this database runs (a single row, id 1)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    currency = fields.CharField(max_length=3)
    earn_rate = fields.DecimalField(max_digits=12, decimal_places=4)
    point_value = fields.DecimalField(max_digits=12, decimal_places=4)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "program"
