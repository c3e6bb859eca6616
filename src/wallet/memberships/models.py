"""Paid membership: plans, members' memberships, and the record of every state change."""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class PlanInterval(StrEnum):
    MONTH = "month"
    YEAR = "year"


class MembershipStatus(StrEnum):
    PENDING = "pending"  # checkout started, not paid yet
    TRIALING = "trialing"  # in the plan's free trial; benefits apply
    ACTIVE = "active"  # paid for the current period; benefits apply
    PAST_DUE = "past_due"  # a renewal failed; benefits apply until the grace period ends
    LAPSED = "lapsed"  # the grace period ended unpaid; benefits stopped
    CANCELLED = "cancelled"  # ended by the member (at period end, or before payment)
    FAILED = "failed"  # the first payment failed; never active


# Statuses of a membership that still holds the member's one place ("live").
LIVE_STATUSES = (
    MembershipStatus.PENDING,
    MembershipStatus.TRIALING,
    MembershipStatus.ACTIVE,
    MembershipStatus.PAST_DUE,
)
# Statuses in which the plan's benefits apply.
BENEFIT_STATUSES = (MembershipStatus.TRIALING, MembershipStatus.ACTIVE, MembershipStatus.PAST_DUE)


class MembershipPlan(Model):
    """A paid membership offer: price, interval, trial and benefits."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=100)
    price = fields.DecimalField(max_digits=12, decimal_places=2)
    currency = fields.CharField(max_length=3)
    interval = fields.CharEnumField(PlanInterval, max_length=8)
    trial_days = fields.IntField(default=0)
    earn_multiplier = fields.DecimalField(max_digits=6, decimal_places=3, default=1)
    bonus_points = fields.BigIntField(default=0)  # granted once per paid period
    free_shipping = fields.BooleanField(default=False)
    cashback_percent = fields.DecimalField(max_digits=5, decimal_places=2, default=0)
    exclusive_rewards = fields.BooleanField(default=False)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "membership_plan"


class Membership(Model):
    """A member's subscription to a plan. At most one per member is live."""

    id = fields.UUIDField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name="memberships", on_delete=fields.RESTRICT)
    plan = fields.ForeignKeyField("models.MembershipPlan", related_name=False, on_delete=fields.RESTRICT)
    # The plan the next renewal charges and switches to (changePlan); null: the same plan.
    next_plan = fields.ForeignKeyField(
        "models.MembershipPlan", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(MembershipStatus, max_length=16)
    # The member's id while the membership is live, else null: a unique column, so the
    # database itself refuses a second live membership, even under concurrency.
    live_member_id = fields.CharField(max_length=36, null=True, unique=True)
    gateway = fields.CharField(max_length=32)
    checkout_id = fields.CharField(max_length=255, null=True, unique=True)
    checkout_url = fields.CharField(max_length=2000, null=True)
    gateway_subscription_id = fields.CharField(max_length=255, null=True, db_index=True)
    current_period_start = fields.DatetimeField(null=True)
    current_period_end = fields.DatetimeField(null=True)
    cancel_at_period_end = fields.BooleanField(default=False)
    past_due_since = fields.DatetimeField(null=True)
    failure_reason = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "membership"
        indexes = (("status", "current_period_end"), ("member_id", "created_at"))


class MembershipEvent(Model):
    """One state change of a membership and why. Never updated, never deleted."""

    id = fields.BigIntField(primary_key=True)
    membership = fields.ForeignKeyField("models.Membership", related_name="events", on_delete=fields.RESTRICT)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    reason = fields.CharField(max_length=500)
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    # What this change was paid, on the events of a charge that went through (a checkout paid,
    # a renewal); null on every other event, and on events recorded before amounts were kept.
    amount = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    currency = fields.CharField(max_length=3, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "membership_event"
        indexes = (("membership_id", "id"),)


class MembershipBonusGrant(Model):
    """The plan's bonus points for one period: unique per (membership, period), so a job
    run twice, or late, grants each period's bonus once."""

    id = fields.BigIntField(primary_key=True)
    membership = fields.ForeignKeyField("models.Membership", related_name=False, on_delete=fields.RESTRICT)
    period_start = fields.DatetimeField()
    points = fields.BigIntField()
    entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField()

    class Meta:
        table = "membership_bonus_grant"
        unique_together = (("membership_id", "period_start"),)
