from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Member(Model):
    """A customer enrolled in the program."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)  # stored lower-cased
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    card_number = fields.CharField(max_length=16, unique=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "member"
