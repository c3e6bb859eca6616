"""The hot paths leave no reference cycles behind: each request's objects are freed the moment
it ends, and a busy server does not spend its time in the garbage collector's passes (under
load, graphql-core's executor and a DataLoader bound to the request's loaders each held
their request in a cycle; collections took a third of a `me` request's CPU)."""
from __future__ import annotations

import collections
import gc
from contextlib import contextmanager
from datetime import timedelta

from tests.rewards.conftest import give_points, make_reward, redeem
from tests.scan.conftest import code_of, purchase, scan, till  # noqa: F401 - the fixture

ME = """{ me { points { available pending } tierProgress { current { name } next { name } qualifying needed percent }
  activity(first: 20) { edges { cursor node { id kind amount reason reference createdAt } } } } }"""


@contextmanager
def cyclic_garbage():
    """The objects the code inside made and left for the collector (unreachable, kept in
    cycles). Not those made before that it let go: a cache dropping an entry another test's
    schema made is not a request leaving garbage."""
    gc.collect()
    gc.disable()
    existing = {id(o) for o in gc.get_objects()}
    gc.set_debug(gc.DEBUG_SAVEALL)
    left: list = []
    try:
        yield left
        gc.collect()
        left.extend(o for o in gc.garbage if id(o) not in existing)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def of_the_server(garbage: list) -> collections.Counter:
    """The kinds of garbage objects, but for those the test's HTTP client (httpx, whose
    response and stream refer to each other) holds."""
    by_id = {id(o): o for o in garbage}
    client = [o for o in garbage if type(o).__module__.startswith("httpx")]
    reached = {id(o) for o in client}
    while client:
        for referent in gc.get_referents(client.pop()):
            if id(referent) in by_id and id(referent) not in reached:
                reached.add(id(referent))
                client.append(referent)
    return collections.Counter(
        f"{type(o).__module__}.{type(o).__qualname__}" for o in garbage if id(o) not in reached
    )


async def test_the_wallet_and_the_till_leave_nothing_for_the_garbage_collector(api, till, frozen_clock):
    await give_points(api, till.member, 1000)
    reward = await make_reward(cost_points=10)

    async def serve_and_shop() -> None:
        frozen_clock.advance(timedelta(seconds=61))
        code = (await code_of(api, till.member))["payload"]
        assert (await scan(api, till.cashier, code, till.store))["__typename"] == "ScanMemberSuccess"
        result = await purchase(api, till.cashier, till.store, "12.00", scanCode=code)
        assert result["__typename"] == "RecordPurchaseSuccess"
        assert (await redeem(api, till.member, reward.id))["__typename"] == "RedeemRewardSuccess"
        assert (await api.ok(ME, token=till.member.token))["me"]["activity"]["edges"]

    await serve_and_shop()  # the first time fills the caches (each document is validated once)
    with cyclic_garbage() as left:
        for _ in range(3):
            await serve_and_shop()

    assert of_the_server(left) == {}
