"""`me { offers }` takes the same statements whatever the number of offers, and a sale for
a member with an open offer adds a bounded few."""
from __future__ import annotations

from tests.offers.conftest import activate, buy, make_offer
from tests.scan.test_query_counts import counting_queries

ME = """{ me { offers { id title progress target activated completed endsAt } } }"""


async def _me_queries(api, member) -> tuple[int, int]:
    with counting_queries() as counter:
        offers = (await api.ok(ME, token=member.token))["me"]["offers"]
    return counter.count, len(offers)


async def test_me_offers_takes_the_same_statements_for_two_offers_as_for_eight(api, people, frozen_clock):
    admin, cashier, store, member = people
    now = frozen_clock.now()
    first = await make_offer(api, admin, now, title="A")
    await make_offer(api, admin, now, title="B", target="MEMBERS", memberIds=[member.id])
    await activate(api, member, first["id"])
    few = await _me_queries(api, member)
    # when six more offers of every segment kind exist, two of them activated
    for n, extra in enumerate(
        [{"segmentSpendDays": 30, "segmentMinSpend": "1.00"}, {"segmentInactiveDays": 30}, {}, {"goal": "SPEND", "goalTarget": "5.00"}, {}, {}]
    ):
        offer = await make_offer(api, admin, now, title=f"More {n}", **extra)
        if n >= 4:
            await activate(api, member, offer["id"])
    many = await _me_queries(api, member)
    # then the member sees the ones for them (not the spend and inactivity segments: they
    # bought nothing and joined today) with as many statements: the member, the offers, targeting
    assert (few[1], many[1]) == (2, 6)
    assert many[0] == few[0]


async def test_a_sale_for_a_member_with_an_open_offer_adds_a_bounded_few_statements(api, people, frozen_clock):
    admin, cashier, store, member = people
    with counting_queries() as plain:
        await buy(api, cashier, member.id, store, "5.00")
    offer = await make_offer(api, admin, frozen_clock.now(), goalTarget="100")
    await activate(api, member, offer["id"])
    with counting_queries() as counting:
        await buy(api, cashier, member.id, store, "5.00")
    # read the open offers, update the activation, insert its progress row
    assert counting.count - plain.count == 3
