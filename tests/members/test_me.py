"""What a member sees of themselves: balances and paged activity, at a constant query cost."""
from __future__ import annotations

import logging

import pytest

from tests.conftest import new_key
from tests.ledger.test_purchases import record
from tests.rewards.conftest import give_points, make_reward, redeem

ME = """query($first: Int, $after: String) { me { id name cardNumber points { available pending lifetime }
  activity(first: $first, after: $after) {
    edges { cursor node { id kind amount reason reference createdAt } }
    pageInfo { hasNextPage endCursor } } } }"""


async def _member_with_purchases(api, count):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    for n in range(count):
        await record(api, cashier, member.id, store, f"{n + 1}.00", reference=f"R-{new_key()[:8]}-{n}")
    return member


async def test_activity_is_paged_newest_first(api):
    member = await _member_with_purchases(api, 5)
    first = (await api.ok(ME, {"first": 2}, member.token))["me"]
    assert [e["node"]["amount"] for e in first["activity"]["edges"]] == [5, 4]
    assert first["activity"]["pageInfo"]["hasNextPage"] is True
    second = (
        await api.ok(ME, {"first": 2, "after": first["activity"]["pageInfo"]["endCursor"]}, member.token)
    )["me"]
    assert [e["node"]["amount"] for e in second["activity"]["edges"]] == [3, 2]
    last = (
        await api.ok(ME, {"first": 2, "after": second["activity"]["pageInfo"]["endCursor"]}, member.token)
    )["me"]
    assert [e["node"]["amount"] for e in last["activity"]["edges"]] == [1]
    assert last["activity"]["pageInfo"] == {"hasNextPage": False, "endCursor": last["activity"]["edges"][0]["cursor"]}
    assert first["points"] == {"available": 15, "pending": 0, "lifetime": 15}
    assert first["activity"]["edges"][0]["node"]["kind"] == "EARN"
    assert first["activity"]["edges"][0]["node"]["createdAt"].endswith("+00:00")


@pytest.mark.parametrize("variables", [{"first": 0}, {"first": 101}, {"after": "not-a-cursor"}])
async def test_bad_paging_arguments_are_invalid_input(api, variables):
    member = await api.sign_up()
    assert await api.error_code(ME, variables, member.token) == "INVALID_INPUT"


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _queries_for_me(api, member) -> int:
    counter = _QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        await api.ok(ME, {"first": 20}, member.token)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    return counter.count


async def test_me_takes_the_same_number_of_queries_whatever_the_history(api):
    short = await _member_with_purchases(api, 1)
    long = await _member_with_purchases(api, 25)
    short_count = await _queries_for_me(api, short)
    long_count = await _queries_for_me(api, long)
    assert short_count == long_count
    # the viewer, the points account and one page of activity
    assert 1 <= long_count <= 3


# The member's tier is asked twice (their own, and through their voucher) and the field beside
# the second fails: graphql-core used to cancel that second field while the first still waited
# on the same DataLoader answer (CancelledError out of the request), and on PostgreSQL a field
# cancelled halfway through a statement broke the request's connection.
FAILING_BESIDE_A_SHARED_LOAD = """{ me { tier { name } vouchers(first: 5) {
  member { tier { name } notifications(first: 0) { edges { cursor } } } } } }"""


async def test_a_field_failing_beside_a_shared_read_answers_with_its_error(api):
    member = await api.sign_up()
    await give_points(api, member, 500)
    reward = await make_reward()
    assert (await redeem(api, member, reward.id))["__typename"] == "RedeemRewardSuccess"

    body = await api.raw(FAILING_BESIDE_A_SHARED_LOAD, token=member.token)

    assert [(e["extensions"]["code"], e["path"]) for e in body["errors"]] == [
        ("INVALID_INPUT", ["me", "vouchers", 0, "member", "notifications"])
    ], body
    assert (await api.ok("{ me { tier { name } } }", token=member.token))["me"]  # the connection still works
