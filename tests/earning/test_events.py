"""Event rules: sign-up, reviews, check-ins and custom events, with their caps."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tests.conftest import new_key
from tests.earning.conftest import CREATE, EVENT, event, make_rule
from wallet.actors import Actor
from wallet.audit.models import AuditRecord
from wallet.earning.models import EarningRule, RuleGrant
from wallet.ledger.models import LedgerEntry
from wallet.program.models import PROGRAM_ID, Program
from wallet.tiers import service as tiers


async def test_a_sign_up_bonus_is_granted_once_per_member(api, people):
    admin, _, _, member = people
    # given a sign-up bonus of 100 points, at most once per member
    await make_rule(api, admin, name="Welcome", kind="EVENT", eventType="sign_up", points=100, capPerMember=1)
    # when the sign-up is reported, then reported again under another reference
    first = await event(api, admin, member.id, "sign_up", "signup-1")
    second = await event(api, admin, member.id, "sign_up", "signup-2")
    # then the member got 100 points once, written as a bonus entry naming the rule
    assert (first["pointsAwarded"], first["appliedRules"]) == (100, [{"name": "Welcome", "points": 100}])
    assert (second["pointsAwarded"], second["appliedRules"]) == (0, [])
    assert second["member"]["points"] == {"available": 100, "lifetime": 100}
    assert await LedgerEntry.all().values_list("kind", "amount", "reason", "reference") == [
        ("bonus", 100, "Bonus: Welcome", "signup-1")
    ]
    assert await RuleGrant.all().count() == 1


async def test_the_same_review_earns_once_whatever_the_idempotency_key(api, people):
    admin, _, _, member = people
    await make_rule(api, admin, name="Review", kind="EVENT", eventType="product_review", points=20)
    # when review-1 is posted twice under two keys, and review-2 once
    results = [
        await event(api, admin, member.id, "product_review", "review-1"),
        await event(api, admin, member.id, "product_review", "review-1"),
        await event(api, admin, member.id, "product_review", "review-2"),
    ]
    # then each review earned 20 points once
    assert [r["pointsAwarded"] for r in results] == [20, 0, 20]
    assert results[-1]["member"]["points"]["available"] == 40


async def test_a_retry_with_the_same_key_replays_the_grant(api, people):
    admin, _, _, member = people
    await make_rule(api, admin, name="Check-in", kind="EVENT", eventType="app_check_in", points=5)
    first = await event(api, admin, member.id, "app_check_in", "2026-03-15", key="k-1")
    again = await event(api, admin, member.id, "app_check_in", "2026-03-15", key="k-1")
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert again["appliedRules"] == [{"name": "Check-in", "points": 5}]
    assert await LedgerEntry.all().count() == 1


async def test_the_daily_cap_counts_days_in_the_programs_time_zone(api, people, frozen_clock):
    admin, _, _, member = people
    # given a program in New York and a check-in worth 5 points once a day
    await Program.filter(id=PROGRAM_ID).update(timezone="America/New_York")
    await make_rule(api, admin, name="Check-in", kind="EVENT", eventType="app_check_in", points=5, capPerMemberPerDay=1)
    # when the member checks in at 08:00, 23:00 and 00:30 the next day, New York time
    frozen_clock.set(datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    morning = await event(api, admin, member.id, "app_check_in", "a")
    frozen_clock.set(datetime(2026, 3, 16, 3, 0, tzinfo=UTC))
    night = await event(api, admin, member.id, "app_check_in", "b")
    frozen_clock.set(datetime(2026, 3, 16, 4, 30, tzinfo=UTC))
    next_day = await event(api, admin, member.id, "app_check_in", "c")
    # then the second check-in of the 15th earns nothing, the 16th's earns again
    assert [r["pointsAwarded"] for r in (morning, night, next_day)] == [5, 0, 5]


async def test_the_monthly_cap_limits_grants_per_calendar_month(api, people, frozen_clock):
    admin, _, _, member = people
    await make_rule(api, admin, name="Share", kind="EVENT", eventType="social_share", points=3, capPerMemberPerMonth=2)
    frozen_clock.set(datetime(2026, 3, 30, 12, tzinfo=UTC))
    march = [await event(api, admin, member.id, "social_share", f"m{n}") for n in range(3)]
    frozen_clock.set(datetime(2026, 4, 1, 12, tzinfo=UTC))
    april = await event(api, admin, member.id, "social_share", "a1")
    assert [r["pointsAwarded"] for r in march] == [3, 3, 0]
    assert april["pointsAwarded"] == 3


async def test_the_overall_budget_stops_grants_that_would_pass_it(api, people):
    admin, _, _, first = people
    # given a birthday bonus of 40 points with a budget of 100 points in all
    rule = await make_rule(api, admin, name="Birthday", kind="EVENT", eventType="birthday", points=40, budgetPoints=100)
    members = [first, await api.sign_up(), await api.sign_up()]
    # when three members have their birthday
    results = [await event(api, admin, m.id, "birthday", "2026") for m in members]
    # then two get 40 points; the third would pass the budget and gets none
    assert [r["pointsAwarded"] for r in results] == [40, 40, 0]
    assert (await EarningRule.get(id=rule["id"])).points_granted == 80


async def test_a_custom_event_from_a_trusted_system_earns_its_rule(api, people):
    admin, _, _, member = people
    await make_rule(api, admin, name="Workshop", kind="EVENT", eventType="attended_workshop", points=50)
    result = await event(api, admin, member.id, "attended_workshop", "ws-7")
    assert result["appliedRules"] == [{"name": "Workshop", "points": 50}]


async def test_a_badly_named_event_type_is_refused_and_writes_nothing(api, people):
    admin, _, _, member = people
    result = await event(api, admin, member.id, "Not An Event!", "x")
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "type")
    assert await LedgerEntry.all().count() == 0


async def test_rules_outside_their_window_or_switched_off_do_not_apply(api, people, frozen_clock):
    admin, _, _, member = people
    # given a rule that ended yesterday, one that starts tomorrow, and one switched off
    now = frozen_clock.now()
    await make_rule(api, admin, name="Past", kind="EVENT", eventType="app_check_in", points=1,
                    startsAt=(now - timedelta(days=9)).isoformat(), endsAt=(now - timedelta(days=1)).isoformat())
    await make_rule(api, admin, name="Future", kind="EVENT", eventType="app_check_in", points=2,
                    startsAt=(now + timedelta(days=1)).isoformat())
    off = await make_rule(api, admin, name="Off", kind="EVENT", eventType="app_check_in", points=4)
    switched = await api.ok(
        "mutation($id: ID!) { setEarningRuleActive(id: $id, isActive: false) { __typename } }", {"id": off["id"]}, admin.token
    )
    assert switched["setEarningRuleActive"]["__typename"] == "EarningRuleSuccess"
    # when the member checks in, then no rule applies
    assert (await event(api, admin, member.id, "app_check_in", "x"))["pointsAwarded"] == 0
    # and switching it back on makes it apply
    await api.ok("mutation($id: ID!) { setEarningRuleActive(id: $id, isActive: true) { __typename } }", {"id": off["id"]}, admin.token)
    assert (await event(api, admin, member.id, "app_check_in", "y"))["pointsAwarded"] == 4


async def test_a_tier_restricted_rule_applies_only_to_that_tier(api, people):
    admin, cashier, store, member = people
    # given Insider (from 0) and Gold (from 1,000 points), and a review bonus for Gold only
    system = Actor.system()
    await tiers.create_tier(system, name="Insider", rank=0, threshold=Decimal(0), earn_multiplier=Decimal(1))
    gold = await tiers.create_tier(system, name="Gold", rank=1, threshold=Decimal(1000), earn_multiplier=Decimal(1))
    await make_rule(api, admin, name="Gold review", kind="EVENT", eventType="product_review", points=30, tierIds=[str(gold.id)])
    insider = await api.sign_up()
    from tests.earning.conftest import buy

    assert (await buy(api, cashier, member.id, store, "1000.00"))["__typename"] == "RecordPurchaseSuccess"
    # when a Gold member and an Insider post a review
    gold_result = await event(api, admin, member.id, "product_review", "r1")
    insider_result = await event(api, admin, insider.id, "product_review", "r1")
    # then only the Gold member earns
    assert (gold_result["pointsAwarded"], insider_result["pointsAwarded"]) == (30, 0)


async def test_rules_and_grants_are_audited(api, people):
    admin, _, _, member = people
    rule = await make_rule(api, admin, name="Welcome", kind="EVENT", eventType="sign_up", points=100)
    await event(api, admin, member.id, "sign_up", "s")
    created = await AuditRecord.get(action="earning_rule.create")
    assert (created.actor_id, created.target_id, created.after["points"]) == (admin.id, rule["id"], 100)
    granted = await AuditRecord.get(action="earning.grant")
    assert granted.after["rules"] == [{"ruleId": rule["id"], "name": "Welcome", "points": 100}]
    assert str(granted.member_id) == member.id


async def test_only_admins_define_rules_and_record_events(api, people):
    _, cashier, _, member = people
    rule = {"name": "X", "kind": "EVENT", "eventType": "sign_up", "points": 1}
    assert await api.error_code(CREATE, {"input": rule}, cashier.token) == "FORBIDDEN"
    payload = {"memberId": member.id, "type": "sign_up", "reference": "x", "idempotencyKey": new_key()}
    assert await api.error_code(EVENT, {"input": payload}, cashier.token) == "FORBIDDEN"
    assert await api.error_code(EVENT, {"input": payload}, member.token) == "FORBIDDEN"


async def test_a_rule_without_points_is_refused(api, people):
    admin = people[0]
    data = await api.ok(CREATE, {"input": {"name": "Nothing", "kind": "EVENT", "eventType": "sign_up"}}, admin.token)
    assert (data["createEarningRule"]["code"], data["createEarningRule"]["field"]) == ("INVALID_INPUT", "points")
    assert await EarningRule.all().count() == 0


async def test_concurrent_events_of_one_member_keep_the_daily_cap(api, people, postgres_only):
    admin, _, _, member = people
    await make_rule(api, admin, name="Check-in", kind="EVENT", eventType="app_check_in", points=5, capPerMemberPerDay=1)
    # when ten check-ins under ten references arrive at once
    results = await asyncio.gather(*(event(api, admin, member.id, "app_check_in", f"c{n}") for n in range(10)))
    # then exactly one earned
    assert sorted(r["pointsAwarded"] for r in results) == [0] * 9 + [5]
    assert await RuleGrant.all().count() == 1


async def test_concurrent_events_of_many_members_keep_the_budget(api, people, postgres_only):
    admin = people[0]
    rule = await make_rule(api, admin, name="Birthday", kind="EVENT", eventType="birthday", points=40, budgetPoints=100)
    members = [await api.sign_up() for _ in range(6)]
    results = await asyncio.gather(*(event(api, admin, m.id, "birthday", "2026") for m in members))
    assert sorted(r["pointsAwarded"] for r in results) == [0] * 4 + [40, 40]
    assert (await EarningRule.get(id=rule["id"])).points_granted == 80


async def test_signing_up_earns_the_sign_up_bonus_at_once_and_only_once(api, people):
    admin = people[0]
    # given a sign-up bonus of 100 points
    await make_rule(api, admin, name="Welcome", kind="EVENT", eventType="sign_up", points=100)
    # when a member signs up
    member = await api.sign_up()
    # then the bonus is in their balance, granted by the system and audited
    assert await LedgerEntry.all().values_list("kind", "amount", "reason", "actor_kind") == [
        ("bonus", 100, "Bonus: Welcome", "system")
    ]
    assert (await AuditRecord.get(action="earning.grant")).actor_kind == "system"
    # and a trusted system reporting the same sign-up adds nothing
    again = await event(api, admin, member.id, "sign_up", "sign-up")
    assert (again["pointsAwarded"], again["member"]["points"]["available"]) == (0, 100)


async def test_the_demo_seeds_its_rules_once(database):
    from wallet.earning.service import seed_demo_rules

    first = await seed_demo_rules()
    assert sorted(r.name for r in first) == ["Big basket", "Check-in", "Happy hour", "Lucky till", "Welcome bonus"]
    assert len(await seed_demo_rules()) == 5


async def test_the_database_refuses_to_change_a_grant_or_pass_a_budget(api, people):
    import pytest

    from wallet import db

    admin, _, _, member = people
    rule = await make_rule(api, admin, name="Birthday", kind="EVENT", eventType="birthday", points=40, budgetPoints=100)
    await event(api, admin, member.id, "birthday", "2026")
    # grants are append-only, as ledger entries are
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query('UPDATE "rule_grant" SET "points" = 4000')
    with pytest.raises(Exception, match="append-only"):
        await db.connection().execute_query('DELETE FROM "rule_grant"')
    # and a budget cannot be passed, whatever writes to it
    with pytest.raises(Exception):
        await db.connection().execute_query('UPDATE "earning_rule" SET "points_granted" = 140')
    assert [(g.points, g.reference) for g in await RuleGrant.all()] == [(40, "2026")]
    assert (await EarningRule.get(id=rule["id"])).points_granted == 40
