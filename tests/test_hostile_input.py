"""Inputs the schema fuzz (tests/test_fuzz.py) found answered with INTERNAL_ERROR, each
now refused with its typed error, and nothing written."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from tests.test_limits import app_client
from wallet.audit.models import AuditRecord
from wallet.credit.models import CashbackPromotion
from wallet.earning.models import EarningRule
from wallet.rewards.models import Reward

# UTC cannot hold the first two; the last two are outside any program's years.
OUT_OF_RANGE = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "3000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"]

PROMOTION = """mutation($input: CreateCashbackPromotionInput!) { createCashbackPromotion(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
REWARD = """mutation($input: CreateRewardInput!) { createReward(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
AUDIT = """query($filter: AuditLogFilter) { auditLog(filter: $filter) { edges { cursor } } }"""


def refused(field: str) -> dict:
    return {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "message": f"{field} must be from 1970 to 2999.", "field": field}


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
@pytest.mark.parametrize("field", ["startsAt", "endsAt"])
async def test_a_promotion_time_outside_1970_to_2999_is_refused(api, moment, field):
    admin = await api.staff("admin")
    window = {"name": "Spring", "extraPercent": "5", "startsAt": "2026-03-01T00:00:00Z", "endsAt": "2026-04-01T00:00:00Z"}
    data = await api.ok(PROMOTION, {"input": {**window, field: moment}}, admin.token)
    assert data == {"createCashbackPromotion": refused(field)}
    assert await CashbackPromotion.all().count() == 0


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
@pytest.mark.parametrize(
    ("field", "reward"),
    [
        ("experienceAt", {"kind": "EXPERIENCE", "stock": 10}),
        ("availableFrom", {"kind": "PRODUCT"}),
        ("availableUntil", {"kind": "PRODUCT"}),
    ],
)
async def test_a_reward_time_outside_1970_to_2999_is_refused(api, moment, field, reward):
    admin = await api.staff("admin")
    given = {"name": "Dinner", "costPoints": 500, **reward, field: moment}
    data = await api.ok(REWARD, {"input": given}, admin.token)
    assert data == {"createReward": refused(field)}
    assert await Reward.all().count() == 0


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
@pytest.mark.parametrize("field", ["from", "to"])
async def test_an_audit_filter_time_outside_1970_to_2999_is_refused(api, moment, field):
    admin = await api.staff("admin")
    body = await api.raw(AUDIT, {"filter": {field: moment}}, admin.token)
    assert body["data"] is None
    [error] = body["errors"]
    assert (error["message"], error["extensions"]) == (
        f"{field} must be from 1970 to 2999.", {"code": "INVALID_INPUT", "field": field}
    )


async def test_times_at_the_edges_of_the_range_are_taken(api, frozen_clock):
    admin = await api.staff("admin")
    window = {"name": "Long", "extraPercent": "5", "startsAt": "1970-01-01T00:00:00Z", "endsAt": "2999-12-31T23:59:59Z"}
    data = await api.ok(PROMOTION, {"input": window}, admin.token)
    assert data == {"createCashbackPromotion": {"__typename": "CashbackPromotionSuccess"}}
    body = await api.raw(AUDIT, {"filter": {"from": "1970-01-01T00:00:00Z", "to": "2999-12-31T23:59:59+00:00"}}, admin.token)
    # the admin's creation and the promotion's
    assert len(body["data"]["auditLog"]["edges"]) == await AuditRecord.all().count() == 2


UPDATE_REWARD = """mutation($input: UpdateRewardInput!) { updateReward(input: $input) {
  __typename ... on UpdateRewardSuccess { reward { kind charityName discountAmount experienceAt } }
  ... on Error { code message } } }"""


@pytest.mark.parametrize("field", ["charityName", "discountAmount", "discountPercent", "experienceAt"])
async def test_null_for_a_field_of_another_kind_clears_nothing_and_is_taken(api, field):
    # charityName: null on a product failed with INTERNAL_ERROR: None reached a column
    # that holds "" for "no charity".
    admin = await api.staff("admin")
    created = await api.ok(REWARD, {"input": {"name": "Mug", "kind": "PRODUCT", "costPoints": 300}}, admin.token)
    assert created == {"createReward": {"__typename": "CreateRewardSuccess"}}
    reward = await Reward.get(name="Mug")
    data = await api.ok(UPDATE_REWARD, {"input": {"id": str(reward.id), field: None}}, admin.token)
    assert data == {
        "updateReward": {
            "__typename": "UpdateRewardSuccess",
            "reward": {"kind": "PRODUCT", "charityName": None, "discountAmount": None, "experienceAt": None},
        }
    }
    await reward.refresh_from_db()
    assert reward.charity_name == ""


CREATE_RULE = """mutation($input: CreateEarningRuleInput!) { createEarningRule(input: $input) {
  __typename ... on Error { code message } ... on InvalidInputError { field } } }"""
BIRTHDAY = {"name": "Birthday", "kind": "EVENT", "eventType": "birthday", "points": 50}


@pytest.mark.parametrize(
    ("window", "field", "message"),
    [
        # a naive time compared with an aware one failed with INTERNAL_ERROR
        ({"startsAt": "2026-03-15T12:00:00", "endsAt": "2026-04-15T12:00:00Z"}, "startsAt", "startsAt needs a time zone."),
        ({"startsAt": "2026-03-15T12:00:00Z", "endsAt": "2026-04-15T12:00:00"}, "endsAt", "endsAt needs a time zone."),
        ({"startsAt": "2026-03-15T12:00:00Z", "endsAt": "9999-12-31T23:59:59-14:00"}, "endsAt", "endsAt must be from 1970 to 2999."),
    ],
)
async def test_an_earning_rule_window_is_checked_time_by_time(api, window, field, message):
    admin = await api.staff("admin")
    data = await api.ok(CREATE_RULE, {"input": {**BIRTHDAY, **window}}, admin.token)
    assert data == {"createEarningRule": {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "message": message, "field": field}}
    assert await EarningRule.all().count() == 0


@pytest.mark.parametrize("field", ["tierIds", "planIds"])
async def test_an_earning_rule_is_kept_for_at_most_100_tiers_or_plans(api, field):
    # 40,000 ids (under a raised body limit) were one query argument each, more than
    # PostgreSQL takes: INTERNAL_ERROR. They are counted first, as sent.
    admin = await api.staff("admin")
    settings = replace(api.settings, limits=replace(api.settings.limits, max_body_bytes=8 * 1024 * 1024))
    refused = {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "message": f"{field} holds at most 100 ids.", "field": field}
    async with app_client(settings) as http:
        for count in (101, 40_000):
            ids = [str(uuid.uuid4()) for _ in range(count)]
            response = await http.post(
                "/graphql",
                json={"query": CREATE_RULE, "variables": {"input": {**BIRTHDAY, field: ids}}},
                headers={"authorization": f"Bearer {admin.token}"},
            )
            assert response.json() == {"data": {"createEarningRule": refused}}
    assert await EarningRule.all().count() == 0
