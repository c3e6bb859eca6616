"""Opaque cursors for connections ordered by a numeric id."""
from __future__ import annotations

import base64
import binascii

from wallet.errors import InvalidInput


# base64url, as base64.urlsafe_b64encode writes it, without its two Python-level calls: a
# wallet screen's page encodes twenty cursors.
_URLSAFE = bytes.maketrans(b"+/", b"-_")


def encode_cursor(prefix: str, value: int) -> str:
    return binascii.b2a_base64(f"{prefix}:{value}".encode(), newline=False).translate(_URLSAFE).decode().rstrip("=")


def decode_cursor(prefix: str, cursor: str | None) -> int | None:
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
        found_prefix, _, raw = text.partition(":")
        if found_prefix != prefix:
            raise ValueError(found_prefix)
        return int(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput("The cursor is not valid.", field="after") from exc


def page_size(first: int | None, maximum: int, default: int = 20) -> int:
    size = default if first is None else first
    if size < 1 or size > maximum:
        raise InvalidInput(f"first must be between 1 and {maximum}.", field="first")
    return size
