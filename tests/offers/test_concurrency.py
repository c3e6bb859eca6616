"""Exactly once: retries replay, and concurrent sales complete an offer once (PostgreSQL,
where sales really run side by side; SQLite runs one write at a time)."""
from __future__ import annotations

import asyncio

from tests.conftest import new_key
from tests.offers.conftest import activate, buy, make_offer, my_offers, offer_entries
from wallet.offers.models import OfferCompletion


async def test_a_retried_completing_sale_rewards_once(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="One visit", goalTarget="1", rewardPoints=25)
    await activate(api, member, offer["id"])
    key = new_key()
    first = await buy(api, cashier, member.id, store, "5.00", key=key, reference="R-ONCE")
    retry = await buy(api, cashier, member.id, store, "5.00", key=key, reference="R-ONCE")
    assert (first["replayed"], retry["replayed"]) == (False, True)
    assert retry["completedOffers"] == first["completedOffers"] == [{"offerId": offer["id"], "title": "One visit", "points": 25}]
    assert await offer_entries(member.id) == [("bonus", 25, "Offer completed: One visit")]


async def test_concurrent_sales_complete_an_offer_once(api, people, frozen_clock, postgres_only):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Two visits", goalTarget="2", rewardPoints=50)
    await activate(api, member, offer["id"])
    # when eight sales of the member arrive at once, each also retried at once with its key
    keys = [new_key() for _ in range(8)]
    results = await asyncio.gather(
        *(buy(api, cashier, member.id, store, "3.00", key=keys[n % 8], reference=f"R-C{n % 8}") for n in range(16))
    )
    # then one of the eight completed it: one reward, one completion, progress consistent
    completing = {r["purchaseId"] for r in results if r["completedOffers"]}
    assert len(completing) == 1
    assert await offer_entries(member.id) == [("bonus", 50, "Offer completed: Two visits")]
    assert await OfferCompletion.all().count() == 1
    [seen] = await my_offers(api, member)
    assert (seen["completed"], seen["completions"]) == (True, 1)
    # and the balance is eight sales of 3 points plus one reward
    from wallet.ledger.models import PointsAccount

    assert (await PointsAccount.get(member_id=member.id)).available == 8 * 3 + 50


async def test_concurrent_activation_and_sales_keep_progress_consistent(api, people, frozen_clock, postgres_only):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now(), title="Five", goalTarget="5", rewardPoints=10)
    # when the member activates while six sales run
    outcomes = await asyncio.gather(
        activate(api, member, offer["id"]),
        *(buy(api, cashier, member.id, store, "2.00") for _ in range(6)),
    )
    assert outcomes[0]["__typename"] == "ActivateOfferSuccess"
    # then progress counts exactly the sales that ran after the activation, once each
    from wallet.offers.models import OfferActivation, OfferProgress

    activation = await OfferActivation.get(member_id=member.id)
    counted = await OfferProgress.filter(activation_id=activation.id).count()
    completions = await OfferCompletion.filter(activation_id=activation.id).count()
    assert (completions, int(activation.progress)) == ((1, 0) if counted >= 5 else (0, counted))
