"""Focused browser checks: the wallet opens offline from its service worker's cache with
the last known card, and both pages work from the keyboard with labelled controls."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import CASHIER, PHONE, running_server, shot

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
        page.goto("/")
        form = page.get_by_role("tabpanel", name="Log in")
        form.get_by_label("Email").fill(MEMBER[0])
        form.get_by_label("Password").fill(MEMBER[1])
        form.get_by_role("button", name="Log in").click()
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
    finally:
        context.close()


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
