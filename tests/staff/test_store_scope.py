"""A cashier acts only at the stores assigned to them; an admin acts at any open store."""
from __future__ import annotations

import pytest

from tests.rewards.conftest import USE, give_points, make_reward, redeem
from tests.staff.conftest import (
    ADJUST,
    RECORD,
    REFUND,
    SCAN,
    adjust_input,
    audit_since,
    last_audit_id,
    purchase_input,
    record,
    refund_input,
    top_level_code,
    world,
)
from wallet.actors import Actor
from wallet.audit.models import AuditRecord
from wallet.ledger.models import PointsAccount, Purchase, Refund
from wallet.rewards.models import Voucher
from wallet.scan.models import ScanFailure
from wallet.staff import service as staff_service


@pytest.fixture
async def shop(api):
    """Stores A and B, an admin, a cashier assigned to A only, and a member."""
    admin = await api.staff("admin")
    store_a = await api.store("A")
    store_b = await api.store("B", assign=False)
    cashier = await api.staff("cashier", stores=[store_a])
    member = await api.sign_up()
    return admin, cashier, member, store_a, store_b


async def test_a_cashier_cannot_record_a_purchase_at_another_store_and_nothing_is_written(api, shop):
    admin, cashier, member, store_a, store_b = shop
    before = await world()
    key = "till-7-sale-1"
    # when the cashier records a purchase at B
    code = await top_level_code(api, RECORD, purchase_input(member.id, store_b, "25.00", key=key), cashier.token)
    # then it is forbidden: no purchase, no points, no idempotency key, no audit record
    assert code == "FORBIDDEN"
    assert await world() == before
    assert await Purchase.all().count() == 0
    assert (await PointsAccount.get(member_id=member.id)).available == 0
    # and the key was not burned: the same key at their own store works
    result = await record(api, cashier, member.id, store_a, "25.00", key=key)
    assert (result["__typename"], result["pointsEarned"], result["replayed"]) == ("RecordPurchaseSuccess", 25, False)


async def test_a_cashier_cannot_refund_without_a_store_a_purchase_made_at_another_store(api, shop):
    admin, cashier, member, store_a, store_b = shop
    # given a purchase an admin recorded at B
    sale = await record(api, admin, member.id, store_b, "40.00", reference="B-1")
    assert sale["pointsEarned"] == 40
    before = await world()
    # when the cashier refunds it without naming a store
    code = await top_level_code(api, REFUND, refund_input("B-1", "40.00"), cashier.token)
    # then it is forbidden and nothing changes
    assert code == "FORBIDDEN"
    assert await world() == before
    assert await Refund.all().count() == 0
    assert (await PointsAccount.get(member_id=member.id)).available == 40
    assert await AuditRecord.filter(action="purchase.refund").count() == 0


async def test_a_cashier_cannot_refund_naming_a_store_that_is_not_theirs(api, shop):
    admin, cashier, member, store_a, store_b = shop
    await record(api, cashier, member.id, store_a, "40.00", reference="A-1")
    before = await world()
    code = await top_level_code(api, REFUND, refund_input("A-1", "10.00", store_b), cashier.token)
    assert code == "FORBIDDEN"
    assert await world() == before


async def test_a_cashier_refunds_at_their_store_a_purchase_made_there(api, shop):
    admin, cashier, member, store_a, store_b = shop
    await record(api, cashier, member.id, store_a, "40.00", reference="A-1")
    mark = await last_audit_id()
    result = (await api.ok(REFUND, refund_input("A-1", "10.00", store_a), cashier.token))["refundPurchase"]
    assert (result["__typename"], result["pointsReversed"], result["pointsOwed"]) == ("RefundPurchaseSuccess", 10, 0)
    assert result["member"]["points"]["available"] == 30
    refund = await Refund.get(id=result["refundId"])
    assert (str(refund.store_id), str(refund.staff_id)) == (store_a, cashier.id)
    [audit] = await audit_since(mark)
    assert (audit.action, audit.actor_id, str(audit.store_id)) == ("purchase.refund", cashier.id, store_a)


async def test_a_cashier_refunds_without_a_store_a_purchase_made_at_their_store(api, shop):
    admin, cashier, member, store_a, store_b = shop
    await record(api, admin, member.id, store_a, "40.00", reference="A-1")
    result = (await api.ok(REFUND, refund_input("A-1", "40.00"), cashier.token))["refundPurchase"]
    assert (result["__typename"], result["pointsReversed"]) == ("RefundPurchaseSuccess", 40)
    assert str((await Refund.get(id=result["refundId"])).store_id) == store_a


async def test_a_cashier_cannot_use_a_voucher_at_another_store(api, shop, frozen_clock):
    admin, cashier, member, store_a, store_b = shop
    await give_points(api, member, 500, admin)
    reward = await make_reward(cost_points=200)
    voucher = (await redeem(api, member, reward.id))["voucher"]
    before = await world()
    code = await top_level_code(api, USE, {"input": {"code": voucher["code"], "storeId": store_b}}, cashier.token)
    assert code == "FORBIDDEN"
    stored = await Voucher.get(id=voucher["id"])
    assert (stored.status.value, stored.used_at, stored.used_store_id) == ("issued", None, None)
    assert await world() == before
    # at their own store it works
    used = (await api.ok(USE, {"input": {"code": voucher["code"], "storeId": store_a}}, cashier.token))["useVoucher"]
    assert (used["__typename"], used["voucher"]["usedStoreId"]) == ("UseVoucherSuccess", store_a)


async def test_a_cashier_cannot_scan_a_member_at_another_store(api, shop):
    admin, cashier, member, store_a, store_b = shop
    before = await world()
    code = await top_level_code(api, SCAN, {"code": member.card_number, "storeId": store_b}, cashier.token)
    assert code == "FORBIDDEN"
    assert await world() == before
    # a store they are not assigned to is not a refused scan: it does not count toward the rate limit
    assert await ScanFailure.all().count() == 0
    found = (await api.ok(SCAN, {"code": member.card_number, "storeId": store_a}, cashier.token))["scanMember"]
    assert found == {"__typename": "ScanMemberSuccess", "member": {"id": member.id}}


async def test_an_admin_acts_at_any_store_without_being_assigned(api, shop, frozen_clock):
    admin, cashier, member, store_a, store_b = shop
    mark = await last_audit_id()
    sale = await record(api, admin, member.id, store_b, "30.00", reference="B-1")
    assert sale["pointsEarned"] == 30
    refunded = (await api.ok(REFUND, refund_input("B-1", "10.00", store_a), admin.token))["refundPurchase"]
    assert refunded["pointsReversed"] == 10
    scanned = (await api.ok(SCAN, {"code": member.card_number, "storeId": store_b}, admin.token))["scanMember"]
    assert scanned["member"]["id"] == member.id
    reward = await make_reward(cost_points=20)
    voucher = (await redeem(api, member, reward.id))["voucher"]
    used = (await api.ok(USE, {"input": {"code": voucher["code"], "storeId": store_b}}, admin.token))["useVoucher"]
    assert used["voucher"]["usedStoreId"] == store_b
    assert [(r.action, str(r.store_id)) for r in await audit_since(mark) if r.actor_id == admin.id] == [
        ("purchase.record", store_b),
        ("purchase.refund", store_a),
        ("member.scan", store_b),
        ("voucher.use", store_b),
    ]


async def test_a_cashier_cannot_adjust_points(api, shop):
    admin, cashier, member, store_a, store_b = shop
    before = await world()
    assert await top_level_code(api, ADJUST, adjust_input(member.id, 100), cashier.token) == "FORBIDDEN"
    assert await world() == before


@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "blank"])
async def test_an_adjustment_needs_a_reason(api, shop, reason):
    admin, cashier, member, store_a, store_b = shop
    before = await world()
    result = (await api.ok(ADJUST, adjust_input(member.id, 100, reason), admin.token))["adjustPoints"]
    assert (result["__typename"], result["code"], result["field"]) == ("InvalidInputError", "INVALID_INPUT", "reason")
    assert await world() == before


async def test_a_refund_of_a_purchase_made_at_a_closed_store_must_name_an_open_store(api, shop):
    """No one acts at a closed store: a refund without `storeId` is recorded at the store of
    the purchase, so once that store is closed it must be refused, like a sale there."""
    admin, cashier, member, store_a, store_b = shop
    await record(api, cashier, member.id, store_a, "40.00", reference="A-1")
    await staff_service.update_store(Actor.system(), store_a, is_active=False)
    before = await world()
    result = (await api.ok(REFUND, refund_input("A-1", "10.00"), admin.token))["refundPurchase"]
    assert (result["__typename"], result.get("field")) == ("NotFoundError", "storeId"), result
    assert await world() == before
    # naming an open store, the admin refunds it there
    at_b = (await api.ok(REFUND, refund_input("A-1", "10.00", store_b), admin.token))["refundPurchase"]
    assert at_b["__typename"] == "RefundPurchaseSuccess"
    assert str((await Refund.get(id=at_b["refundId"])).store_id) == store_b
