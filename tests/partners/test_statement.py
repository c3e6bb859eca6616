"""A partner's statement and the settlement totals, against a hand-computed story."""
from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import new_key
from tests.partners.conftest import STATEMENT, partner_buy
from tests.rewards.conftest import cancel, make_reward, redeem
from wallet.partners.models import SettlementEntry

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename ... on RefundPurchaseSuccess { pointsReversed } ... on Error { code message } } }"""
UPDATE_PARTNER = """mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) {
  __typename ... on PartnerSuccess { partner { pointValue } } } }"""
SETTLEMENTS = """query($from: DateTime!, $to: DateTime!) { partnerSettlements(from: $from, to: $to) {
  partnerId partnerName pointsIssued issuedValue pointsRedeemed redeemedValue net } }"""
WINDOW = {"from": "2026-03-15T00:00:00Z", "to": "2026-03-18T00:00:00Z"}


async def _refund(api, admin, reference, amount):
    payload = {"reference": reference, "amount": amount, "idempotencyKey": new_key()}
    result = (await api.ok(REFUND, {"input": payload}, admin.token))["refundPurchase"]
    assert result["__typename"] == "RefundPurchaseSuccess", result


async def _story(api, coalition, frozen_clock):
    """Fuel & Go: 2 points per 1.00 at 0.02 a point (0.03 from the 16th, after the redemption)."""
    admin, member, key, store = coalition.admin, coalition.member, coalition.key, coalition.store
    reward = await make_reward(name="Car wash", cost_points=30, partner_id=coalition.partner_id)
    own_reward = await make_reward(name="Mug", cost_points=5)
    program_store = await api.store("Main Street")
    cashier = await api.staff("cashier", stores=[program_store])
    # the 15th: 50.00 (100 points, 2.00) and 12.25 (24 points, 0.48); a sale at the program's store
    frozen_clock.set(datetime(2026, 3, 15, 9, 0, tzinfo=UTC))
    await partner_buy(api, key, member.id, store, "50.00", reference="FG-1")
    await partner_buy(api, key, member.id, store, "12.25", reference="FG-2")
    await partner_buy(api, cashier.token, member.id, program_store, "20.00", reference="MS-1")
    # the 16th: half of FG-1 refunded (50 points back, 1.00); a car wash redeemed (30, 0.60);
    # a program reward redeemed; then the point value goes up to 0.03
    frozen_clock.set(datetime(2026, 3, 16, 10, 0, tzinfo=UTC))
    await _refund(api, admin, "FG-1", "25.00")
    first = await redeem(api, member, reward.id)
    assert first["__typename"] == "RedeemRewardSuccess", first
    await redeem(api, member, own_reward.id)
    changed = await api.ok(UPDATE_PARTNER, {"input": {"id": coalition.partner_id, "pointValue": "0.03"}}, admin.token)
    assert changed["updatePartner"]["partner"]["pointValue"] == "0.0300"
    # the 17th: another car wash (30, 0.90 now); the first cancelled (-30, valued as redeemed:
    # -0.60); 5.00 bought (10 points, 0.30 now); the rest of FG-1 refunded (-50, valued as
    # issued: -1.00)
    frozen_clock.set(datetime(2026, 3, 17, 23, 59, tzinfo=UTC))
    await redeem(api, member, reward.id)
    cancelled = await cancel(api, member, first["voucher"]["id"])
    assert cancelled["__typename"] == "CancelRedemptionSuccess", cancelled
    await partner_buy(api, key, member.id, store, "5.00", reference="FG-3")
    await _refund(api, admin, "FG-1", "25.00")
    # the 18th, outside the window: 100.00 (200 points)
    frozen_clock.set(datetime(2026, 3, 18, 0, 0, tzinfo=UTC))
    await partner_buy(api, key, member.id, store, "100.00", reference="FG-4")


async def test_the_statement_adds_each_days_movements_at_their_point_values(api, coalition, frozen_clock):
    await _story(api, coalition, frozen_clock)
    # when the admin asks for the 15th to the 17th
    data = await api.ok(STATEMENT, {"partner": coalition.partner_id, **WINDOW}, coalition.admin.token)
    statement = data["partnerStatement"]
    # then each day's lines are as computed by hand
    assert statement["lines"] == [
        {"day": "2026-03-15", "pointsIssued": 124, "issuedValue": "2.48", "pointsRedeemed": 0,
         "redeemedValue": "0.00", "net": "2.48"},
        {"day": "2026-03-16", "pointsIssued": -50, "issuedValue": "-1.00", "pointsRedeemed": 30,
         "redeemedValue": "0.60", "net": "-1.60"},
        {"day": "2026-03-17", "pointsIssued": -40, "issuedValue": "-0.70", "pointsRedeemed": 0,
         "redeemedValue": "0.30", "net": "-1.00"},
    ]
    # and the totals: the partner owes 0.78 for 34 points (124 − 50 − 40), the program 0.90
    # for 30: net −0.12, which the program pays
    assert {k: v for k, v in statement.items() if k != "lines"} == {
        "partner": {"name": "Fuel & Go"}, "from": "2026-03-15T00:00:00+00:00", "to": "2026-03-18T00:00:00+00:00",
        "currency": "USD", "pointsIssued": 34, "issuedValue": "0.78", "pointsRedeemed": 30,
        "redeemedValue": "0.90", "net": "-0.12", "partnerOwes": "0.00", "programOwes": "0.12",
    }
    # and the partner's own key reads the same
    own = await api.ok(STATEMENT, {"partner": coalition.partner_id, **WINDOW}, coalition.key)
    assert own["partnerStatement"] == statement


async def test_a_window_where_the_program_owes_the_partner(api, coalition, frozen_clock):
    await _story(api, coalition, frozen_clock)
    window = {"from": "2026-03-16T00:00:00Z", "to": "2026-03-18T00:00:00Z"}
    data = await api.ok(STATEMENT, {"partner": coalition.partner_id, **window}, coalition.admin.token)
    totals = {k: data["partnerStatement"][k] for k in ("pointsIssued", "issuedValue", "net", "partnerOwes", "programOwes")}
    assert totals == {"pointsIssued": -90, "issuedValue": "-1.70", "net": "-2.60", "partnerOwes": "0.00", "programOwes": "2.60"}


async def test_the_settlement_totals_in_analytics_match_the_statement(api, coalition, frozen_clock):
    await _story(api, coalition, frozen_clock)
    data = await api.ok(SETTLEMENTS, WINDOW, coalition.admin.token)
    assert data["partnerSettlements"] == [
        {"partnerId": coalition.partner_id, "partnerName": "Fuel & Go", "pointsIssued": 34, "issuedValue": "0.78",
         "pointsRedeemed": 30, "redeemedValue": "0.90", "net": "-0.12"}
    ]
    # and only admins read them
    assert await api.error_code(SETTLEMENTS, WINDOW, coalition.key) == "FORBIDDEN"


async def test_settlement_entries_are_append_only(api, coalition):
    import pytest

    await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "1.00")
    with pytest.raises(Exception, match="append-only"):
        await SettlementEntry.filter(kind="issue").update(points=1000)
    with pytest.raises(Exception, match="append-only"):
        await SettlementEntry.all().delete()
    assert await SettlementEntry.all().values_list("points", flat=True) == [2]
