"""Partners of the coalition, their API keys and what they settle with the program."""
from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Partner(Model):
    """Another business where members earn (at the partner's own rate) and redeem points."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    # Points per unit of currency spent at the partner's stores (instead of the program's).
    earn_rate = fields.DecimalField(max_digits=12, decimal_places=4)
    # What the partner pays per point issued at its stores, and is paid per point redeemed
    # on its rewards: each issue or redemption is valued at the point value in force when it
    # happens; a reversal or cancellation at the value of what it undoes.
    point_value = fields.DecimalField(max_digits=12, decimal_places=4)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner"


class ApiKey(Model):
    """A secret for a partner's systems (or a trusted internal one): only its SHA-256 is kept."""

    id = fields.UUIDField(primary_key=True)
    # The visible part of the key (`wk_<prefix>_…`): finds the row; the secret is compared
    # against `secret_hash` in constant time.
    prefix = fields.CharField(max_length=16, unique=True)
    secret_hash = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200, default="")
    partner = fields.ForeignKeyField("models.Partner", related_name="api_keys", null=True, on_delete=fields.RESTRICT)
    scopes = fields.JSONField(default=list)
    created_at = fields.DatetimeField()
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"


class SettlementKind(StrEnum):
    ISSUE = "issue"  # points a purchase at the partner's store earned at its rate: the partner pays
    REVERSE = "reverse"  # of those, points a refund took back
    REDEEM = "redeem"  # points spent on the partner's rewards: the program pays the partner
    CANCEL = "cancel"  # of those, points a cancelled redemption gave back


class SettlementEntry(Model):
    """One append-only movement between a partner and the program, valued when it happened
    (a reverse or cancel entry at the value of the issue or redeem it undoes)."""

    id = fields.BigIntField(primary_key=True)
    partner = fields.ForeignKeyField("models.Partner", related_name=False, on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(SettlementKind, max_length=16)
    points = fields.BigIntField()  # positive; the kind says which way
    point_value = fields.DecimalField(max_digits=12, decimal_places=4)
    amount = fields.DecimalField(max_digits=14, decimal_places=2)  # points × point value, half up
    purchase = fields.ForeignKeyField("models.Purchase", related_name=False, null=True, on_delete=fields.RESTRICT)
    voucher = fields.ForeignKeyField("models.Voucher", related_name=False, null=True, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField()

    class Meta:
        table = "partner_settlement"
        indexes = (("partner_id", "created_at"), ("purchase_id",), ("voucher_id",))
