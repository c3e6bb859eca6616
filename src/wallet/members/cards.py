"""Card numbers: 12 digits, the last a Luhn check digit, so a mistyped digit is caught at the till."""
from __future__ import annotations

import secrets

CARD_LENGTH = 12
CARD_PREFIX = "7"  # leaves room for other issuers' numbers; never a payment-card prefix we know


def luhn_check_digit(digits: str) -> str:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:  # doubled: these sit left of the check digit at odd distance
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def is_valid_card_number(number: str) -> bool:
    return (
        len(number) == CARD_LENGTH
        and number.isdigit()
        and luhn_check_digit(number[:-1]) == number[-1]
    )


def new_card_number() -> str:
    body = CARD_PREFIX + "".join(secrets.choice("0123456789") for _ in range(CARD_LENGTH - 2))
    return body + luhn_check_digit(body)


def normalize_card_number(raw: str) -> str:
    """What a cashier typed, without the spaces and dashes printed on cards."""
    return "".join(ch for ch in raw if ch not in " -")
