"""Helpers for the scan tests: a member's code, the till's scanMember and recordPurchase,
and ways to spoil a code."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass

import pytest

from tests.conftest import MemberLogin, StaffLogin, new_key
from wallet.scan.codes import PREFIX, ScanCodes

ME_CODE = "{ me { scanCode { payload expiresAt } } }"

SCAN = """mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
  __typename
  ... on ScanMemberSuccess {
      member { id name email cardNumber tier { name rank } points { available pending } }
      vouchers { code status reward { name } } }
  ... on RateLimitedError { retryAfterSeconds }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
  ... on Error { code message }
} }"""

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed member { id points { available } } }
  ... on RateLimitedError { retryAfterSeconds }
  ... on InvalidInputError { field }
  ... on Error { code message }
} }"""

OTHER_SECRET = "not-the-wallet-secret-" + "z" * 30


async def code_of(api, member: MemberLogin) -> dict:
    """A fresh scan code, as the member's phone fetches it."""
    return (await api.ok(ME_CODE, token=member.token))["me"]["scanCode"]


async def scan_body(api, staff: StaffLogin, code: str, store_id: str) -> dict:
    """The whole response to scanMember, errors included."""
    return await api.raw(SCAN, {"code": code, "storeId": store_id}, staff.token)


async def scan(api, staff: StaffLogin, code: str, store_id: str) -> dict:
    return (await api.ok(SCAN, {"code": code, "storeId": store_id}, staff.token))["scanMember"]


async def purchase(api, staff: StaffLogin, store_id: str, amount: str = "25.50", key: str | None = None,
                   reference: str | None = None, **who) -> dict:
    payload = {
        "amount": amount,
        "currency": "USD",
        "reference": reference or f"R-{new_key()[:10]}",
        "storeId": store_id,
        "idempotencyKey": key or new_key(),
        **who,
    }
    return (await api.ok(RECORD, {"input": payload}, staff.token))["recordPurchase"]


def tampered(payload: str, index: int = -1) -> str:
    """The code with one bit of one byte flipped (by default the tag's last byte)."""
    body = payload[len(PREFIX):]
    raw = bytearray(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    raw[index] ^= 0x01
    return PREFIX + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()


def forged(member_id: str, now) -> str:
    """A well-formed code for the member, signed with another secret."""
    return ScanCodes(OTHER_SECRET, 60).issue(member_id, now).payload


def spaced(card_number: str, sep: str = " ") -> str:
    return sep.join(card_number[i:i + 4] for i in range(0, len(card_number), 4))


def wrong_check_digit(card_number: str) -> str:
    return card_number[:-1] + str((int(card_number[-1]) + 1) % 10)


def assert_nothing_of(member: MemberLogin, body: dict, name: str) -> None:
    """The response names nothing of the member: no id, name, email or card number."""
    text = json.dumps(body)
    for secret in (member.id, member.id.replace("-", ""), name, member.email, member.card_number,
                   spaced(member.card_number)):
        assert secret not in text, (secret, text)


@dataclass
class Till:
    member: MemberLogin
    name: str
    cashier: StaffLogin
    store: str


@pytest.fixture
async def till(api, frozen_clock) -> Till:
    """A member, Ada, and a cashier at the Main Street store, at the frozen time."""
    store = await api.store("Main Street")
    cashier = await api.staff("cashier")
    member = await api.sign_up("Ada Lovelace")
    return Till(member, "Ada Lovelace", cashier, store)
