"""Offers (targeted challenges), the members they are for, and their progress.

The rules are in `wallet.offers.service`.
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class OfferTarget(StrEnum):
    SEGMENT = "segment"  # members matching every segment condition set (none set: everyone)
    MEMBERS = "members"  # only the members listed in `offer_member`


class OfferGoal(StrEnum):
    VISITS = "visits"  # N purchases
    SPEND = "spend"  # spend at least an amount (optionally only lines of a category or SKU)
    SKU_PURCHASES = "sku_purchases"  # N purchases with a line of a SKU


class Offer(Model):
    """An admin-defined challenge: who it is for, what to do, what it gives."""

    id = fields.UUIDField(primary_key=True)
    title = fields.CharField(max_length=100)
    description = fields.CharField(max_length=1000, default="")
    reward_points = fields.BigIntField()
    # Valid (shown, activatable, counting) in [starts_at, ends_at).
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    target = fields.CharEnumField(OfferTarget, max_length=16)
    # Segment conditions (all that are set must hold), evaluated in SQL.
    segment_tier = fields.ForeignKeyField("models.Tier", related_name=False, null=True, on_delete=fields.RESTRICT)
    segment_plan = fields.ForeignKeyField(
        "models.MembershipPlan", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    segment_spend_days = fields.IntField(null=True)
    segment_min_spend = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    segment_inactive_days = fields.IntField(null=True)
    # Segment: members whose birthday falls in the current month (program time zone).
    segment_birthday_month = fields.BooleanField(default=False)
    # The goal: a count of purchases or an amount, and the lines that count.
    goal = fields.CharEnumField(OfferGoal, max_length=16)
    goal_target = fields.DecimalField(max_digits=14, decimal_places=2)
    goal_category = fields.CharField(max_length=100, default="")
    goal_sku = fields.CharField(max_length=100, default="")
    # With it, a member has this many days from activation (and never past ends_at).
    goal_period_days = fields.IntField(null=True)
    max_completions = fields.IntField(default=1)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "offer"
        indexes = (("is_active", "ends_at"),)


class OfferMember(Model):
    """A member an offer with target `members` is for."""

    id = fields.BigIntField(primary_key=True)
    offer = fields.ForeignKeyField("models.Offer", related_name=False, on_delete=fields.RESTRICT)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)

    class Meta:
        table = "offer_member"
        unique_together = (("offer", "member"),)
        indexes = (("member_id",),)


class OfferActivation(Model):
    """A member took up an offer: their progress toward its goal.

    `progress` counts toward the current round; after a completion it starts again from
    zero until `completions` reaches the offer's maximum, when `completed_at` is set.
    """

    id = fields.BigIntField(primary_key=True)
    offer = fields.ForeignKeyField("models.Offer", related_name=False, on_delete=fields.RESTRICT)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    activated_at = fields.DatetimeField()
    # activated_at + the offer's goal period, when it has one.
    period_ends_at = fields.DatetimeField(null=True)
    progress = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    completions = fields.IntField(default=0)
    completed_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "offer_activation"
        unique_together = (("offer", "member"),)
        indexes = (("member_id", "completed_at"),)


class OfferProgress(Model):
    """What one purchase added to one activation, so a refund can take it back."""

    id = fields.BigIntField(primary_key=True)
    activation = fields.ForeignKeyField("models.OfferActivation", related_name=False, on_delete=fields.RESTRICT)
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, on_delete=fields.RESTRICT)
    # The round (completions before it) the purchase counted toward.
    round = fields.IntField()
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    # What still counts after refunds of the purchase.
    counted = fields.DecimalField(max_digits=14, decimal_places=2)
    created_at = fields.DatetimeField()

    class Meta:
        table = "offer_progress"
        unique_together = (("activation", "purchase"),)
        indexes = (("purchase_id",),)


class OfferCompletion(Model):
    """One completion of an offer by a member, and the ledger entry of its reward.

    Written once, never changed. The unique (activation, number) is the backstop of
    "rewarded once".
    """

    id = fields.BigIntField(primary_key=True)
    activation = fields.ForeignKeyField("models.OfferActivation", related_name=False, on_delete=fields.RESTRICT)
    number = fields.IntField()
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, on_delete=fields.RESTRICT)
    entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    points = fields.BigIntField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "offer_completion"
        unique_together = (("activation", "number"),)
