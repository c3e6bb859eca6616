"""Live updates in the browser: the balance on the phone moves when the till records a sale,
without a reload (the wallet's pointsChanged subscription over a WebSocket)."""
from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.web.conftest import CASHIER, graphql
from tests.web.test_browser_checks import log_in
from tests.web.test_browser_story import cashier_logs_in

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
    __typename ... on RecordPurchaseSuccess { pointsEarned } } }"""


def test_browser_the_balance_moves_when_the_till_records_a_sale(phone, server):
    # Given a member signed in on their phone, its wallet listening live
    email = f"live-{uuid.uuid4().hex[:8]}@example.com"
    member_id = graphql(server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { member { id } } } }""",
        {"input": {"email": email, "password": "correct horse battery", "name": "Live Lee"}})["signUp"]["member"]["id"]
    cashier = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": CASHIER[0], "password": CASHIER[1], "account": "STAFF"}})["logIn"]["accessToken"]
    store = graphql(server, "{ currentStaff { stores { id } } }", token=cashier)["currentStaff"]["stores"][0]["id"]
    log_in(phone, email, "correct horse battery")
    expect(phone.locator("#points-available")).to_have_text("0")
    expect(phone.locator("body")).to_have_attribute("data-live", "live")
    phone.evaluate("window.notReloaded = true")

    def sale(amount: str, reference: str) -> None:
        result = graphql(server, RECORD, {"input": {
            "memberId": member_id, "amount": amount, "currency": "USD", "reference": reference,
            "storeId": store, "idempotencyKey": uuid.uuid4().hex}}, cashier)["recordPurchase"]
        assert result["__typename"] == "RecordPurchaseSuccess", result

    # When the cashier records a sale at the till
    sale("37.00", f"LIVE-1-{email[5:13]}")

    # Then the phone shows the new balance, without reloading the page
    expect(phone.locator("#points-available")).to_have_text("37")
    assert phone.evaluate("window.notReloaded") is True

    # And on the activity view, the next sale appears at the top as it happens
    phone.get_by_role("link", name="Activity").click()
    entries = phone.locator("#activity-list li")
    expect(entries).to_have_count(1)
    sale("5.00", f"LIVE-2-{email[5:13]}")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text(f"LIVE-2-{email[5:13]}")
    assert phone.evaluate("window.notReloaded") is True


def test_browser_the_console_lists_members_scanned_at_its_store(till, server):
    # Given the console open at the demo store, and a member
    email = f"scanned-{uuid.uuid4().hex[:8]}@example.com"
    card = graphql(server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { member { cardNumber } } } }""",
        {"input": {"email": email, "password": "correct horse battery", "name": "Scanned Sam"}})["signUp"]["member"]["cardNumber"]
    cashier_logs_in(till)
    cashier = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": CASHIER[0], "password": CASHIER[1], "account": "STAFF"}})["logIn"]["accessToken"]
    store = graphql(server, "{ currentStaff { stores { id } } }", token=cashier)["currentStaff"]["stores"][0]["id"]

    # When another till at the store scans the member (again until the console listens:
    # nothing tells the page that its subscription has reached the server)
    scans = till.locator("#recent-scan-list li")
    for _ in range(20):
        graphql(server, """mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
            __typename } }""", {"code": card, "storeId": store}, cashier)
        till.wait_for_timeout(250)
        if scans.count():
            break

    # Then the console lists them, without a reload
    expect(scans.first).to_contain_text("Scanned Sam")
