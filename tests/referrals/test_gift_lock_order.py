"""A points gift between a referrer and the member they invited, at the moment of the
invited member's first purchase (PostgreSQL: SQLite runs one writer at a time). Both lock
the two accounts, and in the same order (the newer member first), so neither waits on the
other for ever: no deadlock, both go through."""
from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from tests.care.conftest import gift, give_points
from tests.referrals.conftest import buy, joined, points_of, referral_of
from wallet.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, gifts_enabled=True, gift_points_per_month=5000)


async def test_gifts_between_referrer_and_invited_never_deadlock_with_the_first_purchase(api, at, program, postgres_only):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    await give_points(api, admin, sam, 1000)
    code = (await referral_of(api, sam))["code"]
    for n in range(1, 7):
        kim = await joined(at(f"203.0.113.{n}"), f"kim{n}@example.com", code)
        # when Sam gives Kim 10 points while Kim's first purchase rewards Sam's referral
        sale, given = await asyncio.gather(
            buy(api, cashier, kim.id, store, "30.00"), gift(api, sam, 10, to_card=kim.card_number)
        )
        # then both went through
        assert (sale["__typename"], given["__typename"]) == ("RecordPurchaseSuccess", "GiftPointsSuccess"), (sale, given)
        assert await points_of(api, kim) == {"available": 30 + 250 + 10, "owed": 0, "lifetime": 280}
    assert (await points_of(api, sam))["available"] == 1000 + 6 * 500 - 6 * 10
