"""Admins create, change and switch offers off (audited); only admins may; members only
activate; bad offers are refused with nothing written."""
from __future__ import annotations

from datetime import timedelta

from tests.conftest import new_key
from tests.offers.conftest import ACTIVATE, CREATE, activate, buy, make_offer, my_offers, window
from wallet.audit.models import AuditRecord
from wallet.offers.models import Offer, OfferActivation

UPDATE = """mutation($input: UpdateOfferInput!) { updateOffer(input: $input) {
  __typename ... on OfferSuccess { offer { title rewardPoints endsAt } } ... on Error { code message } } }"""
TOGGLE = "mutation($id: ID!) { setOfferActive(id: $id, isActive: false) { __typename } }"
LIST = "{ offers { id title } }"


async def test_offer_changes_are_audited(api, people, frozen_clock):
    admin = people[0]
    offer = await make_offer(api, admin, frozen_clock.now(), title="Audited")
    ends = (frozen_clock.now() + timedelta(days=60)).isoformat()
    updated = (await api.ok(UPDATE, {"input": {"id": offer["id"], "title": "Renamed", "rewardPoints": 99, "endsAt": ends}}, admin.token))["updateOffer"]
    assert updated == {"__typename": "OfferSuccess", "offer": {"title": "Renamed", "rewardPoints": 99, "endsAt": ends}}
    await api.ok(TOGGLE, {"id": offer["id"]}, admin.token)
    records = await AuditRecord.filter(target_id=offer["id"]).order_by("id")
    assert [(r.action, r.actor_id) for r in records] == [
        ("offer.create", admin.id), ("offer.update", admin.id), ("offer.set_active", admin.id)
    ]
    assert (records[1].before["title"], records[1].after["title"], records[2].after) == ("Audited", "Renamed", {"isActive": False})


async def test_only_admins_manage_offers_and_only_members_activate(api, people, frozen_clock):
    admin, cashier, store, member = people
    offer = await make_offer(api, admin, frozen_clock.now())
    payload = {"title": "X", "rewardPoints": 5, "goal": "VISITS", "goalTarget": "1", **window(frozen_clock.now())}
    for token in (cashier.token, member.token):
        assert await api.error_code(CREATE, {"input": payload}, token) == "FORBIDDEN"
        assert await api.error_code(UPDATE, {"input": {"id": offer["id"], "title": "Y"}}, token) == "FORBIDDEN"
        assert await api.error_code(TOGGLE, {"id": offer["id"]}, token) == "FORBIDDEN"
        assert await api.error_code(LIST, token=token) == "FORBIDDEN"
    assert await api.error_code(ACTIVATE, {"input": {"offerId": offer["id"]}}, cashier.token) == "FORBIDDEN"
    assert await api.error_code(ACTIVATE, {"input": {"offerId": offer["id"]}}) == "UNAUTHENTICATED"
    # nothing was written by the refused calls
    assert (await Offer.all().values_list("title", "is_active")) == [("Three visits", True)]
    assert not await OfferActivation.exists()


async def test_malformed_offers_are_refused_and_nothing_is_written(api, people, frozen_clock):
    admin, cashier, store, member = people
    now = frozen_clock.now()
    base = {"title": "Bad", "rewardPoints": 5, "goal": "VISITS", "goalTarget": "1", **window(now)}
    cases = [
        ({"rewardPoints": 0}, "INVALID_INPUT", "rewardPoints"),
        ({"endsAt": (now - timedelta(days=2)).isoformat()}, "INVALID_INPUT", "endsAt"),
        ({"goalTarget": "1.5"}, "INVALID_INPUT", "goalTarget"),
        ({"goal": "SKU_PURCHASES"}, "INVALID_INPUT", "goalSku"),
        ({"goal": "SPEND", "goalTarget": "10.00", "goalCategory": "a", "goalSku": "b"}, "INVALID_INPUT", "goalSku"),
        ({"segmentSpendDays": 30}, "INVALID_INPUT", "segmentMinSpend"),
        ({"segmentInactiveDays": 0}, "INVALID_INPUT", "segmentInactiveDays"),
        ({"target": "MEMBERS"}, "INVALID_INPUT", "memberIds"),
        ({"target": "MEMBERS", "memberIds": ["00000000-0000-0000-0000-000000000000"]}, "NOT_FOUND", "memberIds"),
        ({"memberIds": [member.id]}, "INVALID_INPUT", "memberIds"),
        ({"segmentTierId": "00000000-0000-0000-0000-000000000000"}, "NOT_FOUND", "segmentTierId"),
        ({"maxCompletions": 0}, "INVALID_INPUT", "maxCompletions"),
    ]
    for change, code, field in cases:
        result = (await api.ok(CREATE, {"input": {**base, **change}}, admin.token))["createOffer"]
        assert (result.get("code"), result.get("field")) == (code, field), change
    assert not await Offer.exists()
    assert not await AuditRecord.filter(action__startswith="offer.").exists()


async def test_activation_with_a_key_replays_and_a_reused_key_is_refused(api, people, frozen_clock):
    admin, cashier, store, member = people
    first = await make_offer(api, admin, frozen_clock.now(), title="One")
    second = await make_offer(api, admin, frozen_clock.now(), title="Two")
    key = new_key()
    done = await activate(api, member, first["id"], key)
    again = await activate(api, member, first["id"], key)
    assert (done["replayed"], again["replayed"], again["alreadyActivated"]) == (False, True, False)
    reused = await activate(api, member, second["id"], key)
    assert reused["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await OfferActivation.filter(member_id=member.id).count() == 1


async def test_extending_an_offer_reaches_members_who_activated_it(api, people, frozen_clock):
    admin, cashier, store, member = people
    now = frozen_clock.now()
    offer = await make_offer(api, admin, now, title="Short", goalTarget="2", endsAt=(now + timedelta(days=2)).isoformat())
    await activate(api, member, offer["id"])
    await buy(api, cashier, member.id, store, "5.00")
    # when the admin extends it by a week and the member buys after the old end
    await api.ok(UPDATE, {"input": {"id": offer["id"], "endsAt": (now + timedelta(days=9)).isoformat()}}, admin.token)
    frozen_clock.advance(timedelta(days=5))
    done = await buy(api, cashier, member.id, store, "5.00")
    # then the purchase completes it
    assert [c["title"] for c in done["completedOffers"]] == ["Short"]
    assert [o["completed"] for o in await my_offers(api, member)] == [True]
