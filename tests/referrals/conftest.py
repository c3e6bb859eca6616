"""Helpers for the referral tests: sign-ups from chosen client addresses, the program's
referral settings, sales and refunds."""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from tests.conftest import Api, MemberLogin, new_key

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename
  ... on SignUpSuccess { accessToken member { id cardNumber } }
  ... on Error { code message }
  ... on ReferralCodeUnknownError { field }
  ... on ReferralRefusedError { field }
} }"""

REFERRAL = "{ me { referral { code link invitedCount rewardedCount pointsEarned } } }"
POINTS = "{ me { points { available owed lifetime } } }"

UPDATE_PROGRAM = """mutation($input: UpdateProgramInput!) { updateProgram(input: $input) {
  __typename
  ... on UpdateProgramSuccess { program { referralReferrerPoints referralInvitedPoints referralMinAmount } }
  ... on Error { code message }
  ... on InvalidInputError { field }
} }"""

PURCHASE = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed member { points { available } } }
  ... on Error { code message }
} }"""

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename ... on RefundPurchaseSuccess { pointsReversed pointsOwed }
  ... on Error { code message } } }"""

PASSWORD = "correct horse battery"


@pytest.fixture
async def at(app, api: Api) -> AsyncIterator[Callable[[str], Api]]:
    """`at("203.0.113.9")`: an API caller whose requests come from that client address
    (the `api` fixture's come from 127.0.0.1)."""
    async with contextlib.AsyncExitStack() as stack:
        callers: dict[str, Api] = {}

        def caller(address: str) -> Api:
            if address not in callers:
                transport = httpx.ASGITransport(app=app, client=(address, 40000))
                http = httpx.AsyncClient(transport=transport, base_url="http://wallet.test")
                stack.push_async_callback(http.aclose)
                callers[address] = Api(http, api.settings, api.passwords)
            return callers[address]

        yield caller


async def sign_up_with(api: Api, email: str, code: str | None, name: str = "Invited") -> dict:
    payload = {"email": email, "password": PASSWORD, "name": name}
    if code is not None:
        payload["referralCode"] = code
    return (await api.ok(SIGN_UP, {"input": payload}))["signUp"]


async def joined(api: Api, email: str, code: str | None, name: str = "Invited") -> MemberLogin:
    result = await sign_up_with(api, email, code, name)
    assert result["__typename"] == "SignUpSuccess", result
    return MemberLogin(result["member"]["id"], result["member"]["cardNumber"], email, result["accessToken"])


async def referral_of(api: Api, member: MemberLogin) -> dict:
    return (await api.ok(REFERRAL, token=member.token))["me"]["referral"]


async def points_of(api: Api, member: MemberLogin) -> dict:
    return (await api.ok(POINTS, token=member.token))["me"]["points"]


async def set_referral_program(api: Api, admin, referrer: int, invited: int, minimum: str) -> dict:
    variables = {"input": {"referralReferrerPoints": referrer, "referralInvitedPoints": invited, "referralMinAmount": minimum}}
    return (await api.ok(UPDATE_PROGRAM, variables, admin.token))["updateProgram"]


async def buy(api: Api, cashier, member_id: str, store: str, amount: str, key: str | None = None, reference: str | None = None) -> dict:
    payload = {
        "memberId": member_id, "amount": amount, "currency": "USD",
        "reference": reference or f"R-{new_key()[:10]}", "storeId": store, "idempotencyKey": key or new_key(),
    }
    return (await api.ok(PURCHASE, {"input": payload}, cashier.token))["recordPurchase"]


async def refund(api: Api, cashier, reference: str, amount: str) -> dict:
    payload = {"reference": reference, "amount": amount, "idempotencyKey": new_key()}
    return (await api.ok(REFUND, {"input": payload}, cashier.token))["refundPurchase"]


@pytest.fixture
async def program(api):
    """An admin, a cashier, a store, referrals worth 500 (referrer) and 250 (invited) from
    20.00, and a referrer who signed up from 198.51.100.7."""
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    store = await api.store()
    changed = await set_referral_program(api, admin, 500, 250, "20.00")
    assert changed["__typename"] == "UpdateProgramSuccess", changed
    return admin, cashier, store
