"""Admins manage staff accounts and stores: who may log in, with which role, at which
stores; tokens stop working the moment an account loses its rights."""
from __future__ import annotations

import asyncio
import uuid

import pytest

from tests.staff.conftest import (
    CREATE_STAFF,
    CREATE_STORE,
    CURRENT_STAFF,
    RECORD,
    STAFF_ACCOUNTS,
    STORES,
    UPDATE_STAFF,
    UPDATE_STORE,
    assignments_of,
    audit_since,
    audit_view,
    last_audit_id,
    log_in,
    purchase_input,
    record,
    top_level_code,
    world,
)
from wallet.actors import Actor
from wallet.errors import InvalidInput
from wallet.staff import service as staff_service
from wallet.staff.models import Staff, StaffStore


def new_staff(role: str = "CASHIER", store_ids: list[str] | None = None, **extra) -> dict:
    return {
        "input": {
            "email": extra.pop("email", f"new-{uuid.uuid4().hex[:10]}@example.com"),
            "password": extra.pop("password", "first password 1"),
            "name": extra.pop("name", "Nina Till"),
            "role": role,
            "storeIds": store_ids or [],
            **extra,
        }
    }


async def update_staff(api, admin, staff_id: str, **fields) -> dict:
    data = await api.ok(UPDATE_STAFF, {"input": {"staffId": staff_id, **fields}}, admin.token)
    return data["updateStaff"]


async def current_staff_code(api, token: str) -> str | None:
    """None when the token still works, else the top-level error code."""
    body = await api.raw(CURRENT_STAFF, None, token)
    if "errors" not in body:
        return None
    return body["errors"][0]["extensions"]["code"]


# --- creating staff ---------------------------------------------------------------------


async def test_an_admin_creates_a_cashier_who_logs_in_and_sees_their_stores(api):
    # given an admin and three stores
    admin = await api.staff("admin")
    alpha, beta = await api.store("Alpha"), await api.store("Beta")
    await api.store("Gamma")
    # when the admin creates a cashier for Beta and Alpha, the email typed in mixed case
    created = (
        await api.ok(
            CREATE_STAFF,
            new_staff("CASHIER", [beta, alpha], email=" Nina.Till@Example.COM ", password="nina password 1"),
            admin.token,
        )
    )["createStaff"]
    # then the account exists with exactly those stores, by name
    assert created["__typename"] == "CreateStaffSuccess"
    staff = created["staff"]
    assert staff == {
        "id": staff["id"],
        "email": "nina.till@example.com",
        "name": "Nina Till",
        "role": "CASHIER",
        "isActive": True,
        "stores": [{"id": alpha, "name": "Alpha"}, {"id": beta, "name": "Beta"}],
    }
    assert await assignments_of(staff["id"]) == {alpha, beta}
    # and the cashier logs in with the password the admin chose
    login = await log_in(api, "nina.till@example.com", "nina password 1")
    assert login["__typename"] == "LogInSuccess"
    assert (login["role"], login["staff"]) == (
        "cashier",
        {"id": staff["id"], "email": "nina.till@example.com", "role": "CASHIER"},
    )
    # and sees themself and their stores
    me = (await api.ok(CURRENT_STAFF, None, login["accessToken"]))["currentStaff"]
    assert me == {
        "id": staff["id"],
        "email": "nina.till@example.com",
        "role": "CASHIER",
        "isActive": True,
        "stores": [{"id": alpha}, {"id": beta}],
    }


async def test_a_second_account_with_the_same_email_in_any_case_is_a_duplicate(api):
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    before = await world()
    result = (
        await api.ok(CREATE_STAFF, new_staff("CASHIER", email=cashier.email.upper()), admin.token)
    )["createStaff"]
    assert (result["__typename"], result["code"], result["field"]) == ("DuplicateError", "DUPLICATE", "email")
    assert await world() == before


@pytest.mark.parametrize("bad", ["unknown", "malformed", "closed"])
async def test_a_store_that_is_not_an_open_store_is_not_found_and_nothing_is_written(api, bad):
    # given an admin, an open store and a closed one
    admin = await api.staff("admin")
    store = await api.store("Open")
    closed = await api.store("Closed")
    await staff_service.update_store(Actor.system(), closed, is_active=False)
    wrong = {"unknown": str(uuid.uuid4()), "malformed": "store-1", "closed": closed}[bad]
    before = await world()
    # when the admin creates a cashier naming a good store and a wrong one
    result = (
        await api.ok(CREATE_STAFF, new_staff("CASHIER", [store, wrong], email="x@example.com"), admin.token)
    )["createStaff"]
    # then it is refused, and neither the account, its stores nor an audit record is written
    assert (result["__typename"], result["code"], result["field"]) == ("NotFoundError", "NOT_FOUND", "storeIds")
    assert await world() == before
    assert not await Staff.exists(email="x@example.com")


ADMIN_ONLY = {
    "createStaff": (CREATE_STAFF, lambda ids: new_staff("ADMIN", email="sneaky@example.com")),
    "updateStaff": (UPDATE_STAFF, lambda ids: {"input": {"staffId": ids["cashier"], "role": "ADMIN"}}),
    "createStore": (CREATE_STORE, lambda ids: {"input": {"name": "Pop-up"}}),
    "updateStore": (UPDATE_STORE, lambda ids: {"input": {"storeId": ids["store"], "name": "Renamed"}}),
    "staffAccounts": (STAFF_ACCOUNTS, lambda ids: None),
}


@pytest.mark.parametrize("operation", sorted(ADMIN_ONLY))
async def test_a_cashier_cannot_manage_staff_or_stores(api, operation):
    await api.staff("admin")
    store = await api.store("Main")
    cashier = await api.staff("cashier")
    query, variables = ADMIN_ONLY[operation]
    before = await world()
    code = await top_level_code(api, query, variables({"cashier": cashier.id, "store": store}), cashier.token)
    assert code == "FORBIDDEN"
    assert await world() == before


@pytest.mark.parametrize("operation", sorted(ADMIN_ONLY))
async def test_a_member_cannot_manage_staff_or_stores(api, operation):
    store = await api.store("Main")
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    query, variables = ADMIN_ONLY[operation]
    before = await world()
    code = await top_level_code(api, query, variables({"cashier": cashier.id, "store": store}), member.token)
    assert code == "FORBIDDEN"
    assert await world() == before


async def test_an_admin_lists_every_account_active_or_not_by_email(api):
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    assert (await update_staff(api, admin, cashier.id, isActive=False))["__typename"] == "UpdateStaffSuccess"
    accounts = (await api.ok(STAFF_ACCOUNTS, None, admin.token))["staffAccounts"]
    assert accounts == [
        {"id": admin.id, "email": admin.email, "role": "ADMIN", "isActive": True},
        {"id": cashier.id, "email": cashier.email, "role": "CASHIER", "isActive": False},
    ]


# --- deactivating and role changes: token revocation ------------------------------------


async def test_a_deactivated_cashiers_token_is_refused_on_the_very_next_request(api):
    # given a cashier whose token works
    admin = await api.staff("admin")
    store = await api.store()
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    assert await current_staff_code(api, cashier.token) is None
    # when an admin deactivates the account
    result = await update_staff(api, admin, cashier.id, isActive=False)
    assert result["__typename"] == "UpdateStaffSuccess"
    assert result["staff"]["isActive"] is False
    # then the very next request with the old token is refused, reads and writes alike
    assert await current_staff_code(api, cashier.token) == "UNAUTHENTICATED"
    before = await world()
    assert await top_level_code(api, RECORD, purchase_input(member.id, store), cashier.token) == "UNAUTHENTICATED"
    assert await world() == before
    # and the cashier cannot log in again
    assert (await log_in(api, cashier.email))["__typename"] == "InvalidCredentialsError"


async def test_reactivating_does_not_revive_old_tokens_but_a_fresh_log_in_works(api):
    admin = await api.staff("admin")
    store = await api.store()
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    await update_staff(api, admin, cashier.id, isActive=False)
    # when the account is reactivated
    result = await update_staff(api, admin, cashier.id, isActive=True)
    assert (result["__typename"], result["staff"]["isActive"]) == ("UpdateStaffSuccess", True)
    # then the token issued before the deactivation stays refused
    assert await current_staff_code(api, cashier.token) == "UNAUTHENTICATED"
    # and a fresh log-in gives a token that works, at the cashier's store
    login = await log_in(api, cashier.email)
    assert login["__typename"] == "LogInSuccess"
    assert await current_staff_code(api, login["accessToken"]) is None
    sale = await api.ok(RECORD, purchase_input(member.id, store, "5.00"), login["accessToken"])
    assert sale["recordPurchase"]["pointsEarned"] == 5
    assert (await Staff.get(id=cashier.id)).token_version == 1


async def test_a_role_change_revokes_tokens_even_once_the_role_is_changed_back(api):
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    # when the cashier is promoted
    promoted = await update_staff(api, admin, cashier.id, role="ADMIN")
    assert (promoted["__typename"], promoted["staff"]["role"]) == ("UpdateStaffSuccess", "ADMIN")
    # then the cashier token is refused
    assert await current_staff_code(api, cashier.token) == "UNAUTHENTICATED"
    # and a fresh admin token works for admin things
    admin_login = await log_in(api, cashier.email)
    assert admin_login["role"] == "admin"
    assert (await api.raw(STAFF_ACCOUNTS, None, admin_login["accessToken"])).get("errors") is None
    # when they are made a cashier again
    demoted = await update_staff(api, admin, cashier.id, role="CASHIER")
    assert (demoted["__typename"], demoted["staff"]["role"]) == ("UpdateStaffSuccess", "CASHIER")
    # then neither the admin token nor the first cashier token (whose role matches again) works
    assert await current_staff_code(api, admin_login["accessToken"]) == "UNAUTHENTICATED"
    assert await current_staff_code(api, cashier.token) == "UNAUTHENTICATED"
    assert (await Staff.get(id=cashier.id)).token_version == 2


async def test_renaming_or_moving_a_cashier_keeps_their_token(api):
    admin = await api.staff("admin")
    await api.store("One")
    other = await api.store("Two", assign=False)
    cashier = await api.staff("cashier")
    assert (await update_staff(api, admin, cashier.id, name="Renamed"))["__typename"] == "UpdateStaffSuccess"
    assert (await update_staff(api, admin, cashier.id, storeIds=[other]))["__typename"] == "UpdateStaffSuccess"
    assert await current_staff_code(api, cashier.token) is None
    assert (await Staff.get(id=cashier.id)).token_version == 0


# --- protecting the admins --------------------------------------------------------------


@pytest.mark.parametrize("change", [{"isActive": False}, {"role": "CASHIER"}], ids=["deactivate", "demote"])
async def test_an_admin_cannot_deactivate_or_demote_themself(api, change):
    admin = await api.staff("admin")
    await api.staff("admin")  # not the last admin: the refusal is about oneself
    before = await world()
    result = await update_staff(api, admin, admin.id, **change)
    assert (result["__typename"], result["code"], result["field"]) == ("InvalidInputError", "INVALID_INPUT", "staffId")
    assert await world() == before
    assert await current_staff_code(api, admin.token) is None


async def test_an_admin_may_rename_themself(api):
    admin = await api.staff("admin")
    result = await update_staff(api, admin, admin.id, name="Ada", role="ADMIN", isActive=True)
    assert (result["__typename"], result["staff"]["name"]) == ("UpdateStaffSuccess", "Ada")
    assert await current_staff_code(api, admin.token) is None


async def test_a_second_admin_can_be_demoted_and_deactivated_but_the_last_one_cannot(api):
    # given two active admins
    first, second = await api.staff("admin"), await api.staff("admin")
    # when the first demotes the second, it works and the second's token stops working
    demoted = await update_staff(api, first, second.id, role="CASHIER")
    assert (demoted["__typename"], demoted["staff"]["role"]) == ("UpdateStaffSuccess", "CASHIER")
    assert await current_staff_code(api, second.token) == "UNAUTHENTICATED"
    # and it can be deactivated too
    deactivated = await update_staff(api, first, second.id, isActive=False)
    assert (deactivated["__typename"], deactivated["staff"]["isActive"]) == ("UpdateStaffSuccess", False)
    # then the first is the last active admin: no one may deactivate or demote them
    before = await world()
    with pytest.raises(InvalidInput, match="last active admin") as refused:
        await staff_service.update_staff(Actor.system(), first.id, is_active=False)
    assert refused.value.field == "staffId"
    with pytest.raises(InvalidInput, match="last active admin"):
        await staff_service.update_staff(Actor.system(), first.id, role="cashier")
    assert await world() == before
    # and through the API they cannot either
    result = await update_staff(api, first, first.id, isActive=False)
    assert (result["__typename"], result["code"]) == ("InvalidInputError", "INVALID_INPUT")
    assert (await Staff.get(id=first.id)).is_active is True


async def test_an_inactive_admin_does_not_count_as_another_admin(api):
    first, second = await api.staff("admin"), await api.staff("admin")
    await update_staff(api, first, second.id, isActive=False)
    with pytest.raises(InvalidInput, match="last active admin"):
        await staff_service.update_staff(Actor.system(), first.id, role="cashier")
    # reactivating the second makes the first demotable again
    await update_staff(api, first, second.id, isActive=True)
    demoted = await staff_service.update_staff(Actor.system(), first.id, role="cashier")
    assert demoted.role.value == "cashier"


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(api, postgres_only, monkeypatch):
    """Each update locks only its target, then counts the other admins: two admins demoting
    each other at the same moment both see the other still active (write skew)."""
    first, second = await api.staff("admin"), await api.staff("admin")
    original = staff_service._check_admins_left
    arrived: list[str] = []
    both_checked = asyncio.Event()

    async def check_then_wait(staff, actor):
        await original(staff, actor)
        arrived.append(actor.id)
        if len(arrived) == 2:
            both_checked.set()
        try:  # let the other update reach the same point, if the locks let it
            await asyncio.wait_for(both_checked.wait(), timeout=2)
        except TimeoutError:
            pass

    monkeypatch.setattr(staff_service, "_check_admins_left", check_then_wait)
    results = await asyncio.gather(
        update_staff(api, first, second.id, role="CASHIER"),
        update_staff(api, second, first.id, role="CASHIER"),
    )
    kinds = sorted(r["__typename"] for r in results)
    assert await Staff.filter(role="admin", is_active=True).count() == 1, kinds
    assert kinds == ["InvalidInputError", "UpdateStaffSuccess"]


# --- stores of a cashier, and closed stores ---------------------------------------------


async def test_store_ids_replace_a_cashiers_stores(api):
    # given a cashier at Alpha and Beta, and a third store Gamma
    admin = await api.staff("admin")
    alpha, beta = await api.store("Alpha"), await api.store("Beta")
    gamma = await api.store("Gamma", assign=False)
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    assert await assignments_of(cashier.id) == {alpha, beta}
    mark = await last_audit_id()
    # when the admin sets their stores to Beta and Gamma
    result = await update_staff(api, admin, cashier.id, storeIds=[gamma, beta])
    # then they work at exactly Beta and Gamma
    assert result["staff"]["stores"] == [{"id": beta, "name": "Beta"}, {"id": gamma, "name": "Gamma"}]
    assert await assignments_of(cashier.id) == {beta, gamma}
    assert (await record(api, cashier, member.id, gamma, "3.00"))["__typename"] == "RecordPurchaseSuccess"
    assert await top_level_code(api, RECORD, purchase_input(member.id, alpha), cashier.token) == "FORBIDDEN"
    # and the change is audited with the stores before and after
    [audit] = [r for r in await audit_since(mark) if r.action == "staff.update"]
    snapshot = {"email": cashier.email, "name": "", "role": "cashier", "isActive": True}
    assert audit_view(audit) == {
        "actor_kind": "staff", "actor_id": admin.id, "role": "admin", "store_id": None, "member_id": None,
        "action": "staff.update", "target_type": "staff", "target_id": cashier.id,
        "before": snapshot | {"storeIds": sorted([alpha, beta])},
        "after": snapshot | {"storeIds": sorted([beta, gamma])},
    }
    # and an empty list leaves them no store
    emptied = await update_staff(api, admin, cashier.id, storeIds=[])
    assert emptied["staff"]["stores"] == []
    assert await StaffStore.filter(staff_id=cashier.id).count() == 0


async def test_an_update_that_changes_nothing_writes_nothing(api):
    admin = await api.staff("admin")
    store = await api.store("One")
    cashier = await api.staff("cashier")
    before = await world()
    result = await update_staff(api, admin, cashier.id, storeIds=[store], role="CASHIER", isActive=True)
    assert result["__typename"] == "UpdateStaffSuccess"
    assert await world() == before


async def test_updating_an_unknown_staff_account_is_not_found(api):
    admin = await api.staff("admin")
    before = await world()
    for staff_id in (str(uuid.uuid4()), "nobody"):
        result = await update_staff(api, admin, staff_id, name="X")
        assert (result["__typename"], result["field"]) == ("NotFoundError", "staffId")
    assert await world() == before


async def test_no_one_records_a_purchase_at_a_closed_store_not_even_an_admin(api):
    # given an admin and a cashier who both work at Main, and a member
    admin = await api.staff("admin")
    store = await api.store("Main")
    other = await api.store("Other")
    cashier = await api.staff("cashier")
    member = await api.sign_up()
    # when the admin closes Main
    closed = (await api.ok(UPDATE_STORE, {"input": {"storeId": store, "isActive": False}}, admin.token))["updateStore"]
    assert closed == {"__typename": "UpdateStoreSuccess", "store": {"id": store, "name": "Main", "isActive": False}}
    # then neither of them can record a purchase there, and nothing is written
    before = await world()
    for who in (admin, cashier):
        result = await record(api, who, member.id, store, "10.00")
        assert (result["__typename"], result["code"], result["field"]) == ("NotFoundError", "NOT_FOUND", "storeId")
    assert await world() == before
    # and Main is no longer listed, while Other still works
    assert (await api.ok(STORES, None, cashier.token))["stores"] == [{"id": other, "name": "Other"}]
    assert (await record(api, cashier, member.id, other, "10.00"))["pointsEarned"] == 10
    # and reopening it lets the cashier work there again
    await api.ok(UPDATE_STORE, {"input": {"storeId": store, "isActive": True}}, admin.token)
    assert (await record(api, cashier, member.id, store, "2.00"))["pointsEarned"] == 2


async def test_updating_an_unknown_store_is_not_found(api):
    admin = await api.staff("admin")
    before = await world()
    result = (await api.ok(UPDATE_STORE, {"input": {"storeId": str(uuid.uuid4()), "name": "X"}}, admin.token))[
        "updateStore"
    ]
    assert (result["__typename"], result["field"]) == ("NotFoundError", "storeId")
    assert await world() == before


async def test_a_cashiers_stores_are_the_open_stores_they_may_act_at(api):
    """`Staff.stores` is documented as the stores a cashier may act at: a closed store is
    not one of them, even while the assignment is kept for when it reopens."""
    admin = await api.staff("admin")
    north, south = await api.store("North"), await api.store("South")
    cashier = await api.staff("cashier")
    await api.ok(UPDATE_STORE, {"input": {"storeId": north, "isActive": False}}, admin.token)
    me = (await api.ok(CURRENT_STAFF, None, cashier.token))["currentStaff"]
    assert me["stores"] == [{"id": south}]
    assert await assignments_of(cashier.id) == {north, south}
