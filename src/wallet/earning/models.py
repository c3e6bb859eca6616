"""Earning rules beyond the base rate, and the grants they made.

The rules themselves are in `wallet.earning.service`.
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class RuleKind(StrEnum):
    EVENT = "event"  # points for an event: sign-up, birthday, review, check-in, custom…
    PURCHASE = "purchase"  # extra points on a purchase: basket minimum, category/SKU, hours
    SURPRISE = "surprise"  # a 1-in-N chance of bonus points on each purchase


class EarningRule(Model):
    """An admin-defined rule that grants points; every grant is a `RuleGrant`."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=100)
    kind = fields.CharEnumField(RuleKind, max_length=16)
    # Event rules: the event type they answer (sign_up, birthday, … or a custom name).
    event_type = fields.CharField(max_length=40, default="")
    # What a grant gives: fixed points, plus (purchase rules) floor(eligible amount × earn
    # rate × (multiplier − 1)).
    points = fields.BigIntField(default=0)
    multiplier = fields.DecimalField(max_digits=6, decimal_places=2, default=1)
    # Purchase conditions: a minimum basket, and lines of a category or SKU.
    min_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    category = fields.CharField(max_length=100, default="")
    sku = fields.CharField(max_length=100, default="")
    # Surprise rules: each purchase wins with probability 1 / chance_one_in.
    chance_one_in = fields.IntField(default=0)
    # Validity window [starts_at, ends_at) and daily hours [daily_from, daily_until) in the
    # program's time zone, as minutes after midnight (a happy hour).
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    daily_from_minute = fields.IntField(null=True)
    daily_until_minute = fields.IntField(null=True)
    # Restrictions: empty lists mean everyone.
    tier_ids = fields.JSONField(default=list)
    plan_ids = fields.JSONField(default=list)
    # Caps: grants per member per day / per month (program's time zone) / in all, and the
    # rule's overall budget of points.
    cap_per_member_per_day = fields.IntField(null=True)
    cap_per_member_per_month = fields.IntField(null=True)
    cap_per_member = fields.IntField(null=True)
    budget_points = fields.BigIntField(null=True)
    points_granted = fields.BigIntField(default=0)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "earning_rule"
        indexes = (("kind", "is_active"),)


class RuleGrant(Model):
    """Points one rule gave one member once, for one event or purchase. Append-only.

    The unique (rule, member, reference) makes each grant once-only: the same review or
    purchase never earns a rule twice, whatever idempotency key a client sends.
    """

    id = fields.BigIntField(primary_key=True)
    rule = fields.ForeignKeyField("models.EarningRule", related_name="grants", on_delete=fields.RESTRICT)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, null=True, on_delete=fields.RESTRICT)
    entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, null=True, on_delete=fields.RESTRICT)
    reference = fields.CharField(max_length=200)
    points = fields.BigIntField()
    # Surprise rules: the draw in [0, 1) and the HMAC it came from, to audit and reproduce it.
    draw = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField()

    class Meta:
        table = "rule_grant"
        unique_together = (("rule", "member", "reference"),)
        indexes = (("member_id", "rule_id", "created_at"),)
