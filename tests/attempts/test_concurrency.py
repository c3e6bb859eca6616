"""Bursts of concurrent log-ins and sign-ups are held to the limits.

Each attempt reserves its place (a committed row) and counts under a lock per account and
per address before any password is checked, so concurrent attempts see each other. On
PostgreSQL the requests really race (set WALLET_TEST_DATABASE_URL); on SQLite they run
one transaction at a time, and the tests prove the counting there too.
"""
from __future__ import annotations

import asyncio
from collections import Counter

from tests.attempts.conftest import PASSWORD, WRONG, guess_email, log_in, sign_up
from wallet.attempts.models import AuthAttempt
from wallet.audit.models import AuditRecord
from wallet.members.models import Member


async def test_a_burst_of_password_guesses_at_one_account_meets_its_limit(at, api, frozen_clock, password_work):
    # given a member's account under 30 guesses at once, from 30 addresses
    member = await api.sign_up()
    password_work.clear()
    results = await asyncio.gather(*(log_in(at(f"198.51.100.{n}"), member.email, WRONG) for n in range(30)))
    # then only the account's 5 guesses were checked; the other 25 were refused unchecked
    assert Counter(r["code"] for r in results) == {"INVALID_CREDENTIALS": 5, "RATE_LIMITED": 25}
    assert password_work == ["verify account"] * 5
    # (the run of 25 refusals kept as one row)
    assert Counter(await AuthAttempt.filter(action="log_in").values_list("outcome", flat=True)) == {
        "failed": 5, "refused": 1
    }
    # and the right password is refused too, with one audit record for the run
    assert (await log_in(api, member.email, PASSWORD))["code"] == "RATE_LIMITED"
    assert await AuditRecord.filter(action="login.rate_limited").count() == 1


async def test_a_burst_of_guesses_from_one_address_meets_its_limit(at, api, frozen_clock, password_work):
    # given 40 guesses at once from one address, each at another email
    member = await api.sign_up()
    guesser = at("198.51.100.7")
    password_work.clear()
    results = await asyncio.gather(*(log_in(guesser, guess_email(n), WRONG) for n in range(40)))
    # then the address's 20 were checked, the other 20 refused
    assert Counter(r["code"] for r in results) == {"INVALID_CREDENTIALS": 20, "RATE_LIMITED": 20}
    assert password_work == ["verify decoy"] * 20
    assert (await log_in(guesser, member.email, PASSWORD))["code"] == "RATE_LIMITED"


async def test_a_burst_of_sign_ups_from_one_address_meets_its_limit(at, frozen_clock):
    there = at("198.51.100.7")
    results = await asyncio.gather(*(sign_up(there) for _ in range(30)))
    assert Counter(r["__typename"] for r in results) == {"SignUpSuccess": 20, "RateLimitedError": 10}
    assert await Member.all().count() == 20
