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
    # promotions, then 6 writes (bench/reference.py mirrors them), and the member's
    # "You earned N points" notification: one INSERT (its mute check is part of it; the
    # default log sender writes nothing after commit); on PostgreSQL one more: the pg_notify
    # that tells the member's live balance (all of the sale's events in one)
    assert long[1] <= (21 if POSTGRES_URL else 20)


async def test_offers_add_no_statement_to_a_sale_for_a_member_without_an_open_offer(api, till, frozen_clock):
    from datetime import timedelta as days
    from decimal import Decimal

    from wallet.actors import Actor
    from wallet.offers import service as offers

    # given a sale's cost before the program has any offer
    before = (await _till_queries(api, till, frozen_clock))[1]
    # when offers exist, and the member completed the one they activated
    now = frozen_clock.now()
    for title in ("Ten visits", "One visit"):
        offer = await offers.create_offer(
            Actor.system(),
            offers.OfferInput(title=title, reward_points=5, starts_at=now - days(days=1), ends_at=now + days(days=30),
                              goal="visits", goal_target=Decimal(10 if title == "Ten visits" else 1)),
        )
    await offers.activate_offer(actor=Actor.system(), member_id=till.member.id, offer_id=str(offer.id))
    frozen_clock.advance(days(seconds=61))
    from wallet.offers.models import OfferCompletion

    await purchase(api, till.cashier, till.store, "5.00", memberId=till.member.id)
    assert await OfferCompletion.all().count() == 1
    # then the member's next sale costs exactly what it did: the account row says they have
    # no open offer (tests/offers/test_query_counts.py counts a member with one)
    assert (await _till_queries(api, till, frozen_clock))[1] == before
