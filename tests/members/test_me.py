"""What a member sees of themselves: balances and paged activity, at a constant query cost."""
from __future__ import annotations

import logging

import pytest

from tests.conftest import new_key
from tests.ledger.test_purchases import record

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
