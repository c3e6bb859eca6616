from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Tier(Model):
    """A level of membership reached by a qualifying amount in a tier period."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=100)
    rank = fields.IntField(unique=True)  # 0 is the entry tier; higher is better
    threshold = fields.DecimalField(max_digits=14, decimal_places=2)  # points or spend
    earn_multiplier = fields.DecimalField(max_digits=6, decimal_places=3, default=1)
    perks = fields.JSONField(default=list)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "tier"


class MemberTier(Model):
    """A member's current tier and the period it is held for."""

    id = fields.BigIntField(primary_key=True)
    member = fields.OneToOneField("models.Member", related_name="tier_status", on_delete=fields.RESTRICT)
    tier = fields.ForeignKeyField("models.Tier", related_name=False, null=True, on_delete=fields.RESTRICT)
    period_start = fields.DatetimeField()
    period_end = fields.DatetimeField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "member_tier"
        indexes = (("period_end",),)  # the job finds ended periods


class TierChange(Model):
    """A recorded move between tiers, and why."""

    id = fields.BigIntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name="tier_changes", on_delete=fields.RESTRICT)
    from_tier = fields.ForeignKeyField("models.Tier", related_name=False, null=True, on_delete=fields.RESTRICT)
    to_tier = fields.ForeignKeyField("models.Tier", related_name=False, null=True, on_delete=fields.RESTRICT)
    reason = fields.CharField(max_length=200)
    period_end = fields.DatetimeField(null=True)  # for period-end moves: which period, so a rerun is a no-op
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tier_change"
        indexes = (("member_id", "id"),)
