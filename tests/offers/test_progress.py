"""A member activates an offer; purchases then count toward it; completing it rewards once."""
from __future__ import annotations

from datetime import timedelta

from tests.offers.conftest import activate, buy, make_offer, my_offers, offer_entries, refund


async def test_a_visits_offer_counts_only_after_activation_and_rewards_once(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Three visits", rewardPoints=150, goalTarget="3")
    # given the member sees the offer, not yet activated
    [seen] = await my_offers(api, member)
    assert (seen["id"], seen["activated"], seen["progress"], seen["target"]) == (offer["id"], False, "0", "3")
    # when they buy before activating
    await buy(api, cashier, member.id, store, "10.00")
    # then nothing counts
    assert (await my_offers(api, member))[0]["progress"] == "0"
    # when they activate and buy twice
    activated = await activate(api, member, offer["id"])
    assert (activated["__typename"], activated["alreadyActivated"], activated["offer"]["activated"]) == ("ActivateOfferSuccess", False, True)
    await buy(api, cashier, member.id, store, "10.00")
    second = await buy(api, cashier, member.id, store, "10.00")
    # then progress shows 2 of 3 and no reward yet
    [seen] = await my_offers(api, member)
    assert (seen["progress"], seen["percent"], seen["completed"], second["completedOffers"]) == ("2", 66.6, False, [])
    # when the third purchase completes it
    third = await buy(api, cashier, member.id, store, "10.00")
    # then the reward is credited with that sale, once, as a bonus entry naming the offer
    assert third["completedOffers"] == [{"offerId": offer["id"], "title": "Three visits", "points": 150}]
    assert third["pointsEarned"] == 10
    assert third["member"]["points"]["available"] == 40 + 150
    assert await offer_entries(member.id) == [("bonus", 150, "Offer completed: Three visits")]
    [seen] = await my_offers(api, member)
    assert (seen["completed"], seen["completions"], seen["percent"]) == (True, 1, 100.0)
    # and later purchases give nothing more
    fourth = await buy(api, cashier, member.id, store, "10.00")
    assert fourth["completedOffers"] == []
    assert await offer_entries(member.id) == [("bonus", 150, "Offer completed: Three visits")]


async def test_max_completions_caps_the_rewards_and_progress_restarts_between(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Twice", rewardPoints=20, goalTarget="2", maxCompletions=2)
    await activate(api, member, offer["id"])
    # when the member makes five purchases
    completed = [len((await buy(api, cashier, member.id, store, "1.00"))["completedOffers"]) for _ in range(5)]
    # then the 2nd and 4th complete it, and the cap stops the rest
    assert completed == [0, 1, 0, 1, 0]
    assert await offer_entries(member.id) == [("bonus", 20, "Offer completed: Twice")] * 2
    [seen] = await my_offers(api, member)
    assert (seen["completions"], seen["maxCompletions"], seen["completed"], seen["progress"]) == (2, 2, True, "0")


async def test_a_category_spend_goal_counts_matching_lines_and_refunds_reduce_it(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(
        api, admin, frozen_clock.now(), title="Coffee", goal="SPEND", goalTarget="20.00", goalCategory="coffee", rewardPoints=100
    )
    await activate(api, member, offer["id"])
    lines = [
        {"sku": "LATTE", "category": "coffee", "quantity": 2, "amount": "8.00"},
        {"sku": "CAKE", "category": "bakery", "quantity": 1, "amount": "12.00"},
    ]
    # when the member buys 8.00 of coffee in a 20.00 sale
    sale = await buy(api, cashier, member.id, store, "20.00", lines=lines, reference="R-COFFEE-1")
    # then only the coffee counts
    assert (await my_offers(api, member))[0]["progress"] == "8.00"
    assert sale["completedOffers"] == []
    # when half the sale is refunded
    await refund(api, cashier, "R-COFFEE-1", "10.00")
    # then the coffee spend counts for half (refunds carry no lines)
    assert (await my_offers(api, member))[0]["progress"] == "4.00"
    # and a later 16.00 of coffee completes it
    done = await buy(api, cashier, member.id, store, "16.00", lines=[{"sku": "BEANS", "category": "coffee", "amount": "16.00"}])
    assert [c["points"] for c in done["completedOffers"]] == [100]


async def test_a_refund_after_completion_keeps_the_reward(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Spend 50", goal="SPEND", goalTarget="50.00", rewardPoints=30)
    await activate(api, member, offer["id"])
    await buy(api, cashier, member.id, store, "60.00", reference="R-BIG")
    # when the completing purchase is refunded in full
    await refund(api, cashier, "R-BIG", "60.00")
    # then the reward stays and the offer stays completed
    assert await offer_entries(member.id) == [("bonus", 30, "Offer completed: Spend 50")]
    [seen] = await my_offers(api, member)
    assert (seen["completed"], seen["progress"]) == (True, "0.00")


async def test_a_full_refund_takes_a_visit_back_before_completion(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), goalTarget="2")
    await activate(api, member, offer["id"])
    await buy(api, cashier, member.id, store, "10.00", reference="R-V1")
    await refund(api, cashier, "R-V1", "4.00")
    # a partly refunded purchase is still a visit
    assert (await my_offers(api, member))[0]["progress"] == "1"
    await refund(api, cashier, "R-V1", "6.00")
    # a fully refunded one is not
    assert (await my_offers(api, member))[0]["progress"] == "0"
    second = await buy(api, cashier, member.id, store, "10.00")
    assert second["completedOffers"] == []


async def test_sku_purchases_count_sales_with_that_sku(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Two bagels", goal="SKU_PURCHASES", goalTarget="2", goalSku="BAGEL", rewardPoints=40)
    await activate(api, member, offer["id"])
    bagel = [{"sku": "BAGEL", "category": "bakery", "quantity": 3, "amount": "6.00"}]
    other = [{"sku": "TEA", "category": "drinks", "amount": "6.00"}]
    first = await buy(api, cashier, member.id, store, "6.00", lines=bagel)
    await buy(api, cashier, member.id, store, "6.00", lines=other)
    await buy(api, cashier, member.id, store, "6.00")
    assert first["completedOffers"] == []
    assert (await my_offers(api, member))[0]["progress"] == "1"
    second = await buy(api, cashier, member.id, store, "6.00", lines=bagel)
    assert [c["points"] for c in second["completedOffers"]] == [40]


async def test_purchases_after_the_window_or_the_goal_period_do_not_count(api, people, frozen_clock):
    admin, cashier, store, member = people
    now = frozen_clock.now()
    short = await make_offer(api, admin, now, title="Week", goalTarget="2", startsAt=(now - timedelta(days=1)).isoformat(), endsAt=(now + timedelta(days=7)).isoformat())
    period = await make_offer(api, admin, now, title="Two days", goalTarget="2", goalPeriodDays=2)
    await activate(api, member, short["id"])
    await activate(api, member, period["id"])
    seen = {o["title"]: o["endsAt"] for o in await my_offers(api, member)}
    assert seen["Two days"] == (now + timedelta(days=2)).isoformat()
    await buy(api, cashier, member.id, store, "5.00")
    # when the member's two days pass, a purchase counts for the week offer only
    frozen_clock.advance(timedelta(days=3))
    third_day = await buy(api, cashier, member.id, store, "5.00")
    assert [c["title"] for c in third_day["completedOffers"]] == ["Week"]
    # and after the offer ends, it is gone from the member's offers and nothing counts
    frozen_clock.advance(timedelta(days=10))
    # (the two-day offer is still valid, so it shows, its period over)
    assert [o["title"] for o in await my_offers(api, member)] == ["Two days"]
    late = await buy(api, cashier, member.id, store, "5.00")
    assert late["completedOffers"] == []
    assert [e[2] for e in await offer_entries(member.id)] == ["Offer completed: Week"]
