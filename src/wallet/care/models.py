"""Member care: missing-points claims, points gifts between members, assigned associates."""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ClaimStatus(StrEnum):
    OPEN = "open"  # filed, waiting for staff
    APPROVED = "approved"  # the purchase was recorded and earned its points
    REJECTED = "rejected"  # refused by staff, with a reason


class MissingPointsClaim(Model):
    """A member's claim for a purchase that earned nothing.

    One claim per receipt (store and receipt reference), whoever files it and whatever
    became of it: a rejected claim is final, not filed again.
    """

    id = fields.BigIntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    store = fields.ForeignKeyField("models.Store", related_name=False, on_delete=fields.RESTRICT)
    purchased_at = fields.DatetimeField()
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3)
    receipt_reference = fields.CharField(max_length=100)
    status = fields.CharEnumField(ClaimStatus, max_length=16, default=ClaimStatus.OPEN)
    # Staff's reason for a rejection (shown to the member); empty otherwise.
    decision_reason = fields.CharField(max_length=500, default="")
    decided_by = fields.ForeignKeyField("models.Staff", related_name=False, null=True, on_delete=fields.RESTRICT)
    decided_at = fields.DatetimeField(null=True)
    # The purchase an approval recorded, and the points it earned.
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, null=True, on_delete=fields.RESTRICT)
    points_earned = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "missing_points_claim"
        unique_together = (("store_id", "receipt_reference"),)
        # The staff queue (by status and store, oldest first) and the member's own list.
        indexes = (("status", "store_id", "id"), ("member_id", "id"))


class PointsGift(Model):
    """Points one member gave another: a `gift_sent` entry on the sender's account and a
    `gift_received` entry on the recipient's, both pointing here (and sharing a reference)."""

    id = fields.UUIDField(primary_key=True)
    sender = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    recipient = fields.ForeignKeyField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    points = fields.BigIntField()
    message = fields.CharField(max_length=200, default="")
    sent_entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    received_entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField()

    class Meta:
        table = "points_gift"
        # The monthly limit sums a sender's gifts since the month began.
        indexes = (("sender_id", "created_at"),)


class MemberAssociate(Model):
    """The staff member assigned to look after a member (one per member)."""

    id = fields.BigIntField(primary_key=True)
    member = fields.OneToOneField("models.Member", related_name=False, on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField("models.Staff", related_name=False, on_delete=fields.RESTRICT)
    assigned_at = fields.DatetimeField()

    class Meta:
        table = "member_associate"
        # `myClients`: a staff member's clients, paged by id.
        indexes = (("staff_id", "id"),)
