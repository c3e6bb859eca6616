"""What members and staff see of tiers, through the API; at a constant query cost."""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from tests.conftest import new_key
from tests.ledger.test_purchases import record
from tests.tiers.conftest import changes, utc
from wallet.ledger.models import LedgerEntry
from wallet.tiers import service
from wallet.tiers.models import MemberTier, TierChange

TIER = """{ me { tier { name rank benefits { earnMultiplier perks } }
  tierProgress { current { name } next { name } qualifying needed percent qualifyingSince periodEnd keepsTierUntil } } }"""

MEMBER = """query($id: ID!) { member(id: $id) { tier { name rank }
  tierProgress { current { name } next { name } qualifying needed percent periodEnd keepsTierUntil } } }"""


async def test_the_purchase_that_crosses_a_threshold_earns_at_the_old_rate(api, ladder, frozen_clock):
    # given a member with 400 points, at Insider (×1)
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await record(api, cashier, member.id, store, "400.00")
    # when a purchase of 200.00 crosses Silver's 500
    crossing = await record(api, cashier, member.id, store, "200.00")
    # then it earns at Insider's rate, and the member is Silver at once
    assert crossing["pointsEarned"] == 200
    assert (await api.ok(TIER, token=member.token))["me"]["tier"]["name"] == "Silver"
    # and the next purchase earns Silver's ×1.25: 100 base points and a 25-point bonus
    after = await record(api, cashier, member.id, store, "100.00")
    assert after["pointsEarned"] == 125
    assert await LedgerEntry.filter(kind__in=["earn", "bonus"]).order_by("id").values_list("kind", "amount") == [
        ("earn", 400),
        ("earn", 200),
        ("earn", 100),
        ("bonus", 25),
    ]
    # only base points qualify: 700, so Gold needs 300 more
    progress = (await api.ok(TIER, token=member.token))["me"]["tierProgress"]
    assert (progress["qualifying"], progress["needed"], progress["percent"]) == ("700", "300", 70.0)
    assert await changes(member.id) == [("Insider", "Silver", "Qualified: 600 points this period", None)]


async def test_a_refund_through_the_api_keeps_the_tier_until_the_period_ends(api, ladder, frozen_clock):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await record(api, cashier, member.id, store, "1000.00", reference="BIG-1")
    refund = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { __typename } }"""
    await api.ok(refund, {"input": {"reference": "BIG-1", "amount": "800.00", "idempotencyKey": new_key()}}, cashier.token)
    me = (await api.ok(TIER, token=member.token))["me"]
    assert (me["tier"]["name"], me["tierProgress"]["qualifying"]) == ("Gold", "200")
    frozen_clock.set(utc(2027, 1, 1))
    assert await service.apply_period_ends() == 1
    assert (await api.ok(TIER, token=member.token))["me"]["tier"]["name"] == "Insider"


async def test_me_shows_the_tier_its_benefits_and_the_progress(api, ladder, frozen_clock, till):
    member = await api.sign_up()
    await till.buy(member.id, 650)
    assert (await api.ok(TIER, token=member.token))["me"] == {
        "tier": {"name": "Silver", "rank": 1, "benefits": {"earnMultiplier": "1.25", "perks": []}},
        "tierProgress": {
            "current": {"name": "Silver"},
            "next": {"name": "Gold"},
            "qualifying": "650",
            "needed": "350",
            "percent": 65.0,
            "qualifyingSince": "2026-01-01T00:00:00+00:00",
            "periodEnd": "2027-01-01T00:00:00+00:00",
            "keepsTierUntil": "2027-01-01T00:00:00+00:00",
        },
    }


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (0, ("Insider", "Silver", "0", "500", 0.0)),
        (1, ("Insider", "Silver", "1", "499", 0.2)),
        (999, ("Silver", "Gold", "999", "1", 99.9)),  # rounded down: 100.0 only when reached
        (1500, ("Gold", None, "1500", "0", 100.0)),  # at the top
    ],
)
async def test_progress_numbers(api, ladder, frozen_clock, till, points, expected):
    member = await api.sign_up()
    if points:
        await till.buy(member.id, points)
    progress = (await api.ok(TIER, token=member.token))["me"]["tierProgress"]
    assert (
        progress["current"]["name"],
        progress["next"]["name"] if progress["next"] else None,
        progress["qualifying"],
        progress["needed"],
        progress["percent"],
    ) == expected


async def test_without_tiers_the_member_has_none(api, frozen_clock):
    member = await api.sign_up()
    me = (await api.ok(TIER, token=member.token))["me"]
    assert me["tier"] is None
    assert (me["tierProgress"]["current"], me["tierProgress"]["next"], me["tierProgress"]["needed"]) == (None, None, "0")


async def test_progress_in_the_programs_time_zone(api, ladder, frozen_clock):
    from tests.tiers.conftest import configure

    await configure(timezone="America/New_York")
    member = await api.sign_up()
    progress = (await api.ok(TIER, token=member.token))["me"]["tierProgress"]
    assert (progress["qualifyingSince"], progress["periodEnd"]) == (
        "2026-01-01T05:00:00+00:00",
        "2027-01-01T05:00:00+00:00",
    )


async def test_staff_see_a_members_tier_and_progress(api, ladder, frozen_clock, till):
    member, cashier = await api.sign_up(), await api.staff()
    await till.buy(member.id, 1000)
    seen = (await api.ok(MEMBER, {"id": member.id}, cashier.token))["member"]
    assert seen == {
        "tier": {"name": "Gold", "rank": 2},
        "tierProgress": {
            "current": {"name": "Gold"},
            "next": None,
            "qualifying": "1000",
            "needed": "0",
            "percent": 100.0,
            "periodEnd": "2027-01-01T00:00:00+00:00",
            "keepsTierUntil": "2027-01-01T00:00:00+00:00",
        },
    }


async def test_a_period_the_job_has_not_applied_shows_when_the_tier_was_held_until(
    api, ladder, frozen_clock, till
):
    member = await api.sign_up()
    await till.buy(member.id, 1000)
    frozen_clock.set(utc(2027, 1, 1, 1))
    progress = (await api.ok(TIER, token=member.token))["me"]["tierProgress"]
    assert (progress["current"]["name"], progress["periodEnd"], progress["keepsTierUntil"]) == (
        "Gold",
        "2028-01-01T00:00:00+00:00",
        "2027-01-01T00:00:00+00:00",
    )


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _queries(api, query: str, token: str | None = None) -> int:
    counter = _QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        await api.ok(query, token=token)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    return counter.count


async def test_tier_and_progress_take_the_same_queries_whatever_the_history(api, ladder, frozen_clock):
    cashier, store = await api.staff(), await api.store()
    short, long = await api.sign_up(), await api.sign_up()
    await record(api, cashier, short.id, store, "10.00")
    for n in range(30):
        await record(api, cashier, long.id, store, f"{n + 40}.00")
        frozen_clock.advance(timedelta(hours=1))
    assert await MemberTier.filter(member_id=long.id).exists()  # the long history moved up
    short_count = await _queries(api, TIER, short.token)
    long_count = await _queries(api, TIER, long.token)
    # the viewer, the tiers, the stored tier, the program, one sum of purchases
    assert short_count == long_count == 5
    assert await _queries(api, "{ tiers { name rank benefits { earnMultiplier perks } } }") == 1


async def test_concurrent_job_runs_apply_each_period_end_once(api, ladder, frozen_clock, till, postgres_only):
    members = [await api.sign_up() for _ in range(12)]
    for n, member in enumerate(members):
        await till.buy(member.id, 500 + 100 * n)
    frozen_clock.set(utc(2027, 1, 1))
    applied = await asyncio.gather(*(service.apply_period_ends() for _ in range(5)))
    assert sum(applied) == 12
    assert await TierChange.filter(period_end=utc(2027, 1, 1)).count() == 12
    assert await MemberTier.filter(period_end=utc(2028, 1, 1)).count() == 12


async def test_in_rolling_periods_a_member_who_never_moved_up_counts_from_the_day_they_joined(
    api, ladder, frozen_clock
):
    from tests.tiers.conftest import configure
    from wallet.members.models import Member

    await configure(tier_period="rolling_12_months", timezone="Europe/Paris")
    member = await api.sign_up()
    await Member.filter(id=member.id).update(created_at=utc(2024, 6, 10, 23, 30))  # 11 June in Paris
    progress = (await api.ok(TIER, token=member.token))["me"]["tierProgress"]
    assert (progress["qualifyingSince"], progress["periodEnd"], progress["keepsTierUntil"]) == (
        "2025-03-14T23:00:00+00:00",  # 15 March 2025, 00:00 in Paris
        "2026-06-10T22:00:00+00:00",  # 11 June 2026, 00:00 in Paris (summer time)
        "2026-06-10T22:00:00+00:00",
    )


async def test_concurrent_purchases_move_a_member_up_once(api, ladder, frozen_clock, postgres_only):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await record(api, cashier, member.id, store, "400.00")
    results = await asyncio.gather(*(record(api, cashier, member.id, store, "100.00") for _ in range(5)))
    assert [r["__typename"] for r in results] == ["RecordPurchaseSuccess"] * 5
    assert await changes(member.id) == [("Insider", "Silver", "Qualified: 500 points this period", None)]
    # purchases of one member run in turn: the one that crosses earns at the old rate, the
    # four after it at Silver's ×1.25
    assert sorted(r["pointsEarned"] for r in results) == [100, 125, 125, 125, 125]


async def test_the_jobs_command_applies_period_ends(api, ladder, frozen_clock, till):
    from wallet.jobs import run_jobs

    member = await api.sign_up()
    await till.buy(member.id, 500)
    frozen_clock.set(utc(2027, 1, 1))
    assert (await run_jobs())["tier_periods_ended"] == 1
    assert (await run_jobs())["tier_periods_ended"] == 0
