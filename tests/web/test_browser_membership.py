"""Paid membership and wallet credit in a real browser: a member joins a plan through the
manual gateway's test checkout, earns cashback at the till, the cashier spends part of it,
and the member sees the credit go down; then they cancel at the period end and resume."""
from __future__ import annotations

import json
import re
import uuid

from playwright.sync_api import expect

from tests.web.conftest import shot
from tests.web.test_browser_checks import unlabelled_controls
from tests.web.test_browser_story import cashier_logs_in, sign_up


def test_browser_membership_cashback_and_credit_at_the_till(phone, till):
    # Given a new member who opens the Membership tab
    sign_up(phone, "Katherine Johnson")
    expect(phone.locator("#credit-balance")).to_have_text("$0.00")
    card_number = phone.locator("#card").get_attribute("data-card-number")
    phone.get_by_role("link", name="Membership").click()
    expect(phone.get_by_role("heading", name="Membership", exact=True)).to_be_focused()
    expect(phone.locator("#membership-none")).to_be_visible()
    yearly = phone.locator("li[data-plan='Plus Yearly']")
    expect(yearly).to_contain_text("$99.00 a year")
    expect(yearly).to_contain_text("3% cashback as wallet credit")
    expect(yearly).to_contain_text("Free shipping")
    expect(phone.locator("li[data-plan='Plus']")).to_contain_text("14 days free")
    assert unlabelled_controls(phone) == []

    # When they join the yearly plan and confirm the test payment
    yearly.get_by_role("button", name="Join Plus Yearly").click()
    expect(phone.locator("#membership-status")).to_have_text("awaiting payment")
    confirm = phone.get_by_role("button", name="Confirm test payment")
    expect(confirm).to_be_focused()
    expect(phone.get_by_role("button", name="Decline test payment")).to_be_visible()
    shot(phone, "5-member-test-checkout")
    confirm.click()

    # Then the membership is active for a year, and no plan is offered any more
    expect(phone.locator("#membership-message")).to_have_text("Welcome to Plus Yearly.")
    expect(phone.locator("#membership-panel")).to_have_attribute("data-status", "ACTIVE")
    expect(phone.locator("#membership-status")).to_have_text("active")
    expect(phone.locator("#membership-period")).to_contain_text("It renews at its end.")
    expect(phone.locator("#plans-panel")).to_be_hidden()
    expect(phone.get_by_role("button", name="Confirm test payment")).to_be_hidden()
    shot(phone, "6-member-active")

    # When the cashier finds them and records a purchase: 3% of 120.00 comes back as credit
    cashier_logs_in(till)
    till.get_by_label("Scan code or card number").fill(card_number)
    till.get_by_role("button", name="Find member").click()
    expect(till.locator("#member-plan")).to_have_text("Plus Yearly · active")
    expect(till.locator("#member-benefits")).to_contain_text("Free shipping")
    expect(till.locator("#member-credit")).to_have_text("$0.00")
    assert unlabelled_controls(till) == []
    till.get_by_label("Amount paid (USD)").fill("120.00")
    till.get_by_label("Receipt number").fill(f"RCPT-{uuid.uuid4().hex[:8]}")
    till.get_by_role("button", name="Record purchase").click()
    expect(till.locator("#purchase-result")).to_contain_text("+$3.60 credit.")
    expect(till.locator("#member-credit")).to_have_text("$3.60")

    # And applies part of it, the first answer lost on the way back: the till retries with
    # the same key, and the server answers the retry with the first result, spending once
    keys = []

    def lose_first_answer(route):
        body = json.loads(route.request.post_data)
        if "applyCredit" not in body["query"]:
            route.continue_()
            return
        keys.append(body["variables"]["input"]["idempotencyKey"])
        response = route.fetch()
        if len(keys) == 1:
            route.abort("connectionreset")
        else:
            route.fulfill(response=response)

    till.route("**/graphql", lose_first_answer)
    credit = till.get_by_role("region", name="Apply wallet credit")
    credit.get_by_label("Credit to apply (USD)").fill("1.50")
    credit.get_by_label("Reference").fill("RCPT-CREDIT-1")
    credit.get_by_role("button", name="Apply credit").click()
    expect(till.locator("#credit-result")).to_have_text("Applied $1.50 of credit; $2.10 left.")
    assert len(keys) == 2 and keys[0] == keys[1], keys
    till.unroute("**/graphql")
    # the one error that lost answer logs, and no other
    till.problems.seen.remove("console error: Failed to load resource: net::ERR_CONNECTION_RESET")
    expect(till.locator("#member-credit")).to_have_text("$2.10")
    credit.get_by_label("Credit to apply (USD)").fill("5.00")
    credit.get_by_label("Reference").fill("RCPT-CREDIT-2")
    credit.get_by_role("button", name="Apply credit").click()
    expect(till.locator("#credit-error")).to_have_text("Not enough credit: $2.10 available, $5.00 asked.")
    expect(till.locator("#member-credit")).to_have_text("$2.10")
    shot(till, "7-cashier-credit")

    # Then the member sees their credit go down, and why
    phone.get_by_role("link", name="Card").click()
    expect(phone.locator("#credit-balance")).to_have_text("$2.10")
    phone.get_by_role("link", name="Activity").click()
    history = phone.locator("#credit-history li")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_have_attribute("data-kind", "spend")
    expect(history.nth(0)).to_contain_text("−$1.50")
    expect(history.nth(0)).to_contain_text("RCPT-CREDIT-1")
    expect(history.nth(1)).to_have_attribute("data-kind", "cashback")
    expect(history.nth(1)).to_contain_text("+$3.60")

    # When they cancel, confirming first, it ends at the period end; they may resume it
    phone.get_by_role("link", name="Membership").click()
    phone.get_by_role("button", name="Cancel membership").click()
    dialog = phone.get_by_role("dialog", name="Cancel your membership?")
    expect(dialog).to_contain_text("Nothing is refunded")
    expect(dialog.get_by_role("button", name="Keep it")).to_be_focused()
    dialog.get_by_role("button", name="Cancel membership").click()
    expect(dialog).to_be_hidden()
    expect(phone.locator("#membership-message")).to_contain_text("Cancelled: Plus Yearly ends on")
    expect(phone.locator("#membership-status")).to_have_text(re.compile(r"^active, ends "))
    expect(phone.locator("#membership-period")).to_contain_text("its benefits last until then")
    resume = phone.get_by_role("button", name="Resume membership")
    expect(resume).to_be_focused()
    resume.click()
    expect(phone.locator("#membership-message")).to_contain_text("Resumed: Plus Yearly renews on")
    expect(phone.locator("#membership-status")).to_have_text("active")
    expect(phone.get_by_role("button", name="Cancel membership")).to_be_focused()


def test_browser_a_declined_test_payment_lets_the_member_choose_again(phone):
    sign_up(phone, "Dorothy Vaughan")
    expect(phone.locator("#scan-qr")).to_be_visible()
    phone.get_by_role("link", name="Membership").click()
    phone.get_by_role("button", name="Join Plus", exact=True).click()
    phone.get_by_role("button", name="Decline test payment").click()
    expect(phone.locator("#membership-error")).to_have_text("The payment was declined: choose a plan to try again.")
    expect(phone.locator("#membership-panel")).to_have_attribute("data-status", "FAILED")
    expect(phone.locator("#membership-failure")).to_have_text("Payment failed: Declined in the test checkout.")
    # a checkout dropped before paying charges nothing and offers the plans again
    phone.get_by_role("button", name="Join Plus Yearly").click()
    expect(phone.locator("#membership-status")).to_have_text("awaiting payment")
    phone.get_by_role("button", name="Cancel checkout").click()
    expect(phone.locator("#membership-message")).to_have_text("Checkout cancelled: nothing was charged.")
    expect(phone.locator("#membership-panel")).to_have_attribute("data-status", "CANCELLED")
    expect(phone.get_by_role("button", name="Confirm test payment")).to_be_hidden()
    # a trial plan, paid: trialing, with its end
    phone.get_by_role("button", name="Join Plus", exact=True).click()
    phone.get_by_role("button", name="Confirm test payment").click()
    expect(phone.locator("#membership-status")).to_have_text("free trial")
    expect(phone.locator("#membership-period")).to_contain_text("Free trial until")
    expect(phone.locator("#membership-failure")).to_be_hidden()
