"""Surprise bonuses: a seeded, reproducible draw per purchase, replayed on retries, capped."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tests.conftest import TEST_SECRET, new_key
from tests.earning.conftest import buy, make_rule
from wallet.earning.models import RuleGrant
from wallet.earning.service import surprise_draw, surprise_key, surprise_wins
from wallet.ledger.models import LedgerEntry

KEY = surprise_key(TEST_SECRET)


def test_the_draw_is_a_keyed_hash_of_rule_and_purchase():
    rule, purchase = uuid.UUID(int=1), uuid.UUID(int=2)
    # the same inputs always draw the same number; another secret or purchase another one
    assert surprise_draw(KEY, rule, purchase) == surprise_draw(KEY, rule, purchase)
    assert surprise_draw(KEY, rule, purchase) != surprise_draw(surprise_key("another-" + TEST_SECRET), rule, purchase)
    assert surprise_draw(KEY, rule, purchase) != surprise_draw(KEY, rule, uuid.UUID(int=3))
    # and a draw wins with probability 1/N: v × N < 2^64
    assert surprise_wins(2**62 - 1, 4) and not surprise_wins(2**62, 4)


async def test_each_surprise_is_recorded_and_can_be_recomputed(api, people):
    admin, cashier, store, member = people
    # given a 1-in-2 surprise of 25 points
    rule = await make_rule(api, admin, name="Lucky", kind="SURPRISE", points=25, chanceOneIn=2)
    # when the member makes purchases until both outcomes were seen
    outcomes = set()
    for _ in range(40):
        result = await buy(api, cashier, member.id, store, "10.00")
        draw = surprise_draw(KEY, rule["id"], result["purchaseId"])
        won = surprise_wins(draw, 2)
        # then each purchase's outcome is the one recomputed from the secret and its id
        expected = [{"name": "Lucky", "points": 25}] if won else []
        assert (result["appliedRules"], result["pointsEarned"]) == (expected, 35 if won else 10)
        if won:
            grant = await RuleGrant.get(purchase_id=result["purchaseId"])
            entry = await LedgerEntry.get(id=grant.entry_id)
            # and the draw is written in the grant and in its ledger entry's reason
            assert grant.draw.startswith(f"draw {draw:016x} = ")
            assert entry.reason == f"Surprise bonus: Lucky ({grant.draw})"
            assert (entry.kind, entry.amount) == ("bonus", 25)
        outcomes.add(won)
        if outcomes == {True, False}:
            break
    assert outcomes == {True, False}


async def test_a_retry_replays_the_same_surprise(api, people):
    admin, cashier, store, member = people
    await make_rule(api, admin, name="Lucky", kind="SURPRISE", points=25, chanceOneIn=2)
    # given a purchase that won
    for _ in range(40):
        key = new_key()
        first = await buy(api, cashier, member.id, store, "10.00", key=key, reference=key[:20])
        if first["appliedRules"]:
            break
    assert first["appliedRules"] == [{"name": "Lucky", "points": 25}]
    # when the till retries it with the same key
    again = await buy(api, cashier, member.id, store, "10.00", key=key, reference=key[:20])
    # then the same answer comes back and nothing more is written
    assert (again["replayed"], again["purchaseId"], again["appliedRules"]) == (True, first["purchaseId"], first["appliedRules"])
    assert await RuleGrant.all().count() == 1


async def test_surprises_are_capped_per_member_per_day(api, people, frozen_clock):
    admin, cashier, store, member = people
    # given a 1-in-2 surprise, at most once a day per member
    await make_rule(api, admin, name="Lucky", kind="SURPRISE", points=25, chanceOneIn=2, capPerMemberPerDay=1)
    # when the member buys 30 times on one day (a win is all but certain: 1 − 2^-30)
    results = [await buy(api, cashier, member.id, store, "1.00") for _ in range(30)]
    # then one surprise at most was granted that day
    assert sum(len(r["appliedRules"]) for r in results) == 1
    frozen_clock.set(datetime(2026, 3, 16, 12, tzinfo=UTC))
    tomorrow = [await buy(api, cashier, member.id, store, "1.00") for _ in range(30)]
    assert sum(len(r["appliedRules"]) for r in tomorrow) == 1
