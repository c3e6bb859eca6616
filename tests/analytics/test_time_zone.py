"""Days and months of the reports are the program's, not UTC's: a purchase at 00:30 on
1 February in Paris is February's there though it is 31 January's in UTC."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from tests.analytics.conftest import utc
from tests.conftest import new_key
from wallet import clock
from wallet.actors import Actor, ActorKind, Role
from wallet.ledger import service as ledger
from wallet.members import service as members
from wallet.program.models import PROGRAM_ID, Program
from wallet.staff import service as staff

TIMELINE = """query($from: DateTime!, $to: DateTime!, $interval: ReportInterval!) {
  pointsTimeline(from: $from, to: $to, interval: $interval) {
    timezone interval periods { label start end issued redeemed expired } } }"""
COHORTS = """query($from: DateTime!, $to: DateTime!) {
  cohortRetention(from: $from, to: $to) { month members months { month active } } }"""
LIABILITY = """query($from: DateTime!, $to: DateTime!, $interval: ReportInterval!) {
  pointsLiability(from: $from, to: $to, interval: $interval, breakageRate: "0") {
    periods { label start end outstanding } } }"""
STATS = """query($from: DateTime!, $to: DateTime!) { programStats(from: $from, to: $to) { timezone } }"""


async def _program_in(zone: str, passwords, purchases: list[tuple[str, datetime, str]]) -> None:
    """Members who join and buy at the given times (name, when, amount), in a program whose
    time zone is `zone`."""
    await Program.filter(id=PROGRAM_ID).update(timezone=zone)
    clock.set(utc(2025, 12, 1))
    store = await staff.create_store(name="Main")
    admin = Actor(ActorKind.STAFF, None, Role.ADMIN)
    ids: dict[str, str] = {}
    for name, at, amount in purchases:
        clock.set(at)
        if name not in ids:
            member = await members.sign_up(
                passwords, email=f"{name}@example.com", password="a long passphrase", name=name, limits=None
            )
            ids[name] = str(member.id)
        await ledger.record_purchase(
            actor=admin, member_id=ids[name], card_number=None, amount=Decimal(amount), currency="USD",
            reference=f"R-{new_key()[:8]}", store_id=str(store.id), idempotency_key=new_key(),
            max_amount=Decimal(1_000_000),
        )
    clock.set(utc(2026, 4, 15))


@pytest.fixture
async def paris(app, passwords):
    # Paris is UTC+1 in winter, UTC+2 from 29 March 2026 at 01:00 UTC.
    await _program_in("Europe/Paris", passwords, [
        ("jan", utc(2026, 1, 31, 22, 30), "20.00"),  # 23:30 on 31 January in Paris
        ("feb", utc(2026, 1, 31, 23, 30), "10.00"),  # 00:30 on 1 February in Paris
        ("jan", utc(2026, 2, 28, 23, 15), "5.00"),  # 00:15 on 1 March in Paris
        ("jan", utc(2026, 3, 31, 22, 30), "7.00"),  # 00:30 on 1 April in Paris (summer time)
    ])


async def test_months_are_the_programs_months_around_a_month_boundary(api, paris):
    admin = await api.staff("admin")
    window = {"from": "2026-01-01T00:00:00+01:00", "to": "2026-04-01T00:00:00+02:00"}

    timeline = (await api.ok(TIMELINE, {**window, "interval": "MONTH"}, token=admin.token))["pointsTimeline"]
    stats = (await api.ok(STATS, window, token=admin.token))["programStats"]

    assert (timeline["timezone"], timeline["interval"], stats["timezone"]) == ("Europe/Paris", "MONTH", "Europe/Paris")
    # In UTC January would hold 30 points and March 5 + 7 (its last purchase is 22:30 UTC
    # on 31 March); in Paris the 00:30 purchase is February's and the last is April's.
    assert timeline["periods"] == [
        {"label": "2026-01", "start": "2025-12-31T23:00:00+00:00", "end": "2026-01-31T23:00:00+00:00",
         "issued": 20, "redeemed": 0, "expired": 0},
        {"label": "2026-02", "start": "2026-01-31T23:00:00+00:00", "end": "2026-02-28T23:00:00+00:00",
         "issued": 10, "redeemed": 0, "expired": 0},
        {"label": "2026-03", "start": "2026-02-28T23:00:00+00:00", "end": "2026-03-31T22:00:00+00:00",
         "issued": 5, "redeemed": 0, "expired": 0},
    ]


async def test_cohorts_and_liability_follow_the_programs_months(api, paris):
    admin = await api.staff("admin")
    window = {"from": "2026-01-01T00:00:00+01:00", "to": "2026-04-01T00:00:00+02:00"}

    cohorts = (await api.ok(COHORTS, window, token=admin.token))["cohortRetention"]
    liability = (await api.ok(LIABILITY, {**window, "interval": "MONTH"}, token=admin.token))["pointsLiability"]

    # "jan" joined at 23:30 on 31 January in Paris, "feb" an hour later, on 1 February.
    assert cohorts == [
        {"month": "2026-01", "members": 1, "months": [
            {"month": "2026-01", "active": 1}, {"month": "2026-02", "active": 0}, {"month": "2026-03", "active": 1}]},
        {"month": "2026-02", "members": 1, "months": [{"month": "2026-02", "active": 1}, {"month": "2026-03", "active": 0}]},
        {"month": "2026-03", "members": 0, "months": [{"month": "2026-03", "active": 0}]},
    ]
    assert [(p["label"], p["end"], p["outstanding"]) for p in liability["periods"]] == [
        ("2026-01", "2026-01-31T23:00:00+00:00", 20),
        ("2026-02", "2026-02-28T23:00:00+00:00", 30),
        ("2026-03", "2026-03-31T22:00:00+00:00", 35),
    ]


@pytest.fixture
async def new_york(app, passwords):
    # New York moves from UTC−5 to UTC−4 on 8 March 2026 at 07:00 UTC.
    await _program_in("America/New_York", passwords, [
        ("a", utc(2026, 3, 8, 4, 30), "1.00"),  # 23:30 on 7 March (UTC−5)
        ("a", utc(2026, 3, 8, 6, 30), "2.00"),  # 01:30 on 8 March, just before the change
        ("a", utc(2026, 3, 9, 4, 30), "4.00"),  # 00:30 on 9 March (UTC−4; UTC−5 would say 8 March)
    ])


async def test_days_follow_the_programs_clock_change(api, new_york):
    admin = await api.staff("admin")
    window = {"from": "2026-03-07T00:00:00-05:00", "to": "2026-03-10T00:00:00-04:00"}

    timeline = (await api.ok(TIMELINE, {**window, "interval": "DAY"}, token=admin.token))["pointsTimeline"]
    liability = (await api.ok(LIABILITY, {**window, "interval": "DAY"}, token=admin.token))["pointsLiability"]

    assert [(p["label"], p["start"], p["end"], p["issued"]) for p in timeline["periods"]] == [
        ("2026-03-07", "2026-03-07T05:00:00+00:00", "2026-03-08T05:00:00+00:00", 1),
        ("2026-03-08", "2026-03-08T05:00:00+00:00", "2026-03-09T04:00:00+00:00", 2),  # a 23-hour day
        ("2026-03-09", "2026-03-09T04:00:00+00:00", "2026-03-10T04:00:00+00:00", 4),
    ]
    assert [(p["label"], p["outstanding"]) for p in liability["periods"]] == [
        ("2026-03-07", 1), ("2026-03-08", 3), ("2026-03-09", 7),
    ]


@pytest.fixture(autouse=True)
def _reset_clock():
    yield
    clock.reset()
