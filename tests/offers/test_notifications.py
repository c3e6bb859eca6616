"""Members hear of offers: `offer_available` once to each member an offer is for (when it
is made, and by `wallet run-jobs` for offers that start later and members who entered the
segment since), never to those who muted it; and a word when they complete one."""
from __future__ import annotations

from datetime import timedelta

from tests.notifications.conftest import stored
from tests.offers.conftest import activate, buy, make_offer
from wallet.jobs import run_jobs

MUTE = """mutation($input: MuteNotificationKindsInput!) { muteNotificationKinds(input: $input) {
  __typename ... on Error { code message } } }"""


async def _offer_notices(member) -> list[tuple[str, str]]:
    return [(title, data.get("offerId")) for kind, title, _, data in await stored(member.id) if kind == "offer_available"]


async def test_an_offer_is_announced_once_to_its_segment_and_not_to_members_who_muted_it(api, people, frozen_clock):
    admin, cashier, store, big = people
    muted, other = await api.sign_up(), await api.sign_up()
    # given two members who spent 60.00 this month, one of whom muted offers, and one who did not buy
    await buy(api, cashier, big.id, store, "60.00")
    await buy(api, cashier, muted.id, store, "60.00")
    await api.ok(MUTE, {"input": {"kinds": ["OFFER_AVAILABLE"]}}, muted.token)
    # when an admin makes an offer for members who spent 50.00 in the last 30 days
    offer = await make_offer(api, admin, frozen_clock.now(), title="Big spenders", segmentSpendDays=30, segmentMinSpend="50.00")
    # then only the spender who did not mute offers is told, once
    assert await _offer_notices(big) == [("New offer: Big spenders", offer["id"])]
    assert (await _offer_notices(muted), await _offer_notices(other)) == ([], [])
    # and the jobs tell nobody twice
    assert (await run_jobs(frozen_clock.now()))["offers_announced"] == 0
    assert len(await _offer_notices(big)) == 1
    # when the other member spends enough to enter the segment, the next jobs run tells them
    await buy(api, cashier, other.id, store, "75.00")
    assert (await run_jobs(frozen_clock.now()))["offers_announced"] == 1
    assert await _offer_notices(other) == [("New offer: Big spenders", offer["id"])]


async def test_an_offer_that_starts_later_is_announced_when_it_starts(api, people, frozen_clock):
    admin, _, _, member = people
    now = frozen_clock.now()
    # given an offer for a listed member that starts in two days
    offer = await make_offer(
        api, admin, now, title="Weekend treat", target="MEMBERS", memberIds=[member.id],
        startsAt=(now + timedelta(days=2)).isoformat(), endsAt=(now + timedelta(days=9)).isoformat(),
    )
    # then nobody is told before it starts, even when the jobs run
    assert (await run_jobs(frozen_clock.now()))["offers_announced"] == 0
    assert await _offer_notices(member) == []
    # when it has started, the jobs tell the member
    frozen_clock.advance(timedelta(days=2, minutes=1))
    assert (await run_jobs(frozen_clock.now()))["offers_announced"] == 1
    assert await _offer_notices(member) == [("New offer: Weekend treat", offer["id"])]


async def test_completing_an_offer_tells_the_member_of_its_reward(api, people, frozen_clock):
    admin, cashier, store, member = people
    # given a one-visit offer the member took up
    offer = await make_offer(api, admin, frozen_clock.now(), title="First coffee", goalTarget="1", rewardPoints=40)
    assert (await activate(api, member, offer["id"]))["__typename"] == "ActivateOfferSuccess"
    # when they buy
    await buy(api, cashier, member.id, store, "5.00")
    # then they are told the offer is done and what it gave
    done = [(title, body, data) for kind, title, body, data in await stored(member.id) if title.startswith("Offer completed")]
    assert done == [("Offer completed: First coffee", "40 points added to your balance.", {"offerId": offer["id"], "points": 40})]
