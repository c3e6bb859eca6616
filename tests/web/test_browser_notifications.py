"""The wallet's bell: the unread count in the header, and a list that marks them read."""
from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.web.conftest import CASHIER, graphql, shot
from tests.web.test_browser_checks import log_in

PASSWORD = "correct horse battery"


def _member_with_two_purchases(server) -> tuple[str, str, str, str]:
    email = f"bell-{uuid.uuid4().hex[:8]}@example.com"
    member_id = graphql(server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { member { id } } } }""",
        {"input": {"email": email, "password": PASSWORD, "name": "Mary Jackson"}})["signUp"]["member"]["id"]
    cashier = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": CASHIER[0], "password": CASHIER[1], "account": "STAFF"}})["logIn"]["accessToken"]
    store = graphql(server, "{ currentStaff { stores { id } } }", token=cashier)["currentStaff"]["stores"][0]["id"]
    for amount, reference in (("12.00", "BELL-1"), ("7.00", "BELL-2")):
        record(server, cashier, member_id, store, amount, f"{reference}-{email[5:13]}")
    return email, member_id, cashier, store


def record(server, cashier, member_id, store, amount, reference) -> None:
    graphql(server, """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { __typename } }""",
            {"input": {"memberId": member_id, "amount": amount, "currency": "USD", "reference": reference,
                       "storeId": store, "idempotencyKey": uuid.uuid4().hex}}, cashier)


def unread(server, email) -> int:
    token = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""", {"input": {"email": email, "password": PASSWORD}})["logIn"]["accessToken"]
    return graphql(server, "{ me { unreadNotificationCount } }", token=token)["me"]["unreadNotificationCount"]


def test_browser_the_bell_shows_unread_notifications_and_the_list_marks_them_read(phone, server):
    # Given a member whose two purchases each sent a notification
    email, member_id, cashier, store = _member_with_two_purchases(server)

    # When they open their wallet, the bell says two are unread
    log_in(phone, email, PASSWORD)
    bell = phone.get_by_role("button", name="Notifications, 2 unread")
    expect(bell).to_be_visible()
    expect(phone.locator("#bell-count")).to_have_text("2")

    # And when they open the list: newest first, the new ones marked as such
    bell.click()
    dialog = phone.get_by_role("dialog", name="Notifications")
    expect(dialog).to_be_visible()
    items = dialog.locator("#notification-list li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("You earned 7 points")
    expect(items.nth(0)).to_contain_text("(new)")
    expect(items.nth(1)).to_contain_text("You earned 12 points")
    shot(phone, "wallet-notifications")

    # Then they are read: the badge goes, on the page and on the server
    expect(phone.locator("#bell-count")).to_be_hidden()
    expect(phone.get_by_role("button", name="Notifications", exact=True)).to_be_attached()
    assert unread(server, email) == 0
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()

    # And a new purchase shows up as one unread after the card refreshes
    record(server, cashier, member_id, store, "3.00", f"BELL-3-{email[5:13]}")
    phone.reload()
    expect(phone.locator("#bell-count")).to_have_text("1")
    phone.get_by_role("button", name="Notifications, 1 unread").click()
    expect(phone.locator("#notification-list li")).to_have_count(3)
    expect(phone.locator("#notification-list li.unread")).to_have_count(1)
    expect(phone.locator("#bell-count")).to_be_hidden()
