"""In-app notifications and the kinds a member has muted.

The rules (what is sent when, delivery after commit, muting, retention) are in
`wallet.notifications.service`.
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class NotificationKind(StrEnum):
    BALANCE_CHANGED = "balance_changed"  # points earned, taken back, adjusted or spent
    TIER_UP = "tier_up"
    POINTS_EXPIRING = "points_expiring"
    OFFER_AVAILABLE = "offer_available"
    MEMBERSHIP_RENEWAL = "membership_renewal"
    MEMBERSHIP_PAYMENT_FAILED = "membership_payment_failed"
    MESSAGE = "message"  # anything else the program tells a member


class Notification(Model):
    """One message to one member: shown in the wallet, delivered by the configured sender.

    `once_key`, when set, is unique per member: a notification that must be sent once (the
    warning for one batch of expiring points, one offer) is written at most once however
    often its job runs. `delivered_at` / `delivery_error` record what the sender did, for
    senders that deliver (the log sender records nothing).
    """

    id = fields.BigIntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    title = fields.CharField(max_length=200)
    body = fields.CharField(max_length=1000, default="")
    data = fields.JSONField(default=dict)
    once_key = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    delivery_error = fields.CharField(max_length=200, default="")

    class Meta:
        table = "notification"
        unique_together = (("member", "once_key"),)
        # The wallet's list and unread count; the retention purge.
        indexes = (("member_id", "id"), ("member_id", "read_at"), ("created_at",))


class NotificationMute(Model):
    """A kind of notification a member muted: neither stored nor sent."""

    id = fields.BigIntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    created_at = fields.DatetimeField()

    class Meta:
        table = "notification_mute"
        unique_together = (("member", "kind"),)
