"""The referral story in the browser: a member copies their invitation link from the card,
a friend opens it and joins with the code already filled in."""
from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from tests.web.conftest import PHONE, _page, graphql, shot

GRACE = ("grace@demo.wallet", "demo-member-password")  # the demo's referrer


def test_browser_an_invitation_link_signs_a_friend_up_as_invited(browser, server):
    grace, grace_page, grace_problems = _page(browser, server, viewport=PHONE, is_mobile=True, has_touch=True)
    friend, friend_page, friend_problems = _page(browser, server, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        grace.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
        # Given Grace, who invited Katherine (rewarded) and Margaret, on her card
        grace_page.goto("/")
        form = grace_page.get_by_role("tabpanel", name="Log in")
        form.get_by_label("Email").fill(GRACE[0])
        form.get_by_label("Password").fill(GRACE[1])
        form.get_by_role("button", name="Log in").click()
        panel = grace_page.locator("#referral")
        expect(panel).to_be_visible()
        code = grace_page.locator("#referral-code").inner_text()
        assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", code)
        expect(grace_page.get_by_label("Your invitation link")).to_have_value(f"http://127.0.0.1:8000/?ref={code}")
        expect(panel).to_contain_text("you get 500 points and they get 250")
        expect(grace_page.locator("#referral-stats")).to_have_text("2 joined with your code, 1 rewarded: 500 points earned.")
        # When she copies her link
        grace_page.get_by_role("button", name="Copy link").click()
        expect(grace_page.locator("#referral-message")).to_have_text("Link copied: paste it in a message to a friend.")
        assert grace_page.evaluate("navigator.clipboard.readText()") == f"http://127.0.0.1:8000/?ref={code}"
        shot(grace_page, "referral-card")

        # and a friend opens it (on this test server's address)
        friend_page.goto(f"/?ref={code}")
        signup = friend_page.get_by_role("tabpanel", name="Sign up")
        expect(signup).to_be_visible()
        expect(signup.get_by_label("Invitation code")).to_have_value(code)
        email = f"friend-{uuid.uuid4().hex[:8]}@example.com"
        signup.get_by_label("Name").fill("Dorothy Vaughan")
        signup.get_by_label("Email").fill(email)
        signup.get_by_label("Password", exact=True).fill("a long passphrase")
        signup.get_by_role("button", name="Join").click()
        # Then the friend is signed in, the invitation gone from the address bar
        expect(friend_page.locator("#member-name")).to_have_text("Dorothy Vaughan")
        assert "ref=" not in friend_page.url
        # and Grace's card counts a third member invited
        grace_page.reload()
        expect(grace_page.locator("#referral-stats")).to_have_text("3 joined with your code, 1 rewarded: 500 points earned.")
    finally:
        grace.close()
        friend.close()
    assert grace_problems.seen == [] and friend_problems.seen == []


def test_browser_an_unknown_invitation_code_is_explained(phone):
    phone.goto("/?ref=ZZZZ2222")
    signup = phone.get_by_role("tabpanel", name="Sign up")
    signup.get_by_label("Name").fill("Someone")
    signup.get_by_label("Email").fill(f"someone-{uuid.uuid4().hex[:8]}@example.com")
    signup.get_by_label("Password", exact=True).fill("a long passphrase")
    signup.get_by_role("button", name="Join").click()
    expect(phone.locator("#signup-error")).to_have_text(
        "No member has this referral code: check it, or sign up without one."
    )
    expect(phone.locator("#signed-in")).to_be_hidden()
