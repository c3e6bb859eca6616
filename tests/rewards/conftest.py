"""Helpers for the rewards tests: rewards made through the service, points given by an
admin through the API, tiers set directly on the tier models."""
from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.conftest import new_key
from wallet import clock
from wallet.actors import Actor
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, PointsAccount
from wallet.rewards import service
from wallet.rewards.models import Donation, Reward, Voucher
from wallet.tiers.models import MemberTier, Tier

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename ... on Error { code message } } }"""

REDEEM = """mutation($input: RedeemRewardInput!) { redeemReward(input: $input) {
  __typename
  ... on RedeemRewardSuccess { pointsSpent replayed
      voucher { id code status quantity pointsSpent expiresAt usedAt reward { id name kind } }
      donation { charityName points amount currency }
      member { points { available } } }
  ... on TierLockedError { requiredRank memberRank }
  ... on InsufficientPointsError { available requested }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
  ... on Error { code message }
} }"""

USE = """mutation($input: UseVoucherInput!) { useVoucher(input: $input) {
  __typename
  ... on UseVoucherSuccess { voucher { id code status usedAt usedStoreId } }
  ... on AlreadyUsedError { usedAt }
  ... on VoucherExpiredError { expiresAt }
  ... on NotFoundError { field }
  ... on Error { code message }
} }"""

CANCEL = """mutation($input: CancelRedemptionInput!) { cancelRedemption(input: $input) {
  __typename
  ... on CancelRedemptionSuccess { pointsReturned replayed voucher { id status cancelledAt }
      member { points { available } } }
  ... on Error { code message }
} }"""


async def make_reward(**fields) -> Reward:
    """A reward made by the system; a product costing 100 unless told otherwise."""
    spec = {"name": f"Reward {uuid.uuid4().hex[:6]}", "kind": "product", "cost_points": 100, **fields}
    return await service.create_reward(Actor.system(), **spec)


async def give_points(api, member, points: int, admin=None) -> None:
    admin = admin or await api.staff("admin")
    data = await api.ok(
        ADJUST,
        {"input": {"memberId": member.id, "amount": points, "reason": "Test points", "idempotencyKey": new_key()}},
        admin.token,
    )
    assert data["adjustPoints"]["__typename"] == "AdjustPointsSuccess", data


async def give_tier(member_id: str, rank: int) -> None:
    tier = await Tier.get_or_none(rank=rank)
    if tier is None:
        tier = await Tier.create(id=uuid.uuid4(), name=f"Tier {rank}", rank=rank, threshold=Decimal(rank * 1000))
    now = clock.now()
    await MemberTier.update_or_create(
        member_id=member_id,
        defaults={"tier_id": tier.id, "period_start": now, "period_end": now + timedelta(days=365)},
    )


async def redeem(api, member, reward_id, quantity=1, key=None) -> dict:
    variables = {"input": {"rewardId": str(reward_id), "quantity": quantity, "idempotencyKey": key or new_key()}}
    return (await api.ok(REDEEM, variables, member.token))["redeemReward"]


async def use(api, staff, code, store_id) -> dict:
    return (await api.ok(USE, {"input": {"code": code, "storeId": store_id}}, staff.token))["useVoucher"]


async def cancel(api, who, voucher_id, key=None) -> dict:
    variables = {"input": {"voucherId": voucher_id, "idempotencyKey": key or new_key()}}
    return (await api.ok(CANCEL, variables, who.token))["cancelRedemption"]


async def available(member) -> int:
    return (await PointsAccount.get(member_id=member.id)).available


async def snapshot() -> dict:
    """What a refused operation must leave untouched."""
    return {
        "vouchers": sorted((str(v.id), v.status.value) for v in await Voucher.all()),
        "donations": await Donation.all().count(),
        "entries": await LedgerEntry.all().count(),
        "stock": sorted((str(r.id), r.stock) for r in await Reward.all()),
        "keys": await IdempotencyRecord.all().count(),
        "accounts": sorted((a.id, a.available) for a in await PointsAccount.all()),
    }


@pytest.fixture
def shopper(api, frozen_clock):
    """A member with 1,000 points, at the frozen time."""

    async def make(points: int = 1000):
        member = await api.sign_up()
        if points:
            await give_points(api, member, points)
        return member

    return make
