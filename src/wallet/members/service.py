"""Members: enrolment and look-ups."""
from __future__ import annotations

import asyncio
import uuid
from datetime import date
from typing import Any

from tortoise.exceptions import IntegrityError

from wallet import clock, validation
from wallet.actors import Actor, ActorKind
from wallet.attempts import service as attempts
from wallet.attempts.service import AttemptPolicy
from wallet.db import transaction
from wallet.errors import Duplicate, Forbidden, InvalidInput, NotFound
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
    birth_date: date | None = None,
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
    birth_date = valid_birth_date(birth_date)
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
                    birth_date=birth_date,
                    birth_date_set_at=clock.now() if birth_date else None,
                )
                account = await PointsAccount.create(member=member, referral_pending=referrer is not None)
                if referrer is not None:
                    await referrals.record_referral(referrer, member)
                # The sign-up bonus rules, if any, in the same transaction (wallet.earning).
                from wallet.earning.service import SIGN_UP_REFERENCE, grant_event

                await grant_event(Actor.system(), account, "sign_up", SIGN_UP_REFERENCE)
                if birth_date is not None:
                    await grant_event(Actor.system(), account, "profile_completed", PROFILE_REFERENCE)
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


# Members who complete their profile (a birth date given) earn the `profile_completed`
# rules under this reference: once each, however often the profile changes.
PROFILE_REFERENCE = "profile"
OLDEST_BIRTH_YEARS = 130


def valid_birth_date(value: date | None) -> date | None:
    """A birth date a person can have: not in the future (today in UTC), not more than 130
    years ago."""
    if value is None:
        return None
    today = clock.now().date()
    if value > today:
        raise InvalidInput("birthDate cannot be in the future.", field="birthDate")
    if value.year < today.year - OLDEST_BIRTH_YEARS:
        raise InvalidInput("birthDate is not a living person's.", field="birthDate")
    return value


async def update_profile(actor: Actor, *, name: str | None, birth_date: date | None) -> Member:
    """The member changes their name, or gives their birth date. The birth date is given
    once (it decides birthday bonuses: a member cannot move it to collect another); after
    that, the program's staff correct it. Giving it completes the profile (the
    `profile_completed` event rules, once)."""
    from wallet.earning.service import grant_event
    from wallet.ledger.service import lock_account

    if actor.kind is not ActorKind.MEMBER:
        raise Forbidden("Only members edit their own profile.")
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = validation.text(name, "name", max_length=200)
    birth_date = valid_birth_date(birth_date)
    async with transaction():
        account = await lock_account(actor.id or "")  # one profile change at a time
        member = await get_member(actor.id or "")
        if birth_date is not None and birth_date != member.birth_date:
            if member.birth_date is not None:
                raise InvalidInput(
                    "Your birth date is already set; ask the program's staff to correct it.", field="birthDate"
                )
            changes.update(birth_date=birth_date, birth_date_set_at=clock.now())
        if changes:
            await Member.filter(id=member.id).update(**changes)
            for key, value in changes.items():
                setattr(member, key, value)
        if "birth_date" in changes:
            await grant_event(Actor.system(), account, "profile_completed", PROFILE_REFERENCE)
    return member
