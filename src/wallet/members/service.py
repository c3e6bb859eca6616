"""Members: enrolment and look-ups."""
from __future__ import annotations

import asyncio
import uuid

from tortoise.exceptions import IntegrityError

from wallet import clock, validation
from wallet.actors import Actor
from wallet.attempts import service as attempts
from wallet.attempts.service import AttemptPolicy
from wallet.db import transaction
from wallet.errors import Duplicate, InvalidInput, NotFound
from wallet.ledger.models import PointsAccount
from wallet.members.cards import is_valid_card_number, new_card_number, normalize_card_number
from wallet.members.models import Member
from wallet.passwords import Passwords
from wallet.referrals import service as referrals

_CARD_NUMBER_ATTEMPTS = 5


async def sign_up(
    passwords: Passwords,
    *,
    email: str,
    password: str,
    name: str,
    limits: AttemptPolicy | None,
    address: str | None = None,
    referral_code: str | None = None,
) -> Member:
    """Enrol a member with an empty points account.

    With `referral_code`, the member joins as invited by its owner, under the rules of
    `wallet.referrals.service` (an unknown or refused code creates nothing).

    A sign-up over the API counts against the client's `address` under `limits` (see
    wallet.attempts), before the email is looked up or the password hashed; `limits=None`
    only for enrolments that are not a client's request (the demo seed).
    """
    email = validation.email(email)
    password = validation.password(password)
    name = validation.text(name, "name", max_length=200)
    if limits is not None:
        await attempts.begin_sign_up(limits, email=email, address=attempts.address_key(address))
    # A taken email is told as such: the member must know to log in instead. The sign-up
    # limit is what keeps this from being a fast way to learn who is a member.
    if await Member.exists(email=email):
        raise Duplicate("An account with this email already exists.", field="email")
    referrer = await referrals.referrer_for_sign_up(referral_code, email=email, address=address, now=clock.now())
    password_hash = await asyncio.to_thread(passwords.hash, password)
    for _ in range(_CARD_NUMBER_ATTEMPTS):
        try:
            async with transaction():
                member = await Member.create(
                    id=uuid.uuid4(),
                    email=email,
                    name=name,
                    password_hash=password_hash,
                    card_number=new_card_number(),
                    created_at=clock.now(),
                    sign_up_address=referrals.sign_up_address(address) if limits is not None else None,
                )
                account = await PointsAccount.create(member=member, referral_pending=referrer is not None)
                if referrer is not None:
                    await referrals.record_referral(referrer, member)
                # The sign-up bonus rules, if any, in the same transaction (wallet.earning).
                from wallet.earning.service import SIGN_UP_REFERENCE, grant_event

                await grant_event(Actor.system(), account, "sign_up", SIGN_UP_REFERENCE)
                return member
        except IntegrityError as exc:
            if await Member.exists(email=email):
                raise Duplicate("An account with this email already exists.", field="email") from exc
            # A card number or referral code collided (one in 10^10 / 10^11): draw another.
    raise RuntimeError("could not draw a free card number")


async def get_member(member_id: str) -> Member:
    member = await Member.get_or_none(id=_uuid(member_id, "memberId"), is_active=True)
    if member is None:
        raise NotFound("No member with this id.", field="memberId")
    return member


class InvalidCard(InvalidInput):
    """A card number whose check digit fails: a typo, or a guess."""

    def __init__(self, field: str = "cardNumber") -> None:
        super().__init__("This card number is not valid: check the digits.", field=field)


class UnknownCard(NotFound):
    def __init__(self, field: str = "cardNumber") -> None:
        super().__init__("No member with this card number.", field=field)


async def get_member_by_card(card_number: str, *, field: str = "cardNumber") -> Member:
    number = normalize_card_number(card_number or "")
    if not is_valid_card_number(number):
        raise InvalidCard(field)
    member = await Member.get_or_none(card_number=number, is_active=True)
    if member is None:
        raise UnknownCard(field)
    return member


def _uuid(raw: str, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound("No member with this id.", field=field) from exc
