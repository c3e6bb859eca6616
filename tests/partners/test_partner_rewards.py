"""Partners' rewards in the catalogue."""
from __future__ import annotations

import uuid

from wallet.audit.models import AuditRecord
from wallet.rewards.models import Reward

CREATE = """mutation($input: CreateRewardInput!) { createReward(input: $input) {
  __typename ... on CreateRewardSuccess { reward { id name partnerId } }
  ... on Error { code message } ... on InvalidInputError { field } } }"""
UPDATE = """mutation($input: UpdateRewardInput!) { updateReward(input: $input) {
  __typename ... on UpdateRewardSuccess { reward { partnerId } } ... on Error { code message } } }"""


async def test_an_admin_offers_a_partners_reward_and_can_hand_it_back(api, coalition):
    wash = {"name": "Car wash", "kind": "PRODUCT", "costPoints": 150, "partnerId": coalition.partner_id}
    created = (await api.ok(CREATE, {"input": wash}, coalition.admin.token))["createReward"]
    assert (created["__typename"], created["reward"]["partnerId"]) == ("CreateRewardSuccess", coalition.partner_id)
    record = await AuditRecord.get(action="reward.create")
    assert record.after["partner_id"] == coalition.partner_id
    back = (await api.ok(UPDATE, {"input": {"id": created["reward"]["id"], "partnerId": None}}, coalition.admin.token))
    assert back["updateReward"] == {"__typename": "UpdateRewardSuccess", "reward": {"partnerId": None}}


async def test_a_reward_of_an_unknown_partner_is_refused(api, coalition):
    wash = {"name": "Car wash", "kind": "PRODUCT", "costPoints": 150, "partnerId": str(uuid.uuid4())}
    refused = (await api.ok(CREATE, {"input": wash}, coalition.admin.token))["createReward"]
    assert (refused["code"], refused["field"]) == ("INVALID_INPUT", "partnerId")
    assert await Reward.all().count() == 0
