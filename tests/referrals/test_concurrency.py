"""Referral rewards under concurrent sales (PostgreSQL: SQLite runs one writer at a time)."""
from __future__ import annotations

import asyncio

from tests.referrals.conftest import buy, joined, points_of, referral_of
from wallet.ledger.models import LedgerEntry
from wallet.referrals.models import Referral


async def test_two_concurrent_first_purchases_reward_each_side_once(api, at, program, postgres_only):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    kim = await joined(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    # when two tills record Kim's first qualifying purchases at the same moment, five times over
    results = await asyncio.gather(*(buy(api, cashier, kim.id, store, "30.00") for _ in range(5)))
    # then every sale went through, and the referral was rewarded once on each side
    assert [r["__typename"] for r in results] == ["RecordPurchaseSuccess"] * 5
    assert await LedgerEntry.filter(account__member_id=sam.id).values_list("amount", flat=True) == [500]
    assert await LedgerEntry.filter(account__member_id=kim.id, reason__startswith="Referral").values_list(
        "amount", flat=True
    ) == [250]
    assert await points_of(api, kim) == {"available": 5 * 30 + 250, "owed": 0, "lifetime": 400}
    assert (await Referral.get()).status == "rewarded"


async def test_concurrent_first_purchases_of_several_invited_members_each_reward_the_referrer(api, at, program, postgres_only):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    code = (await referral_of(api, sam))["code"]
    invited = [await joined(at(f"203.0.113.{n}"), f"friend{n}@example.com", code) for n in range(1, 5)]
    # when the four invited members buy at once, Sam too
    results = await asyncio.gather(
        *(buy(api, cashier, m.id, store, "20.00") for m in invited), buy(api, cashier, sam.id, store, "20.00")
    )
    # then Sam got 500 for each of them, and each of them 250
    assert [r["__typename"] for r in results] == ["RecordPurchaseSuccess"] * 5
    assert await points_of(api, sam) == {"available": 4 * 500 + 20, "owed": 0, "lifetime": 2020}
    assert await referral_of(api, sam) == {
        "code": code, "link": f"http://127.0.0.1:8000/?ref={code}",
        "invitedCount": 4, "rewardedCount": 4, "pointsEarned": 2000,
    }
    for member in invited:
        assert await points_of(api, member) == {"available": 270, "owed": 0, "lifetime": 270}
