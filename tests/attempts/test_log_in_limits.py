"""Failed log-ins are limited per account (5 in 15 minutes) and per client address (20 in
15 minutes), without telling whether the account exists."""
from __future__ import annotations

from datetime import timedelta

import pytest

from tests.attempts.conftest import (
    PASSWORD,
    STAFF_PASSWORD,
    WRONG,
    WRONG_CREDENTIALS,
    guess_email,
    log_in,
    log_ins_limited,
)
from wallet.attempts.models import AuthAttempt
from wallet.attempts.service import address_key
from wallet.audit.models import AuditRecord
from wallet.jobs import run_jobs

SUCCESS = {"__typename": "LogInSuccess", "role": "member"}


async def test_five_failures_then_the_account_waits_even_with_the_right_password(api, frozen_clock, password_work):
    # given five wrong passwords for a member, a minute apart (12:00 to 12:04), however the
    # email is written
    member = await api.sign_up()
    for email in (member.email, member.email.upper(), f"  {member.email} ", member.email.capitalize(), member.email):
        assert await log_in(api, email, WRONG) == WRONG_CREDENTIALS
        frozen_clock.advance(timedelta(minutes=1))
    password_work.clear()
    # when the member types the right password at 12:05
    refused = await log_in(api, member.email, PASSWORD)
    # then it is refused until the first failure (12:00) leaves the window at 12:15,
    # without a password being checked
    assert refused == log_ins_limited(600, 10)
    assert password_work == []
    # and trying again while refused does not push the time back
    frozen_clock.advance(timedelta(seconds=599))
    assert await log_in(api, member.email, PASSWORD) == log_ins_limited(1, 1)
    frozen_clock.advance(timedelta(seconds=1))
    assert await log_in(api, member.email, PASSWORD) == SUCCESS
    assert password_work == ["verify account"]


async def test_an_unknown_email_is_counted_and_refused_exactly_like_a_known_one(api, frozen_clock, password_work):
    # given a member, and an email nobody has
    member = await api.sign_up()
    answers: dict[str, list[dict]] = {}
    work: dict[str, list[list[str]]] = {}
    for who, email in (("known", member.email), ("unknown", "nobody-at-all@example.com")):
        answers[who], work[who] = [], []
        # when each gets five wrong passwords and then two more tries, a minute apart
        for password in [WRONG] * 5 + [PASSWORD, WRONG]:
            password_work.clear()
            answers[who].append(await log_in(api, email, password))
            work[who].append(list(password_work))
            frozen_clock.advance(timedelta(minutes=1))
        frozen_clock.advance(timedelta(hours=1))
    # then both get the same answers, word for word and second for second
    assert answers["known"] == answers["unknown"] == [WRONG_CREDENTIALS] * 5 + [
        log_ins_limited(600, 10),
        log_ins_limited(540, 9),
    ]
    # and the same work: one password check per failure (the decoy hash when there is no
    # account), none once refused
    assert work["known"] == [["verify account"]] * 5 + [[], []]
    assert work["unknown"] == [["verify decoy"]] * 5 + [[], []]


@pytest.mark.parametrize("account", [None, "STAFF"])
async def test_a_staff_account_is_limited_like_a_member(api, frozen_clock, account):
    cashier = await api.staff("cashier")
    for _ in range(5):
        assert await log_in(api, cashier.email, WRONG, account) == WRONG_CREDENTIALS
    assert await log_in(api, cashier.email, STAFF_PASSWORD, account) == log_ins_limited(900, 15)
    frozen_clock.advance(timedelta(minutes=15))
    assert (await log_in(api, cashier.email, STAFF_PASSWORD, account))["role"] == "cashier"


async def test_one_accounts_limit_does_not_stop_another_account(api, frozen_clock):
    member, other = await api.sign_up(), await api.sign_up()
    for _ in range(5):
        await log_in(api, member.email, WRONG)
    assert (await log_in(api, member.email, PASSWORD))["code"] == "RATE_LIMITED"
    # from the same address, with 6 of its 20 attempts used
    assert await log_in(api, other.email, PASSWORD) == SUCCESS


async def test_a_successful_log_in_forgives_the_accounts_earlier_failures(api, frozen_clock):
    # given a member who mistyped four times, then logged in
    member = await api.sign_up()
    for _ in range(4):
        assert await log_in(api, member.email, WRONG) == WRONG_CREDENTIALS
    assert await log_in(api, member.email, PASSWORD) == SUCCESS
    # when they mistype four more times in the same window
    for _ in range(4):
        assert await log_in(api, member.email, WRONG) == WRONG_CREDENTIALS
    # then they may still log in: the count started afresh at their success
    assert await log_in(api, member.email, PASSWORD) == SUCCESS


async def test_twenty_failures_from_one_address_refuse_every_account_there(at, api, frozen_clock):
    # given a member, and someone at 198.51.100.7 guessing: four times at the member's
    # account, fifteen times at other emails
    member = await api.sign_up()
    guesser, elsewhere = at("198.51.100.7"), at("203.0.113.50")
    for _ in range(4):
        assert await log_in(guesser, member.email, WRONG) == WRONG_CREDENTIALS
    for n in range(15):
        assert await log_in(guesser, guess_email(n), WRONG) == WRONG_CREDENTIALS
    # when the member logs in from that address (their failures are forgiven, for their
    # account), and one more guess is made there: the address's 20th failure
    assert await log_in(guesser, member.email, PASSWORD) == SUCCESS
    assert await log_in(guesser, guess_email(15), WRONG) == WRONG_CREDENTIALS
    # then every log-in from the address is refused, the member's with the right password too
    assert await log_in(guesser, guess_email(16), WRONG) == log_ins_limited(900, 15)
    assert await log_in(guesser, member.email, PASSWORD) == log_ins_limited(900, 15)
    # while from another address the member logs in
    assert await log_in(elsewhere, member.email, PASSWORD) == SUCCESS
    # and after the window the address may try again
    frozen_clock.advance(timedelta(minutes=15))
    assert await log_in(guesser, member.email, PASSWORD) == SUCCESS


async def test_the_first_refusal_of_a_run_is_audited(api, frozen_clock):
    # given five failures at 12:00
    member = await api.sign_up()
    for _ in range(5):
        await log_in(api, member.email, WRONG)
    assert await AuditRecord.filter(action="login.rate_limited").count() == 0
    # when three attempts are refused, a minute apart
    for _ in range(3):
        frozen_clock.advance(timedelta(minutes=1))
        assert (await log_in(api, member.email, PASSWORD))["code"] == "RATE_LIMITED"
    # then the first is audited, as the system, once
    records = await AuditRecord.filter(action="login.rate_limited")
    assert [(r.actor_kind, r.actor_id, r.target_type, r.target_id, r.after) for r in records] == [
        ("system", None, "login", None,
         {"limit": "account", "email": member.email, "address": "127.0.0.1", "attemptsInWindow": 5}),
    ]
    # and a new run, after a quiet window, is audited again
    frozen_clock.advance(timedelta(minutes=30))
    for _ in range(5):
        await log_in(api, member.email, WRONG)
    assert (await log_in(api, member.email, PASSWORD))["code"] == "RATE_LIMITED"
    assert await AuditRecord.filter(action="login.rate_limited").count() == 2


async def test_run_jobs_forgets_attempts_a_day_old(api, frozen_clock):
    # given a failure at 12:00 and one at 11:00 the next day
    member = await api.sign_up()
    await log_in(api, member.email, WRONG)
    frozen_clock.advance(timedelta(hours=23))
    await log_in(api, member.email, WRONG)
    # when the jobs run a day and a second after the first
    frozen_clock.advance(timedelta(hours=1, seconds=1))
    results = await run_jobs()
    # then the first is forgotten (with the member's sign-up), the second kept
    assert results["auth_attempts_purged"] == 2
    assert await AuthAttempt.all().values_list("action", "outcome", "created_at") == [
        ("log_in", "failed", frozen_clock.now() - timedelta(hours=1, seconds=1)),
    ]


@pytest.mark.parametrize(
    ("host", "counted_as"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        (None, "unknown"),
        ("", "unknown"),
    ],
)
def test_an_ipv6_client_counts_by_its_64_block(host, counted_as):
    # One IPv6 customer line usually holds a whole /64: counting each address would give
    # one client 2^64 addresses' worth of guesses.
    assert address_key(host) == counted_as


async def test_clients_in_one_ipv6_64_block_share_a_count(at, api, frozen_clock):
    member = await api.sign_up()
    for n in range(20):
        assert await log_in(at(f"2001:db8:7:7::{n + 1:x}"), guess_email(n), WRONG) == WRONG_CREDENTIALS
    assert await log_in(at("2001:db8:7:7::ffff"), member.email, PASSWORD) == log_ins_limited(900, 15)
    assert await log_in(at("2001:db8:7:8::1"), member.email, PASSWORD) == SUCCESS
