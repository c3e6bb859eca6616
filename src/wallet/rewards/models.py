from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class RewardKind(StrEnum):
    PRODUCT = "product"
    FIXED_DISCOUNT = "fixed_discount"
    PERCENT_DISCOUNT = "percent_discount"
    FREE_SHIPPING = "free_shipping"
    EXPERIENCE = "experience"  # dated, limited places
    CUSTOMISATION = "customisation"
    DONATION = "donation"  # points turned into a charity donation at the point value


class VoucherStatus(StrEnum):
    ISSUED = "issued"
    USED = "used"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class Reward(Model):
    """An item of the catalogue with a cost in points."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    kind = fields.CharEnumField(RewardKind, max_length=24)
    cost_points = fields.BigIntField()
    discount_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    discount_percent = fields.DecimalField(max_digits=5, decimal_places=2, null=True)
    charity_name = fields.CharField(max_length=200, default="")
    min_tier_rank = fields.IntField(null=True)
    # Redeemable only by a member whose membership gives benefits now and whose plan has
    # exclusive rewards (see rewards.service).
    members_only = fields.BooleanField(default=False)
    stock = fields.IntField(null=True)  # units or places left; null is unlimited
    experience_at = fields.DatetimeField(null=True)
    available_from = fields.DatetimeField(null=True)
    available_until = fields.DatetimeField(null=True)
    voucher_valid_days = fields.IntField(default=90)
    image_url = fields.CharField(max_length=500, default="")
    is_active = fields.BooleanField(default=True)
    # A partner's reward: points redeemed on it are paid to the partner in settlement.
    partner = fields.ForeignKeyField("models.Partner", related_name="rewards", null=True, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "reward"
        indexes = (("is_active", "cost_points"),)


class Voucher(Model):
    """Proof of a redemption: a unique, unguessable code."""

    id = fields.UUIDField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    member = fields.ForeignKeyField("models.Member", related_name="vouchers", on_delete=fields.RESTRICT)
    reward = fields.ForeignKeyField("models.Reward", related_name="vouchers", on_delete=fields.RESTRICT)
    quantity = fields.IntField(default=1)
    points_spent = fields.BigIntField()
    status = fields.CharEnumField(VoucherStatus, max_length=16, default=VoucherStatus.ISSUED)
    expires_at = fields.DatetimeField(null=True)
    used_at = fields.DatetimeField(null=True)
    used_by = fields.ForeignKeyField("models.Staff", related_name=False, null=True, on_delete=fields.RESTRICT)
    used_store = fields.ForeignKeyField("models.Store", related_name=False, null=True, on_delete=fields.RESTRICT)
    cancelled_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "voucher"
        indexes = (("member_id", "created_at"),)


class Donation(Model):
    """Points given to charity, valued at the point value: kept for reporting."""

    id = fields.UUIDField(primary_key=True)
    voucher = fields.OneToOneField("models.Voucher", related_name="donation", on_delete=fields.RESTRICT)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    charity_name = fields.CharField(max_length=200)
    points = fields.BigIntField()
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "donation"
