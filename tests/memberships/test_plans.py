"""Admins define plans; everyone reads the open ones."""
from __future__ import annotations

from wallet.audit.models import AuditRecord
from wallet.memberships.models import MembershipPlan

CREATE = """mutation($input: CreateMembershipPlanInput!) { createMembershipPlan(input: $input) { __typename
  ... on MembershipPlanSuccess { plan { id name price currency interval trialDays isActive
      benefits { earnMultiplier bonusPoints freeShipping cashbackPercent exclusiveRewards } } }
  ... on InvalidInputError { field }
  ... on Error { code } } }"""
UPDATE = """mutation($input: UpdateMembershipPlanInput!) { updateMembershipPlan(input: $input) { __typename
  ... on MembershipPlanSuccess { plan { price isActive } }
  ... on Error { code } } }"""
PLANS = "{ membershipPlans { name price interval } }"

PLUS = {
    "name": "Plus",
    "price": "9.99",
    "currency": "usd",
    "interval": "MONTH",
    "trialDays": 14,
    "earnMultiplier": "1.5",
    "bonusPoints": 100,
    "freeShipping": True,
    "cashbackPercent": "2",
}


async def test_an_admin_creates_a_plan_and_it_is_audited(api):
    admin = await api.staff("admin")
    result = (await api.ok(CREATE, {"input": PLUS}, admin.token))["createMembershipPlan"]
    plan = result["plan"]
    assert {k: v for k, v in plan.items() if k != "id"} == {
        "name": "Plus",
        "price": "9.99",
        "currency": "USD",
        "interval": "MONTH",
        "trialDays": 14,
        "isActive": True,
        "benefits": {
            "earnMultiplier": "1.5",
            "bonusPoints": 100,
            "freeShipping": True,
            "cashbackPercent": "2.0",
            "exclusiveRewards": False,
        },
    }
    record = await AuditRecord.get(action="plan.create")
    assert (record.actor_id, record.target_id, record.after["price"]) == (admin.id, plan["id"], "9.99")
    assert (await api.ok(PLANS))["membershipPlans"] == [{"name": "Plus", "price": "9.99", "interval": "MONTH"}]


async def test_a_closed_plan_is_not_listed(api):
    admin = await api.staff("admin")
    plan = (await api.ok(CREATE, {"input": PLUS}, admin.token))["createMembershipPlan"]["plan"]
    closed = (await api.ok(UPDATE, {"input": {"id": plan["id"], "isActive": False, "price": "11.00"}}, admin.token))
    assert closed["updateMembershipPlan"]["plan"] == {"price": "11.00", "isActive": False}
    assert (await api.ok(PLANS))["membershipPlans"] == []
    record = await AuditRecord.get(action="plan.update")
    assert (record.before["price"], record.after["price"], record.after["is_active"]) == ("9.99", "11.00", "False")


async def test_invalid_plans_are_refused_and_nothing_is_written(api):
    admin = await api.staff("admin")
    for field, value, name in [
        ("price", "0", "price"),
        ("price", "9.999", "price"),
        ("earnMultiplier", "0.5", "earnMultiplier"),
        ("cashbackPercent", "101", "cashbackPercent"),
        ("trialDays", -1, "trialDays"),
        ("currency", "US", "currency"),
    ]:
        result = (await api.ok(CREATE, {"input": {**PLUS, field: value}}, admin.token))["createMembershipPlan"]
        assert (result["__typename"], result["field"]) == ("InvalidInputError", name)
    assert await MembershipPlan.all().count() == 0
    assert await AuditRecord.filter(action="plan.create").count() == 0


async def test_only_admins_manage_plans(api):
    cashier, member = await api.staff("cashier"), await api.sign_up()
    assert await api.error_code(CREATE, {"input": PLUS}, cashier.token) == "FORBIDDEN"
    assert await api.error_code(CREATE, {"input": PLUS}, member.token) == "FORBIDDEN"
    unknown = {"input": {"id": "00000000-0000-0000-0000-000000000000", "price": "1.00"}}
    admin = await api.staff("admin")
    assert (await api.ok(UPDATE, unknown, admin.token))["updateMembershipPlan"]["code"] == "NOT_FOUND"
    assert await api.error_code("{ membershipPlans(includeInactive: true) { name } }", token=member.token) == "FORBIDDEN"


async def test_the_demo_seeds_two_plans_once(api):
    from wallet.memberships.service import seed_demo_plans

    await seed_demo_plans("USD")
    await seed_demo_plans("USD")
    assert (await api.ok(PLANS))["membershipPlans"] == [
        {"name": "Plus", "price": "9.99", "interval": "MONTH"},
        {"name": "Plus Yearly", "price": "99.00", "interval": "YEAR"},
    ]


async def test_the_demo_seed_runs_end_to_end(database, passwords):
    from wallet.demo import seed

    credentials = await seed(passwords, database.max_purchase_amount)
    assert any(line.startswith("member   ada@demo.wallet") for line in credentials.lines)
    assert await MembershipPlan.all().count() == 2
