"""Scan codes: what the member's phone shows at the till.

A code is `W1.` followed by 53 bytes in unpadded base64url:

    version (1) | key id (4) | nonce (12) | expires at (4, Unix seconds) | member (16) | tag (16)

- The member's id is encrypted (XOR with HMAC-SHA256(encryption key, nonce), a keystream
  that never repeats because the nonce never does), so the code identifies the member to
  the server and to nobody else: two codes of one member share no readable part.
- The tag is HMAC-SHA256 over everything before it (encrypt-then-MAC), truncated to 128 bits.
- The expiry is the only plain field; nothing in a code identifies the member to anyone
  but the server.
- The key id names the key that signed the code. A code whose key id is not ours was not
  made by this program (FORGED); a code with our key id and a wrong tag was altered
  (TAMPERED). Both are refused before anything else is read.

Keys are derived from WALLET_SECRET, so changing the secret invalidates every code.
The code is pure: no database. Which till claimed a code is in `wallet.scan.service`.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import re
import secrets
import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from wallet.scan.errors import (
    ScanCodeExpired,
    ScanCodeForged,
    ScanCodeMalformed,
    ScanCodeTampered,
)

PREFIX = "W1."
VERSION = 1
_HEADER = struct.Struct(">B4s12sI")  # version, key id, nonce, expires at
_MEMBER_BYTES = 16
_TAG_BYTES = 16
CODE_BYTES = _HEADER.size + _MEMBER_BYTES + _TAG_BYTES
_BODY = re.compile(r"[A-Za-z0-9_-]{%d}" % math.ceil(CODE_BYTES * 4 / 3))


@dataclass(frozen=True)
class IssuedCode:
    payload: str
    expires_at: datetime


@dataclass(frozen=True)
class ReadCode:
    member_id: uuid.UUID
    nonce: str  # hex; the till claim is keyed on it
    expires_at: datetime


def _derive(secret: str, label: bytes) -> bytes:
    return hmac.new(secret.encode(), b"wallet/scan-code/v1/" + label, hashlib.sha256).digest()


class ScanCodes:
    """Issues and reads scan codes with keys derived from one secret."""

    def __init__(self, secret: str, ttl_seconds: int) -> None:
        if not secret:
            raise ValueError("scan codes need a secret")
        self._encryption_key = _derive(secret, b"encrypt")
        self._signing_key = _derive(secret, b"sign")
        self.key_id = hashlib.sha256(self._signing_key).digest()[:4]
        self.ttl = timedelta(seconds=ttl_seconds)

    def issue(self, member_id: uuid.UUID | str, now: datetime) -> IssuedCode:
        # Whole seconds: the expiry travels as an integer and must compare equal after reading.
        expires_at = (now + self.ttl).replace(microsecond=0)
        nonce = secrets.token_bytes(12)
        header = _HEADER.pack(VERSION, self.key_id, nonce, int(expires_at.timestamp()))
        member = uuid.UUID(str(member_id)).bytes
        body = header + _xor(member, self._keystream(nonce))
        raw = body + self._tag(body)
        payload = PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        return IssuedCode(payload, expires_at)

    def read(self, payload: str, now: datetime) -> ReadCode:
        """The member a code names; raises a `ScanCodeError` for any code we must refuse."""
        raw = _decode(payload)
        version, key_id, nonce, expires_unix = _HEADER.unpack_from(raw)
        if version != VERSION:
            raise ScanCodeMalformed()
        if not hmac.compare_digest(key_id, self.key_id):
            raise ScanCodeForged()
        body, tag = raw[:-_TAG_BYTES], raw[-_TAG_BYTES:]
        if not hmac.compare_digest(tag, self._tag(body)):
            raise ScanCodeTampered()
        expires_at = datetime.fromtimestamp(expires_unix, UTC)
        if now >= expires_at:
            raise ScanCodeExpired()
        member = _xor(body[_HEADER.size :], self._keystream(nonce))
        return ReadCode(uuid.UUID(bytes=member), nonce.hex(), expires_at)

    def _keystream(self, nonce: bytes) -> bytes:
        return hmac.new(self._encryption_key, nonce, hashlib.sha256).digest()[:_MEMBER_BYTES]

    def _tag(self, body: bytes) -> bytes:
        return hmac.new(self._signing_key, body, hashlib.sha256).digest()[:_TAG_BYTES]


def looks_like_scan_code(text: str) -> bool:
    return text.strip().startswith(PREFIX)


def _decode(payload: str) -> bytes:
    text = (payload or "").strip()
    if not text.startswith(PREFIX) or len(text) > 200:
        raise ScanCodeMalformed()
    body = text[len(PREFIX) :]
    # Strict: the decoder would skip characters outside the alphabet, letting one code be
    # spelled many ways.
    if not _BODY.fullmatch(body):
        raise ScanCodeMalformed()
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ScanCodeMalformed() from exc
    if len(raw) != CODE_BYTES:
        raise ScanCodeMalformed()
    return raw


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


@lru_cache(maxsize=4)
def scan_codes(secret: str, ttl_seconds: int) -> ScanCodes:
    """One `ScanCodes` per secret and lifetime (key derivation is done once)."""
    return ScanCodes(secret, ttl_seconds)
