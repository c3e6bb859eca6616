"""Assigned associates: admins assign staff to members (audited), the member sees who and
how to reach them, staff see their clients with recent history in a constant number of
statements."""
from __future__ import annotations

from tests.care.conftest import give_points
from tests.conftest import new_key
from wallet.audit.models import AuditRecord
from wallet.care.models import MemberAssociate

ASSIGN = """mutation($input: AssignAssociateInput!) { assignAssociate(input: $input) {
  __typename
  ... on AssignAssociateSuccess { member { id associate { name email phone } } }
  ... on NotFoundError { field }
  ... on Error { code message } } }"""

UPDATE_STAFF = """mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
  __typename ... on UpdateStaffSuccess { staff { phone } } ... on Error { code message } } }"""

CLIENTS = """query($first: Int, $after: String) { myClients(first: $first, after: $after) {
  edges { cursor node { assignedAt member { name points { available } }
                        recentActivity { kind amount reason } } }
  pageInfo { hasNextPage endCursor } } }"""


async def assign(api, admin, member_id, staff_id):
    return (await api.ok(ASSIGN, {"input": {"memberId": member_id, "staffId": staff_id}}, admin.token))["assignAssociate"]


async def test_an_admin_assigns_an_associate_the_member_sees_how_to_reach(api, frozen_clock):
    # given Chloé, a cashier with a phone number, and a member
    admin = await api.staff("admin")
    chloe = await api.staff("cashier")
    await api.ok(UPDATE_STAFF, {"input": {"staffId": chloe.id, "name": "Chloé", "phone": "+33 1 23 45 67 89"}}, admin.token)
    member = await api.sign_up("Ana")
    # when the admin assigns her
    result = await assign(api, admin, member.id, chloe.id)
    # then the wallet shows her name, e-mail and phone
    expected = {"name": "Chloé", "email": chloe.email, "phone": "+33 1 23 45 67 89"}
    assert result["member"]["associate"] == expected
    me = await api.ok("{ me { associate { name email phone } } }", token=member.token)
    assert me["me"]["associate"] == expected
    record = await AuditRecord.get(action="associate.assign")
    assert (record.actor_id, str(record.member_id), record.before, record.after) == (
        admin.id, member.id, {"staffId": None}, {"staffId": chloe.id, "staffName": "Chloé"},
    )


async def test_reassigning_replaces_and_null_removes_each_audited_once(api, frozen_clock):
    admin = await api.staff("admin")
    first, second = await api.staff("cashier"), await api.staff("admin")
    member = await api.sign_up()
    await assign(api, admin, member.id, first.id)
    await assign(api, admin, member.id, first.id)  # the same again writes nothing
    await assign(api, admin, member.id, second.id)
    removed = await assign(api, admin, member.id, None)
    assert removed["member"]["associate"] is None
    assert await MemberAssociate.all().count() == 0
    actions = await AuditRecord.filter(action__startswith="associate.").order_by("id").values_list("action", "before", "after")
    assert actions == [
        ("associate.assign", {"staffId": None}, {"staffId": first.id, "staffName": ""}),
        ("associate.assign", {"staffId": first.id}, {"staffId": second.id, "staffName": ""}),
        ("associate.unassign", {"staffId": second.id}, {"staffId": None}),
    ]
    me = await api.ok("{ me { associate { name } } }", token=member.token)
    assert me["me"]["associate"] is None


async def test_unknown_members_and_staff_are_refused(api, frozen_clock):
    admin = await api.staff("admin")
    member = await api.sign_up()
    unknown_staff = await assign(api, admin, member.id, "00000000-0000-0000-0000-000000000000")
    unknown_member = await assign(api, admin, "00000000-0000-0000-0000-000000000000", admin.id)
    assert (unknown_staff["code"], unknown_staff["field"]) == ("NOT_FOUND", "staffId")
    assert (unknown_member["code"], unknown_member["field"]) == ("NOT_FOUND", "memberId")
    assert await MemberAssociate.all().count() == 0


async def test_only_admins_assign(api, frozen_clock):
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    variables = {"input": {"memberId": member.id, "staffId": cashier.id}}
    assert await api.error_code(ASSIGN, variables, cashier.token) == "FORBIDDEN"
    assert await api.error_code(ASSIGN, variables, member.token) == "FORBIDDEN"
    assert await MemberAssociate.all().count() == 0
    assert await AuditRecord.filter(action__startswith="associate.").count() == 0


async def test_staff_see_their_clients_with_recent_history_paged(api, frozen_clock):
    # given a cashier with three clients, each with seven entries, and another cashier's client
    admin = await api.staff("admin")
    cashier, other = await api.staff("cashier"), await api.staff("cashier")
    clients = [await api.sign_up(f"Client {n}") for n in range(3)]
    for client in clients:
        await assign(api, admin, client.id, cashier.id)
        for points in range(1, 8):
            await give_points(api, admin, client, points)
    await assign(api, admin, (await api.sign_up("Not mine")).id, other.id)
    # when the cashier reads their first two clients
    page = (await api.ok(CLIENTS, {"first": 2}, cashier.token))["myClients"]
    # then they are in order of assignment, each with the five newest entries
    assert [e["node"]["member"]["name"] for e in page["edges"]] == ["Client 0", "Client 1"]
    assert page["edges"][0]["node"]["member"]["points"]["available"] == 28
    assert [e["amount"] for e in page["edges"][0]["node"]["recentActivity"]] == [7, 6, 5, 4, 3]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = (await api.ok(CLIENTS, {"first": 2, "after": page["pageInfo"]["endCursor"]}, cashier.token))["myClients"]
    assert [e["node"]["member"]["name"] for e in rest["edges"]] == ["Client 2"]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_a_page_of_clients_costs_the_same_statements_whatever_its_size(api, frozen_clock):
    from tests.scan.test_query_counts import counting_queries

    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    for n in range(6):
        client = await api.sign_up(f"Client {n}")
        await assign(api, admin, client.id, cashier.id)
        await give_points(api, admin, client, 10)
    with counting_queries() as small:
        await api.ok(CLIENTS, {"first": 2}, cashier.token)
    with counting_queries() as large:
        page = (await api.ok(CLIENTS, {"first": 6}, cashier.token))["myClients"]
    assert len(page["edges"]) == 6
    # the viewer, their clients, the members, their accounts and their entries: one each
    assert (small.count, large.count) == (5, 5)


async def test_members_have_no_clients(api, frozen_clock):
    member = await api.sign_up()
    assert await api.error_code(CLIENTS, {}, member.token) == "FORBIDDEN"
    assert await api.error_code(CLIENTS, {}) == "UNAUTHENTICATED"
