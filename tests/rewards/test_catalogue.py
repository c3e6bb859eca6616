"""The catalogue: rewards on offer, cheapest first, paged; for a member each says whether
it is affordable and unlocked, at a constant number of queries per page."""
from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from tests.rewards.conftest import give_points, give_tier, make_reward
from wallet import clock

CATALOGUE = """query($first: Int, $after: String, $filter: RewardFilter) {
  rewards(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name kind costPoints minTierRank stock affordable unlocked } }
    pageInfo { hasNextPage endCursor } } }"""

REWARD = """query($id: ID!) { reward(id: $id) { id name isActive } }"""


def names(page):
    return [edge["node"]["name"] for edge in page["edges"]]


async def test_the_catalogue_shows_rewards_on_offer_cheapest_first_in_pages(api, frozen_clock):
    now = clock.now()
    for cost in (500, 100, 300, 200, 400):
        await make_reward(name=f"R{cost}", cost_points=cost)
    await make_reward(name="R150 twin", cost_points=150)
    await make_reward(name="R150", cost_points=150)
    # not on offer: withdrawn, not yet, ended, an experience already past
    await make_reward(name="withdrawn", cost_points=1, is_active=False)
    await make_reward(name="later", cost_points=1, available_from=now + timedelta(days=1))
    await make_reward(name="over", cost_points=1, available_from=now - timedelta(days=9),
                      available_until=now)
    past = await make_reward(name="party", kind="experience", cost_points=1, stock=5,
                             experience_at=now + timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    seen, after = [], None
    while True:
        page = (await api.ok(CATALOGUE, {"first": 3, "after": after}))["rewards"]
        seen.append(names(page))
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    costs = [int(name[1:4]) for page in seen for name in page]
    assert costs == [100, 150, 150, 200, 300, 400, 500]
    assert [len(page) for page in seen] == [3, 3, 1]
    assert past.name not in sum(seen, [])
    # the two rewards of the same cost keep one order across pages (by id), none twice
    assert len(set(sum(seen, []))) == 7


async def test_a_member_sees_what_is_affordable_and_unlocked(api, frozen_clock):
    member = await api.sign_up()
    await give_points(api, member, 300)
    await give_tier(member.id, 1)
    await make_reward(name="cheap", cost_points=100)
    await make_reward(name="exact", cost_points=300, min_tier_rank=1)
    await make_reward(name="dear", cost_points=301, min_tier_rank=0)
    await make_reward(name="gated", cost_points=50, min_tier_rank=2)
    page = (await api.ok(CATALOGUE, {"first": 10}, member.token))["rewards"]
    seen = {e["node"]["name"]: (e["node"]["affordable"], e["node"]["unlocked"]) for e in page["edges"]}
    assert seen == {
        "gated": (True, False),
        "cheap": (True, True),
        "exact": (True, True),
        "dear": (False, True),
    }


@pytest.mark.parametrize(
    "filter,expected",
    [
        ({"affordable": True}, ["gated", "cheap"]),
        ({"affordable": False}, ["dear"]),
        ({"unlocked": True}, ["cheap", "dear"]),
        ({"unlocked": False}, ["gated"]),
        ({"affordable": True, "unlocked": True}, ["cheap"]),
        ({"kind": "DONATION"}, ["dear"]),
        ({"search": "CHEAP"}, ["cheap"]),
        ({"search": "lounge"}, ["gated"]),
        ({"search": "%"}, []),
    ],
)
async def test_the_catalogue_filters(api, frozen_clock, filter, expected):
    # given a member with 200 points and no tier (counted as the entry tier, rank 0)
    member = await api.sign_up()
    await give_points(api, member, 200)
    await make_reward(name="cheap", cost_points=100, min_tier_rank=0)
    await make_reward(name="dear", kind="donation", charity_name="Trees", cost_points=300)
    await make_reward(name="gated", cost_points=50, min_tier_rank=1, description="Lounge access")
    page = (await api.ok(CATALOGUE, {"first": 10, "filter": filter}, member.token))["rewards"]
    assert names(page) == expected


async def test_anonymous_and_staff_callers_see_no_affordability(api, frozen_clock):
    await make_reward(name="cheap", cost_points=1)
    cashier = await api.staff("cashier")
    for token in (None, cashier.token):
        page = (await api.ok(CATALOGUE, {"first": 5}, token))["rewards"]
        assert [(e["node"]["affordable"], e["node"]["unlocked"]) for e in page["edges"]] == [(None, None)]
        # and they cannot filter on what they do not have
        body = await api.raw(CATALOGUE, {"filter": {"affordable": True}}, token)
        assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "filter"}


async def test_a_bad_token_is_refused_not_treated_as_anonymous(api):
    assert await api.error_code(CATALOGUE, {}, "not-a-token") == "UNAUTHENTICATED"


@pytest.mark.parametrize("variables", [{"first": 0}, {"first": 101}, {"after": "bm9wZQ"}, {"after": "%%%"}])
async def test_bad_paging_arguments_are_invalid_input(api, variables):
    assert await api.error_code(CATALOGUE, variables) == "INVALID_INPUT"


async def test_admins_can_look_up_a_withdrawn_reward_others_cannot(api, frozen_clock):
    withdrawn = await make_reward(name="gone", is_active=False)
    admin, member = await api.staff("admin"), await api.sign_up()
    assert (await api.ok(REWARD, {"id": str(withdrawn.id)}, admin.token))["reward"]["name"] == "gone"
    assert (await api.ok(REWARD, {"id": str(withdrawn.id)}, member.token))["reward"] is None
    assert (await api.ok(REWARD, {"id": "nope"}))["reward"] is None


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _queries(api, query, variables, token) -> int:
    counter = _QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        await api.ok(query, variables, token)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    return counter.count


async def test_a_page_of_the_catalogue_costs_the_same_queries_whatever_its_size(api, frozen_clock):
    member = await api.sign_up()
    await give_points(api, member, 500)
    await give_tier(member.id, 1)
    for n in range(3):
        await make_reward(name=f"small {n}", cost_points=100 + n, min_tier_rank=1)
    small = await _queries(api, CATALOGUE, {"first": 3}, member.token)
    for n in range(20):
        await make_reward(name=f"more {n}", cost_points=10 + n, min_tier_rank=n % 3)
    large = await _queries(api, CATALOGUE, {"first": 20}, member.token)
    assert small == large
    # the viewer, the page, the points account, the tier rank and the membership benefit
    assert large == 5
