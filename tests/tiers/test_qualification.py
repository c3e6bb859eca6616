"""Moving up at once, never down mid-period; tier periods in the program's time zone."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.tiers.conftest import changes, configure, stored, tier_name, utc
from wallet.actors import Actor
from wallet.tiers import service
from wallet.tiers.models import MemberTier, TierChange


async def test_a_member_without_purchases_holds_the_entry_tier(api, ladder, frozen_clock):
    member = await api.sign_up()
    assert await tier_name(member.id) == "Insider"
    assert await service.earn_multiplier(member.id) == (Decimal("1.000"), "Insider")
    assert await stored(member.id) is None


async def test_without_tiers_nobody_has_one_and_the_multiplier_is_1(api, frozen_clock, till):
    member = await api.sign_up()
    await till.buy(member.id, 5000)
    assert await service.tier_for(member.id) is None
    assert await service.earn_multiplier(member.id) == (Decimal(1), None)
    assert await MemberTier.all().count() == 0
    assert await TierChange.all().count() == 0


async def test_crossing_a_threshold_moves_the_member_up_at_once(api, ladder, frozen_clock, till):
    # given a member with 400 qualifying points this year
    member = await api.sign_up()
    await till.buy(member.id, 400)
    assert await tier_name(member.id) == "Insider"
    assert await TierChange.all().count() == 0
    # when a purchase of 100 points reaches Silver's 500
    await till.buy(member.id, 100)
    # then they are Silver at once, for the calendar year, and the move is recorded
    assert await tier_name(member.id) == "Silver"
    assert await service.earn_multiplier(member.id) == (Decimal("1.250"), "Silver")
    assert await stored(member.id) == ("Silver", utc(2026, 1, 1), utc(2027, 1, 1))
    assert await changes(member.id) == [
        ("Insider", "Silver", "Qualified: 500 points this period", None)
    ]


async def test_a_big_purchase_moves_straight_to_the_highest_tier_reached(api, ladder, frozen_clock, till):
    member = await api.sign_up()
    await till.buy(member.id, 1200)
    assert await changes(member.id) == [
        ("Insider", "Gold", "Qualified: 1,200 points this period", None)
    ]


async def test_after_purchase_answers_the_move_or_none(api, ladder, frozen_clock, till):
    member = await api.sign_up()
    await till.buy(member.id, 499, move=False)
    assert await service.after_purchase(member.id) is None
    await till.buy(member.id, 1, move=False)
    move = await service.after_purchase(member.id)
    assert move is not None
    assert (move.from_tier.name, move.to_tier.name, move.qualifying) == ("Insider", "Silver", Decimal(500))
    assert await service.after_purchase(member.id) is None  # nothing new: no second move
    assert await TierChange.all().count() == 1


async def test_refunds_never_move_a_member_down_mid_period(api, ladder, frozen_clock, till):
    # given a Gold member
    member = await api.sign_up()
    big = await till.buy(member.id, 1000)
    assert await tier_name(member.id) == "Gold"
    # when most of the purchase is refunded and they buy again
    await till.refund(big, points=900)
    frozen_clock.advance(timedelta(days=30))
    await till.buy(member.id, 10)
    # then they keep Gold until the period ends; their progress shows the lower amount
    assert await tier_name(member.id) == "Gold"
    progress = await service.tier_progress(member.id)
    assert (progress.current.name, progress.qualifying, progress.keeps_tier_until) == (
        "Gold",
        Decimal(110),
        utc(2027, 1, 1),
    )
    assert [c[1] for c in await changes(member.id)] == ["Gold"]


async def test_the_period_ends_at_local_midnight_in_the_programs_time_zone(api, ladder, frozen_clock, till):
    # given a program in New York and a member who reached Gold in 2026
    await configure(timezone="America/New_York")
    member = await api.sign_up()
    big = await till.buy(member.id, 1000)
    assert await stored(member.id) == ("Gold", utc(2026, 1, 1, 5), utc(2027, 1, 1, 5))
    # and whose refunds brought 2026 down to 400 points
    await till.refund(big, points=600)
    # a purchase at 23:30 on 31 December in New York (04:30 UTC) still counts for 2026
    frozen_clock.set(utc(2027, 1, 1, 4, 30))
    await till.buy(member.id, 100)
    # one at 00:00 on 1 January in New York (05:00 UTC) counts for 2027
    frozen_clock.set(utc(2027, 1, 1, 5))
    await till.buy(member.id, 600, move=False)
    # when the job runs one second before local midnight, nothing is due
    assert await service.apply_period_ends(utc(2027, 1, 1, 4, 59, 59)) == 0
    assert await tier_name(member.id) == "Gold"
    # when it runs at local midnight, 2026's 500 points requalify for Silver only
    assert await service.apply_period_ends(utc(2027, 1, 1, 5)) == 1
    assert await stored(member.id) == ("Silver", utc(2027, 1, 1, 5), utc(2028, 1, 1, 5))
    assert (await changes(member.id))[-1] == (
        "Gold",
        "Silver",
        "Did not requalify: moved to Silver (500 points in the period)",
        utc(2027, 1, 1, 5),
    )
    # and the 2027 purchase counts toward 2027
    assert (await service.tier_progress(member.id)).qualifying == Decimal(600)


async def test_running_the_job_twice_changes_nothing_the_second_time(api, ladder, frozen_clock, till):
    member, other = await api.sign_up(), await api.sign_up()
    await till.buy(member.id, 1000)
    await till.buy(other.id, 500)
    frozen_clock.set(utc(2027, 1, 2))
    assert await service.apply_period_ends() == 2
    rows = await MemberTier.all().order_by("id").values_list("tier_id", "period_start", "period_end")
    logged = await TierChange.all().count()
    assert await service.apply_period_ends() == 0
    assert await MemberTier.all().order_by("id").values_list("tier_id", "period_start", "period_end") == rows
    assert await TierChange.all().count() == logged == 4
    assert (await changes(member.id))[-1] == (
        "Gold",
        "Gold",
        "Requalified: 1,000 points in the period",
        utc(2027, 1, 1),
    )


async def test_a_late_job_evaluates_each_missed_period_in_turn(api, ladder, frozen_clock, till):
    # given Gold in 2026 (1,000 points), 600 points in 2027, nothing in 2028
    member = await api.sign_up()
    await till.buy(member.id, 1000)
    frozen_clock.set(utc(2027, 6, 1))
    await till.buy(member.id, 600, move=False)
    # when the job first runs in February 2029
    frozen_clock.set(utc(2029, 2, 1))
    assert await service.apply_period_ends() == 3
    # then each year was evaluated on its own purchases, and 2029 is the current period
    assert (await changes(member.id))[1:] == [
        ("Gold", "Gold", "Requalified: 1,000 points in the period", utc(2027, 1, 1)),
        ("Gold", "Silver", "Did not requalify: moved to Silver (600 points in the period)", utc(2028, 1, 1)),
        ("Silver", "Insider", "Did not requalify: moved to Insider (0 points in the period)", utc(2029, 1, 1)),
    ]
    assert await stored(member.id) == ("Insider", utc(2029, 1, 1), utc(2030, 1, 1))
    assert await service.apply_period_ends() == 0


async def test_an_ended_period_the_job_missed_is_applied_before_the_next_purchase_earns(
    api, ladder, frozen_clock, till
):
    # given a Gold member whose 2026 purchases were all refunded
    member = await api.sign_up()
    big = await till.buy(member.id, 1000)
    await till.refund(big, points=1000)
    # when they buy on 2 January 2027 and the job has not run
    frozen_clock.set(utc(2027, 1, 2))
    rate = await service.earn_multiplier(member.id)
    # then the period end is applied first: the purchase earns at Insider's rate
    assert rate == (Decimal("1.000"), "Insider")
    assert (await changes(member.id))[-1][1:] == (
        "Insider",
        "Did not requalify: moved to Insider (0 points in the period)",
        utc(2027, 1, 1),
    )
    assert await service.apply_period_ends() == 0


async def test_thresholds_lowered_meanwhile_can_move_a_member_up_at_period_end(
    api, ladder, frozen_clock, till
):
    member = await api.sign_up()
    await till.buy(member.id, 700)
    await service.update_tier(Actor.system(), str(ladder["Gold"].id), threshold=Decimal(600))
    frozen_clock.set(utc(2027, 1, 1))
    assert await service.apply_period_ends() == 1
    assert (await changes(member.id))[-1] == (
        "Silver",
        "Gold",
        "Qualified: 700 points in the period",
        utc(2027, 1, 1),
    )


async def test_a_closed_tier_is_kept_until_the_period_ends_and_reached_by_nobody(
    api, ladder, frozen_clock, till
):
    gold_member, newcomer = await api.sign_up(), await api.sign_up()
    await till.buy(gold_member.id, 1200)
    await service.update_tier(Actor.system(), str(ladder["Gold"].id), is_active=False)
    await till.buy(newcomer.id, 1200)
    assert (await tier_name(gold_member.id), await tier_name(newcomer.id)) == ("Gold", "Silver")
    assert await service.earn_multiplier(gold_member.id) == (Decimal("1.500"), "Gold")
    frozen_clock.set(utc(2027, 1, 1))
    await service.apply_period_ends()
    assert await tier_name(gold_member.id) == "Silver"


async def test_rolling_periods_start_on_the_day_of_moving_up_and_count_trailing_12_months(
    api, ladder, frozen_clock, till
):
    await configure(tier_period="rolling_12_months")
    member = await api.sign_up()
    # 500 points on 15 March 2026: Silver for 12 months from that day
    await till.buy(member.id, 500)
    assert await stored(member.id) == ("Silver", utc(2026, 3, 15), utc(2027, 3, 15))
    # 600 more on 1 September: the trailing 12 months hold 1,100, Gold from that day
    frozen_clock.set(utc(2026, 9, 1, 18))
    await till.buy(member.id, 600)
    assert await stored(member.id) == ("Gold", utc(2026, 9, 1), utc(2027, 9, 1))
    progress = await service.tier_progress(member.id)
    assert (progress.qualifying, progress.qualifying_since, progress.period_end) == (
        Decimal(1100),
        utc(2025, 9, 1),
        utc(2027, 9, 1),
    )
    # a year later the period held only the September purchase: back to Silver
    frozen_clock.set(utc(2027, 9, 1))
    assert await service.apply_period_ends() == 1
    assert await stored(member.id) == ("Silver", utc(2027, 9, 1), utc(2028, 9, 1))
    assert (await changes(member.id))[-1][2] == "Did not requalify: moved to Silver (600 points in the period)"


async def test_spend_counts_money_paid_less_refunds_to_the_cent(api, ladder, frozen_clock, till):
    await configure(qualifying_measure="spend")
    member = await api.sign_up()
    # 0.10 + 0.20 + 499.70 is 500.00 exactly, where floats would not agree
    await till.buy(member.id, 0, amount="0.10")
    await till.buy(member.id, 0, amount="0.20")
    assert await tier_name(member.id) == "Insider"
    last = await till.buy(member.id, 0, amount="499.70")
    assert await changes(member.id) == [
        ("Insider", "Silver", "Qualified: 500.00 USD this period", None)
    ]
    await till.refund(last, amount="0.05")
    progress = await service.tier_progress(member.id)
    assert (progress.qualifying, progress.needed, progress.percent) == (
        Decimal("499.95"),
        Decimal("500.05"),
        Decimal("49.9"),
    )
    frozen_clock.set(utc(2027, 1, 1))
    await service.apply_period_ends()
    assert (await changes(member.id))[-1][1:3] == (
        "Insider",
        "Did not requalify: moved to Insider (499.95 USD in the period)",
    )
