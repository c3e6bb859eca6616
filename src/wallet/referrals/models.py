"""Referrals: who invited whom, and whether the invitation was rewarded.

The rules are in `wallet.referrals.service`.
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ReferralStatus(StrEnum):
    PENDING = "pending"  # the invited member has not made a qualifying purchase yet
    REWARDED = "rewarded"  # both members got their points, once
    REVERSED = "reversed"  # the qualifying purchase was refunded: the points were taken back


class Referral(Model):
    """One member invited by another. A member is invited at most once (unique `invited`)."""

    id = fields.BigIntField(primary_key=True)
    referrer = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    invited = fields.OneToOneField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    code = fields.CharField(max_length=16)  # the code the invited member signed up with
    status = fields.CharEnumField(ReferralStatus, max_length=16, default=ReferralStatus.PENDING)
    # The qualifying purchase, what each side was given for it and the program's minimum
    # then (a refund leaving less than that takes the points back).
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, null=True, on_delete=fields.RESTRICT)
    referrer_points = fields.BigIntField(default=0)
    invited_points = fields.BigIntField(default=0)
    min_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    created_at = fields.DatetimeField()
    rewarded_at = fields.DatetimeField(null=True)
    reversed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "referral"
        indexes = (("referrer_id", "status"),)
