from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class StaffRole(StrEnum):
    ADMIN = "admin"
    CASHIER = "cashier"


class Staff(Model):
    """A person acting for the business: an admin or a cashier."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200, default="")
    # How members reach their assigned associate (with `email`); empty when not given.
    phone = fields.CharField(max_length=40, default="")
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(StaffRole, max_length=16)
    is_active = fields.BooleanField(default=True)
    # Carried in every token; raised when the account is deactivated or its role changes,
    # so older tokens are refused (and reactivating an account does not revive them).
    token_version = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff"


class Store(Model):
    """A place where staff act; every staff action records its store."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # A partner's own store: sales there earn at the partner's rate, and only the partner's
    # API keys (and admins) record them. Null for the program's stores.
    partner = fields.ForeignKeyField("models.Partner", related_name="stores", null=True, on_delete=fields.RESTRICT)

    class Meta:
        table = "store"


class StaffStore(Model):
    """A cashier's assignment to a store: cashiers act only at their stores."""

    id = fields.BigIntField(primary_key=True)
    staff = fields.ForeignKeyField("models.Staff", related_name="store_assignments", on_delete=fields.RESTRICT)
    store = fields.ForeignKeyField("models.Store", related_name="staff_assignments", on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff_store"
        unique_together = (("staff_id", "store_id"),)
