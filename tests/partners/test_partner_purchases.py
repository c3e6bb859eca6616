"""Sales at a partner's stores: the partner's earn rate, only its own stores, replays."""
from __future__ import annotations

from decimal import Decimal

from tests.conftest import new_key
from tests.earning.conftest import make_rule
from tests.partners.conftest import PURCHASE, make_key, make_partner, partner_buy, partner_store
from wallet.actors import Actor
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.partners.models import SettlementEntry
from wallet.tiers import service as tiers


def _sale(member_id, store, amount="10.00", **extra):
    return {"memberId": member_id, "amount": amount, "currency": "USD",
            "reference": extra.pop("reference", f"P-{new_key()[:8]}"), "storeId": store,
            "idempotencyKey": extra.pop("idempotencyKey", new_key()), **extra}


async def _nothing_written() -> tuple[int, int, int, int]:
    return (await Purchase.all().count(), await LedgerEntry.all().count(),
            await SettlementEntry.all().count(), await IdempotencyRecord.all().count())


async def test_a_partner_sale_earns_at_the_partners_rate_and_is_settled(api, coalition):
    # given Fuel & Go earns 2 points per 1.00 (the program 1) at 0.02 a point
    # when its key records 10.75 for the member
    result = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "10.75")
    # then the member earns floor(10.75 × 2) = 21 points
    assert (result["pointsEarned"], result["basePoints"], result["bonusPoints"]) == (21, 21, 0)
    assert result["member"]["points"]["available"] == 21
    # and the partner is charged 21 points at 0.02: 0.42
    entry = await SettlementEntry.get()
    assert (entry.kind, entry.points, Decimal(entry.point_value), Decimal(entry.amount), str(entry.partner_id)) == (
        "issue", 21, Decimal("0.0200"), Decimal("0.42"), coalition.partner_id
    )
    assert str(entry.purchase_id) == result["purchaseId"]


async def test_an_admin_at_a_partner_store_also_earns_at_the_partners_rate(api, coalition):
    result = await partner_buy(api, coalition.admin.token, coalition.member.id, coalition.store, "5.00")
    assert (result["pointsEarned"], await SettlementEntry.filter(kind="issue", points=10).count()) == (10, 1)


async def test_tier_multipliers_apply_and_their_bonus_is_the_programs(api, coalition):
    # given the entry tier earns ×1.5
    await tiers.create_tier(Actor.system(), name="Insider", rank=0, threshold=Decimal(0), earn_multiplier=Decimal("1.5"))
    # when the member spends 10.00 at the partner (2 points per 1.00)
    result = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "10.00")
    # then they earn floor(10 × 2 × 1.5) = 30: 20 base at the partner's rate and 10 tier bonus
    assert (result["pointsEarned"], result["basePoints"], result["bonusPoints"]) == (30, 20, 10)
    # and the partner pays for its 20 base points only
    assert await SettlementEntry.all().values_list("kind", "points") == [("issue", 20)]


async def test_the_programs_earning_rules_do_not_apply_at_partner_stores(api, coalition):
    await make_rule(api, coalition.admin, name="Big basket", kind="PURCHASE", points=50, minAmount="5.00")
    result = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "10.00")
    assert (result["pointsEarned"], result["appliedRules"]) == (20, [])


async def test_a_partner_key_cannot_record_at_another_partners_store_or_a_program_store(api, coalition):
    # given another partner's store and a program store
    other = await make_partner(api, coalition.admin, name="Other Co")
    other_store = await partner_store(api, coalition.admin, other, name="Other Co Shop")
    program_store = await api.store("Main Street")
    # when Fuel & Go's key records a sale at each
    for store in (other_store, program_store):
        code = await api.error_code(PURCHASE, {"input": _sale(coalition.member.id, store)}, coalition.key)
        # then it is refused, and nothing is written, the idempotency key included
        assert code == "FORBIDDEN"
    assert await _nothing_written() == (0, 0, 0, 0)


async def test_a_cashier_cannot_record_at_a_partner_store(api, coalition):
    cashier = await api.staff("cashier", stores=[])
    code = await api.error_code(PURCHASE, {"input": _sale(coalition.member.id, coalition.store)}, cashier.token)
    assert (code, await _nothing_written()) == ("FORBIDDEN", (0, 0, 0, 0))


async def test_a_partner_key_names_the_member_by_id(api, coalition):
    sale = _sale(None, coalition.store, cardNumber=coalition.member.card_number)
    del sale["memberId"]
    result = (await api.ok(PURCHASE, {"input": sale}, coalition.key))["recordPurchase"]
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "memberId")
    assert await _nothing_written() == (0, 0, 0, 0)


async def test_a_retried_partner_sale_is_recorded_and_settled_once(api, coalition):
    sale = _sale(coalition.member.id, coalition.store, "10.00", idempotencyKey="pos-1", reference="FG-1")
    first = (await api.ok(PURCHASE, {"input": sale}, coalition.key))["recordPurchase"]
    again = (await api.ok(PURCHASE, {"input": sale}, coalition.key))["recordPurchase"]
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert (again["purchaseId"], again["pointsEarned"]) == (first["purchaseId"], 20)
    assert (await Purchase.all().count(), await SettlementEntry.all().count()) == (1, 1)
    # and the same key with another amount is refused, writing nothing
    changed = (await api.ok(PURCHASE, {"input": {**sale, "amount": "11.00"}}, coalition.key))["recordPurchase"]
    assert changed["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert (await Purchase.all().count(), await SettlementEntry.all().count()) == (1, 1)


async def test_the_idempotency_keys_of_two_partner_keys_do_not_collide(api, coalition):
    second = await make_key(api, coalition.admin, coalition.partner_id, scopes=["purchases"])
    a = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "1.00", key="k")
    b = await partner_buy(api, second["secret"], coalition.member.id, coalition.store, "2.00", key="k")
    assert (a["replayed"], b["replayed"], a["purchaseId"] != b["purchaseId"]) == (False, False, True)
