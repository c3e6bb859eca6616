"""Purchase rules beyond the base rate: minimum basket, category and SKU multipliers,
happy hours, how they combine with tier multipliers, pending points and refunds."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from tests.earning.conftest import buy, make_rule, refund
from tests.scan.test_query_counts import counting_queries
from wallet.actors import Actor
from wallet.audit.models import AuditRecord
from wallet.earning.models import RuleGrant
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.program.models import PROGRAM_ID, Program
from wallet.tiers import service as tiers


async def entries(reference: str) -> list[tuple[str, int, str]]:
    return await LedgerEntry.filter(reference=reference).order_by("id").values_list("kind", "amount", "reason")


async def test_a_basket_of_at_least_50_earns_the_minimum_basket_bonus(api, people):
    admin, cashier, store, member = people
    # given 20 bonus points on baskets of 50.00 or more
    await make_rule(api, admin, name="Big basket", kind="PURCHASE", points=20, minAmount="50.00")
    # when the member buys for 49.99, then for 50.00
    small = await buy(api, cashier, member.id, store, "49.99")
    big = await buy(api, cashier, member.id, store, "50.00", reference="BIG-1")
    # then 49.99 earns its 49 base points only; 50.00 earns 50 + 20, explained
    assert (small["pointsEarned"], small["appliedRules"]) == (49, [])
    assert (big["pointsEarned"], big["basePoints"], big["bonusPoints"]) == (70, 50, 0)
    assert big["appliedRules"] == [{"name": "Big basket", "points": 20}]
    assert await entries("BIG-1") == [("earn", 50, "Purchase"), ("bonus", 20, "Bonus: Big basket")]
    assert big["member"]["points"] == {"available": 119, "pending": 0, "lifetime": 119}
    # and the grant is audited with the purchase
    record = await AuditRecord.filter(action="purchase.record", target_id=big["purchaseId"]).get()
    assert [r["points"] for r in record.after["rules"]] == [20]


async def test_a_category_multiplier_counts_the_matching_lines_only(api, people):
    admin, cashier, store, member = people
    # given triple points on coffee
    await make_rule(api, admin, name="Coffee x3", kind="PURCHASE", multiplier="3", category="coffee")
    lines = [
        {"sku": "LATTE", "category": "coffee", "quantity": 2, "amount": "10.50"},
        {"sku": "CROISSANT", "category": "bakery", "quantity": 1, "amount": "19.50"},
    ]
    # when a 30.00 sale holds 10.50 of coffee
    result = await buy(api, cashier, member.id, store, "30.00", lines=lines)
    # then it earns 30 base points and floor(10.50 × (3 − 1)) = 21 more
    assert (result["pointsEarned"], result["appliedRules"]) == (51, [{"name": "Coffee x3", "points": 21}])
    # and a sale without lines matches no category rule
    plain = await buy(api, cashier, member.id, store, "30.00")
    assert (plain["pointsEarned"], plain["appliedRules"]) == (30, [])


async def test_a_sku_bonus_needs_that_sku(api, people):
    admin, cashier, store, member = people
    await make_rule(api, admin, name="New blend", kind="PURCHASE", points=15, sku="BLEND-9")
    other = [{"sku": "LATTE", "category": "coffee", "quantity": 1, "amount": "4.00"}]
    match = [{"sku": "BLEND-9", "quantity": 1, "amount": "4.00"}]
    assert (await buy(api, cashier, member.id, store, "4.00", lines=other))["pointsEarned"] == 4
    assert (await buy(api, cashier, member.id, store, "4.00", lines=match))["pointsEarned"] == 19


async def test_lines_that_do_not_add_up_are_refused_and_write_nothing(api, people):
    _, cashier, store, member = people
    lines = [{"sku": "A", "quantity": 1, "amount": "10.00"}, {"sku": "B", "quantity": 1, "amount": "9.99"}]
    result = await buy(api, cashier, member.id, store, "20.00", lines=lines)
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "lines")
    assert await Purchase.all().count() == 0
    assert await IdempotencyRecord.all().count() == 0


async def test_a_happy_hour_doubles_base_points_beside_the_tier_bonus(api, people, frozen_clock):
    admin, cashier, store, member = people
    # given every member in Gold (×1.5) and double points from 17:00 to 19:00
    await tiers.create_tier(Actor.system(), name="Gold", rank=0, threshold=Decimal(0), earn_multiplier=Decimal("1.5"))
    await make_rule(api, admin, name="Happy hour", kind="PURCHASE", multiplier="2", dailyFrom="17:00", dailyUntil="19:00")
    # when the member buys for 100.00 at 18:00, then at 19:00
    frozen_clock.set(datetime(2026, 3, 15, 18, 0, tzinfo=UTC))
    inside = await buy(api, cashier, member.id, store, "100.00", reference="HH-1")
    frozen_clock.set(datetime(2026, 3, 15, 19, 0, tzinfo=UTC))
    after = await buy(api, cashier, member.id, store, "100.00")
    # then inside the hour: 100 base + 50 Gold bonus + 100 happy-hour points (on the base
    # points only: rules do not compound with the tier)
    assert (inside["pointsEarned"], inside["bonusPoints"]) == (250, 50)
    assert inside["appliedRules"] == [{"name": "Happy hour", "points": 100}]
    assert await entries("HH-1") == [
        ("earn", 100, "Purchase"),
        ("bonus", 50, "Gold tier bonus"),
        ("bonus", 100, "Bonus: Happy hour"),
    ]
    # and at 19:00 it is over
    assert (after["pointsEarned"], after["appliedRules"]) == (150, [])


async def test_an_overnight_happy_hour_wraps_past_midnight_in_the_programs_zone(api, people, frozen_clock):
    admin, cashier, store, member = people
    await Program.filter(id=PROGRAM_ID).update(timezone="Europe/Paris")
    await make_rule(api, admin, name="Night owl", kind="PURCHASE", points=7, dailyFrom="22:00", dailyUntil="02:00")
    frozen_clock.set(datetime(2026, 3, 15, 0, 30, tzinfo=UTC))  # 01:30 in Paris
    assert (await buy(api, cashier, member.id, store, "10.00"))["pointsEarned"] == 17
    frozen_clock.set(datetime(2026, 3, 15, 1, 30, tzinfo=UTC))  # 02:30 in Paris
    assert (await buy(api, cashier, member.id, store, "10.00"))["pointsEarned"] == 10


async def test_rule_points_are_pending_in_the_return_window_like_the_purchase(api, people):
    admin, cashier, store, member = people
    await Program.filter(id=PROGRAM_ID).update(return_window_days=14)
    await make_rule(api, admin, name="Big basket", kind="PURCHASE", points=20, minAmount="50.00")
    result = await buy(api, cashier, member.id, store, "60.00")
    assert result["pending"] is True
    assert result["member"]["points"] == {"available": 0, "pending": 80, "lifetime": 80}


async def test_a_refund_takes_back_rule_bonuses_in_proportion(api, people):
    admin, cashier, store, member = people
    # given a 60.00 sale that earned 60 + a 20-point basket bonus
    await make_rule(api, admin, name="Big basket", kind="PURCHASE", points=20, minAmount="50.00")
    await buy(api, cashier, member.id, store, "60.00", reference="R-60")
    # when 30.00 is refunded (the basket is now below 50.00)
    result = await refund(api, cashier, "R-60", "30.00")
    # then floor(80 × 30 / 60) = 40 points go back, not the whole bonus
    assert (result["pointsReversed"], result["member"]["points"]["available"]) == (40, 40)
    # and the rest of the refund takes back the rest
    assert (await refund(api, cashier, "R-60", "30.00"))["pointsReversed"] == 40


async def test_a_purchase_rule_capped_per_member_per_day(api, people, frozen_clock):
    admin, cashier, store, member = people
    await make_rule(api, admin, name="First coffee", kind="PURCHASE", points=10, capPerMemberPerDay=1)
    results = [await buy(api, cashier, member.id, store, "3.00") for _ in range(2)]
    frozen_clock.set(datetime(2026, 3, 16, 9, tzinfo=UTC))
    tomorrow = await buy(api, cashier, member.id, store, "3.00")
    assert [r["pointsEarned"] for r in (*results, tomorrow)] == [13, 3, 13]
    assert await RuleGrant.all().count() == 2


async def test_a_sale_with_rules_that_do_not_apply_costs_no_more_statements(api, people):
    admin, cashier, store, member = people
    await buy(api, cashier, member.id, store, "5.00")
    with counting_queries() as without_rules:
        await buy(api, cashier, member.id, store, "5.00")
    # given two active rules that this sale does not meet
    await make_rule(api, admin, name="Big basket", kind="PURCHASE", points=20, minAmount="500.00")
    await make_rule(api, admin, name="Coffee x3", kind="PURCHASE", multiplier="3", category="coffee")
    with counting_queries() as with_rules:
        result = await buy(api, cashier, member.id, store, "5.00")
    assert result["appliedRules"] == []
    # then the sale makes exactly as many statements as without rules
    assert with_rules.count == without_rules.count


async def test_concurrent_sales_of_many_members_keep_the_rules_budget(api, people, postgres_only):
    import asyncio

    admin, cashier, store, _ = people
    # given a 20-point basket bonus with a budget of 50 points
    await make_rule(api, admin, name="Big basket", kind="PURCHASE", points=20, minAmount="50.00", budgetPoints=50)
    members = [await api.sign_up() for _ in range(6)]
    # when six members buy for 60.00 at once
    results = await asyncio.gather(*(buy(api, cashier, m.id, store, "60.00") for m in members))
    # then two got the bonus, and the budget holds 40 of its 50 points
    assert sorted(r["pointsEarned"] for r in results) == [60] * 4 + [80] * 2
    assert await RuleGrant.all().count() == 2


async def test_a_plan_restricted_rule_applies_to_members_of_that_plan_only(api, people):
    from tests.memberships.conftest import join, make_plan

    admin, cashier, store, member = people
    # given Plus (×2) and a basket bonus for Plus members only
    plus = await make_plan(earn_multiplier=Decimal("2"), bonus_points=0)
    await make_rule(api, admin, name="Plus basket", kind="PURCHASE", points=10, minAmount="20.00", planIds=[str(plus.id)])
    await join(api, member, plus.id)
    other = await api.sign_up()
    # when a Plus member and another member each buy for 20.00
    mine = await buy(api, cashier, member.id, store, "20.00")
    theirs = await buy(api, cashier, other.id, store, "20.00")
    # then the Plus member earns 20 base + 20 plan bonus + 10; the other 20
    assert (mine["pointsEarned"], mine["appliedRules"]) == (50, [{"name": "Plus basket", "points": 10}])
    assert (theirs["pointsEarned"], theirs["appliedRules"]) == (20, [])


async def test_rules_that_make_no_sense_are_refused(api, people):
    from tests.earning.conftest import CREATE

    admin = people[0]
    cases = [
        ({"name": "Both", "kind": "PURCHASE", "points": 5, "category": "coffee", "sku": "LATTE"}, "INVALID_INPUT", "sku"),
        ({"name": "Hours", "kind": "PURCHASE", "points": 5, "dailyFrom": "25:00", "dailyUntil": "02:00"}, "INVALID_INPUT", "dailyFrom"),
        ({"name": "Half", "kind": "PURCHASE", "points": 5, "dailyFrom": "17:00"}, "INVALID_INPUT", "dailyFrom"),
        ({"name": "Huge", "kind": "PURCHASE", "multiplier": "11"}, "INVALID_INPUT", "multiplier"),
        ({"name": "Sure", "kind": "SURPRISE", "points": 5, "chanceOneIn": 1}, "INVALID_INPUT", "chanceOneIn"),
        ({"name": "Cap", "kind": "PURCHASE", "points": 5, "capPerMemberPerDay": 0}, "INVALID_INPUT", "capPerMemberPerDay"),
        ({"name": "Ghost", "kind": "PURCHASE", "points": 5, "tierIds": ["00000000-0000-0000-0000-000000000000"]}, "NOT_FOUND", "tierIds"),
    ]
    for rule, code, field in cases:
        result = (await api.ok(CREATE, {"input": rule}, admin.token))["createEarningRule"]
        assert (result.get("code"), result.get("field")) == (code, field), rule
    assert await RuleGrant.all().count() == 0
    from wallet.earning.models import EarningRule

    assert await EarningRule.all().count() == 0
