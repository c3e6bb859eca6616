"""The request's DataLoaders (wallet.graphql.dataloaders)."""
from __future__ import annotations

import asyncio

from tests.rewards.conftest import give_points, make_reward, redeem
from wallet.graphql.dataloaders import Loader


async def test_a_field_cancelled_while_waiting_does_not_cancel_the_answer_for_the_others():
    released = asyncio.Event()

    async def names(keys: list[str]) -> list[str]:
        await released.wait()
        return [key.upper() for key in keys]

    loader = Loader(load_fn=names)
    first = asyncio.ensure_future(loader.load("ada"))
    second = asyncio.ensure_future(loader.load("ada"))
    await asyncio.sleep(0)  # both wait on the one batch
    first.cancel()
    released.set()
    assert await second == "ADA"
    assert first.cancelled()
    assert await loader.load("ada") == "ADA"  # and the answer is still cached


# The member's tier is asked twice (their own, and through their voucher); the field beside
# the second fails, so graphql-core cancels it while the first still waits on the same answer.
QUERY = """{ me { tier { name } vouchers(first: 5) {
  member { tier { name } notifications(first: 0) { edges { cursor } } } } } }"""


async def test_a_failing_field_beside_a_shared_load_answers_with_its_error(api):
    member = await api.sign_up()
    await give_points(api, member, 500)
    reward = await make_reward()
    assert (await redeem(api, member, reward.id))["__typename"] == "RedeemRewardSuccess"

    body = await api.raw(QUERY, token=member.token)

    assert [(e["extensions"]["code"], e["path"]) for e in body["errors"]] == [
        ("INVALID_INPUT", ["me", "vouchers", 0, "member", "notifications"])
    ], body
