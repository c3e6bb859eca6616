"""Insight (/admin) in a real browser: an admin logs in and sees the program's figures, the
same as the API gives for the window the page shows, with their charts drawn as SVG; a
cashier is told the page is for admins."""
from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.web.conftest import ADMIN, CASHIER, _page, graphql, shot
from tests.web.test_browser_story import SCREENSHOTS

DESK = {"width": 1280, "height": 900}

REPORT = """query($from: DateTime!, $to: DateTime!, $store: ID, $interval: ReportInterval!) {
  stats: programStats(from: $from, to: $to, storeId: $store) {
    members { total new active }
    sales { memberPurchases memberRevenue memberAverageTicket nonMemberPurchases nonMemberRevenue nonMemberAverageTicket }
    points { issued redeemed expired }
    tierDistribution { name members }
    memberships { signups revenue }
  }
  timeline: pointsTimeline(from: $from, to: $to, interval: $interval) { periods { label issued redeemed expired } }
  cohorts: cohortRetention(from: $from, to: $to) { month }
  liability: pointsLiability(from: $from, to: $to, interval: $interval) { periods { label liability } }
  partners: partnerSettlements(from: $from, to: $to) { partnerName pointsIssued pointsRedeemed net }
}"""


@pytest.fixture
def desk(browser, server):
    """A page in a fresh desktop-sized context, in US English (the figures' formats)."""
    context, page, problems = _page(browser, server, viewport=DESK, locale="en-US")
    yield page
    context.close()
    assert problems.seen == []


def token(server, who) -> str:
    return graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": who[0], "password": who[1], "account": "STAFF"}})["logIn"]["accessToken"]


def log_in(page, who) -> None:
    page.goto("/admin")
    page.get_by_label("Email").fill(who[0])
    page.get_by_label("Password").fill(who[1])
    page.get_by_role("button", name="Log in").click()


def usd(amount: str) -> str:
    return f"${Decimal(amount):,.2f}"


def test_browser_an_admin_sees_the_figures_and_their_charts(desk, server):
    # Given a sale without a member at the demo store, recorded by the till
    cashier = token(server, CASHIER)
    store = graphql(server, "{ stores { id name } }", token=cashier)["stores"][0]
    sale = graphql(server, """mutation($input: RecordNonMemberSaleInput!) { recordNonMemberSale(input: $input) {
        __typename } }""", {"input": {"storeId": store["id"], "amount": "41.20", "reference": f"W-{uuid.uuid4().hex[:8]}",
                                      "idempotencyKey": uuid.uuid4().hex}}, cashier)
    assert sale["recordNonMemberSale"]["__typename"] == "RecordNonMemberSaleSuccess"

    # When an admin logs in to /admin
    log_in(desk, ADMIN)

    # Then the last twelve months' figures show, the same as the API's for that window
    report = desk.locator("#report")
    expect(report).to_be_visible()
    window = {"from": report.get_attribute("data-from"), "to": report.get_attribute("data-to"),
              "store": report.get_attribute("data-store") or None, "interval": report.get_attribute("data-interval")}
    assert window["interval"] == "MONTH"
    admin = token(server, ADMIN)
    data = graphql(server, REPORT, window, admin)
    stats = data["stats"]
    expect(desk.locator("#members-total")).to_have_text(str(stats["members"]["total"]))
    expect(desk.locator("#members-new")).to_have_text(str(stats["members"]["new"]))
    expect(desk.locator("#members-active")).to_have_text(str(stats["members"]["active"]))
    sales = stats["sales"]
    assert sales["nonMemberPurchases"] >= 4  # the demo's three and this one
    expect(desk.locator("#sales-members td")).to_have_text(
        [str(sales["memberPurchases"]), usd(sales["memberRevenue"]), usd(sales["memberAverageTicket"])]
    )
    expect(desk.locator("#sales-non-members td")).to_have_text(
        [str(sales["nonMemberPurchases"]), usd(sales["nonMemberRevenue"]), usd(sales["nonMemberAverageTicket"])]
    )
    expect(desk.locator("#points-issued")).to_have_text(f"{stats['points']['issued']:,}")
    expect(desk.locator("#points-redeemed")).to_have_text(f"{stats['points']['redeemed']:,}")
    expect(desk.locator("#points-expired")).to_have_text(f"{stats['points']['expired']:,}")
    expect(desk.locator("#memberships-revenue")).to_have_text(usd(stats["memberships"]["revenue"]))

    # and the charts: a column per month and kind of points, a bar per tier, a row per cohort
    periods = data["timeline"]["periods"]
    assert len(periods) == 12
    for kind in ("issued", "redeemed", "expired"):
        bars = desk.locator(f"#points-svg rect.bar-{kind}")
        expect(bars).to_have_count(12)
        assert [int(b.get_attribute("data-value")) for b in bars.all()] == [p[kind] for p in periods]
    expect(desk.locator("#points-svg text.x-label")).to_have_text([p["label"] for p in periods])
    assert sum(p["issued"] for p in periods) == stats["points"]["issued"]
    tiers = stats["tierDistribution"]
    expect(desk.locator("#tier-svg rect.bar-tier")).to_have_count(len(tiers))
    expect(desk.locator("#tier-svg text.bar-name")).to_have_text([t["name"] for t in tiers])
    assert [int(b.get_attribute("data-value")) for b in desk.locator("#tier-svg rect.bar-tier").all()] == [
        t["members"] for t in tiers
    ]
    expect(desk.locator("#revenue-chart rect.bar-revenue")).to_have_count(2)
    expect(desk.locator("#liability-svg rect.bar-liability")).to_have_count(len(data["liability"]["periods"]))
    expect(desk.locator("#cohort-table tbody tr")).to_have_count(len(data["cohorts"]))
    # and what the demo's partner and the program owe each other
    [partner] = data["partners"]
    assert partner["partnerName"] == "Fuel & Go" and partner["pointsIssued"] > 0
    expect(desk.locator("#partners-table tbody th")).to_have_text(["Fuel & Go"])
    expect(desk.locator("#partners-table tbody td")).to_have_text(
        [f"{partner['pointsIssued']:,}", f"{partner['pointsRedeemed']:,}", usd(partner["net"])]
    )
    desk.set_viewport_size({"width": 1280, "height": 1500})
    shot(desk, "admin", SCREENSHOTS / "admin.png")
    desk.set_viewport_size(DESK)

    # When the admin asks for the last week by day
    last = desk.locator("#window-to").input_value()
    desk.locator("#window-from").fill(desk.evaluate(
        "(day) => new Date(Date.parse(day) - 6 * 86400000).toISOString().slice(0, 10)", last))
    desk.get_by_label("Charts by").select_option("DAY")
    desk.get_by_role("button", name="Show").click()

    # Then the points chart has a column per day
    expect(report).to_have_attribute("data-interval", "DAY")
    expect(desk.locator("#points-svg rect.bar-issued")).to_have_count(7)
    week = graphql(server, REPORT, {"from": report.get_attribute("data-from"), "to": report.get_attribute("data-to"),
                                    "store": None, "interval": "DAY"}, admin)
    expect(desk.locator("#points-svg text.x-label")).to_have_text([p["label"] for p in week["timeline"]["periods"]])
    expect(desk.locator("#points-issued")).to_have_text(f"{week['stats']['points']['issued']:,}")


def test_browser_a_cashier_is_told_the_page_is_for_admins(desk):
    log_in(desk, CASHIER)

    expect(desk.locator("#refused")).to_be_visible()
    expect(desk.locator("#refused-message")).to_have_text(
        "Only admins can see the program's figures. You are logged in as a cashier."
    )
    expect(desk.locator("#dashboard")).to_be_hidden()
    expect(desk.locator("#report")).to_be_hidden()
