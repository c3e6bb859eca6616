"""Requests at the same instant: two tills scanning one code (exactly one claims it), and
a burst of refused scans by one cashier (the minute's limit still holds).

On PostgreSQL the requests really race: INSERT … ON CONFLICT DO NOTHING makes the second
claim wait for the first and then read its claim.
"""
from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.conftest import new_key
from tests.scan.conftest import code_of, purchase, scan
from wallet.audit.models import AuditRecord
from wallet.ledger.models import Purchase
from wallet.members.cards import luhn_check_digit
from wallet.scan.models import ScanClaim

ROUNDS = 10


async def test_two_cashiers_scanning_one_code_at_once_one_wins(api, till, frozen_clock, postgres_only):
    member, cashier, store = till.member, till.cashier, till.store
    colleague = await api.staff("cashier")
    wins = {cashier.id: 0, colleague.id: 0}
    for round_ in range(ROUNDS):
        # a minute apart, so the losers' refusals never reach the rate limit
        frozen_clock.advance(timedelta(seconds=61))
        code = (await code_of(api, member))["payload"]
        # when both tills scan the same code at once
        results = await asyncio.gather(scan(api, cashier, code, store), scan(api, colleague, code, store))
        # then exactly one sees the member and the other is told the code is claimed
        kinds = sorted(r["__typename"] for r in results)
        assert kinds == ["ScanCodeClaimedError", "ScanMemberSuccess"], (round_, results)
        won = cashier if results[0]["__typename"] == "ScanMemberSuccess" else colleague
        assert next(r for r in results if r["__typename"] == "ScanMemberSuccess")["member"]["id"] == member.id
        # and the claim names the winner
        claim = await ScanClaim.get(expires_at=frozen_clock.now() + timedelta(seconds=60))
        assert str(claim.staff_id) == won.id
        wins[won.id] += 1
    assert sum(wins.values()) == ROUNDS
    assert await ScanClaim.all().count() == ROUNDS
    # one look-up audited per round, by its winner
    assert await AuditRecord.filter(action="member.scan").count() == ROUNDS
    for staff_id, count in wins.items():
        assert await AuditRecord.filter(action="member.scan", actor_id=staff_id).count() == count


async def test_one_cashier_at_two_stores_scanning_one_code_at_once_one_wins(api, till, frozen_clock, postgres_only):
    member, cashier, store = till.member, till.cashier, till.store
    harbour = await api.store("Harbour")
    for round_ in range(ROUNDS):
        frozen_clock.advance(timedelta(seconds=61))
        code = (await code_of(api, member))["payload"]
        results = await asyncio.gather(scan(api, cashier, code, store), scan(api, cashier, code, harbour))
        kinds = sorted(r["__typename"] for r in results)
        assert kinds == ["ScanCodeClaimedError", "ScanMemberSuccess"], (round_, results)
    assert await ScanClaim.all().count() == ROUNDS


async def test_two_tills_recording_a_sale_with_one_code_at_once_record_one(api, till, frozen_clock, postgres_only):
    member, cashier, store = till.member, till.cashier, till.store
    colleague = await api.staff("cashier")
    for round_ in range(ROUNDS):
        frozen_clock.advance(timedelta(seconds=61))
        code = (await code_of(api, member))["payload"]
        results = await asyncio.gather(
            purchase(api, cashier, store, "10.00", key=new_key(), scanCode=code),
            purchase(api, colleague, store, "10.00", key=new_key(), scanCode=code),
        )
        kinds = sorted(r["__typename"] for r in results)
        assert kinds == ["RecordPurchaseSuccess", "ScanCodeClaimedError"], (round_, results)
    assert await Purchase.all().count() == ROUNDS
    account = (await api.ok("{ me { points { available } } }", token=member.token))["me"]["points"]
    assert account == {"available": 10 * ROUNDS}


def card_guess(n: int) -> str:
    """A well-formed card number (right check digit) that belongs to nobody."""
    body = f"79{n:09d}"
    return body + luhn_check_digit(body)


async def test_a_burst_of_card_number_guesses_at_once_still_meets_the_limit(api, till, frozen_clock):
    # Runs on both databases: each card look-up commits its place in the minute before it
    # runs, so concurrent guesses of one cashier count each other.
    cashier, store = till.cashier, till.store
    # given a cashier's token (stolen, say) firing 30 card-number guesses at once
    results = await asyncio.gather(*(scan(api, cashier, card_guess(n), store) for n in range(30)))
    # then at most the minute's 10 guesses are looked up; the other 20 are rate limited
    kinds = [r["__typename"] for r in results]
    assert (kinds.count("NotFoundError"), kinds.count("RateLimitedError")) == (10, 20), kinds
    # and the next guess, alone, is refused too
    assert (await scan(api, cashier, card_guess(99), store))["__typename"] == "RateLimitedError"
