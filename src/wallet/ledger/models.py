"""Points accounts and the append-only ledger.

Each account has three balances ("buckets"); every change to one is a ledger entry on
that bucket, so for each account and bucket `sum(entries.amount) == balance`:

- available: points the member can spend now (never negative);
- pending: earned points not yet available (never negative);
- owed: points a refund could not take back because they were already spent; future
  purchase earnings pay it back first (never negative).
"""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class EntryKind(StrEnum):
    EARN = "earn"  # points for a purchase
    BONUS = "bonus"  # points for anything else the program rewards
    REDEEM = "redeem"  # points spent on a reward
    REFUND = "refund"  # a purchase's points taken back when it is refunded
    ADJUST = "adjust"  # an admin's correction, always with a reason
    EXPIRE = "expire"  # points that lapsed
    REVERSE = "reverse"  # an entry undone, pointing at it
    DONATE = "donate"  # points given to charity
    RELEASE = "release"  # pending points becoming available
    RECOVER = "recover"  # owed points paid back from new earnings
    GIFT_SENT = "gift_sent"  # points given to another member (wallet.care)
    GIFT_RECEIVED = "gift_received"  # points received from another member


class Bucket(StrEnum):
    AVAILABLE = "available"
    PENDING = "pending"
    OWED = "owed"


class PointsAccount(Model):
    """A member's balances, kept equal to the sum of their ledger entries."""

    id = fields.BigIntField(primary_key=True)
    member = fields.OneToOneField(
        "models.Member", related_name="points_account", on_delete=fields.RESTRICT
    )
    available = fields.BigIntField(default=0)
    pending = fields.BigIntField(default=0)
    owed = fields.BigIntField(default=0)
    lifetime = fields.BigIntField(default=0)
    # The last earn or spend, for expiry after inactivity.
    last_activity_at = fields.DatetimeField(null=True)
    # Until when the member may have an activated, incomplete offer (an upper bound; null
    # for none): a sale reads it with the account, so offers cost members without one no
    # statement at the till (see wallet.offers.service).
    offers_open_until = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # The member joined with a referral not yet rewarded (wallet.referrals). Read with the
    # account the sale locks anyway, so a sale without one pays nothing for referrals.
    referral_pending = fields.BooleanField(default=False)

    class Meta:
        table = "points_account"

    def balance(self, bucket: Bucket) -> int:
        return int(getattr(self, bucket.value))


class LedgerEntry(Model):
    """One change of one balance. Never updated, never deleted (the database refuses)."""

    id = fields.BigIntField(primary_key=True)
    account = fields.ForeignKeyField(
        "models.PointsAccount", related_name="entries", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(EntryKind, max_length=16)
    bucket = fields.CharEnumField(Bucket, max_length=16, default=Bucket.AVAILABLE)
    amount = fields.BigIntField()
    balance_after = fields.BigIntField()
    reason = fields.CharField(max_length=500, default="")
    reference = fields.CharField(max_length=200, default="")
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    store = fields.ForeignKeyField(
        "models.Store", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    purchase = fields.ForeignKeyField(
        "models.Purchase", related_name="entries", null=True, on_delete=fields.RESTRICT
    )
    corrects = fields.ForeignKeyField(
        "models.LedgerEntry", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_entry"
        # (created_at): the admin reports sum the entries of a window (wallet.analytics).
        indexes = (("account_id", "id"), ("created_at",))

    async def save(self, *args, **kwargs):  # type: ignore[override]
        if self._saved_in_db:
            raise RuntimeError("ledger entries are append-only")
        await super().save(*args, **kwargs)

    async def delete(self, *args, **kwargs):  # type: ignore[override]
        raise RuntimeError("ledger entries are append-only")


class Purchase(Model):
    """A sale recorded at a till for a member, and how much of it was refunded."""

    id = fields.UUIDField(primary_key=True)
    member = fields.ForeignKeyField(
        "models.Member", related_name="purchases", on_delete=fields.RESTRICT
    )
    store = fields.ForeignKeyField("models.Store", related_name=False, on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField(
        "models.Staff", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    reference = fields.CharField(max_length=100, unique=True)
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3)
    points_earned = fields.BigIntField()  # base + bonus
    # Base points (before multipliers) count toward tiers; refunds take back their share.
    base_points = fields.BigIntField(default=0)
    base_points_reversed = fields.BigIntField(default=0)
    refunded_amount = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    points_reversed = fields.BigIntField(default=0)
    # Wallet credit the purchase earned as cashback, and how much of it refunds took back.
    cashback_amount = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    cashback_reversed = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    # This sale rewarded a referral (wallet.referrals): its refunds may take the bonus back.
    qualified_referral = fields.BooleanField(default=False)
    # The partner whose store it was (its base points are settled with the partner).
    partner = fields.ForeignKeyField("models.Partner", related_name=False, null=True, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "purchase"
        # Tier qualification sums a member's purchases over a period on every purchase;
        # programStats sums a window's purchases (created_at).
        indexes = (("member_id", "created_at"), ("created_at",))


class Refund(Model):
    """Part or all of a purchase given back, and the points that went with it."""

    id = fields.UUIDField(primary_key=True)
    purchase = fields.ForeignKeyField(
        "models.Purchase", related_name="refunds", on_delete=fields.RESTRICT
    )
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    points_reversed = fields.BigIntField()
    points_owed = fields.BigIntField(default=0)
    staff = fields.ForeignKeyField(
        "models.Staff", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    store = fields.ForeignKeyField(
        "models.Store", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "refund"


class PointsLot(Model):
    """Available points from one credit, spent first-in first-out; they may expire.

    For each account, the lots' `remaining` add up to the available balance.
    """

    id = fields.BigIntField(primary_key=True)
    account = fields.ForeignKeyField(
        "models.PointsAccount", related_name="lots", on_delete=fields.RESTRICT
    )
    entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    amount = fields.BigIntField()
    remaining = fields.BigIntField()
    earned_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "points_lot"
        indexes = (("account_id", "remaining", "id"), ("expires_at", "remaining"))


class PendingCredit(Model):
    """Points earned inside the return window, made available when it ends."""

    id = fields.BigIntField(primary_key=True)
    account = fields.ForeignKeyField(
        "models.PointsAccount", related_name="pending_credits", on_delete=fields.RESTRICT
    )
    purchase = fields.ForeignKeyField(
        "models.Purchase", related_name="pending_credits", null=True, on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()
    remaining = fields.BigIntField()
    available_at = fields.DatetimeField()
    released_at = fields.DatetimeField(null=True)

    class Meta:
        table = "pending_credit"
        indexes = (("available_at", "released_at"),)


class LotSpend(Model):
    """Which lots a debit spent, so undoing it (a cancelled redemption) restores those very
    lots with their own expiry instead of opening fresh ones."""

    id = fields.BigIntField(primary_key=True)
    entry = fields.ForeignKeyField("models.LedgerEntry", related_name=False, on_delete=fields.RESTRICT)
    lot = fields.ForeignKeyField("models.PointsLot", related_name=False, on_delete=fields.RESTRICT)
    amount = fields.BigIntField()

    class Meta:
        table = "lot_spend"
        indexes = (("entry_id",),)
