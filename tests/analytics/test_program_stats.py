"""programStats and cohortRetention against the hand-worked history of conftest.py."""
from __future__ import annotations

import pytest

STATS = """query($from: DateTime!, $to: DateTime!, $store: ID, $top: Int! = 5) {
  programStats(from: $from, to: $to, storeId: $store, topRewards: $top) {
    from to timezone storeId
    members { total new active }
    sales { memberPurchases memberRevenue memberRefunds memberNetRevenue memberAverageTicket
            nonMemberPurchases nonMemberRevenue nonMemberAverageTicket memberRevenueShare
            buyingMembers repeatBuyers repeatPurchaseRate }
    points { issued redeemed expired refunded adjustedDown redemptionRate }
    tierDistribution { name rank members }
    tierMoves { fromName toName members upward }
    memberships { atStart signups churned churnRate liveAtEnd payments revenue revenueCurrency
                  otherRevenue { amount currency } }
    topRewards { name kind redemptions quantity points }
  } }"""

COHORTS = """query($from: DateTime!, $to: DateTime!) {
  cohortRetention(from: $from, to: $to) { month members months { month active share } } }"""

TIMELINE = """query($from: DateTime!, $to: DateTime!, $interval: ReportInterval! = MONTH) {
  pointsTimeline(from: $from, to: $to, interval: $interval) {
    timezone interval periods { label start end issued redeemed expired } } }"""

FEBRUARY = {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}


async def test_february_figures_match_the_hand_worked_history(api, history):
    # Given the history of conftest.py and an admin
    admin = await api.staff("admin")

    # When the admin asks for February's figures
    data = await api.ok(STATS, FEBRUARY, token=admin.token)

    # Then every figure is the one worked out by hand
    stats = data["programStats"]
    assert stats["from"] == "2026-02-01T00:00:00+00:00"
    assert stats["to"] == "2026-03-01T00:00:00+00:00"
    assert stats["timezone"] == "UTC"
    assert stats["storeId"] is None
    # A, B, C, D joined before March (E after); C and D in February; A (purchases, Mug),
    # C (purchase) and D (donation, Cap) were active, B was not.
    assert stats["members"] == {"total": 4, "new": 2, "active": 3}
    # P-A2 30.00 (at midnight on the 1st: inside), P-C1 19.99, P-A3 40.00; 10.00 refunded.
    # Without a member: N-2 50.00 and N-3 25.00 (N-1 is January's, N-4 at midnight on March 1st
    # is outside).
    assert stats["sales"] == {
        "memberPurchases": 3,
        "memberRevenue": "89.99",
        "memberRefunds": "10.00",
        "memberNetRevenue": "79.99",
        "memberAverageTicket": "30.00",  # 89.99 / 3 = 29.9966…
        "nonMemberPurchases": 2,
        "nonMemberRevenue": "75.00",
        "nonMemberAverageTicket": "37.50",
        "memberRevenueShare": "0.5454",  # 89.99 / 164.99 = 0.54542…
        "buyingMembers": 2,
        "repeatBuyers": 1,
        "repeatPurchaseRate": "0.5000",
    }
    # Issued 30 + 19 + 40 + 20 + 100 = 209; redeemed 50 + 20 + 30 − 30 = 70; expired 30 + 30.
    assert stats["points"] == {
        "issued": 209,
        "redeemed": 70,
        "expired": 60,
        "refunded": 15,
        "adjustedDown": 10,
        "redemptionRate": "0.3349",  # 70 / 209 = 0.33492…
    }
    assert stats["tierDistribution"] == [
        {"name": "Insider", "rank": 0, "members": 4},
        {"name": "Silver", "rank": 1, "members": 1},
    ]
    assert stats["tierMoves"] == [{"fromName": "Insider", "toName": "Silver", "members": 1, "upward": True}]
    # A's membership gave benefits on Feb 1 and was cancelled on Feb 18; B's signed up on Feb 3;
    # C's checkout, cancelled before payment, is neither a signup nor churn. Paid in February:
    # B's checkout (A's was paid in January).
    assert stats["memberships"] == {
        "atStart": 1,
        "signups": 1,
        "churned": 1,
        "churnRate": "0.5000",
        "liveAtEnd": 1,
        "payments": 1,
        "revenue": "9.99",
        "revenueCurrency": "USD",
        "otherRevenue": [],
    }
    # The Cap's redemption was cancelled: it does not count.
    assert stats["topRewards"] == [
        {"name": "Mug", "kind": "product", "redemptions": 1, "quantity": 1, "points": 50},
        {"name": "Food Bank", "kind": "donation", "redemptions": 1, "quantity": 1, "points": 20},
    ]


async def test_a_store_narrows_the_sales_figures_only(api, history):
    admin = await api.staff("admin")

    s1 = (await api.ok(STATS, {**FEBRUARY, "store": history.stores["S1"]}, token=admin.token))["programStats"]
    s2 = (await api.ok(STATS, {**FEBRUARY, "store": history.stores["S2"]}, token=admin.token))["programStats"]

    # S1: P-C1 19.99 and P-A3 40.00, and the 10.00 refund of P-A3 made there; N-2 50.00.
    assert s1["storeId"] == history.stores["S1"]
    assert s1["sales"] == {
        "memberPurchases": 2,
        "memberRevenue": "59.99",
        "memberRefunds": "10.00",
        "memberNetRevenue": "49.99",
        "memberAverageTicket": "30.00",  # 29.995 rounded half up
        "nonMemberPurchases": 1,
        "nonMemberRevenue": "50.00",
        "nonMemberAverageTicket": "50.00",
        "memberRevenueShare": "0.5454",  # 59.99 / 109.99 = 0.54541…
        "buyingMembers": 2,
        "repeatBuyers": 0,
        "repeatPurchaseRate": "0.0000",
    }
    assert s2["sales"]["memberPurchases"] == 1
    assert s2["sales"]["memberRevenue"] == "30.00"
    assert s2["sales"]["memberRefunds"] == "0.00"
    assert (s2["sales"]["nonMemberPurchases"], s2["sales"]["nonMemberRevenue"]) == (1, "25.00")
    assert s2["sales"]["memberRevenueShare"] == "0.5455"  # 30 / 55 = 0.545454…
    assert s2["sales"]["repeatPurchaseRate"] == "0.0000"
    # The rest is program-wide.
    assert s1["points"]["issued"] == s2["points"]["issued"] == 209
    assert s1["members"] == s2["members"] == {"total": 4, "new": 2, "active": 3}


async def test_an_empty_window_has_zero_counts_and_null_rates(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        STATS, {"from": "2025-01-01T00:00:00Z", "to": "2025-02-01T00:00:00Z"}, token=admin.token
    )

    stats = data["programStats"]
    assert stats["members"] == {"total": 0, "new": 0, "active": 0}
    assert stats["sales"]["memberPurchases"] == 0
    assert stats["sales"]["memberRevenue"] == "0.00"
    assert stats["sales"]["memberAverageTicket"] is None
    assert stats["sales"]["nonMemberPurchases"] == 0
    assert stats["sales"]["nonMemberRevenue"] == "0.00"
    assert stats["sales"]["nonMemberAverageTicket"] is None
    assert stats["sales"]["memberRevenueShare"] is None
    assert (stats["memberships"]["payments"], stats["memberships"]["revenue"]) == (0, "0.00")
    assert stats["sales"]["repeatPurchaseRate"] is None
    assert stats["points"]["redemptionRate"] is None
    assert stats["memberships"]["churnRate"] is None
    assert stats["topRewards"] == []


async def test_cohorts_count_each_months_joiners_active_in_later_months(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        COHORTS, {"from": "2026-01-01T00:00:00Z", "to": "2026-04-01T00:00:00Z"}, token=admin.token
    )

    # January: A and B (both bought in January; only A was active in February and, with
    # P-A4, in March). February: C and D, both active in February only. March: E, idle.
    assert data["cohortRetention"] == [
        {"month": "2026-01", "members": 2, "months": [
            {"month": "2026-01", "active": 2, "share": "1.0000"},
            {"month": "2026-02", "active": 1, "share": "0.5000"},
            {"month": "2026-03", "active": 1, "share": "0.5000"},
        ]},
        {"month": "2026-02", "members": 2, "months": [
            {"month": "2026-02", "active": 2, "share": "1.0000"},
            {"month": "2026-03", "active": 0, "share": "0.0000"},
        ]},
        {"month": "2026-03", "members": 1, "months": [
            {"month": "2026-03", "active": 0, "share": "0.0000"},
        ]},
    ]


async def test_cohorts_ignore_activity_after_the_window(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        COHORTS, {"from": "2026-01-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}, token=admin.token
    )

    assert [c["month"] for c in data["cohortRetention"]] == ["2026-01", "2026-02"]
    assert data["cohortRetention"][0]["months"][-1] == {"month": "2026-02", "active": 1, "share": "0.5000"}


async def test_the_points_timeline_adds_up_to_each_months_figures(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        TIMELINE, {"from": "2026-01-01T00:00:00Z", "to": "2026-03-05T00:00:00Z"}, token=admin.token
    )

    # January: P-A1 80 and P-B1 30. February: as programStats. March (to the 5th): P-A4 5 + 2.
    assert data["pointsTimeline"] == {"timezone": "UTC", "interval": "MONTH", "periods": [
        {"label": "2026-01", "start": "2026-01-01T00:00:00+00:00", "end": "2026-02-01T00:00:00+00:00",
         "issued": 110, "redeemed": 0, "expired": 0},
        {"label": "2026-02", "start": "2026-02-01T00:00:00+00:00", "end": "2026-03-01T00:00:00+00:00",
         "issued": 209, "redeemed": 70, "expired": 60},
        {"label": "2026-03", "start": "2026-03-01T00:00:00+00:00", "end": "2026-03-05T00:00:00+00:00",
         "issued": 7, "redeemed": 0, "expired": 0},
    ]}


async def test_the_points_timeline_by_day(api, history):
    admin = await api.staff("admin")

    data = await api.ok(
        TIMELINE, {"from": "2026-02-20T00:00:00Z", "to": "2026-02-23T00:00:00Z", "interval": "DAY"},
        token=admin.token,
    )

    # Feb 20: D +100, donates 20. Feb 21: the Cap redeemed (30) and cancelled (−30). Feb 22: B's 30 lapse.
    assert [(p["label"], p["issued"], p["redeemed"], p["expired"]) for p in data["pointsTimeline"]["periods"]] == [
        ("2026-02-20", 100, 20, 0), ("2026-02-21", 0, 0, 0), ("2026-02-22", 0, 0, 30),
    ]


@pytest.mark.parametrize("query", [STATS, COHORTS, TIMELINE])
async def test_only_admins_see_the_figures(api, query):
    store = await api.store()
    cashier = await api.staff("cashier", stores=[store])
    member = await api.sign_up()

    assert await api.error_code(query, FEBRUARY, token=cashier.token) == "FORBIDDEN"
    assert await api.error_code(query, FEBRUARY, token=member.token) == "FORBIDDEN"
    assert await api.error_code(query, FEBRUARY) == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"from": "2026-03-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, "from"),
        ({"from": "2026-02-01T00:00:00", "to": "2026-03-01T00:00:00Z"}, "from"),
        ({**FEBRUARY, "store": "not-a-store"}, "storeId"),
        ({**FEBRUARY, "top": 51}, "topRewards"),
    ],
)
async def test_malformed_windows_are_refused(api, variables, field):
    admin = await api.staff("admin")

    body = await api.raw(STATS, variables, token=admin.token)

    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert body["errors"][0]["extensions"].get("field") == field
