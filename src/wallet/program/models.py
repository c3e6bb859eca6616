from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

PROGRAM_ID = 1


class QualifyingMeasure(StrEnum):
    POINTS = "points"  # points earned from purchases in the tier period
    SPEND = "spend"  # money spent in the tier period


class TierPeriod(StrEnum):
    CALENDAR_YEAR = "calendar_year"
    ROLLING_12_MONTHS = "rolling_12_months"


class ExpiryPolicy(StrEnum):
    NEVER = "never"
    AFTER_EARNING = "after_earning"  # each lot lapses N months after it was earned (FIFO)
    AFTER_INACTIVITY = "after_inactivity"  # all points lapse after N months without activity


class Program(Model):
    """The one loyalty program this database runs (a single row, id 1)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    currency = fields.CharField(max_length=3)
    earn_rate = fields.DecimalField(max_digits=12, decimal_places=4)
    point_value = fields.DecimalField(max_digits=12, decimal_places=4)
    # Day boundaries (tier periods, expiry) follow this IANA zone; times are stored in UTC.
    timezone = fields.CharField(max_length=64, default="UTC")
    qualifying_measure = fields.CharEnumField(
        QualifyingMeasure, max_length=16, default=QualifyingMeasure.POINTS
    )
    tier_period = fields.CharEnumField(TierPeriod, max_length=24, default=TierPeriod.CALENDAR_YEAR)
    return_window_days = fields.IntField(default=0)
    expiry_policy = fields.CharEnumField(ExpiryPolicy, max_length=24, default=ExpiryPolicy.NEVER)
    expiry_months = fields.IntField(default=12)
    # Percent of each purchase credited as wallet credit, before plans and promotions.
    cashback_percent = fields.DecimalField(max_digits=5, decimal_places=2, default=0)
    # Referrals (wallet.referrals): points for the referrer and for the invited member when
    # the invited member's first purchase of at least the minimum amount is recorded.
    # Both 0: referrals are recorded but nothing is granted.
    referral_referrer_points = fields.BigIntField(default=0)
    referral_invited_points = fields.BigIntField(default=0)
    referral_min_amount = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "program"
