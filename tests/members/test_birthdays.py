"""Birth dates: given at sign-up or once in the profile, seen by the member and admins;
birthday bonuses from `wallet run-jobs` (once a year, not for a date typed in on the day,
29 February on the 28th); offers for members whose birthday month it is."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.earning.conftest import make_rule
from tests.notifications.conftest import stored
from tests.offers.conftest import make_offer, my_offers, people  # noqa: F401 (fixture)
from wallet import clock
from wallet.jobs import run_jobs
from wallet.ledger.models import LedgerEntry
from wallet.members.models import Member

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename ... on SignUpSuccess { accessToken member { id } } ... on InvalidInputError { code field } } }"""
PROFILE = """mutation($input: UpdateProfileInput!) { updateProfile(input: $input) {
  __typename ... on UpdateProfileSuccess { member { name birthDate } } ... on InvalidInputError { code field } } }"""
BIRTH_DATE = "{ me { birthDate } }"
MEMBER_BIRTH_DATE = "query($id: ID!) { member(id: $id) { birthDate } }"


def _sign_up(email: str, birth_date: str | None) -> dict:
    return {"input": {"email": email, "password": "correct horse battery", "name": "Bea",
                      **({"birthDate": birth_date} if birth_date else {})}}


async def test_a_birth_date_given_at_sign_up_is_seen_by_the_member_and_admins_only(api, frozen_clock):
    # when Bea signs up with her birth date
    result = (await api.ok(SIGN_UP, _sign_up("bea@example.com", "1990-07-04")))["signUp"]
    assert result["__typename"] == "SignUpSuccess"
    bea_id, bea_token = result["member"]["id"], result["accessToken"]
    # then she and admins see it; a cashier does not
    assert (await api.ok(BIRTH_DATE, token=bea_token))["me"]["birthDate"] == "1990-07-04"
    admin, cashier = await api.staff("admin"), await api.staff("cashier")
    assert (await api.ok(MEMBER_BIRTH_DATE, {"id": bea_id}, admin.token))["member"]["birthDate"] == "1990-07-04"
    assert await api.error_code(MEMBER_BIRTH_DATE, {"id": bea_id}, cashier.token) == "FORBIDDEN"


async def test_a_birth_date_in_the_future_is_refused_and_nothing_is_created(api, frozen_clock):
    result = (await api.ok(SIGN_UP, _sign_up("kid@example.com", "2026-03-16")))["signUp"]
    assert result == {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "field": "birthDate"}
    assert not await Member.exists(email="kid@example.com")


async def test_the_birth_date_is_given_once_and_completes_the_profile_once(api, frozen_clock):
    admin = await api.staff("admin")
    await make_rule(api, admin, name="Profile done", kind="EVENT", eventType="profile_completed", points=30)
    sam = await api.sign_up("Sam")
    # when Sam gives his birth date, then renames himself
    given = (await api.ok(PROFILE, {"input": {"birthDate": "1985-02-10"}}, sam.token))["updateProfile"]
    renamed = (await api.ok(PROFILE, {"input": {"name": "Samuel"}}, sam.token))["updateProfile"]
    assert given["member"] == {"name": "Sam", "birthDate": "1985-02-10"}
    assert renamed["member"] == {"name": "Samuel", "birthDate": "1985-02-10"}
    # then the profile rule paid once
    assert await LedgerEntry.filter(account__member_id=sam.id).values_list("amount", flat=True) == [30]
    # and moving the birth date is refused (it decides birthday bonuses), nothing changed
    moved = (await api.ok(PROFILE, {"input": {"birthDate": "1985-03-15"}}, sam.token))["updateProfile"]
    assert moved == {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "field": "birthDate"}
    assert str((await Member.get(id=sam.id)).birth_date) == "1985-02-10"


async def _member_born(api, email: str, birth_date: str):
    result = (await api.ok(SIGN_UP, _sign_up(email, birth_date)))["signUp"]
    assert result["__typename"] == "SignUpSuccess", result
    return result["member"]["id"]


async def _birthday_points(member_id: str) -> list[int]:
    return await LedgerEntry.filter(account__member_id=member_id, reason__contains="Birthday").values_list("amount", flat=True)


async def test_birthday_bonuses_come_once_a_year_on_the_day(api, frozen_clock):
    admin = await api.staff("admin")
    await make_rule(api, admin, name="Birthday gift", kind="EVENT", eventType="birthday", points=100)
    # given members who gave their birth dates on 15 January 2026
    clock.set(datetime(2026, 1, 15, 12, 0, tzinfo=UTC))
    ada = await _member_born(api, "ada@example.com", "1990-02-20")
    leap = await _member_born(api, "leap@example.com", "2000-02-29")
    other = await _member_born(api, "other@example.com", "1990-05-01")
    # and one who types in today's date as their birthday on the day
    clock.set(datetime(2026, 2, 20, 9, 0, tzinfo=UTC))
    late = await _member_born(api, "late@example.com", "1991-02-20")
    # when the jobs run on Ada's birthday, twice
    assert (await run_jobs(clock.now()))["birthday_bonuses"] == 1
    assert (await run_jobs(clock.now() + timedelta(hours=2)))["birthday_bonuses"] == 0
    # then Ada got her bonus once, with a word; nobody else
    assert await _birthday_points(ada) == [100]
    assert ("balance_changed", "Happy birthday!") in [(k, t) for k, t, _, _ in await stored(ada)]
    assert (await _birthday_points(late), await _birthday_points(other), await _birthday_points(leap)) == ([], [], [])
    # when it is 28 February in a year without a 29th, the leap-day member celebrates
    clock.set(datetime(2026, 2, 28, 9, 0, tzinfo=UTC))
    assert (await run_jobs(clock.now()))["birthday_bonuses"] == 1
    assert await _birthday_points(leap) == [100]
    # and next year, Ada's birthday pays again
    clock.set(datetime(2027, 2, 20, 9, 0, tzinfo=UTC))
    await run_jobs(clock.now())
    assert await _birthday_points(ada) == [100, 100]


async def test_a_birthday_month_offer_is_for_members_born_in_this_month(api, people, frozen_clock):
    admin, _, _, _ = people
    # given (on 15 March) members born in March and in April, and one without a birth date
    march = await api.sign_up("March")
    april = await api.sign_up("April")
    nobody = await api.sign_up("Unknown")
    await api.ok(PROFILE, {"input": {"birthDate": "1980-03-30"}}, march.token)
    await api.ok(PROFILE, {"input": {"birthDate": "1980-04-02"}}, april.token)
    # when an admin makes a birthday-month offer
    await make_offer(api, admin, frozen_clock.now(), title="Birthday treat", segmentBirthdayMonth=True)
    # then only the March member sees it
    assert [o["title"] for o in await my_offers(api, march)] == ["Birthday treat"]
    assert (await my_offers(api, april), await my_offers(api, nobody)) == ([], [])
