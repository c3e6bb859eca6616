"""Scan codes on their own (no database): what they carry, what they hide, and every way
a code is refused.

Layout of the 53 decoded bytes (see wallet.scan.codes):
    version 0 | key id 1-4 | nonce 5-16 | expires at 17-20 | member 21-36 | tag 37-52
"""
from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from wallet.errors import ErrorCode
from wallet.scan.codes import CODE_BYTES, PREFIX, ScanCodes
from wallet.scan.errors import (
    ScanCodeError,
    ScanCodeExpired,
    ScanCodeForged,
    ScanCodeMalformed,
    ScanCodeTampered,
)

SECRET = "scan-test-secret-" + "s" * 32
NOW = datetime(2026, 3, 15, 12, 0, 0, tzinfo=UTC)
MEMBER = uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")

VERSION, KEY_ID, NONCE, EXPIRY, MEMBER_PART, TAG = (
    range(0, 1), range(1, 5), range(5, 17), range(17, 21), range(21, 37), range(37, 53),
)


def decode(payload: str) -> bytes:
    assert payload.startswith(PREFIX)
    body = payload[len(PREFIX):]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def encode(raw: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def flip(payload: str, index: int) -> str:
    raw = bytearray(decode(payload))
    raw[index] ^= 0x01
    return encode(bytes(raw))


@pytest.fixture
def codes() -> ScanCodes:
    return ScanCodes(SECRET, ttl_seconds=60)


def test_a_code_read_back_names_its_member_and_expiry(codes):
    # given a code issued at 12:00:00.75 with a 60 s lifetime
    issued = codes.issue(MEMBER, NOW + timedelta(microseconds=750_000))
    # then it expires at a whole second, a minute on
    assert issued.expires_at == datetime(2026, 3, 15, 12, 1, 0, tzinfo=UTC)
    assert issued.payload.startswith("W1.")
    assert len(decode(issued.payload)) == CODE_BYTES == 53
    # when it is read half a minute later
    read = codes.read(issued.payload, NOW + timedelta(seconds=30))
    # then it gives the member and the expiry back
    assert (read.member_id, read.expires_at) == (MEMBER, issued.expires_at)
    assert read.nonce == decode(issued.payload)[NONCE.start:NONCE.stop].hex()


def test_a_member_id_given_as_text_reads_back_as_the_same_uuid(codes):
    issued = codes.issue(str(MEMBER), NOW)
    assert codes.read(issued.payload, NOW).member_id == MEMBER


def test_two_codes_of_one_member_differ_and_hide_the_member(codes):
    # given two codes of the same member issued in the same second
    first, second = codes.issue(MEMBER, NOW), codes.issue(MEMBER, NOW)
    raw_first, raw_second = decode(first.payload), decode(second.payload)
    # then the codes differ, nonce and encrypted member alike
    assert first.payload != second.payload
    assert raw_first[NONCE.start:NONCE.stop] != raw_second[NONCE.start:NONCE.stop]
    assert raw_first[MEMBER_PART.start:MEMBER_PART.stop] != raw_second[MEMBER_PART.start:MEMBER_PART.stop]
    # and neither carries the member's id in readable form, as bytes, hex or text
    for payload, raw in ((first.payload, raw_first), (second.payload, raw_second)):
        assert MEMBER.bytes not in raw
        assert MEMBER.hex not in raw.hex()
        assert MEMBER.hex not in payload.lower() and str(MEMBER) not in payload
        # nor any 4-byte run of it (a quarter of the id would already narrow it down)
        assert not any(MEMBER.bytes[i:i + 4] in raw for i in range(13))
    # yet both read back as the member
    assert codes.read(first.payload, NOW).member_id == codes.read(second.payload, NOW).member_id == MEMBER


@pytest.mark.parametrize("index", [*NONCE, *EXPIRY, *MEMBER_PART, *TAG])
def test_flipping_a_signed_byte_or_the_tag_is_tampering(codes, index):
    # given a valid code with one bit changed in the nonce, expiry, member or tag
    altered = flip(codes.issue(MEMBER, NOW).payload, index)
    # when it is read while still valid
    with pytest.raises(ScanCodeTampered) as refused:
        codes.read(altered, NOW)
    # then it is refused as altered
    assert refused.value.code is ErrorCode.SCAN_CODE_TAMPERED
    assert refused.value.field == "code"


def test_tampering_is_found_even_when_the_altered_expiry_has_passed(codes):
    # moving the expiry back in time must not turn "altered" into "expired": the tag is
    # checked before anything in the code is believed
    raw = bytearray(decode(codes.issue(MEMBER, NOW).payload))
    raw[EXPIRY.start:EXPIRY.stop] = int((NOW - timedelta(hours=1)).timestamp()).to_bytes(4, "big")
    with pytest.raises(ScanCodeTampered):
        codes.read(encode(bytes(raw)), NOW)


@pytest.mark.parametrize("index", [*KEY_ID])
def test_flipping_a_key_id_byte_reads_as_a_code_of_another_program(codes, index):
    # the key id names who signed the code: another key id is not ours (FORGED, by design)
    with pytest.raises(ScanCodeForged) as refused:
        codes.read(flip(codes.issue(MEMBER, NOW).payload, index), NOW)
    assert refused.value.code is ErrorCode.SCAN_CODE_FORGED


def test_flipping_the_version_byte_is_not_a_code_we_know(codes):
    with pytest.raises(ScanCodeMalformed) as refused:
        codes.read(flip(codes.issue(MEMBER, NOW).payload, VERSION.start), NOW)
    assert refused.value.code is ErrorCode.SCAN_CODE_MALFORMED


def test_a_code_made_with_another_secret_is_forged(codes):
    # given a well-formed code, made by someone holding another secret
    forged = ScanCodes("another-secret-" + "o" * 32, ttl_seconds=60).issue(MEMBER, NOW)
    # then it is refused as not ours
    with pytest.raises(ScanCodeForged) as refused:
        codes.read(forged.payload, NOW)
    assert refused.value.code is ErrorCode.SCAN_CODE_FORGED


def test_a_forged_code_is_refused_as_forged_even_after_its_expiry(codes):
    forged = ScanCodes("another-secret-" + "o" * 32, ttl_seconds=60).issue(MEMBER, NOW)
    with pytest.raises(ScanCodeForged):
        codes.read(forged.payload, NOW + timedelta(hours=1))


def test_the_same_secret_reads_codes_of_another_instance(codes):
    # keys come from the secret alone: a restarted server still reads its codes
    issued = ScanCodes(SECRET, ttl_seconds=60).issue(MEMBER, NOW)
    assert codes.read(issued.payload, NOW).member_id == MEMBER


def _valid_body() -> str:
    return ScanCodes(SECRET, ttl_seconds=60).issue(MEMBER, NOW).payload[len(PREFIX):]


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("hello world", id="garbage"),
        pytest.param("7123 4567 8903", id="a-card-number"),
        pytest.param("W1.", id="prefix-only"),
        pytest.param("W2." + _valid_body(), id="other-version-prefix"),
        pytest.param("w1." + _valid_body(), id="lower-case-prefix"),
        pytest.param(_valid_body(), id="no-prefix"),
        pytest.param("W1." + _valid_body()[:-4], id="three-bytes-short"),
        pytest.param("W1." + _valid_body() + "AAAA", id="three-bytes-long"),
        pytest.param("W1." + _valid_body()[:-1], id="cut-mid-byte"),
        pytest.param("W1." + "A" * 300, id="oversized"),
        pytest.param("W1." + "=" * 71, id="all-padding"),
        pytest.param("W1." + "é" * 71, id="not-ascii"),
        pytest.param("W1." + _valid_body()[:-3] + "A=A", id="padding-in-the-middle"),
    ],
)
def test_anything_but_a_whole_code_is_malformed(codes, payload):
    with pytest.raises(ScanCodeMalformed) as refused:
        codes.read(payload, NOW)
    assert refused.value.code is ErrorCode.SCAN_CODE_MALFORMED
    assert isinstance(refused.value, ScanCodeError)


def test_a_code_is_good_until_one_second_before_its_expiry_and_dead_at_it(codes):
    issued = codes.issue(MEMBER, NOW)
    expires_at = issued.expires_at
    assert expires_at == NOW + timedelta(seconds=60)
    # one second before: accepted
    assert codes.read(issued.payload, expires_at - timedelta(seconds=1)).member_id == MEMBER
    # a microsecond before: still accepted
    assert codes.read(issued.payload, expires_at - timedelta(microseconds=1)).member_id == MEMBER
    # at the expiry exactly, and after: expired
    for moment in (expires_at, expires_at + timedelta(seconds=1), expires_at + timedelta(days=3)):
        with pytest.raises(ScanCodeExpired) as refused:
            codes.read(issued.payload, moment)
        assert refused.value.code is ErrorCode.SCAN_CODE_EXPIRED


def test_a_code_keeps_the_lifetime_it_was_issued_with(codes):
    short = ScanCodes(SECRET, ttl_seconds=15).issue(MEMBER, NOW)
    assert short.expires_at == NOW + timedelta(seconds=15)
    # the lifetime is the issuer's business: a reader with another ttl keeps the code's own expiry
    assert codes.read(short.payload, NOW + timedelta(seconds=14)).expires_at == short.expires_at
    with pytest.raises(ScanCodeExpired):
        codes.read(short.payload, NOW + timedelta(seconds=15))


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param("!!!!", id="exclamation-marks"),
        pytest.param("....", id="dots"),
        pytest.param("$%&?", id="symbols"),
    ],
)
def test_a_code_with_characters_outside_base64url_is_malformed(codes, junk):
    # given a valid code with four characters that are not base64url inserted in its body
    # (four, so the length modulo 4 is unchanged)
    payload = codes.issue(MEMBER, NOW).payload
    mangled = payload[:20] + junk + payload[20:]
    assert len(mangled) == len(payload) + 4
    # then it is not a code: the text differs from anything the program issued
    with pytest.raises(ScanCodeMalformed):
        codes.read(mangled, NOW)


def test_a_code_needs_a_secret():
    with pytest.raises(ValueError):
        ScanCodes("", ttl_seconds=60)
