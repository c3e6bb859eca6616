"""The till's hot path takes a constant number of SQL queries, whatever the member's
history: scanMember (with tier, points and vouchers) and recordPurchase by scan code."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import timedelta

from tests.conftest import POSTGRES_URL
from tests.rewards.conftest import give_points, make_reward, redeem
from tests.scan.conftest import code_of, purchase, scan


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def counting_queries():
    counter = _Counter()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)


async def _till_queries(api, till, frozen_clock) -> tuple[int, int]:
    frozen_clock.advance(timedelta(seconds=61))
    code = (await code_of(api, till.member))["payload"]
    with counting_queries() as scanning:
        assert (await scan(api, till.cashier, code, till.store))["__typename"] == "ScanMemberSuccess"
    with counting_queries() as recording:
        result = await purchase(api, till.cashier, till.store, "12.00", scanCode=code)
        assert result["__typename"] == "RecordPurchaseSuccess"
    return scanning.count, recording.count


async def test_scanning_and_recording_take_the_same_queries_with_a_long_history(api, till, frozen_clock):
    # given a member with one usable voucher
    await give_points(api, till.member, 1000)
    reward = await make_reward(cost_points=10)
    await redeem(api, till.member, reward.id)
    short = await _till_queries(api, till, frozen_clock)
    # when they have 20 more purchases and 8 more usable vouchers
    for _ in range(20):
        frozen_clock.advance(timedelta(seconds=61))
        code = (await code_of(api, till.member))["payload"]
        await purchase(api, till.cashier, till.store, "30.00", scanCode=code)
    for _ in range(8):
        await redeem(api, till.member, reward.id)
    long = await _till_queries(api, till, frozen_clock)
    # then the till makes exactly as many queries as before
    assert long == short
    # and a sale stays within its budget: auth, key, program, store, rate, claim (and its
    # read-back, as this till scanned the code first), member, account, tier (2), plan,
    # promotions, then 6 writes (bench/reference.py mirrors them); on PostgreSQL one more:
    # the pg_notify that tells the member's live balance (all of the sale's events in one)
    assert long[1] <= 20 if POSTGRES_URL else long[1] <= 19
