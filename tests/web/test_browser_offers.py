"""The wallet's Offers: the member's offers with progress bars, and activating one."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.web.conftest import shot
from tests.web.test_browser_checks import log_in


def test_browser_offers_show_progress_and_activate(phone):
    # Given Ada, who took up the demo's three-visit offer and made one visit
    log_in(phone, "ada@demo.wallet", "demo-member-password")
    expect(phone.locator("#scan-qr")).to_be_visible()
    phone.get_by_role("link", name="Rewards").click()
    offers = phone.locator("#offer-list")
    visits = offers.locator("li[data-offer='Three visits, 150 points']")
    coffee = offers.locator("li[data-offer='Coffee lover']")
    # Then she sees it activated, with its progress bar a third full
    expect(visits).to_contain_text("1 of 3 purchases")
    expect(visits).to_contain_text("+150 pts")
    expect(visits.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "33.3")
    expect(visits.locator(".badge")).to_have_text("Activated")
    expect(visits.get_by_role("button", name="Activate")).to_have_count(0)
    # and the coffee offer waiting to be activated
    expect(coffee).to_contain_text("$0.00 of $20.00 spent")
    expect(coffee.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "0")
    # When she activates it
    coffee.get_by_role("button", name="Activate").click()
    # Then it says so and counts her purchases from now on
    expect(phone.locator("#offers-message")).to_have_text("Coffee lover is on: your purchases now count.")
    expect(coffee.locator(".badge")).to_have_text("Activated")
    expect(coffee.get_by_role("button", name="Activate")).to_have_count(0)
    shot(phone, "offers")
