"""The demo's partner: seeded once, its key printed once and working."""
from __future__ import annotations

from decimal import Decimal

from wallet.demo import seed
from wallet.partners import service as partners
from wallet.partners.models import ApiKey, Partner, SettlementEntry
from wallet.rewards.models import Reward


async def test_the_demo_seeds_a_partner_with_a_store_a_key_a_reward_and_sales(database, passwords):
    first = await seed(passwords, Decimal("1000000"))
    again = await seed(passwords, Decimal("1000000"))
    # then one partner, one key, one partner reward, and its two sales settled: 96 + 63 points
    partner = await Partner.get(name="Fuel & Go")
    assert (await ApiKey.all().count(), await Reward.filter(partner_id=partner.id).count()) == (1, 1)
    assert sorted(await SettlementEntry.all().values_list("kind", "points")) == [("issue", 63), ("issue", 96)]
    # and the key was printed the first time only, and works
    [line] = [line for line in first.lines if line.startswith("api key")]
    secret = line.split()[2]
    actor = await partners.authenticate(secret)
    assert actor.partner_id == str(partner.id)
    [later] = [line for line in again.lines if line.startswith("api key")]
    assert secret not in later and secret.split("_")[1] in later
