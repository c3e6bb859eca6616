"""The in-store story in a real browser: a member signs up on their phone, a cashier finds
them from the QR code on that phone and records a purchase, the member sees their points
and tier move, redeems a reward, and the cashier takes the voucher."""
from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

from playwright.sync_api import expect

from tests.web.conftest import CASHIER, read_qr, shot

from tests.web.conftest import ARTIFACTS

# The README's two pictures are refreshed only when asked (WALLET_UPDATE_SCREENSHOTS=1):
# each run draws a new member and QR code, which would dirty the work tree every time.
SCREENSHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("WALLET_UPDATE_SCREENSHOTS") == "1" else ARTIFACTS
)


def sign_up(page, name: str) -> str:
    email = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:8]}@example.com"
    page.goto("/")
    page.get_by_role("tab", name="Sign up").click()
    form = page.get_by_role("tabpanel", name="Sign up")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill("correct horse battery")
    form.get_by_role("button", name="Join").click()
    return email


def cashier_logs_in(till) -> None:
    till.goto("/pos")
    till.get_by_label("Email").fill(CASHIER[0])
    till.get_by_label("Password").fill(CASHIER[1])
    till.get_by_role("button", name="Log in").click()
    expect(till.get_by_label("Scan code or card number")).to_be_focused()


def test_browser_member_and_cashier_story(phone, till):
    # Given a new member on their phone
    sign_up(phone, "Mary Jackson")
    qr = phone.locator("#scan-qr")
    expect(qr).to_be_visible()
    expect(qr).to_have_attribute("src", re.compile(r"^blob:"))
    expect(phone.locator("#points-available")).to_have_text("0")
    card_number = phone.locator("#card").get_attribute("data-card-number")
    expect(phone.locator("#card-number")).to_have_text(re.sub(r"(\d{4})(?=\d)", r"\1 ", card_number))
    shot(phone, "1-member-card")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # what the till's scanner reads off the phone's screen
    payload = read_qr(qr.screenshot())
    assert payload.startswith("W1.")

    # When the cashier scans it and records a purchase
    cashier_logs_in(till)
    till.get_by_label("Scan code or card number").fill(payload)
    till.get_by_role("button", name="Find member").click()
    expect(till.get_by_role("heading", name="Mary Jackson")).to_be_visible()
    expect(till.get_by_label("Amount paid (USD)")).to_be_focused()
    till.get_by_label("Amount paid (USD)").fill("120.00")
    till.get_by_label("Receipt number").fill(f"RCPT-{uuid.uuid4().hex[:8]}")
    till.get_by_role("button", name="Record purchase").click()
    expect(till.locator("#purchase-result")).to_have_text("Recorded: +120 points.")
    expect(till.locator("#member-available")).to_have_text("120")

    # Then the member sees their balance and their progress towards the next tier
    phone.get_by_role("link", name="Tier").click()
    expect(phone.locator("#tier-current")).to_have_text("Insider")
    expect(phone.locator("#tier-next-label")).to_have_text("30 points more to reach VIB (80%).")
    expect(phone.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "80")
    shot(phone, "2-member-tier")
    phone.get_by_role("link", name="Card").click()
    expect(phone.locator("#points-available")).to_have_text("120")
    phone.get_by_role("link", name="Activity").click()
    expect(phone.locator("#activity-list li").first).to_contain_text("+120")

    # When the member redeems a reward they can afford, confirming first
    phone.get_by_role("link", name="Rewards").click()
    reward = phone.locator("li[data-reward='Travel-size moisturiser']")
    expect(phone.locator("li[data-reward='Signature tote bag']").get_by_role("button")).to_be_disabled()
    reward.get_by_role("button", name="Redeem").click()
    dialog = phone.get_by_role("dialog")
    expect(dialog).to_contain_text("Travel-size moisturiser for 100 points. You will have 20 left.")
    dialog.get_by_role("button", name="Redeem").click()
    expect(phone.locator("#rewards-message")).to_contain_text("Redeemed Travel-size moisturiser: voucher")
    voucher = phone.locator("#voucher-list li[data-status='ISSUED']")
    expect(voucher).to_have_count(1)
    code = voucher.get_attribute("data-voucher")
    expect(phone.locator("#rewards-balance")).to_have_text("You have 20 points to spend.")
    voucher.get_by_role("button", name="Show QR for Travel-size moisturiser").click()
    expect(phone.locator("#voucher-qr")).to_have_attribute("src", re.compile(r"^blob:"))
    assert read_qr(phone.locator("#voucher-qr").screenshot()) == code
    shot(phone, "3-member-voucher")
    phone.get_by_role("button", name="Close").click()

    # And the cashier, with the card number typed in, sees the voucher and takes it
    till.get_by_role("button", name="Next customer").click()
    till.get_by_label("Scan code or card number").fill(card_number)
    till.get_by_role("button", name="Find member").click()
    expect(till.locator("#member-available")).to_have_text("20")
    listed = till.locator(f"#voucher-list li[data-voucher='{code}']")
    expect(listed).to_contain_text("Travel-size moisturiser")
    till.evaluate("window.scrollTo(0, 0)")
    shot(till, "cashier-console", SCREENSHOTS / "cashier-console.png")
    listed.get_by_role("button", name=f"Use Travel-size moisturiser ({code})").click()
    expect(till.locator("#voucher-result")).to_have_text(
        f"Used: Travel-size moisturiser ({code}) for Mary Jackson."
    )
    expect(listed).to_have_count(0)
    shot(till, "4-cashier-used-voucher")
    # a second use, typed the way a cashier might, is refused
    till.get_by_label("Voucher code").fill(code.lower().replace("-", " "))
    till.get_by_role("button", name="Mark used").click()
    expect(till.locator("#voucher-error")).to_have_text("This voucher was already used.")

    # Then the member's voucher reads as used
    phone.reload()
    expect(phone.locator(f"#voucher-list li[data-voucher='{code}']")).to_have_attribute("data-status", "USED")

    # The wallet's picture in the README
    phone.get_by_role("link", name="Card").click()
    expect(phone.locator("#scan-qr")).to_be_visible()
    expect(phone.locator("#points-available")).to_have_text("20")
    shot(phone, "wallet-phone", SCREENSHOTS / "wallet-phone.png")

    # Logging out leaves nothing of the member on the phone
    phone.get_by_role("button", name="Log out").click()
    expect(phone.get_by_role("tabpanel", name="Log in")).to_be_visible()
    expect(phone.locator("#signed-in")).to_be_hidden()
    assert phone.evaluate("Object.keys(localStorage)") == []
