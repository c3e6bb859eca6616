"""Helpers for the abuse-limit tests: callers at chosen client addresses, logIn and signUp,
and a record of every password check and hash the server makes."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from tests.conftest import Api
from wallet.passwords import Passwords

PASSWORD = "correct horse battery"  # what api.sign_up() uses
STAFF_PASSWORD = "staff password 1"  # what api.staff() uses
WRONG = "wrong password 1"

LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  __typename
  ... on LogInSuccess { role }
  ... on RateLimitedError { retryAfterSeconds }
  ... on Error { code message }
} }"""

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename
  ... on SignUpSuccess { member { id } }
  ... on RateLimitedError { retryAfterSeconds }
  ... on Error { code message }
} }"""

WRONG_CREDENTIALS = {
    "__typename": "InvalidCredentialsError",
    "code": "INVALID_CREDENTIALS",
    "message": "Email or password is wrong.",
}


def limited(seconds: int, message: str) -> dict:
    return {"__typename": "RateLimitedError", "code": "RATE_LIMITED", "message": message, "retryAfterSeconds": seconds}


def log_ins_limited(seconds: int, minutes: int) -> dict:
    unit = "minute" if minutes == 1 else "minutes"
    return limited(seconds, f"Too many failed log-ins; try again in {minutes} {unit}.")


def sign_ups_limited(seconds: int, minutes: int) -> dict:
    return limited(seconds, f"Too many sign-ups from your network; try again in {minutes} minutes.")


async def log_in(api: Api, email: str, password: str, account: str | None = None) -> dict:
    variables = {"input": {"email": email, "password": password, **({"account": account} if account else {})}}
    return (await api.ok(LOG_IN, variables))["logIn"]


async def sign_up(api: Api, email: str | None = None) -> dict:
    email = email or f"new-{uuid.uuid4().hex[:12]}@example.com"
    variables = {"input": {"email": email, "password": PASSWORD, "name": "Newcomer"}}
    return (await api.ok(SIGN_UP, variables))["signUp"]


def guess_email(n: int) -> str:
    return f"guess-{n}@example.com"


@pytest.fixture
async def at(app, api: Api) -> AsyncIterator[Callable[[str], Api]]:
    """`at("203.0.113.9")`: an API caller whose requests come from that client address.
    (The `api` fixture's requests come from 127.0.0.1.)"""
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


@pytest.fixture
def password_work(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password check and hash the server makes, in order: ("verify", whose) where
    whose is "account" or "decoy" (no account: the decoy hash), or ("hash",)."""
    work: list[str] = []
    verify, hash_ = Passwords.verify, Passwords.hash

    def counting_verify(self: Passwords, password_hash: str | None, password: str) -> bool:
        work.append("verify account" if password_hash else "verify decoy")
        return verify(self, password_hash, password)

    def counting_hash(self: Passwords, password: str) -> str:
        work.append("hash")
        return hash_(self, password)

    monkeypatch.setattr(Passwords, "verify", counting_verify)
    monkeypatch.setattr(Passwords, "hash", counting_hash)
    return work
