"""Checks on plain input values shared by several domains."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from wallet.errors import InvalidInput
from wallet.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(raw: str, field: str = "email") -> str:
    value = (raw or "").strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise InvalidInput("Enter a valid email address.", field=field)
    return value


def password(raw: str, field: str = "password") -> str:
    if not (MIN_PASSWORD_LENGTH <= len(raw or "") <= MAX_PASSWORD_LENGTH):
        raise InvalidInput(
            f"The password must be {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
            field=field,
        )
    return raw


def text(raw: str | None, field: str, *, max_length: int, required: bool = True) -> str:
    value = (raw or "").strip()
    if required and not value:
        raise InvalidInput(f"{field} is required.", field=field)
    if len(value) > max_length:
        raise InvalidInput(f"{field} must be at most {max_length} characters.", field=field)
    if any(ord(ch) < 32 for ch in value):
        raise InvalidInput(f"{field} must not contain control characters.", field=field)
    return value


def decimal(raw: object, field: str) -> Decimal:
    """A finite decimal number (not NaN, not infinite)."""
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw))
    except (InvalidOperation, ValueError) as exc:
        raise InvalidInput(f"{field} must be a decimal number.", field=field) from exc
    if not value.is_finite():
        raise InvalidInput(f"{field} must be a finite number.", field=field)
    return value


def money(raw: Decimal | str | None, field: str, *, maximum: Decimal) -> Decimal:
    """A positive, finite amount with at most two decimal places, no larger than `maximum`."""
    value = decimal(raw, field)
    if value <= 0:
        raise InvalidInput(f"{field} must be greater than zero.", field=field)
    if value > maximum:
        raise InvalidInput(f"{field} must be at most {maximum}.", field=field)
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput(f"{field} must have at most two decimal places.", field=field)
    return value.quantize(Decimal("0.01"))


def currency(raw: str, expected: str, field: str = "currency") -> str:
    value = (raw or "").strip().upper()
    if value != expected:
        raise InvalidInput(f"This program only takes {expected}.", field=field)
    return value


# Times are kept and compared in UTC, and dates are computed from them (a voucher's expiry
# ten years on, the end of a tier period). One that UTC cannot hold (year 1 at +14:00,
# year 9999 at -14:00) or far outside any program failed those sums with an unexpected error.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)


def aware(moment: datetime, field: str) -> datetime:
    """A moment with its time zone; naive times are refused rather than guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput("Give the time with its offset, e.g. 2026-03-01T00:00:00Z.", field=field)
    return in_range(moment, field)


def in_range(moment: datetime, field: str) -> datetime:
    """An aware moment from 1970 to the end of 2999 (UTC)."""
    try:
        in_utc = moment.astimezone(UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not EARLIEST <= in_utc < LATEST:
        raise InvalidInput(f"{field} must be from 1970 to 2999.", field=field)
    return moment
