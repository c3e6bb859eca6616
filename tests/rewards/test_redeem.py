"""Redeeming: points spent with a ledger entry, a voucher with an unguessable code, stock
taken; every refusal writes nothing, and a retry replays the first answer."""
from __future__ import annotations

import re
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.conftest import new_key
from tests.rewards.conftest import available, give_points, give_tier, make_reward, redeem, snapshot
from wallet import clock
from wallet.ledger.models import LedgerEntry
from wallet.rewards import service
from wallet.rewards.models import Donation, Reward, Voucher

CODE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){3}$")


async def test_a_member_redeems_a_product_and_gets_a_voucher(api, shopper):
    # given a member with 1,000 points and a product costing 250, 4 in stock
    member = await shopper(1000)
    reward = await make_reward(name="Tote bag", cost_points=250, stock=4, voucher_valid_days=30)
    # when they redeem it
    result = await redeem(api, member, reward.id)
    # then a voucher is issued, valid 30 days, and the points are spent
    assert result["__typename"] == "RedeemRewardSuccess", result
    voucher = result["voucher"]
    assert CODE.match(voucher["code"]), voucher["code"]
    assert (voucher["status"], voucher["quantity"], voucher["pointsSpent"]) == ("ISSUED", 1, 250)
    assert voucher["expiresAt"] == "2026-04-14T12:00:00+00:00"
    assert voucher["reward"] == {"id": str(reward.id), "name": "Tote bag", "kind": "PRODUCT"}
    assert (result["pointsSpent"], result["replayed"], result["donation"]) == (250, False, None)
    assert result["member"]["points"]["available"] == 750
    # the ledger has a redeem entry pointing at the voucher by its code, and the stock is 3
    entry = await LedgerEntry.get(kind="redeem")
    assert (entry.amount, entry.bucket, entry.reference, entry.actor_id) == (-250, "available", voucher["code"], member.id)
    assert entry.reason == "Redeemed: Tote bag"
    assert (await Reward.get(id=reward.id)).stock == 3
    stored = await Voucher.get(id=voucher["id"])
    assert (str(stored.member_id), stored.status) == (member.id, "issued")


@pytest.mark.parametrize(
    "kind,fields",
    [
        ("fixed_discount", {"discount_amount": Decimal("5.00")}),
        ("percent_discount", {"discount_percent": Decimal("10")}),
        ("free_shipping", {}),
        ("customisation", {}),
    ],
)
async def test_every_kind_of_reward_gives_an_issued_voucher(api, shopper, kind, fields):
    member = await shopper(1000)
    reward = await make_reward(kind=kind, cost_points=400, voucher_valid_days=7, **fields)
    result = await redeem(api, member, reward.id)
    assert (result["voucher"]["status"], result["voucher"]["reward"]["kind"]) == ("ISSUED", kind.upper())
    assert result["voucher"]["expiresAt"] == "2026-03-22T12:00:00+00:00"
    assert await available(member) == 600


async def test_an_experience_voucher_lasts_until_the_experience_and_takes_places(api, shopper):
    member = await shopper(1000)
    reward = await make_reward(
        kind="experience", cost_points=300, stock=10, experience_at=clock.now() + timedelta(days=400)
    )
    result = await redeem(api, member, reward.id, quantity=2)
    assert result["voucher"]["expiresAt"] == "2027-04-19T12:00:00+00:00"
    assert (result["voucher"]["quantity"], result["pointsSpent"]) == (2, 600)
    assert (await Reward.get(id=reward.id)).stock == 8


async def test_a_donation_is_recorded_at_the_point_value_and_its_voucher_is_used_at_once(api, shopper):
    # given a donation of 550 points at the program's point value of 0.01
    member = await shopper(2000)
    reward = await make_reward(kind="donation", charity_name="Clean Water Fund", cost_points=550)
    result = await redeem(api, member, reward.id, quantity=3)
    # then 1,650 points become a donation of 16.50 USD, and the voucher is already used
    assert result["donation"] == {"charityName": "Clean Water Fund", "points": 1650, "amount": "16.50", "currency": "USD"}
    assert (result["voucher"]["status"], result["voucher"]["expiresAt"]) == ("USED", None)
    assert result["voucher"]["usedAt"] == "2026-03-15T12:00:00+00:00"
    donation = await Donation.get(member_id=member.id)
    assert (donation.points, donation.amount, str(donation.voucher_id)) == (1650, Decimal("16.50"), result["voucher"]["id"])
    entry = await LedgerEntry.get(amount=-1650)
    assert (entry.kind, entry.reason) == ("donate", "Donation to Clean Water Fund")
    assert await available(member) == 350


def test_donations_are_rounded_half_up_to_the_cent():
    assert service.donation_amount(3, Decimal("0.0125")) == Decimal("0.04")  # 0.0375
    assert service.donation_amount(1, Decimal("0.0049")) == Decimal("0.00")
    assert service.donation_amount(1000, Decimal("0.01")) == Decimal("10.00")


def test_voucher_codes_are_unguessable_and_forgiving_to_type():
    codes = {service.new_voucher_code() for _ in range(2000)}
    assert len(codes) == 2000 and all(CODE.match(c) for c in codes)
    code = next(iter(codes))
    assert service.normalise_code(code.lower().replace("-", " ")) == code
    assert service.normalise_code(code.replace("-", "")) == code
    assert service.normalise_code("0000-0000-0000-0000") is None  # zeros are not in the alphabet
    assert service.normalise_code(code[:-1]) is None


async def test_a_tier_gated_reward_is_redeemed_by_a_member_of_that_tier(api, shopper):
    member = await shopper(1000)
    await give_tier(member.id, 2)
    reward = await make_reward(cost_points=100, min_tier_rank=2)
    assert (await redeem(api, member, reward.id))["__typename"] == "RedeemRewardSuccess"


async def test_a_replayed_redemption_gives_the_same_voucher_and_spends_once(api, shopper):
    member = await shopper(1000)
    reward = await make_reward(cost_points=100, stock=5)
    key = new_key()
    first = await redeem(api, member, reward.id, key=key)
    again = await redeem(api, member, reward.id, key=key)
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert again["voucher"]["id"] == first["voucher"]["id"]
    assert await Voucher.all().count() == 1
    assert await LedgerEntry.filter(kind="redeem").count() == 1
    assert (await available(member), (await Reward.get(id=reward.id)).stock) == (900, 4)


async def test_a_refused_redemption_can_be_retried_with_the_same_key(api, shopper):
    member = await shopper(50)
    reward = await make_reward(cost_points=100)
    key = new_key()
    assert (await redeem(api, member, reward.id, key=key))["code"] == "INSUFFICIENT_POINTS"
    await give_points(api, member, 50)
    result = await redeem(api, member, reward.id, key=key)
    assert (result["__typename"], result["replayed"]) == ("RedeemRewardSuccess", False)


async def _case(api, shopper, case):
    """A member and a reward set up to be refused for `case`; returns the redeem arguments."""
    member = await shopper(1000)
    now = clock.now()
    reward = await make_reward(cost_points=100, stock=5)
    args = {"reward_id": reward.id, "quantity": 1}
    if case == "unknown":
        args["reward_id"] = uuid.uuid4()
    elif case == "not-a-uuid":
        args["reward_id"] = "reward-1"
    elif case == "inactive":
        await Reward.filter(id=reward.id).update(is_active=False)
    elif case == "not yet":
        await Reward.filter(id=reward.id).update(available_from=now + timedelta(seconds=1))
    elif case == "ended":
        await Reward.filter(id=reward.id).update(available_until=now)
    elif case == "experience past":
        await Reward.filter(id=reward.id).update(kind="experience", experience_at=now)
    elif case == "tier":
        await Reward.filter(id=reward.id).update(min_tier_rank=1)
    elif case == "sold out":
        await Reward.filter(id=reward.id).update(stock=0)
    elif case == "too many":
        args["quantity"] = 6
    elif case == "points":
        await Reward.filter(id=reward.id).update(cost_points=1001)
    elif case == "points x quantity":
        args["quantity"] = 3
        await Reward.filter(id=reward.id).update(cost_points=334)
    elif case in ("quantity 0", "quantity 11"):
        args["quantity"] = int(case.split()[1])
    return member, args


@pytest.mark.parametrize(
    "case,typename,code,field",
    [
        ("unknown", "NotFoundError", "NOT_FOUND", "rewardId"),
        ("not-a-uuid", "NotFoundError", "NOT_FOUND", "rewardId"),
        ("inactive", "NotAvailableError", "NOT_AVAILABLE", None),
        ("not yet", "NotAvailableError", "NOT_AVAILABLE", None),
        ("ended", "NotAvailableError", "NOT_AVAILABLE", None),
        ("experience past", "NotAvailableError", "NOT_AVAILABLE", None),
        ("tier", "TierLockedError", "TIER_LOCKED", None),
        ("sold out", "OutOfStockError", "OUT_OF_STOCK", None),
        ("too many", "OutOfStockError", "OUT_OF_STOCK", None),
        ("points", "InsufficientPointsError", "INSUFFICIENT_POINTS", None),
        ("points x quantity", "InsufficientPointsError", "INSUFFICIENT_POINTS", None),
        ("quantity 0", "InvalidInputError", "INVALID_INPUT", "quantity"),
        ("quantity 11", "InvalidInputError", "INVALID_INPUT", "quantity"),
    ],
)
async def test_a_refused_redemption_writes_nothing(api, shopper, case, typename, code, field):
    member, args = await _case(api, shopper, case)
    before = await snapshot()
    result = await redeem(api, member, args["reward_id"], quantity=args["quantity"])
    assert (result["__typename"], result["code"]) == (typename, code), result
    if field:
        assert result["field"] == field
    assert await snapshot() == before


async def test_refusals_say_what_the_member_lacks(api, shopper):
    member = await shopper(1000)
    await give_tier(member.id, 1)
    gated = await make_reward(cost_points=10, min_tier_rank=3)
    locked = await redeem(api, member, gated.id)
    assert (locked["requiredRank"], locked["memberRank"]) == (3, 1)
    dear = await make_reward(cost_points=400)
    short = await redeem(api, member, dear.id, quantity=3)
    assert (short["available"], short["requested"]) == (1000, 1200)


async def test_the_same_key_with_another_request_is_refused_and_writes_nothing(api, shopper):
    member = await shopper(1000)
    reward = await make_reward(cost_points=100, stock=5)
    key = new_key()
    await redeem(api, member, reward.id, key=key)
    before = await snapshot()
    result = await redeem(api, member, reward.id, quantity=2, key=key)
    assert result["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await snapshot() == before


@pytest.mark.parametrize("who,code", [("cashier", "FORBIDDEN"), ("admin", "FORBIDDEN"), (None, "UNAUTHENTICATED")])
async def test_only_members_redeem(api, frozen_clock, who, code):
    from tests.rewards.conftest import REDEEM

    reward = await make_reward()
    token = (await api.staff(who)).token if who else None
    variables = {"input": {"rewardId": str(reward.id), "quantity": 1, "idempotencyKey": new_key()}}
    assert await api.error_code(REDEEM, variables, token) == code
    assert await Voucher.all().count() == 0
