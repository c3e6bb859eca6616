"""Referral codes: short, typed or pasted from a link, and unguessable.

A code is 8 characters from the alphabet of voucher codes (no 0/O, 1/I/L to misread), drawn
at random (`secrets`): about 39.6 bits, nothing derived from the member. Guessing is paid
for with sign-ups, which are limited per client address (wallet.attempts).
"""
from __future__ import annotations

import secrets

# Also the voucher codes' alphabet (wallet.rewards.service imports it): no 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERRAL_CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH))


def normalise_code(raw: str | None) -> str | None:
    """A code as typed or pasted (any case, with spaces or dashes), or None when it cannot be one."""
    chars = "".join(c for c in (raw or "").upper() if c not in " -")
    if len(chars) != REFERRAL_CODE_LENGTH or any(c not in CODE_ALPHABET for c in chars):
        return None
    return chars
