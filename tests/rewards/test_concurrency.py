"""Concurrent redemptions never oversell stock nor overspend points.

On SQLite write transactions run one at a time; on PostgreSQL they really race, and the
stock guard (`UPDATE ... WHERE stock >= quantity`) and the account lock decide.
"""
from __future__ import annotations

import asyncio

from tests.rewards.conftest import available, give_points, make_reward, redeem
from wallet.ledger.models import LedgerEntry
from wallet.rewards.models import Reward, Voucher


async def test_twenty_members_racing_for_five_places_get_exactly_five_vouchers(api, frozen_clock):
    # given a reward with 5 left and 20 members who can each afford it
    reward = await make_reward(kind="experience", cost_points=100, stock=5,
                               experience_at=frozen_clock.now().replace(year=2027))
    admin = await api.staff("admin")
    members = [await api.sign_up(f"Member {n}") for n in range(20)]
    for member in members:
        await give_points(api, member, 100, admin)
    # when all 20 redeem at once
    results = await asyncio.gather(*(redeem(api, member, reward.id) for member in members))
    # then exactly 5 get a voucher, 15 are told it is sold out, and nothing is oversold
    kinds = [r["__typename"] for r in results]
    assert (kinds.count("RedeemRewardSuccess"), kinds.count("OutOfStockError")) == (5, 15), kinds
    assert (await Reward.get(id=reward.id)).stock == 0
    assert await Voucher.filter(reward_id=reward.id).count() == 5
    assert await LedgerEntry.filter(kind="redeem").count() == 5
    balances = sorted([await available(m) for m in members])
    assert balances == [0] * 5 + [100] * 15


async def test_one_member_firing_ten_redemptions_with_points_for_three_gets_three(api, frozen_clock):
    member = await api.sign_up()
    await give_points(api, member, 300)
    reward = await make_reward(cost_points=100)  # unlimited stock
    results = await asyncio.gather(*(redeem(api, member, reward.id) for _ in range(10)))
    kinds = [r["__typename"] for r in results]
    assert (kinds.count("RedeemRewardSuccess"), kinds.count("InsufficientPointsError")) == (3, 7), kinds
    assert await available(member) == 0
    assert await Voucher.filter(member_id=member.id).count() == 3
    assert (await Reward.get(id=reward.id)).stock is None


async def test_racing_redemptions_of_several_units_never_oversell(api, frozen_clock):
    reward = await make_reward(cost_points=10, stock=7)
    admin = await api.staff("admin")
    members = [await api.sign_up() for _ in range(6)]
    for member in members:
        await give_points(api, member, 100, admin)
    results = await asyncio.gather(*(redeem(api, m, reward.id, quantity=3) for m in members))
    kinds = [r["__typename"] for r in results]
    # 7 units: two redemptions of 3 fit, the third would need 9
    assert (kinds.count("RedeemRewardSuccess"), kinds.count("OutOfStockError")) == (2, 4)
    assert (await Reward.get(id=reward.id)).stock == 1
