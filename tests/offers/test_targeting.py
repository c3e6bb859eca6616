"""Who an offer is for: segments (tier, plan, recent spend, inactivity) and member lists,
evaluated in SQL; a member it is not for neither sees nor activates it."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.conftest import new_key
from tests.offers.conftest import ACTIVATE, activate, buy, make_offer, my_offers
from wallet.actors import Actor
from wallet.offers.models import OfferActivation
from wallet.tiers import service as tiers

AUDIENCE = "{ offers { title audienceSize activations completions } }"


async def _sees(api, member) -> list[str]:
    return sorted(o["title"] for o in await my_offers(api, member))


async def _refused(api, member, offer_id) -> dict:
    result = (await api.ok(ACTIVATE, {"input": {"offerId": offer_id, "idempotencyKey": new_key()}}, member.token))["activateOffer"]
    return {"typename": result["__typename"], "code": result.get("code")}


async def test_a_tier_segment_is_for_holders_of_that_tier_only(api, people, frozen_clock):
    admin, cashier, store, member = people
    # given Bronze (entry) and Gold from 100 points; the member reaches Gold, another does not
    await tiers.create_tier(Actor.system(), name="Bronze", rank=0, threshold=Decimal(0), earn_multiplier=Decimal(1))
    gold = await tiers.create_tier(Actor.system(), name="Gold", rank=1, threshold=Decimal(100), earn_multiplier=Decimal(1))
    await buy(api, cashier, member.id, store, "100.00")
    other = await api.sign_up()
    gold_offer = await make_offer(api, admin, frozen_clock.now(), title="Gold only", segmentTierId=str(gold.id))
    # then the Gold member sees it, the other does not and cannot activate it
    assert await _sees(api, member) == ["Gold only"]
    assert await _sees(api, other) == []
    assert await _refused(api, other, gold_offer["id"]) == {"typename": "NotTargetedError", "code": "NOT_TARGETED"}
    assert not await OfferActivation.exists(member_id=other.id)
    assert (await activate(api, member, gold_offer["id"]))["__typename"] == "ActivateOfferSuccess"


async def test_an_entry_tier_segment_includes_members_with_no_stored_tier(api, people, frozen_clock):
    admin, cashier, store, member = people
    bronze = await tiers.create_tier(Actor.system(), name="Bronze", rank=0, threshold=Decimal(0), earn_multiplier=Decimal(1))
    await tiers.create_tier(Actor.system(), name="Gold", rank=1, threshold=Decimal(100), earn_multiplier=Decimal(1))
    await buy(api, cashier, member.id, store, "100.00")
    newcomer = await api.sign_up()
    await make_offer(api, admin, frozen_clock.now(), title="Bronze boost", segmentTierId=str(bronze.id))
    assert await _sees(api, newcomer) == ["Bronze boost"]
    assert await _sees(api, member) == []


async def test_a_plan_segment_is_for_live_members_of_that_plan(api, people, frozen_clock):
    from tests.memberships.conftest import join, make_plan

    admin, cashier, store, member = people
    plus = await make_plan(bonus_points=0)
    await join(api, member, plus.id)
    other = await api.sign_up()
    offer = await make_offer(api, admin, frozen_clock.now(), title="Plus perk", segmentPlanId=str(plus.id))
    assert await _sees(api, member) == ["Plus perk"]
    assert await _sees(api, other) == []
    assert await _refused(api, other, offer["id"]) == {"typename": "NotTargetedError", "code": "NOT_TARGETED"}


async def test_a_spend_segment_counts_purchases_less_refunds_in_the_last_days(api, people, frozen_clock):
    from tests.offers.conftest import refund

    admin, cashier, store, member = people
    big, old, refunded = member, await api.sign_up(), await api.sign_up()
    # given: 60.00 within 30 days; 80.00 forty days ago; 60.00 of which 20.00 refunded
    frozen_clock.advance(timedelta(days=-40))
    await buy(api, cashier, old.id, store, "80.00")
    frozen_clock.advance(timedelta(days=40))
    await buy(api, cashier, big.id, store, "30.00")
    await buy(api, cashier, big.id, store, "30.00")
    await buy(api, cashier, refunded.id, store, "60.00", reference="R-SEG")
    await refund(api, cashier, "R-SEG", "20.00")
    await make_offer(api, admin, frozen_clock.now(), title="Big spenders", segmentSpendDays=30, segmentMinSpend="50.00")
    # then only the member who spent 60.00 in the last 30 days is in it
    assert (await _sees(api, big), await _sees(api, old), await _sees(api, refunded)) == (["Big spenders"], [], [])
    # and the admin's audience size says the same, computed in SQL over all members
    assert (await api.ok(AUDIENCE, token=admin.token))["offers"] == [
        {"title": "Big spenders", "audienceSize": 1, "activations": 0, "completions": 0}
    ]


async def test_an_inactivity_segment_is_for_members_without_recent_purchases(api, people, frozen_clock):
    admin, cashier, store, member = people
    # given the member and a lapsed one joined 60 days ago; the lapsed one bought 45 days ago,
    # the member bought yesterday; a newcomer joined today
    frozen_clock.advance(timedelta(days=-60))
    active, lapsed = member, await api.sign_up()
    frozen_clock.advance(timedelta(days=15))
    await buy(api, cashier, lapsed.id, store, "10.00")
    frozen_clock.advance(timedelta(days=44))
    await buy(api, cashier, active.id, store, "10.00")
    frozen_clock.advance(timedelta(days=1))
    newcomer = await api.sign_up()
    await make_offer(api, admin, frozen_clock.now(), title="We miss you", segmentInactiveDays=30)
    assert (await _sees(api, lapsed), await _sees(api, active), await _sees(api, newcomer)) == (["We miss you"], [], [])


async def test_a_listed_offer_is_for_the_listed_members_only(api, people, frozen_clock):
    admin, cashier, store, member = people
    other = await api.sign_up()
    offer = await make_offer(api, admin, frozen_clock.now(), title="Just for you", target="MEMBERS", memberIds=[member.id])
    everyone = await make_offer(api, admin, frozen_clock.now(), title="Everyone")
    assert await _sees(api, member) == ["Everyone", "Just for you"]
    assert await _sees(api, other) == ["Everyone"]
    assert await _refused(api, other, offer["id"]) == {"typename": "NotTargetedError", "code": "NOT_TARGETED"}
    assert (await activate(api, other, everyone["id"]))["__typename"] == "ActivateOfferSuccess"
    # an activation is kept once made
    again = await activate(api, other, everyone["id"])
    assert (again["alreadyActivated"], await OfferActivation.filter(member_id=other.id).count()) == (True, 1)


async def test_an_offer_stays_with_a_member_who_activated_it_after_leaving_the_segment(api, people, frozen_clock):
    admin, cashier, store, member = people
    frozen_clock.advance(timedelta(days=-60))
    lapsed = await api.sign_up()
    frozen_clock.advance(timedelta(days=60))
    offer = await make_offer(api, admin, frozen_clock.now(), title="Come back", segmentInactiveDays=30, goalTarget="2")
    await activate(api, lapsed, offer["id"])
    # when their first purchase takes them out of the segment
    await buy(api, cashier, lapsed.id, store, "10.00")
    # then they still see it with its progress
    [seen] = await my_offers(api, lapsed)
    assert (seen["title"], seen["progress"]) == ("Come back", "1")


async def test_offers_not_valid_now_are_neither_shown_nor_activated(api, people, frozen_clock):
    admin, cashier, store, member = people
    now = frozen_clock.now()
    later = await make_offer(api, admin, now, title="Later", startsAt=(now + timedelta(days=1)).isoformat(), endsAt=(now + timedelta(days=9)).isoformat())
    off = await make_offer(api, admin, now, title="Off")
    await api.ok('mutation($id: ID!) { setOfferActive(id: $id, isActive: false) { __typename } }', {"id": off["id"]}, admin.token)
    assert await _sees(api, member) == []
    assert await _refused(api, member, later["id"]) == {"typename": "NotAvailableError", "code": "NOT_AVAILABLE"}
    assert await _refused(api, member, off["id"]) == {"typename": "NotAvailableError", "code": "NOT_AVAILABLE"}
    assert await _refused(api, member, "00000000-0000-0000-0000-000000000000") == {"typename": "NotFoundError", "code": "NOT_FOUND"}
    assert not await OfferActivation.exists(member_id=member.id)


async def test_a_deactivated_offer_stops_counting_and_counts_again_when_switched_back_on(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Toggle", goalTarget="2")
    await activate(api, member, offer["id"])
    toggle = 'mutation($id: ID!, $on: Boolean!) { setOfferActive(id: $id, isActive: $on) { __typename } }'
    await api.ok(toggle, {"id": offer["id"], "on": False}, admin.token)
    await buy(api, cashier, member.id, store, "5.00")
    await buy(api, cashier, member.id, store, "5.00")
    await api.ok(toggle, {"id": offer["id"], "on": True}, admin.token)
    assert (await my_offers(api, member))[0]["progress"] == "0"
    await buy(api, cashier, member.id, store, "5.00")
    done = await buy(api, cashier, member.id, store, "5.00")
    assert [c["title"] for c in done["completedOffers"]] == ["Toggle"]
