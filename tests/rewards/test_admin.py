"""Admins create and edit rewards; each kind's fields are checked; every change is audited."""
from __future__ import annotations

import pytest

from tests.rewards.conftest import make_reward
from wallet.audit.models import AuditRecord
from wallet.rewards.models import Reward

CREATE = """mutation($input: CreateRewardInput!) { createReward(input: $input) {
  __typename
  ... on CreateRewardSuccess { reward { id name kind costPoints discountAmount discountPercent
      charityName minTierRank stock experienceAt voucherValidDays imageUrl isActive } }
  ... on InvalidInputError { field }
  ... on Error { code message }
} }"""

UPDATE = """mutation($input: UpdateRewardInput!) { updateReward(input: $input) {
  __typename
  ... on UpdateRewardSuccess { reward { id name kind costPoints stock minTierRank isActive
      discountPercent experienceAt } }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
  ... on Error { code message }
} }"""

FUTURE = "2026-04-01T18:00:00+00:00"

VALID = {
    "PRODUCT": {"stock": 10},
    "FIXED_DISCOUNT": {"discountAmount": "5.00"},
    "PERCENT_DISCOUNT": {"discountPercent": "12.5"},
    "FREE_SHIPPING": {},
    "EXPERIENCE": {"experienceAt": FUTURE, "stock": 12},
    "CUSTOMISATION": {"imageUrl": "https://img.example.com/engrave.png"},
    "DONATION": {"charityName": "Clean Water Fund"},
}


def reward_input(kind: str, **extra) -> dict:
    return {"name": f"A {kind.lower()}", "kind": kind, "costPoints": 250, **VALID[kind], **extra}


@pytest.mark.parametrize("kind", sorted(VALID))
async def test_an_admin_creates_a_reward_of_each_kind_and_it_is_audited(api, frozen_clock, kind):
    admin = await api.staff("admin")
    result = (await api.ok(CREATE, {"input": reward_input(kind)}, admin.token))["createReward"]
    assert result["__typename"] == "CreateRewardSuccess", result
    reward = result["reward"]
    assert (reward["kind"], reward["costPoints"], reward["isActive"], reward["voucherValidDays"]) == (
        kind, 250, True, 90
    )
    stored = await Reward.get(id=reward["id"])
    assert stored.kind.value == kind.lower()
    audit = await AuditRecord.get(action="reward.create")
    assert (audit.actor_id, audit.role, audit.target_id) == (admin.id, "admin", reward["id"])
    assert audit.after["cost_points"] == 250 and audit.before is None


async def test_kind_specific_fields_are_stored(api, frozen_clock):
    admin = await api.staff("admin")
    percent = (await api.ok(CREATE, {"input": reward_input("PERCENT_DISCOUNT")}, admin.token))["createReward"]
    assert percent["reward"]["discountPercent"] == "12.50"
    experience = (await api.ok(CREATE, {"input": reward_input("EXPERIENCE")}, admin.token))["createReward"]
    assert (experience["reward"]["experienceAt"], experience["reward"]["stock"]) == (FUTURE, 12)
    donation = (await api.ok(CREATE, {"input": reward_input("DONATION")}, admin.token))["createReward"]
    assert (donation["reward"]["charityName"], donation["reward"]["discountAmount"]) == ("Clean Water Fund", None)


@pytest.mark.parametrize(
    "kind,changes,field",
    [
        ("PRODUCT", {"costPoints": 0}, "costPoints"),
        ("PRODUCT", {"costPoints": -5}, "costPoints"),
        ("PRODUCT", {"name": "  "}, "name"),
        ("PRODUCT", {"stock": -1}, "stock"),
        ("PRODUCT", {"minTierRank": -1}, "minTierRank"),
        ("PRODUCT", {"voucherValidDays": 0}, "voucherValidDays"),
        ("PRODUCT", {"discountPercent": "10"}, "discountPercent"),
        ("PRODUCT", {"charityName": "Someone"}, "charityName"),
        ("PRODUCT", {"imageUrl": "javascript:alert(1)"}, "imageUrl"),
        ("PRODUCT", {"imageUrl": "ftp://files.example.com/a.png"}, "imageUrl"),
        ("PRODUCT", {"imageUrl": "https://"}, "imageUrl"),
        ("PRODUCT", {"availableFrom": "2026-05-01T00:00:00+00:00", "availableUntil": "2026-04-01T00:00:00+00:00"},
         "availableUntil"),
        ("PRODUCT", {"availableFrom": "2026-05-01T00:00:00"}, "availableFrom"),
        ("FIXED_DISCOUNT", {"discountAmount": None}, "discountAmount"),
        ("FIXED_DISCOUNT", {"discountAmount": "0"}, "discountAmount"),
        ("FIXED_DISCOUNT", {"discountAmount": "1.005"}, "discountAmount"),
        ("PERCENT_DISCOUNT", {"discountPercent": None}, "discountPercent"),
        ("PERCENT_DISCOUNT", {"discountPercent": "0"}, "discountPercent"),
        ("PERCENT_DISCOUNT", {"discountPercent": "100.01"}, "discountPercent"),
        ("EXPERIENCE", {"experienceAt": None}, "experienceAt"),
        ("EXPERIENCE", {"experienceAt": "2026-03-15T12:00:00+00:00"}, "experienceAt"),
        ("EXPERIENCE", {"stock": None}, "stock"),
        ("DONATION", {"charityName": None}, "charityName"),
        ("DONATION", {"charityName": " "}, "charityName"),
    ],
)
async def test_invalid_rewards_are_refused_and_nothing_is_written(api, frozen_clock, kind, changes, field):
    admin = await api.staff("admin")
    payload = {key: value for key, value in {**reward_input(kind), **changes}.items() if value is not None}
    result = (await api.ok(CREATE, {"input": payload}, admin.token))["createReward"]
    assert (result["__typename"], result["code"], result["field"]) == ("InvalidInputError", "INVALID_INPUT", field)
    assert await Reward.all().count() == 0
    assert await AuditRecord.filter(action__startswith="reward.").count() == 0


async def test_a_percent_of_exactly_100_is_a_valid_discount(api, frozen_clock):
    admin = await api.staff("admin")
    result = (await api.ok(CREATE, {"input": reward_input("PERCENT_DISCOUNT", discountPercent="100")}, admin.token))
    assert result["createReward"]["reward"]["discountPercent"] == "100.00"


async def test_an_admin_updates_a_reward_and_the_change_is_audited(api, frozen_clock):
    admin = await api.staff("admin")
    reward = await make_reward(cost_points=100, stock=5, min_tier_rank=1)
    variables = {"input": {"id": str(reward.id), "name": "Renamed", "stock": None, "minTierRank": None}}
    result = (await api.ok(UPDATE, variables, admin.token))["updateReward"]
    # omitted fields stay, null clears: the stock becomes unlimited, the tier gate goes
    assert result["reward"] == {
        "id": str(reward.id), "name": "Renamed", "kind": "PRODUCT", "costPoints": 100, "stock": None,
        "minTierRank": None, "isActive": True, "discountPercent": None, "experienceAt": None,
    }
    audit = await AuditRecord.get(action="reward.update")
    assert (audit.before["name"], audit.after["name"]) == (reward.name, "Renamed")
    assert (audit.before["stock"], audit.after["stock"]) == (5, None)
    assert audit.actor_id == admin.id


async def test_changing_the_kind_checks_the_new_kind_and_drops_the_old_kinds_fields(api, frozen_clock):
    admin = await api.staff("admin")
    reward = await make_reward(kind="donation", charity_name="Old Charity")
    refused = (await api.ok(UPDATE, {"input": {"id": str(reward.id), "kind": "PERCENT_DISCOUNT"}}, admin.token))
    assert (refused["updateReward"]["code"], refused["updateReward"]["field"]) == ("INVALID_INPUT", "discountPercent")
    assert (await Reward.get(id=reward.id)).kind == "donation"
    changed = await api.ok(
        UPDATE, {"input": {"id": str(reward.id), "kind": "PERCENT_DISCOUNT", "discountPercent": "15"}}, admin.token
    )
    assert changed["updateReward"]["reward"]["discountPercent"] == "15.00"
    stored = await Reward.get(id=reward.id)
    assert (stored.kind, stored.charity_name) == ("percent_discount", "")


async def test_an_invalid_update_changes_nothing(api, frozen_clock):
    admin = await api.staff("admin")
    reward = await make_reward(cost_points=100)
    result = (await api.ok(UPDATE, {"input": {"id": str(reward.id), "costPoints": 0, "name": "New"}}, admin.token))
    assert (result["updateReward"]["code"], result["updateReward"]["field"]) == ("INVALID_INPUT", "costPoints")
    stored = await Reward.get(id=reward.id)
    assert (stored.cost_points, stored.name) == (100, reward.name)
    assert await AuditRecord.filter(action="reward.update").count() == 0
    nulled = (await api.ok(UPDATE, {"input": {"id": str(reward.id), "name": None}}, admin.token))
    assert (nulled["updateReward"]["code"], nulled["updateReward"]["field"]) == ("INVALID_INPUT", "name")


@pytest.mark.parametrize("reward_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
async def test_updating_an_unknown_reward_is_not_found(api, reward_id):
    admin = await api.staff("admin")
    result = (await api.ok(UPDATE, {"input": {"id": reward_id, "name": "X"}}, admin.token))["updateReward"]
    assert (result["code"], result["field"]) == ("NOT_FOUND", "id")


@pytest.mark.parametrize("who,code", [("cashier", "FORBIDDEN"), ("member", "FORBIDDEN"), (None, "UNAUTHENTICATED")])
async def test_only_admins_create_and_update_rewards(api, frozen_clock, who, code):
    reward = await make_reward()
    token = None
    if who == "member":
        token = (await api.sign_up()).token
    elif who:
        token = (await api.staff(who)).token
    assert await api.error_code(CREATE, {"input": reward_input("PRODUCT")}, token) == code
    assert await api.error_code(UPDATE, {"input": {"id": str(reward.id), "name": "X"}}, token) == code
    assert await Reward.all().count() == 1
