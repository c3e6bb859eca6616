"""Focused browser checks: the wallet opens offline from its service worker's cache with
the last known card, and both pages work from the keyboard with labelled controls."""
from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.web.conftest import CASHIER, PHONE, graphql, running_server, shot

MEMBER = ("ada@demo.wallet", "demo-member-password")


@pytest.fixture
def own_server(tmp_path):
    """A server of this test's own, to stop halfway."""
    with running_server(tmp_path) as server:
        yield server


def test_browser_offline_the_wallet_shows_the_last_known_card(browser, own_server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, base_url=own_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        # Given a member who opened their card once, online
        log_in(page, *MEMBER)
        expect(page.locator("#scan-qr")).to_be_visible()
        available = page.locator("#points-available").inner_text()
        number = page.locator("#card-number").inner_text()
        assert re.fullmatch(r"\d{4} \d{4} \d{4}", number)
        page.wait_for_function("navigator.serviceWorker.controller !== null")

        # When the server is gone and the phone is offline
        own_server.stop()
        context.set_offline(True)
        page.reload()

        # Then the page still opens, from the cache, with the card as last seen
        expect(page.locator("#offline")).to_be_visible()
        expect(page.locator("#offline")).to_contain_text("You are offline.")
        expect(page.locator("#card-number")).to_have_text(number)
        expect(page.locator("#points-available")).to_have_text(available)
        expect(page.locator("#scan-qr")).to_be_hidden()
        expect(page.locator("#scan-qr-unavailable")).to_have_text(
            "No code offline: give your card number at the till."
        )
        shot(page, "offline-card")

        # and still does when the session has run out meanwhile
        page.evaluate("""() => {
            const session = JSON.parse(localStorage.getItem("wallet.session"));
            session.expiresAt = new Date(Date.now() - 1000).toISOString();
            localStorage.setItem("wallet.session", JSON.stringify(session));
        }""")
        page.reload()
        expect(page.locator("#offline")).to_be_visible()
        expect(page.locator("#card-number")).to_have_text(number)
    finally:
        context.close()


def log_in(page, email: str, password: str) -> None:
    page.goto("/")
    form = page.get_by_role("tabpanel", name="Log in")
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill(password)
    form.get_by_role("button", name="Log in").click()


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")


def unlabelled_controls(page) -> list[str]:
    """Visible inputs, selects and buttons without an accessible name, and images without alt."""
    return page.evaluate(
        """() => [...document.querySelectorAll('input, select, button, img, a')]
            .filter((el) => el.offsetParent !== null)
            .filter((el) => el.tagName === 'IMG' ? !el.hasAttribute('alt')
                : el.matches('input, select') ? el.labels.length === 0 && !el.getAttribute('aria-label')
                : !(el.getAttribute('aria-label') || el.textContent.trim()))
            .map((el) => el.outerHTML.slice(0, 80))"""
    )


def test_browser_keyboard_only_wallet_with_labels_and_visible_focus(phone):
    phone.goto("/")
    expect(phone.get_by_role("tab", name="Log in")).to_be_visible()
    assert unlabelled_controls(phone) == []

    # the first Tab reaches the skip link, the next ones the tabs and the form, in order
    phone.keyboard.press("Tab")
    assert focused(phone) == "Skip to content"
    phone.keyboard.press("Tab")
    assert focused(phone) == "tab-login"
    # the arrow keys move between the log-in and sign-up tabs
    phone.keyboard.press("ArrowRight")
    assert focused(phone) == "tab-signup"
    expect(phone.get_by_role("tabpanel", name="Sign up")).to_be_visible()
    phone.keyboard.press("ArrowLeft")
    phone.keyboard.press("Tab")
    assert focused(phone) == "login-email"
    outline = phone.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    phone.keyboard.type(MEMBER[0])
    phone.keyboard.press("Tab")
    assert focused(phone) == "login-password"
    phone.keyboard.type(MEMBER[1])
    phone.keyboard.press("Enter")

    expect(phone.locator("#scan-qr")).to_be_visible()
    assert unlabelled_controls(phone) == []
    # the enlarged code for the scanner opens and closes from the keyboard, focus returning
    phone.get_by_role("button", name="Show for scanning").focus()
    phone.keyboard.press("Enter")
    enlarged = phone.get_by_role("dialog", name="Your scan code, enlarged for the till")
    expect(enlarged).to_be_visible()
    expect(enlarged.get_by_role("button", name="Done")).to_be_focused()
    phone.keyboard.press("Escape")
    expect(enlarged).to_be_hidden()
    expect(phone.get_by_role("button", name="Show for scanning")).to_be_focused()
    # the tab bar is reachable and says which view is shown
    rewards = phone.get_by_role("link", name="Rewards")
    rewards.focus()
    phone.keyboard.press("Enter")
    expect(rewards).to_have_attribute("aria-current", "page")
    expect(phone.get_by_role("heading", name="Rewards", exact=True)).to_be_focused()
    expect(phone.locator("#reward-list li").first).to_be_visible()
    assert unlabelled_controls(phone) == []


def test_browser_keyboard_only_till_and_a_wrong_card_number(till):
    till.goto("/pos")
    expect(till.get_by_label("Email")).to_be_visible()
    assert unlabelled_controls(till) == []
    till.get_by_label("Email").focus()
    till.keyboard.type(CASHIER[0])
    till.keyboard.press("Tab")
    till.keyboard.type(CASHIER[1])
    till.keyboard.press("Enter")

    scan_input = till.get_by_label("Scan code or card number")
    expect(scan_input).to_be_focused()
    till.keyboard.type("0000 0000 0001")
    till.keyboard.press("Enter")
    expect(till.get_by_role("alert").filter(has_text=re.compile(r"\S"))).to_have_count(1)
    expect(till.locator("#scan-error")).not_to_be_empty()
    expect(till.locator("#member")).to_be_hidden()
    assert unlabelled_controls(till) == []


def test_browser_the_scan_code_is_replaced_before_it_expires(phone):
    fetched = []
    phone.on("request", lambda request: request.url.endswith("/qr/scan.svg") and fetched.append(request))
    phone.clock.install()
    log_in(phone, *MEMBER)
    qr = phone.locator("#scan-qr")
    expect(qr).to_have_attribute("src", re.compile(r"^blob:"))
    first_src = qr.get_attribute("src")
    assert len(fetched) == 1

    # 49 s into a 60 s code nothing has changed; at 51 s the card shows the next code
    phone.clock.fast_forward(49_000)
    assert len(fetched) == 1
    phone.clock.fast_forward(2_000)

    expect(qr).not_to_have_attribute("src", first_src)
    expect(qr).to_be_visible()
    assert len(fetched) == 2
    assert fetched[1].headers["authorization"].startswith("Bearer ")


def test_browser_activity_pages_as_the_member_scrolls(phone, server):
    # Given a member with 25 purchases (too small to reach a tier): more than one page of 20
    email = f"paging-{uuid.uuid4().hex[:8]}@example.com"
    member = graphql(server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { member { id } } } }""",
        {"input": {"email": email, "password": "correct horse battery", "name": "Page Turner"}})
    member_id = member["signUp"]["member"]["id"]
    cashier = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": CASHIER[0], "password": CASHIER[1], "account": "STAFF"}})["logIn"]["accessToken"]
    store = graphql(server, "{ currentStaff { stores { id } } }", token=cashier)["currentStaff"]["stores"][0]["id"]
    for n in range(1, 26):
        graphql(server, """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
            __typename } }""", {"input": {
            "memberId": member_id, "amount": "4.00", "reference": f"PAGE-{n:02}-{email[7:15]}", "currency": "USD",
            "storeId": store, "idempotencyKey": uuid.uuid4().hex}}, cashier)

    # When they open their activity, then scroll to its end
    log_in(phone, email, "correct horse battery")
    phone.get_by_role("link", name="Activity").click()
    entries = phone.locator("#activity-list li")
    expect(entries).to_have_count(20)
    expect(entries.first).to_contain_text("PAGE-25")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")

    # Then the next page follows, and the list ends with the first purchase
    expect(entries).to_have_count(25)
    expect(entries.last).to_contain_text("PAGE-01")
    expect(phone.locator("#activity-more")).to_be_hidden()


def test_browser_online_an_expired_session_asks_to_log_in_again(phone):
    phone.goto("/")
    phone.evaluate("""() => {
        localStorage.setItem("wallet.session", JSON.stringify({token: "x.y.z", expiresAt: "2020-01-01T00:00:00Z"}));
        localStorage.setItem("wallet.lastCard", JSON.stringify({me: {name: "Someone"}}));
    }""")
    phone.reload()

    expect(phone.get_by_role("tabpanel", name="Log in")).to_be_visible()
    assert phone.evaluate("[localStorage.getItem('wallet.session'), localStorage.getItem('wallet.lastCard')]") == [None, None]


# A stand-in for the camera and the browser's BarcodeDetector (headless chromium has
# neither): the camera is a canvas stream, the detector "sees" what the test puts in
# window.nextScan. It proves the console's wiring from a detected code to scanMember.
FAKE_CAMERA = """
window.nextScan = null;
window.BarcodeDetector = class {
  constructor(options) { this.formats = options.formats; }
  async detect(source) { return window.nextScan ? [{ rawValue: window.nextScan, format: "qr_code" }] : []; }
};
navigator.mediaDevices.getUserMedia = async () => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  canvas.getContext("2d").fillRect(0, 0, 64, 64);
  return canvas.captureStream(5);
};
"""


def test_browser_the_till_scans_with_the_camera_where_the_browser_can(till, server):
    member = graphql(server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { accessToken } } }""",
        {"input": {"email": f"camera-{uuid.uuid4().hex[:8]}@example.com", "password": "correct horse battery",
                   "name": "Katherine Johnson"}})["signUp"]["accessToken"]
    code = graphql(server, "{ me { scanCode { payload } } }", token=member)["me"]["scanCode"]["payload"]
    till.context.add_init_script(FAKE_CAMERA)
    till.goto("/pos")
    till.get_by_label("Email").fill(CASHIER[0])
    till.get_by_label("Password").fill(CASHIER[1])
    till.get_by_role("button", name="Log in").click()

    till.get_by_role("button", name="Scan with camera").click()
    expect(till.get_by_label("Camera view for scanning a QR code")).to_be_visible()
    till.evaluate("code => { window.nextScan = code; }", code)

    expect(till.get_by_role("heading", name="Katherine Johnson")).to_be_visible()
    expect(till.locator("#camera")).to_be_hidden()
    # the camera is let go once the code is read
    assert till.evaluate("document.getElementById('camera-video').srcObject") is None


def test_browser_the_card_warns_of_points_about_to_expire(browser, own_server):
    # Given a program where points lapse a month after they are earned, and a member who
    # earned 40 points today
    admin = graphql(own_server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": "admin@demo.wallet", "password": "demo-admin-password", "account": "STAFF"}})
    admin_token = admin["logIn"]["accessToken"]
    changed = graphql(own_server, """mutation { updateProgram(input: {expiryPolicy: AFTER_EARNING, expiryMonths: 1}) {
        __typename } }""", token=admin_token)
    assert changed == {"updateProgram": {"__typename": "UpdateProgramSuccess"}}
    email = f"expiry-{uuid.uuid4().hex[:8]}@example.com"
    member_id = graphql(own_server, """mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on SignUpSuccess { member { id } } } }""",
        {"input": {"email": email, "password": "correct horse battery", "name": "Dorothy Vaughan"}},
    )["signUp"]["member"]["id"]
    store = graphql(own_server, "{ stores { id } }", token=admin_token)["stores"][0]["id"]
    graphql(own_server, """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { __typename } }""",
            {"input": {"memberId": member_id, "amount": "40.00", "currency": "USD", "reference": "EXP-1",
                       "storeId": store, "idempotencyKey": uuid.uuid4().hex}}, admin_token)

    # When they open their card
    context = browser.new_context(viewport=PHONE, base_url=own_server.url)
    try:
        page = context.new_page()
        log_in(page, email, "correct horse battery")

        # Then it says how many points lapse, and when
        expect(page.locator("#points-available")).to_have_text("40")
        expect(page.locator("#expiring")).to_be_visible()
        expect(page.locator("#expiring")).to_have_text(re.compile(r"^40 points expire on \w{3} \d{1,2}, \d{4}\.$"))
    finally:
        context.close()
