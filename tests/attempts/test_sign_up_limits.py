"""Sign-ups are limited per client address (20 an hour), so that finding out who is a
member through signUp's DUPLICATE answer is slow."""
from __future__ import annotations

from datetime import timedelta

from tests.attempts.conftest import sign_up, sign_ups_limited
from wallet.audit.models import AuditRecord
from wallet.members.models import Member


async def test_twenty_sign_ups_an_hour_from_one_address_then_it_waits(at, api, frozen_clock, password_work):
    # given a member, and 20 sign-ups from 198.51.100.7 between 12:00 and 12:19, one of
    # them with the member's email (still told DUPLICATE: a member must learn their email
    # is taken)
    member = await api.sign_up()
    there, elsewhere = at("198.51.100.7"), at("203.0.113.50")
    answers = []
    for n in range(20):
        answers.append((await sign_up(there, member.email if n == 7 else None))["__typename"])
        frozen_clock.advance(timedelta(minutes=1))
    assert answers == ["SignUpSuccess"] * 7 + ["DuplicateError"] + ["SignUpSuccess"] * 12
    assert await Member.all().count() == 20
    password_work.clear()
    # when a 21st is tried at 12:20, with a new email or a taken one
    fresh = await sign_up(there)
    taken = await sign_up(there, member.email)
    # then both are refused alike until the first (12:00) leaves the hour, without a word
    # about the email, a member written or a password hashed
    assert fresh == taken == sign_ups_limited(2400, 40)
    assert await Member.all().count() == 20
    assert password_work == []
    # while another address signs up
    assert (await sign_up(elsewhere))["__typename"] == "SignUpSuccess"
    # and at 13:00 the address has room for one again
    frozen_clock.advance(timedelta(minutes=40))
    assert (await sign_up(there))["__typename"] == "SignUpSuccess"
    assert (await sign_up(there))["code"] == "RATE_LIMITED"


async def test_the_first_refused_sign_up_of_a_run_is_audited(at, frozen_clock):
    there = at("198.51.100.7")
    for _ in range(20):
        await sign_up(there)
    for _ in range(3):
        assert (await sign_up(there, "someone@example.com"))["code"] == "RATE_LIMITED"
    records = await AuditRecord.filter(action="signup.rate_limited")
    assert [(r.actor_kind, r.target_type, r.after) for r in records] == [
        ("system", "signup",
         {"limit": "address", "email": "someone@example.com", "address": "198.51.100.7", "attemptsInWindow": 20}),
    ]


async def test_malformed_sign_ups_are_refused_without_counting(at, frozen_clock):
    # Input refused before any look-up tells nothing about anyone: it does not use up the hour.
    there = at("198.51.100.7")
    for _ in range(25):
        data = await there.ok(
            """mutation { signUp(input: {email: "not-an-email", password: "correct horse battery", name: "X"}) {
                ... on Error { code } } }"""
        )
        assert data["signUp"] == {"code": "INVALID_INPUT"}
    assert (await sign_up(there))["__typename"] == "SignUpSuccess"
