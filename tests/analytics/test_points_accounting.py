"""pointsLiability and donationsReport against the hand-worked history of conftest.py."""
from __future__ import annotations

import pytest

LIABILITY = """query($from: DateTime!, $to: DateTime!, $interval: ReportInterval! = MONTH,
                     $rate: Decimal, $months: Int! = 12) {
  pointsLiability(from: $from, to: $to, interval: $interval, breakageRate: $rate, breakageMonths: $months) {
    pointValue currency breakageRate breakageConfigured breakageMonths historyIssued historyExpired
    periods { label start end available pending outstanding grossValue breakageValue liability }
  } }"""

DONATIONS = """query($from: DateTime!, $to: DateTime!) {
  donationsReport(from: $from, to: $to) { charityName donations points amount currency } }"""

Q1 = {"from": "2026-01-01T00:00:00Z", "to": "2026-04-01T00:00:00Z"}


async def test_monthly_liability_after_breakage_measured_from_history(api, history):
    admin = await api.staff("admin")

    data = await api.ok(LIABILITY, Q1, token=admin.token)

    report = data["pointsLiability"]
    # The 12 months before April: issued 110 (January) + 209 (February) + 7 (March: P-A4's
    # 5.00 as Silver earns 5 + 2) = 326, expired 60: breakage 60 / 326 = 0.18404…
    assert {k: v for k, v in report.items() if k != "periods"} == {
        "pointValue": "0.0100",
        "currency": "USD",
        "breakageRate": "0.1840",
        "breakageConfigured": False,
        "breakageMonths": 12,
        "historyIssued": 326,
        "historyExpired": 60,
    }
    # End of January: A 80 + B 30 (P-A2 at midnight on Feb 1 is February's). End of
    # February: A 75, B 0, C 19, D 70. End of March: A's P-A4 adds 7.
    # Liability = points × 0.01 × 0.8160, half up to the cent.
    assert report["periods"] == [
        {"label": "2026-01", "start": "2026-01-01T00:00:00+00:00", "end": "2026-02-01T00:00:00+00:00",
         "available": 110, "pending": 0, "outstanding": 110,
         "grossValue": "1.10", "breakageValue": "0.20", "liability": "0.90"},  # 0.8976
        {"label": "2026-02", "start": "2026-02-01T00:00:00+00:00", "end": "2026-03-01T00:00:00+00:00",
         "available": 164, "pending": 0, "outstanding": 164,
         "grossValue": "1.64", "breakageValue": "0.30", "liability": "1.34"},  # 1.33824
        {"label": "2026-03", "start": "2026-03-01T00:00:00+00:00", "end": "2026-04-01T00:00:00+00:00",
         "available": 171, "pending": 0, "outstanding": 171,
         "grossValue": "1.71", "breakageValue": "0.31", "liability": "1.40"},  # 1.39536
    ]


async def test_daily_liability_with_a_short_history_and_a_window_inside_a_day(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        LIABILITY,
        {"from": "2026-02-20T00:00:00Z", "to": "2026-02-22T12:00:00Z", "interval": "DAY", "months": 1},
        token=admin.token,
    )

    report = data["pointsLiability"]
    # One month before Feb 22 12:00: issued 30 + 19 + 40 + 20 + 100 = 209 (B's January
    # purchase is older), expired 60 (the lot expired on Feb 22 at 03:00 included).
    assert (report["historyIssued"], report["historyExpired"], report["breakageRate"]) == (209, 60, "0.2871")
    # Before Feb 20: A 75, B 30, C 19. Feb 20: D +100 −20. Feb 21: the Cap −30 +30.
    # Feb 22 (until noon): B's 30 expired.
    assert [(p["label"], p["end"], p["outstanding"], p["liability"]) for p in report["periods"]] == [
        ("2026-02-20", "2026-02-21T00:00:00+00:00", 204, "1.45"),  # 2.04 × 0.7129 = 1.454316
        ("2026-02-21", "2026-02-22T00:00:00+00:00", 204, "1.45"),
        ("2026-02-22", "2026-02-22T12:00:00+00:00", 174, "1.24"),  # 1.74 × 0.7129 = 1.240446
    ]


async def test_a_given_breakage_rate_replaces_the_history(api, history):
    admin = await api.staff("admin")

    data = await api.ok(LIABILITY, {**Q1, "rate": "0.25"}, token=admin.token)

    report = data["pointsLiability"]
    assert report["breakageRate"] == "0.2500"
    assert report["breakageConfigured"] is True
    assert (report["breakageMonths"], report["historyIssued"], report["historyExpired"]) == (None, None, None)
    assert [p["liability"] for p in report["periods"]] == ["0.83", "1.23", "1.28"]  # 0.825, 1.23, 1.2825


async def test_donations_by_charity(api, history):
    admin = await api.staff("admin")

    february = await api.ok(DONATIONS, {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}, token=admin.token)
    january = await api.ok(DONATIONS, {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, token=admin.token)

    assert february["donationsReport"] == [
        {"charityName": "Food Bank", "donations": 1, "points": 20, "amount": "0.20", "currency": "USD"}
    ]
    assert january["donationsReport"] == []


@pytest.mark.parametrize("query", [LIABILITY, DONATIONS])
async def test_only_admins_see_the_accounts(api, query):
    store = await api.store()
    cashier = await api.staff("cashier", stores=[store])
    member = await api.sign_up()

    assert await api.error_code(query, Q1, token=cashier.token) == "FORBIDDEN"
    assert await api.error_code(query, Q1, token=member.token) == "FORBIDDEN"
    assert await api.error_code(query, Q1) == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({**Q1, "rate": "1.5"}, "breakageRate"),
        ({**Q1, "rate": "-0.1"}, "breakageRate"),
        ({**Q1, "months": 0}, "breakageMonths"),
        ({"from": "2026-01-01T00:00:00Z", "to": "2027-03-01T00:00:00Z", "interval": "DAY"}, "to"),
    ],
)
async def test_out_of_range_liability_requests_are_refused(api, variables, field):
    admin = await api.staff("admin")

    body = await api.raw(LIABILITY, variables, token=admin.token)

    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert body["errors"][0]["extensions"].get("field") == field


async def test_pending_points_are_owed_too(api, database, frozen_clock):
    # Given a 14-day return window: a 50.00 purchase earns 50 pending points; an admin adds 10
    from decimal import Decimal

    from tests.conftest import new_key
    from wallet.actors import Actor, ActorKind, Role
    from wallet.ledger import service as ledger
    from wallet.program.models import PROGRAM_ID, Program
    from wallet.staff import service as staff

    await Program.filter(id=PROGRAM_ID).update(return_window_days=14)
    admin = await api.staff("admin")
    store = await staff.create_store(name="Till")
    member = await api.sign_up()
    acting = Actor(ActorKind.STAFF, admin.id, Role.ADMIN)
    await ledger.record_purchase(
        actor=acting, member_id=member.id, card_number=None, amount=Decimal("50.00"), currency="USD",
        reference="P-1", store_id=str(store.id), idempotency_key=new_key(), max_amount=Decimal(1000),
    )
    await ledger.adjust_points(actor=acting, member_id=member.id, amount=10, reason="Welcome", idempotency_key=new_key())

    # When the day's liability is asked with no breakage
    data = await api.ok(
        LIABILITY,
        {"from": "2026-03-15T00:00:00Z", "to": "2026-03-16T00:00:00Z", "interval": "DAY", "rate": "0"},
        token=admin.token,
    )

    # Then the pending points count as outstanding
    [day] = data["pointsLiability"]["periods"]
    assert (day["available"], day["pending"], day["outstanding"]) == (10, 50, 60)
    assert (day["grossValue"], day["breakageValue"], day["liability"]) == ("0.60", "0.00", "0.60")
