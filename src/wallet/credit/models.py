"""Wallet credit: a member's balance in currency (from cashback), spendable at the till.

Like points, every change is an append-only entry on one of two buckets, and for each
account `sum(entries.amount) == balance` per bucket:

- available: credit the member can spend (never negative);
- owed: cashback a refund could not take back because it was already spent; later
  cashback pays it back first (never negative).
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class CreditKind(StrEnum):
    CASHBACK = "cashback"  # a percentage of a purchase credited
    REFUND = "refund"  # cashback taken back when its purchase is refunded
    SPEND = "spend"  # credit spent at a till
    RECOVER = "recover"  # owed credit paid back from new cashback


class CreditBucket(StrEnum):
    AVAILABLE = "available"
    OWED = "owed"


class CreditAccount(Model):
    """A member's wallet credit, kept equal to the sum of its entries."""

    id = fields.BigIntField(primary_key=True)
    member = fields.OneToOneField("models.Member", related_name="credit_account", on_delete=fields.RESTRICT)
    currency = fields.CharField(max_length=3)
    balance = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    owed = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "credit_account"


class CreditEntry(Model):
    """One change of one credit balance. Never updated, never deleted (the database refuses)."""

    id = fields.BigIntField(primary_key=True)
    account = fields.ForeignKeyField("models.CreditAccount", related_name="entries", on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(CreditKind, max_length=16)
    bucket = fields.CharEnumField(CreditBucket, max_length=16, default=CreditBucket.AVAILABLE)
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    balance_after = fields.DecimalField(max_digits=14, decimal_places=2)
    reason = fields.CharField(max_length=500, default="")
    reference = fields.CharField(max_length=200, default="")
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, null=True, on_delete=fields.RESTRICT)
    store = fields.ForeignKeyField("models.Store", related_name=False, null=True, on_delete=fields.RESTRICT)
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "credit_entry"
        indexes = (("account_id", "id"),)


class CashbackPromotion(Model):
    """A raise of the cashback percent within a time window [starts_at, ends_at)."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=100)
    extra_percent = fields.DecimalField(max_digits=5, decimal_places=2)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "cashback_promotion"
        indexes = (("starts_at", "ends_at"),)
