from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


def _new_referral_code() -> str:
    from wallet.referrals.codes import new_code

    return new_code()


class Member(Model):
    """A customer enrolled in the program."""

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)  # stored lower-cased
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    card_number = fields.CharField(max_length=16, unique=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # The code this member invites others with (wallet.referrals): random, so it says nothing
    # about the member. Null only for rows written outside the app; given on first read.
    referral_code = fields.CharField(max_length=16, unique=True, null=True, default=_new_referral_code)
    # The client address (an IPv6 client's /64) the member signed up from, for the
    # referral rule against inviting oneself from the same address (wallet.referrals).
    sign_up_address = fields.CharField(max_length=64, null=True)
    # Optional: for birthday bonuses (earning rules of the `birthday` event) and offers for
    # members whose birthday month it is. A calendar date, no time or zone.
    birth_date = fields.DateField(null=True)
    # When it was given: a birthday bonus needs it given BIRTHDAY_NOTICE_DAYS before, so a
    # date typed in on the day earns nothing (wallet.members.birthdays).
    birth_date_set_at = fields.DatetimeField(null=True)

    class Meta:
        table = "member"
