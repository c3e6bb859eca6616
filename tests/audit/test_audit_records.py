"""Every staff and system change leaves exactly one audit record: who (actor, role), where
(store), whom (member), what (action, target) and the state before and after, tagged with the
HTTP request's X-Request-Id. Replays and refusals leave none."""
from __future__ import annotations

from decimal import Decimal

from datetime import timedelta
from typing import Any

import pytest

from tests.rewards.conftest import CANCEL, USE, give_points, make_reward, redeem
from tests.staff.conftest import (
    ADJUST,
    CREATE_STAFF,
    CREATE_STORE,
    RECORD,
    REFUND,
    SCAN,
    UPDATE_STAFF,
    UPDATE_STORE,
    adjust_input,
    audit_since,
    audit_view,
    last_audit_id,
    purchase_input,
    record,
    refund_input,
    top_level_code,
    world,
)
from wallet import clock
from wallet.audit.models import AuditRecord
from wallet.jobs import run_jobs
from wallet.program.service import get_program, snapshot
from wallet.tiers.models import Tier

UPDATE_PROGRAM = """mutation($input: UpdateProgramInput!) { updateProgram(input: $input) {
  __typename ... on UpdateProgramSuccess { program { name earnRate } } ... on Error { code message } } }"""

CREATE_TIER = """mutation($input: CreateTierInput!) { createTier(input: $input) {
  __typename ... on CreateTierSuccess { tier { id } } ... on Error { code message } } }"""

UPDATE_TIER = """mutation($input: UpdateTierInput!) { updateTier(input: $input) {
  __typename ... on UpdateTierSuccess { tier { id } } ... on Error { code message } } }"""

CREATE_REWARD = """mutation($input: CreateRewardInput!) { createReward(input: $input) {
  __typename ... on CreateRewardSuccess { reward { id } } ... on Error { code message } } }"""

UPDATE_REWARD = """mutation($input: UpdateRewardInput!) { updateReward(input: $input) {
  __typename ... on UpdateRewardSuccess { reward { id } } ... on Error { code message } } }"""


async def call(api, query: str, variables: dict | None, token: str) -> tuple[dict, str]:
    """Send one GraphQL request; its data and the X-Request-Id of the response."""
    response = await api.http.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 32, request_id
    return body["data"], request_id


async def the_one_record(mark: int, request_id: str | None, expected: dict[str, Any]) -> AuditRecord:
    """The only record written since `mark`, checked field by field."""
    records = await audit_since(mark)
    assert [audit_view(r) for r in records] == [expected]
    [written] = records
    assert written.request_id == request_id
    assert written.created_at == clock.now()
    return written


def by(staff, role: str) -> dict[str, Any]:
    return {"actor_kind": "staff", "actor_id": staff.id, "role": role}


@pytest.fixture
async def till(api, frozen_clock):
    """An admin, a cashier at store Main, and a member; at the frozen time."""
    admin = await api.staff("admin")
    store = await api.store("Main")
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    return admin, cashier, member, store


# --- the ledger -------------------------------------------------------------------------


async def test_record_purchase_is_audited_once_and_its_replay_is_not(api, till):
    admin, cashier, member, store = till
    variables = purchase_input(member.id, store, "19.99", reference="R-1", key="sale-1")
    mark = await last_audit_id()
    data, request_id = await call(api, RECORD, variables, cashier.token)
    sale = data["recordPurchase"]
    assert (sale["pointsEarned"], sale["replayed"]) == (19, False)
    await the_one_record(mark, request_id, {
        **by(cashier, "cashier"),
        "store_id": store,
        "member_id": member.id,
        "action": "purchase.record",
        "target_type": "purchase",
        "target_id": sale["purchaseId"],
        "before": None,
        "after": {
            "reference": "R-1", "amount": "19.99", "currency": "USD",
            "pointsEarned": 19, "bonusPoints": 0, "via": "memberId",
        },
    })
    # when the till retries with the same key, the answer is replayed and nothing is audited
    mark = await last_audit_id()
    again, _ = await call(api, RECORD, variables, cashier.token)
    assert (again["recordPurchase"]["purchaseId"], again["recordPurchase"]["replayed"]) == (sale["purchaseId"], True)
    assert await audit_since(mark) == []


async def test_a_purchase_by_card_number_says_so(api, till):
    admin, cashier, member, store = till
    mark = await last_audit_id()
    variables = purchase_input(None, store, "5.00", cardNumber=member.card_number, reference="R-2")
    del variables["input"]["memberId"]
    data, request_id = await call(api, RECORD, variables, cashier.token)
    [written] = await audit_since(mark)
    assert (written.after["via"], str(written.member_id), written.request_id) == ("cardNumber", member.id, request_id)


async def test_refund_purchase_is_audited_with_the_purchase_before_and_after(api, till):
    admin, cashier, member, store = till
    sale = await record(api, cashier, member.id, store, "20.00", reference="R-1")
    mark = await last_audit_id()
    data, request_id = await call(api, REFUND, refund_input("R-1", "5.00", store), cashier.token)
    refund = data["refundPurchase"]
    assert (refund["pointsReversed"], refund["pointsOwed"]) == (5, 0)
    await the_one_record(mark, request_id, {
        **by(cashier, "cashier"),
        "store_id": store,
        "member_id": member.id,
        "action": "purchase.refund",
        "target_type": "purchase",
        "target_id": sale["purchaseId"],
        "before": {"refundedAmount": "0.00", "pointsReversed": 0},
        "after": {"refundId": refund["refundId"], "refundedAmount": "5.00", "pointsReversed": 5, "pointsOwed": 0},
    })
    # a refund larger than what is left is refused and not audited
    mark = await last_audit_id()
    too_much, _ = await call(api, REFUND, refund_input("R-1", "15.01", store), cashier.token)
    assert too_much["refundPurchase"]["code"] == "REFUND_EXCEEDS_PURCHASE"
    assert await audit_since(mark) == []


async def test_adjust_points_is_audited_with_the_balance_before_and_after(api, till):
    admin, cashier, member, store = till
    mark = await last_audit_id()
    data, request_id = await call(api, ADJUST, adjust_input(member.id, 50, "Goodwill"), admin.token)
    adjusted = data["adjustPoints"]
    assert adjusted["member"]["points"]["available"] == 50
    await the_one_record(mark, request_id, {
        **by(admin, "admin"),
        "store_id": None,
        "member_id": member.id,
        "action": "points.adjust",
        "target_type": "member",
        "target_id": member.id,
        "before": {"available": 0},
        "after": {"available": 50, "amount": 50, "reason": "Goodwill", "entryId": int(adjusted["entryId"])},
    })


async def test_refused_mutations_are_not_audited(api, till):
    admin, cashier, member, store = till
    before = await world()
    # more points than the member has
    data, _ = await call(api, ADJUST, adjust_input(member.id, -100), admin.token)
    assert data["adjustPoints"] == {
        "__typename": "InsufficientPointsError", "available": 0, "requested": 100,
        "code": "INSUFFICIENT_POINTS", "message": data["adjustPoints"]["message"],
    }
    # a cashier
    assert await top_level_code(api, ADJUST, adjust_input(member.id, 100), cashier.token) == "FORBIDDEN"
    assert await world() == before
    # a cashier at a store that is not theirs
    other = await api.store("Other", assign=False)
    before = await world()
    assert await top_level_code(api, RECORD, purchase_input(member.id, other), cashier.token) == "FORBIDDEN"
    assert await world() == before


# --- vouchers ---------------------------------------------------------------------------


async def test_use_voucher_is_audited_at_the_store_for_the_member(api, till):
    admin, cashier, member, store = till
    await give_points(api, member, 500, admin)
    reward = await make_reward(cost_points=200)
    voucher = (await redeem(api, member, reward.id))["voucher"]
    clock.advance(timedelta(hours=3))
    mark = await last_audit_id()
    data, request_id = await call(api, USE, {"input": {"code": voucher["code"], "storeId": store}}, cashier.token)
    assert data["useVoucher"]["voucher"]["status"] == "USED"
    await the_one_record(mark, request_id, {
        **by(cashier, "cashier"),
        "store_id": store,
        "member_id": member.id,
        "action": "voucher.use",
        "target_type": "voucher",
        "target_id": voucher["id"],
        "before": {"status": "issued"},
        "after": {"status": "used", "code": voucher["code"], "usedAt": "2026-03-15 15:00:00+00:00"},
    })
    # using it again is refused and not audited
    mark = await last_audit_id()
    again, _ = await call(api, USE, {"input": {"code": voucher["code"], "storeId": store}}, cashier.token)
    assert again["useVoucher"]["code"] == "ALREADY_USED"
    assert await audit_since(mark) == []


async def test_an_admin_cancelling_a_voucher_is_audited_but_the_member_cancelling_is_not(api, till):
    admin, cashier, member, store = till
    await give_points(api, member, 500, admin)
    reward = await make_reward(cost_points=200)
    first = (await redeem(api, member, reward.id))["voucher"]
    second = (await redeem(api, member, reward.id))["voucher"]
    mark = await last_audit_id()
    variables = {"input": {"voucherId": first["id"], "idempotencyKey": "cancel-1"}}
    data, request_id = await call(api, CANCEL, variables, admin.token)
    assert data["cancelRedemption"]["pointsReturned"] == 200
    await the_one_record(mark, request_id, {
        **by(admin, "admin"),
        "store_id": None,
        "member_id": member.id,
        "action": "voucher.cancel",
        "target_type": "voucher",
        "target_id": first["id"],
        "before": {"status": "issued"},
        "after": {"status": "cancelled", "pointsReturned": 200},
    })
    mark = await last_audit_id()
    own, _ = await call(api, CANCEL, {"input": {"voucherId": second["id"], "idempotencyKey": "c-2"}}, member.token)
    assert own["cancelRedemption"]["pointsReturned"] == 200
    assert await audit_since(mark) == []


# --- the till ---------------------------------------------------------------------------


async def test_scan_member_is_audited(api, till):
    admin, cashier, member, store = till
    mark = await last_audit_id()
    data, request_id = await call(api, SCAN, {"code": member.card_number, "storeId": store}, cashier.token)
    assert data["scanMember"]["member"]["id"] == member.id
    await the_one_record(mark, request_id, {
        **by(cashier, "cashier"),
        "store_id": store,
        "member_id": member.id,
        "action": "member.scan",
        "target_type": "member",
        "target_id": member.id,
        "before": None,
        "after": {"via": "cardNumber"},
    })


# --- program, tiers, rewards --------------------------------------------------------------


async def test_update_program_is_audited_with_every_setting_before_and_after(api, till):
    admin, *_ = till
    before = snapshot(await get_program())
    assert before["name"] != "Beauty Points"
    mark = await last_audit_id()
    variables = {"input": {"name": "Beauty Points", "returnWindowDays": 14, "qualifyingMeasure": "SPEND"}}
    data, request_id = await call(api, UPDATE_PROGRAM, variables, admin.token)
    assert data["updateProgram"]["program"]["name"] == "Beauty Points"
    written = await the_one_record(mark, request_id, {
        **by(admin, "admin"),
        "store_id": None,
        "member_id": None,
        "action": "program.update",
        "target_type": "program",
        "target_id": "1",
        "before": before,
        "after": before | {"name": "Beauty Points", "return_window_days": "14", "qualifying_measure": "spend"},
    })
    assert written.after == snapshot(await get_program())


async def test_an_earn_rate_finer_than_the_stored_four_decimals_is_refused_and_not_audited(api, till):
    """An earn rate is stored to four decimals: a finer one is refused rather than rounded,
    so the audit record always says what was stored."""
    admin, *_ = till
    before = snapshot(await get_program())
    mark = await last_audit_id()
    data, _ = await call(api, UPDATE_PROGRAM, {"input": {"earnRate": "1.23456"}}, admin.token)
    assert data["updateProgram"] == {
        "__typename": "InvalidInputError", "code": "INVALID_INPUT",
        "message": "earnRate has at most 4 decimal places.",
    }
    assert snapshot(await get_program()) == before
    assert await audit_since(mark) == []
    # four decimals (trailing zeros allowed) are stored and audited as given
    data, _ = await call(api, UPDATE_PROGRAM, {"input": {"earnRate": "1.234500"}}, admin.token)
    stored = await get_program()
    [written] = await audit_since(mark)
    assert written.after == snapshot(stored)
    assert stored.earn_rate == Decimal("1.2345")


async def test_create_and_update_tier_are_audited(api, till):
    admin, *_ = till
    mark = await last_audit_id()
    variables = {"input": {"name": "Silver", "rank": 1, "threshold": "500", "earnMultiplier": "1.25",
                           "perks": ["Free shipping"]}}
    data, request_id = await call(api, CREATE_TIER, variables, admin.token)
    tier_id = data["createTier"]["tier"]["id"]
    silver = {"name": "Silver", "rank": 1, "threshold": "500.00", "earnMultiplier": "1.250",
              "perks": ["Free shipping"], "isActive": True}
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "tier.create", "target_type": "tier", "target_id": tier_id,
        "before": None, "after": silver,
    })
    stored = await Tier.get(id=tier_id)
    assert (str(stored.threshold), str(stored.earn_multiplier)) == ("500.00", "1.250")
    mark = await last_audit_id()
    variables = {"input": {"id": tier_id, "name": "Argent", "isActive": False}}
    _, request_id = await call(api, UPDATE_TIER, variables, admin.token)
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "tier.update", "target_type": "tier", "target_id": tier_id,
        "before": silver, "after": silver | {"name": "Argent", "isActive": False},
    })


async def test_create_and_update_reward_are_audited(api, till):
    admin, *_ = till
    mark = await last_audit_id()
    variables = {"input": {"name": "Mug", "kind": "PRODUCT", "costPoints": 300, "stock": 5}}
    data, request_id = await call(api, CREATE_REWARD, variables, admin.token)
    reward_id = data["createReward"]["reward"]["id"]
    mug = {
        "name": "Mug", "description": "", "kind": "product", "cost_points": 300,
        "discount_amount": None, "discount_percent": None, "charity_name": "", "min_tier_rank": None,
        "members_only": False,
        "stock": 5, "experience_at": None, "available_from": None, "available_until": None,
        "voucher_valid_days": 90, "image_url": "", "is_active": True,
    }
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "reward.create", "target_type": "reward", "target_id": reward_id,
        "before": None, "after": mug,
    })
    mark = await last_audit_id()
    variables = {"input": {"id": reward_id, "costPoints": 250, "isActive": False}}
    _, request_id = await call(api, UPDATE_REWARD, variables, admin.token)
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "reward.update", "target_type": "reward", "target_id": reward_id,
        "before": mug, "after": mug | {"cost_points": 250, "is_active": False},
    })


# --- stores and staff ---------------------------------------------------------------------


async def test_create_and_update_store_are_audited_at_that_store(api, till):
    admin, *_ = till
    mark = await last_audit_id()
    data, request_id = await call(api, CREATE_STORE, {"input": {"name": "Pop-up"}}, admin.token)
    store_id = data["createStore"]["store"]["id"]
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": store_id, "member_id": None,
        "action": "store.create", "target_type": "store", "target_id": store_id,
        "before": None, "after": {"name": "Pop-up", "isActive": True},
    })
    mark = await last_audit_id()
    variables = {"input": {"storeId": store_id, "name": "Pop-up 2", "isActive": False}}
    _, request_id = await call(api, UPDATE_STORE, variables, admin.token)
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": store_id, "member_id": None,
        "action": "store.update", "target_type": "store", "target_id": store_id,
        "before": {"name": "Pop-up", "isActive": True}, "after": {"name": "Pop-up 2", "isActive": False},
    })


async def test_create_and_update_staff_are_audited(api, till):
    admin, cashier, member, store = till
    mark = await last_audit_id()
    variables = {"input": {"email": "Zoe@Example.com", "password": "zoe password 1", "name": "Zoe",
                           "role": "CASHIER", "storeIds": [store]}}
    data, request_id = await call(api, CREATE_STAFF, variables, admin.token)
    zoe = data["createStaff"]["staff"]["id"]
    created = {"email": "zoe@example.com", "name": "Zoe", "role": "cashier", "isActive": True, "storeIds": [store]}
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "staff.create", "target_type": "staff", "target_id": zoe,
        "before": None, "after": created,
    })
    mark = await last_audit_id()
    variables = {"input": {"staffId": zoe, "role": "ADMIN", "isActive": False}}
    _, request_id = await call(api, UPDATE_STAFF, variables, admin.token)
    await the_one_record(mark, request_id, {
        **by(admin, "admin"), "store_id": None, "member_id": None,
        "action": "staff.update", "target_type": "staff", "target_id": zoe,
        "before": created, "after": created | {"role": "admin", "isActive": False},
    })
    # a refused one (the admin themself) is not audited
    mark = await last_audit_id()
    refused, _ = await call(api, UPDATE_STAFF, {"input": {"staffId": admin.id, "isActive": False}}, admin.token)
    assert refused["updateStaff"]["code"] == "INVALID_INPUT"
    assert await audit_since(mark) == []


# --- the jobs -----------------------------------------------------------------------------


async def test_run_jobs_is_audited_as_the_system_with_what_it_did(api, till):
    admin, cashier, member, store = till
    await give_points(api, member, 500, admin)
    reward = await make_reward(cost_points=100, voucher_valid_days=1)
    await redeem(api, member, reward.id)
    clock.advance(timedelta(days=2))
    mark = await last_audit_id()
    results = await run_jobs()
    assert results["vouchers_expired"] == 1
    # (the attempt purged is the member's sign-up, two days old)
    await the_one_record(mark, None, {
        "actor_kind": "system", "actor_id": None, "role": None, "store_id": None, "member_id": None,
        "action": "jobs.run", "target_type": "jobs", "target_id": None, "before": None,
        "after": {
            "pending_released": 0, "points_expired": 0, "expiring_points_notices": 0, "tier_periods_ended": 0,
            "vouchers_expired": 1, "scan_records_purged": 0, "auth_attempts_purged": 1, "notifications_purged": 0, "offers_announced": 0, "birthday_bonuses": 0,
            "at": "2026-03-17T12:00:00+00:00",
        },
    })


# --- request ids --------------------------------------------------------------------------


async def test_each_request_has_its_own_id_and_its_records_carry_it(api, till):
    admin, cashier, member, store = till
    mark = await last_audit_id()
    ids = []
    for amount in ("1.00", "2.00", "3.00"):
        _, request_id = await call(api, RECORD, purchase_input(member.id, store, amount), cashier.token)
        ids.append(request_id)
    assert len(set(ids)) == 3
    assert [r.request_id for r in await audit_since(mark)] == ids
    # the header is there on refusals too, and on other routes
    response = await api.http.post("/graphql", json={"query": "{ currentStaff { id } }"})
    assert len(response.headers["x-request-id"]) == 32
    assert len((await api.http.get("/health")).headers["x-request-id"]) == 32
