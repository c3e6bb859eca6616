"""Vouchers: used once at a till, cancelled for the points back, expired by the job, and
listed for their member."""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from tests.conftest import new_key
from tests.rewards.conftest import (
    available,
    cancel,
    make_reward,
    redeem,
    snapshot,
    use,
)
from wallet import clock
from wallet.audit.models import AuditRecord
from wallet.ledger.models import LedgerEntry
from wallet.rewards import service
from wallet.rewards.models import Reward, Voucher

VOUCHERS = """query($status: VoucherStatus) { me { vouchers(status: $status) {
  code status expiresAt pointsSpent reward { name kind } } } }"""

LOOKUP = """query($code: String!) { voucher(code: $code) { id code status member { id name } reward { name } } }"""


@pytest.fixture
async def issued(api, shopper):
    """A member who redeemed a 250-point product (stock 3 left of 4), a cashier and a store."""
    member = await shopper(1000)
    reward = await make_reward(name="Tote bag", cost_points=250, stock=4, voucher_valid_days=30)
    voucher = (await redeem(api, member, reward.id))["voucher"]
    return member, reward, voucher, await api.staff("cashier"), await api.store()


async def test_a_cashier_uses_a_voucher_once(api, issued):
    member, _, voucher, cashier, store = issued
    clock.advance(timedelta(days=2))
    # typed at the till in lower case, without dashes
    result = await use(api, cashier, voucher["code"].lower().replace("-", ""), store)
    assert result["voucher"] == {
        "id": voucher["id"], "code": voucher["code"], "status": "USED",
        "usedAt": "2026-03-17T12:00:00+00:00", "usedStoreId": store,
    }
    stored = await Voucher.get(id=voucher["id"])
    assert (stored.status, str(stored.used_by_id), str(stored.used_store_id)) == ("used", cashier.id, store)
    audit = await AuditRecord.get(action="voucher.use")
    assert (audit.actor_id, str(audit.store_id), audit.target_id) == (cashier.id, store, voucher["id"])
    # a second use is refused, saying when it was used
    clock.advance(timedelta(minutes=5))
    before = await snapshot()
    again = await use(api, cashier, voucher["code"], store)
    assert (again["code"], again["usedAt"]) == ("ALREADY_USED", "2026-03-17T12:00:00+00:00")
    assert await snapshot() == before
    assert await AuditRecord.filter(action="voucher.use").count() == 1


async def test_two_tills_cannot_both_use_one_voucher(api, issued):
    _, _, voucher, cashier, store = issued
    other = await api.staff("cashier")
    results = await asyncio.gather(*(use(api, who, voucher["code"], store) for who in [cashier, other] * 5))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["AlreadyUsedError"] * 9 + ["UseVoucherSuccess"]
    assert await AuditRecord.filter(action="voucher.use").count() == 1


async def test_an_overdue_voucher_is_refused_and_left_for_the_job(api, issued):
    member, reward, voucher, cashier, store = issued
    clock.advance(timedelta(days=30))  # expires_at == now: expired
    before = await snapshot()
    result = await use(api, cashier, voucher["code"], store)
    assert (result["code"], result["expiresAt"]) == ("VOUCHER_EXPIRED", "2026-04-14T12:00:00+00:00")
    # the refused use writes nothing: the row stays issued until the job runs
    assert await snapshot() == before
    # the member already sees it as expired
    listed = (await api.ok(VOUCHERS, {}, member.token))["me"]["vouchers"]
    assert [v["status"] for v in listed] == ["EXPIRED"]


async def test_the_job_expires_overdue_vouchers_and_keeps_their_points(api, issued, shopper):
    member, reward, voucher, _, _ = issued
    later = (await redeem(api, member, (await make_reward(cost_points=10, voucher_valid_days=60)).id))["voucher"]
    # not yet due: nothing to do
    assert await service.expire_vouchers(clock.now()) == 0
    clock.advance(timedelta(days=31))
    assert await service.expire_vouchers(clock.now()) == 1
    assert await service.expire_vouchers(clock.now()) == 0  # safe to run twice
    statuses = {str(v.id): v.status for v in await Voucher.all()}
    assert statuses == {voucher["id"]: "expired", later["id"]: "issued"}
    # points are not returned and stock is not restored
    assert await available(member) == 740
    assert (await Reward.get(id=reward.id)).stock == 3
    assert await LedgerEntry.filter(kind="reverse").count() == 0


async def test_using_a_cancelled_voucher_is_refused(api, issued):
    member, _, voucher, cashier, store = issued
    await cancel(api, member, voucher["id"])
    result = await use(api, cashier, voucher["code"], store)
    assert result["code"] == "VOUCHER_CANCELLED"


@pytest.mark.parametrize("code,store,field", [("2345-6789-ABCD-EFGH", None, "code"), ("nonsense", None, "code"),
                                              (None, "00000000-0000-0000-0000-000000000000", "storeId")])
async def test_unknown_codes_and_stores_are_not_found(api, issued, code, store, field):
    _, _, voucher, cashier, real_store = issued
    result = await use(api, cashier, code or voucher["code"], store or real_store)
    assert (result["code"], result["field"]) == ("NOT_FOUND", field)
    assert (await Voucher.get(id=voucher["id"])).status == "issued"


async def test_members_cannot_use_vouchers(api, issued):
    from tests.rewards.conftest import USE

    member, _, voucher, _, store = issued
    assert await api.error_code(USE, {"input": {"code": voucher["code"], "storeId": store}}, member.token) == "FORBIDDEN"


async def test_cancelling_returns_the_points_and_the_stock(api, issued):
    member, reward, voucher, _, _ = issued
    key = new_key()
    result = await cancel(api, member, voucher["id"], key=key)
    assert result["__typename"] == "CancelRedemptionSuccess", result
    assert (result["pointsReturned"], result["replayed"]) == (250, False)
    assert (result["voucher"]["status"], result["voucher"]["cancelledAt"]) == ("CANCELLED", "2026-03-15T12:00:00+00:00")
    assert result["member"]["points"]["available"] == 1000
    assert (await Reward.get(id=reward.id)).stock == 4
    # the points come back with a new entry pointing at the redeem entry
    redeemed = await LedgerEntry.get(kind="redeem")
    reverse = await LedgerEntry.get(kind="reverse")
    assert (reverse.amount, reverse.reason, reverse.reference, reverse.corrects_id) == (
        250, "Redemption cancelled", voucher["code"], redeemed.id
    )
    # a replay answers the same and writes nothing; another key is refused
    before = await snapshot()
    again = await cancel(api, member, voucher["id"], key=key)
    assert (again["replayed"], again["pointsReturned"]) == (True, 250)
    other = await cancel(api, member, voucher["id"])
    assert other["code"] == "NOT_CANCELLABLE"
    assert await snapshot() == before


async def test_only_issued_vouchers_of_other_rewards_than_donations_can_be_cancelled(api, issued):
    member, _, voucher, cashier, store = issued
    await use(api, cashier, voucher["code"], store)
    donation = await make_reward(kind="donation", charity_name="Trees", cost_points=100)
    given = (await redeem(api, member, donation.id))["voucher"]
    overdue = (await redeem(api, member, (await make_reward(cost_points=10, voucher_valid_days=1)).id))["voucher"]
    clock.advance(timedelta(days=1))
    before = await snapshot()
    for target in (voucher, given, overdue):
        result = await cancel(api, member, target["id"])
        assert result["code"] == "NOT_CANCELLABLE", (target, result)
    assert await snapshot() == before


async def test_an_admin_may_cancel_for_a_member_another_member_may_not(api, issued):
    member, _, voucher, cashier, _ = issued
    stranger = await api.sign_up()
    before = await snapshot()
    assert (await cancel(api, stranger, voucher["id"]))["code"] == "NOT_FOUND"
    from tests.rewards.conftest import CANCEL

    variables = {"input": {"voucherId": voucher["id"], "idempotencyKey": new_key()}}
    assert await api.error_code(CANCEL, variables, cashier.token) == "FORBIDDEN"
    assert await api.error_code(CANCEL, variables) == "UNAUTHENTICATED"
    assert await snapshot() == before
    admin = await api.staff("admin")
    result = await cancel(api, admin, voucher["id"])
    assert (result["pointsReturned"], result["member"]["points"]["available"]) == (250, 1000)
    audit = await AuditRecord.get(action="voucher.cancel")
    assert (audit.actor_id, audit.target_id) == (admin.id, voucher["id"])
    assert (await LedgerEntry.get(kind="reverse")).actor_id == admin.id


async def test_concurrent_cancellations_return_the_points_once(api, issued):
    member, reward, voucher, _, _ = issued
    results = await asyncio.gather(*(cancel(api, member, voucher["id"]) for _ in range(8)))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["CancelRedemptionSuccess"] + ["NotCancellableError"] * 7
    assert await available(member) == 1000
    assert (await Reward.get(id=reward.id)).stock == 4


async def test_a_member_lists_their_vouchers_by_status(api, issued, shopper):
    member, reward, voucher, cashier, store = issued
    clock.advance(timedelta(minutes=1))
    second = (await redeem(api, member, (await make_reward(name="Engraving", kind="customisation", cost_points=100)).id))
    clock.advance(timedelta(minutes=1))
    third = (await redeem(api, member, (await make_reward(name="Shipping", kind="free_shipping", cost_points=100)).id))
    await use(api, cashier, second["voucher"]["code"], store)
    await cancel(api, member, third["voucher"]["id"])
    someone_else = await shopper(500)
    await redeem(api, someone_else, reward.id)
    listed = (await api.ok(VOUCHERS, {}, member.token))["me"]["vouchers"]
    assert [(v["reward"]["name"], v["status"]) for v in listed] == [
        ("Shipping", "CANCELLED"), ("Engraving", "USED"), ("Tote bag", "ISSUED")
    ]
    assert listed[2] == {
        "code": voucher["code"], "status": "ISSUED", "expiresAt": "2026-04-14T12:00:00+00:00",
        "pointsSpent": 250, "reward": {"name": "Tote bag", "kind": "PRODUCT"},
    }
    for status, expected in [("ISSUED", ["Tote bag"]), ("USED", ["Engraving"]), ("CANCELLED", ["Shipping"]), ("EXPIRED", [])]:
        rows = (await api.ok(VOUCHERS, {"status": status}, member.token))["me"]["vouchers"]
        assert [v["reward"]["name"] for v in rows] == expected, status


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _queries(api, token) -> int:
    counter = _QueryCounter()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        await api.ok(VOUCHERS, {}, token)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    return counter.count


async def test_listing_vouchers_costs_the_same_queries_however_many(api, shopper):
    member = await shopper(5000)
    await redeem(api, member, (await make_reward(cost_points=10)).id)
    few = await _queries(api, member.token)
    for _ in range(8):
        await redeem(api, member, (await make_reward(cost_points=10)).id)
    many = await _queries(api, member.token)
    assert few == many <= 3  # the viewer, the vouchers, their rewards


async def test_staff_look_a_voucher_up_by_code(api, issued):
    member, _, voucher, cashier, _ = issued
    found = (await api.ok(LOOKUP, {"code": voucher["code"].lower()}, cashier.token))["voucher"]
    assert (found["id"], found["status"], found["member"]["id"], found["reward"]["name"]) == (
        voucher["id"], "ISSUED", member.id, "Tote bag"
    )
    assert (await api.ok(LOOKUP, {"code": "2345-6789-ABCD-EFGH"}, cashier.token))["voucher"] is None
    assert await api.error_code(LOOKUP, {"code": voucher["code"]}, member.token) == "FORBIDDEN"


async def test_the_demo_catalogue_has_a_dozen_rewards_of_every_kind(database, frozen_clock):
    rewards = await service.seed_demo_rewards()
    assert len(rewards) >= 12
    assert {r.kind.value for r in rewards} == {k.value for k in service.RewardKind}
    assert any(r.min_tier_rank for r in rewards) and any(r.stock is not None for r in rewards)
    assert await service.seed_demo_rewards() == []  # seeding twice adds nothing
    assert await Reward.all().count() == len(rewards)
