"""Member care in the wallet: a member files a missing-points claim and gives points to
another member from the Care view; a member with an associate sees how to reach them."""
from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.web.conftest import ADMIN, graphql, shot
from tests.web.test_browser_checks import log_in

SIGN_UP = """mutation($input: SignUpInput!) { signUp(input: $input) {
  ... on SignUpSuccess { accessToken member { id cardNumber } } } }"""


def _member(server, name: str) -> dict:
    email = f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
    made = graphql(server, SIGN_UP, {"input": {"email": email, "password": "care password 1", "name": name}})
    return {"email": email, "password": "care password 1", **made["signUp"]["member"]}


def _give(server, member_id: str, amount: int) -> None:
    admin = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": ADMIN[0], "password": ADMIN[1], "account": "STAFF"}})["logIn"]["accessToken"]
    graphql(server, """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename } }""",
            {"input": {"memberId": member_id, "amount": amount, "reason": "Welcome", "idempotencyKey": uuid.uuid4().hex}},
            admin)


def test_browser_a_member_files_a_claim_and_gives_points(phone, server):
    # given Sam with 100 points, and Kim
    sam, kim = _member(server, "Sam"), _member(server, "Kim")
    _give(server, sam["id"], 100)
    log_in(phone, sam["email"], sam["password"])
    expect(phone.locator("#points-available")).to_have_text("100")
    # when Sam opens Care and claims a purchase of today at the demo store
    phone.get_by_role("link", name="Care").click()
    expect(phone.locator("#claims-empty")).to_be_visible()
    expect(phone.locator("#associate-panel")).to_be_hidden()
    reference = f"R-{uuid.uuid4().hex[:8].upper()}"
    phone.get_by_label("Store").select_option(label="Demo Store")
    phone.get_by_label("Date of purchase").fill(phone.evaluate("new Date().toLocaleDateString('sv')"))
    phone.get_by_label("Amount paid").fill("12.50")
    phone.get_by_label("Receipt number").fill(reference)
    phone.get_by_role("button", name="File claim").click()
    # then the claim is listed, waiting for review
    expect(phone.locator("#claim-message")).to_have_text("Claim filed: we will review it and tell you here.")
    claim = phone.locator("#claim-list li").filter(has_text=f"Receipt {reference}")
    expect(claim).to_contain_text("waiting for review")
    expect(claim).to_contain_text("Demo Store")
    # and the same receipt again is refused, saying why
    phone.get_by_label("Store").select_option(label="Demo Store")
    phone.get_by_label("Date of purchase").fill(phone.evaluate("new Date().toLocaleDateString('sv')"))
    phone.get_by_label("Amount paid").fill("12.50")
    phone.get_by_label("Receipt number").fill(reference)
    phone.get_by_role("button", name="File claim").click()
    expect(phone.locator("#claim-error")).to_have_text("A claim for this receipt at this store was already filed.")
    # when Sam gives Kim 30 points by card number
    phone.get_by_label("Card number or e-mail of the member").fill(kim["cardNumber"])
    phone.get_by_label("Points", exact=True).fill("30")
    phone.get_by_label("Message (optional)").fill("Coffee is on me")
    phone.get_by_role("button", name="Give points").click()
    # then both balances moved, and Sam's activity shows the gift
    expect(phone.locator("#gift-message-sent")).to_have_text("30 points sent to Kim. You have 70 left.")
    shot(phone, "care")
    phone.get_by_role("link", name="Activity").click()
    first = phone.locator("#activity-list li").first
    expect(first).to_contain_text("Points given")
    expect(first).to_contain_text("-30")
    expect(first).to_contain_text("Gift to Kim")
    kim_points = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { member { points { available } } } } }""",
        {"input": {"email": kim["email"], "password": kim["password"]}})
    assert kim_points["logIn"]["member"]["points"]["available"] == 30


def test_browser_a_member_sees_their_associate(phone, server):
    log_in(phone, "ada@demo.wallet", "demo-member-password")
    expect(phone.locator("#points-available")).not_to_have_text("–")
    phone.get_by_role("link", name="Care").click()
    expect(phone.locator("#associate-name")).to_have_text("Demo Cashier")
    expect(phone.locator("#associate-email")).to_have_attribute("href", "mailto:cashier@demo.wallet")
    expect(phone.locator("#associate-phone")).to_have_attribute("href", "tel:+15550100")
