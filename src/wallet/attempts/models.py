from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuthAttempt(Model):
    """One logIn or signUp attempt, counted by the abuse limits (see service.py)."""

    id = fields.BigIntField(primary_key=True)
    action = fields.CharField(max_length=16)  # log_in, sign_up
    email = fields.CharField(max_length=254)  # as normalised: the account it was for
    address = fields.CharField(max_length=64)  # the client's address (an IPv6 client's /64)
    outcome = fields.CharField(max_length=16)  # pending, failed, forgiven, done, refused
    created_at = fields.DatetimeField()  # for a run of refusals: its last

    class Meta:
        table = "auth_attempt"
        indexes = (("email", "created_at"), ("address", "created_at"), ("created_at",))
