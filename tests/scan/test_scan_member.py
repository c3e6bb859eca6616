"""At the till: a cashier scans the code on the member's phone (or types their card number)
to see who they are, then records the purchase with the same code.

Codes live 60 s, are claimed by the first till (cashier + store) that scans them, and
every refused code or card number counts against the cashier: 10 a minute, then RATE_LIMITED.
"""
from __future__ import annotations

import dataclasses
from datetime import timedelta

import httpx
import pytest

from tests.conftest import Api, new_key
from tests.rewards.conftest import give_points, give_tier, make_reward, redeem, use
from tests.scan.conftest import (
    RECORD,
    SCAN,
    assert_nothing_of,
    code_of,
    forged,
    purchase,
    scan,
    scan_body,
    spaced,
    tampered,
    wrong_check_digit,
)
from wallet.app import create_app
from wallet.audit.models import AuditRecord
from wallet.config import ConfigError, Settings
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.members.models import Member
from wallet.scan.models import ScanClaim, ScanFailure


async def scan_audits() -> list[tuple]:
    return [
        (r.actor_id, str(r.store_id), str(r.member_id), r.target_type, r.target_id, r.after)
        for r in await AuditRecord.filter(action="member.scan").order_by("id")
    ]


async def failure_reasons(staff) -> list[str]:
    return [f.reason for f in await ScanFailure.filter(staff_id=staff.id).order_by("id")]


# --- who is at the till -----------------------------------------------------------------


async def test_a_scanned_code_shows_the_member_their_tier_points_and_usable_vouchers(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    # given Ada holds tier 1, 1,000 points, and three vouchers of which one was used
    await give_tier(member.id, 1)
    await give_points(api, member, 1000)
    mug = (await redeem(api, member, (await make_reward(name="Mug", cost_points=100)).id))["voucher"]
    frozen_clock.advance(timedelta(minutes=1))
    tote = (await redeem(api, member, (await make_reward(name="Tote", cost_points=150)).id))["voucher"]
    frozen_clock.advance(timedelta(minutes=1))
    cap = (await redeem(api, member, (await make_reward(name="Cap", cost_points=200)).id))["voucher"]
    assert (await use(api, cashier, cap["code"], store))["__typename"] == "UseVoucherSuccess"
    # when her phone fetches a code at 12:05:00
    frozen_clock.set(frozen_clock.now().replace(minute=5))
    code = await code_of(api, member)
    assert code["expiresAt"] == "2026-03-15T12:06:00+00:00"
    # and the cashier scans it at Main Street
    result = await scan(api, cashier, code["payload"], store)
    # then the till shows Ada, her tier, her 550 points and her two usable vouchers, newest first
    assert result == {
        "__typename": "ScanMemberSuccess",
        "member": {
            "id": member.id, "name": "Ada Lovelace", "email": member.email, "cardNumber": member.card_number,
            "tier": {"name": "Tier 1", "rank": 1}, "points": {"available": 550, "pending": 0},
        },
        "vouchers": [
            {"code": tote["code"], "status": "ISSUED", "reward": {"name": "Tote"}},
            {"code": mug["code"], "status": "ISSUED", "reward": {"name": "Mug"}},
        ],
    }
    # and the look-up is audited once, naming the cashier, the store and the member
    assert await scan_audits() == [(cashier.id, store, member.id, "member", member.id, {"via": "scanCode"})]
    # and the code is claimed for this till
    claim = await ScanClaim.get()
    assert (str(claim.member_id), str(claim.staff_id), str(claim.store_id)) == (member.id, cashier.id, store)
    assert await ScanFailure.all().count() == 0


async def test_each_fetch_gives_a_new_code_living_60_seconds(api, till, frozen_clock):
    first = await code_of(api, till.member)
    second = await code_of(api, till.member)
    assert first["payload"] != second["payload"]
    assert first["expiresAt"] == second["expiresAt"] == "2026-03-15T12:01:00+00:00"
    # neither shows the member's id
    for code in (first, second):
        assert till.member.id not in code["payload"] and till.member.id.replace("-", "") not in code["payload"]
    # and both name Ada at the till
    for code in (first, second):
        assert (await scan(api, till.cashier, code["payload"], till.store))["member"]["id"] == till.member.id


async def test_a_code_works_until_its_last_second_then_names_nobody(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    # given a code fetched at 12:00:00, scanned at 12:00:59
    code = (await code_of(api, member))["payload"]
    frozen_clock.advance(timedelta(seconds=59))
    assert (await scan(api, cashier, code, store))["__typename"] == "ScanMemberSuccess"
    # when the same till scans it again at 12:01:01
    frozen_clock.advance(timedelta(seconds=2))
    body = await scan_body(api, cashier, code, store)
    # then it has expired, and the answer tells nothing of who the member is
    assert "errors" not in body
    result = body["data"]["scanMember"]
    assert (result["__typename"], result["code"]) == ("ScanCodeExpiredError", "SCAN_CODE_EXPIRED")
    assert_nothing_of(member, body, till.name)
    # and only the first look-up was audited; the refusal counts against the cashier
    assert len(await scan_audits()) == 1
    assert await failure_reasons(cashier) == ["expired"]


async def test_a_code_at_its_expiry_second_is_refused(api, till, frozen_clock):
    code = await code_of(api, till.member)
    frozen_clock.advance(timedelta(seconds=60))
    result = await scan(api, till.cashier, code["payload"], till.store)
    assert (result["__typename"], result["code"]) == ("ScanCodeExpiredError", "SCAN_CODE_EXPIRED")
    assert await ScanClaim.all().count() == 0


@pytest.mark.parametrize(
    ("spoil", "typename", "error_code", "reason"),
    [
        pytest.param(lambda code, member, now: tampered(code), "ScanCodeTamperedError", "SCAN_CODE_TAMPERED",
                     "tampered", id="tampered-tag"),
        pytest.param(lambda code, member, now: tampered(code, 30), "ScanCodeTamperedError", "SCAN_CODE_TAMPERED",
                     "tampered", id="tampered-member-bytes"),
        pytest.param(lambda code, member, now: forged(member.id, now), "ScanCodeForgedError", "SCAN_CODE_FORGED",
                     "forged", id="forged"),
        pytest.param(lambda code, member, now: code[:-5], "ScanCodeMalformedError", "SCAN_CODE_MALFORMED",
                     "malformed", id="truncated"),
        pytest.param(lambda code, member, now: "hello, till", "ScanCodeMalformedError", "SCAN_CODE_MALFORMED",
                     "malformed", id="garbage"),
        pytest.param(lambda code, member, now: "W9." + code[3:], "ScanCodeMalformedError", "SCAN_CODE_MALFORMED",
                     "malformed", id="unknown-prefix"),
    ],
)
async def test_a_spoiled_code_is_refused_for_what_it_is_and_names_nobody(
    api, till, frozen_clock, spoil, typename, error_code, reason
):
    member, cashier, store = till.member, till.cashier, till.store
    # given a spoiled version of a fresh code
    code = spoil((await code_of(api, member))["payload"], member, frozen_clock.now())
    # when the cashier scans it
    body = await scan_body(api, cashier, code, store)
    # then it is refused with its own type and code, naming nobody
    assert "errors" not in body
    result = body["data"]["scanMember"]
    assert (result["__typename"], result["code"]) == (typename, error_code)
    assert_nothing_of(member, body, till.name)
    # and nothing is claimed or audited, but the refusal counts against the cashier
    assert await ScanClaim.all().count() == 0
    assert await scan_audits() == []
    assert await failure_reasons(cashier) == [reason]


# --- one till per code ------------------------------------------------------------------


async def test_the_same_till_may_use_a_code_again_to_record_the_purchase(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    code = (await code_of(api, member))["payload"]
    # the cashier scans, scans again (the first scan did not read), then records the sale
    assert (await scan(api, cashier, code, store))["member"]["id"] == member.id
    frozen_clock.advance(timedelta(seconds=10))
    assert (await scan(api, cashier, code, store))["member"]["id"] == member.id
    result = await purchase(api, cashier, store, "25.50", scanCode=code)
    assert (result["__typename"], result["pointsEarned"], result["member"]) == (
        "RecordPurchaseSuccess", 25, {"id": member.id, "points": {"available": 25}}
    )
    assert len(await scan_audits()) == 2
    assert await ScanClaim.all().count() == 1
    assert await ScanFailure.all().count() == 0


async def test_another_cashier_cannot_use_a_code_claimed_at_a_till(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    colleague = await api.staff("cashier")  # also at Main Street
    code = (await code_of(api, member))["payload"]
    assert (await scan(api, cashier, code, store))["__typename"] == "ScanMemberSuccess"
    # when a colleague scans the same code (a screenshot passed around) at the same store
    body = await scan_body(api, colleague, code, store)
    # then it is refused as claimed, naming nobody
    result = body["data"]["scanMember"]
    assert (result["__typename"], result["code"]) == ("ScanCodeClaimedError", "SCAN_CODE_CLAIMED")
    assert_nothing_of(member, body, till.name)
    # nor may the colleague record a purchase with it
    sale = await purchase(api, colleague, store, "10.00", scanCode=code)
    assert (sale["__typename"], sale["code"]) == ("ScanCodeClaimedError", "SCAN_CODE_CLAIMED")
    assert await Purchase.all().count() == 0
    # while the first till still can
    assert (await scan(api, cashier, code, store))["__typename"] == "ScanMemberSuccess"
    claim = await ScanClaim.get()
    assert (str(claim.staff_id), str(claim.store_id)) == (cashier.id, store)
    assert await failure_reasons(colleague) == ["claimed", "claimed"]
    assert await failure_reasons(cashier) == []


async def test_the_same_cashier_at_another_store_is_another_till(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    harbour = await api.store("Harbour")  # the cashier works there too
    code = (await code_of(api, member))["payload"]
    assert (await scan(api, cashier, code, store))["__typename"] == "ScanMemberSuccess"
    result = await scan(api, cashier, code, harbour)
    assert (result["__typename"], result["code"]) == ("ScanCodeClaimedError", "SCAN_CODE_CLAIMED")
    # a fresh code works at Harbour
    fresh = (await code_of(api, member))["payload"]
    assert (await scan(api, cashier, fresh, harbour))["member"]["id"] == member.id


async def test_a_cashier_at_a_store_not_theirs_is_forbidden_and_claims_nothing(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    elsewhere = await api.store("Elsewhere", assign=False)
    code = (await code_of(api, member))["payload"]
    assert await api.error_code(SCAN, {"code": code, "storeId": elsewhere}, cashier.token) == "FORBIDDEN"
    assert await ScanClaim.all().count() == 0
    # the code is still free for the cashier's own store
    assert (await scan(api, cashier, code, store))["member"]["id"] == member.id


# --- the card number, typed in ------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    pytest.param(lambda card: card, id="digits"),
    pytest.param(lambda card: spaced(card), id="spaces"),
    pytest.param(lambda card: spaced(card, "-"), id="dashes"),
    pytest.param(lambda card: f"  {spaced(card)} ", id="padded"),
])
async def test_the_card_number_typed_in_finds_the_member(api, till, typed):
    member, cashier, store = till.member, till.cashier, till.store
    result = await scan(api, cashier, typed(member.card_number), store)
    assert result["__typename"] == "ScanMemberSuccess"
    assert (result["member"]["id"], result["member"]["name"]) == (member.id, "Ada Lovelace")
    assert await scan_audits() == [(cashier.id, store, member.id, "member", member.id, {"via": "cardNumber"})]
    assert await ScanClaim.all().count() == 0


async def test_a_mistyped_card_number_is_invalid_input_and_counts(api, till):
    member, cashier, store = till.member, till.cashier, till.store
    body = await scan_body(api, cashier, spaced(wrong_check_digit(member.card_number)), store)
    result = body["data"]["scanMember"]
    assert (result["__typename"], result["code"], result["field"]) == ("InvalidInputError", "INVALID_INPUT", "code")
    assert_nothing_of(member, body, till.name)
    assert await failure_reasons(cashier) == ["invalid_card"]
    assert await scan_audits() == []


async def test_a_well_formed_card_number_of_nobody_is_not_found_and_counts(api, till):
    from wallet.members.cards import luhn_check_digit

    member, cashier, store = till.member, till.cashier, till.store
    body11 = "7" + ("0" if member.card_number[1] != "0" else "1") + member.card_number[2:-1]
    nobody = body11 + luhn_check_digit(body11)
    result = await scan(api, cashier, nobody, store)
    assert (result["__typename"], result["code"], result["field"]) == ("NotFoundError", "NOT_FOUND", "code")
    assert await failure_reasons(cashier) == ["unknown_card"]


# --- recording the purchase with the code -------------------------------------------------


async def test_a_purchase_recorded_with_a_scan_code_credits_the_member(api, till):
    member, cashier, store = till.member, till.cashier, till.store
    code = (await code_of(api, member))["payload"]
    result = await purchase(api, cashier, store, "42.99", scanCode=code, reference="RCPT-SCAN-1")
    assert (result["__typename"], result["pointsEarned"], result["replayed"], result["member"]) == (
        "RecordPurchaseSuccess", 42, False, {"id": member.id, "points": {"available": 42}}
    )
    stored = await Purchase.get(id=result["purchaseId"])
    assert (str(stored.member_id), str(stored.staff_id), str(stored.store_id), stored.reference) == (
        member.id, cashier.id, store, "RCPT-SCAN-1"
    )
    assert [(e.kind, e.amount) for e in await LedgerEntry.filter(account__member_id=member.id)] == [("earn", 42)]
    audit = await AuditRecord.get(action="purchase.record")
    assert (audit.after["via"], str(audit.member_id)) == ("scanCode", member.id)
    # recording claimed the code for this till
    claim = await ScanClaim.get()
    assert (str(claim.staff_id), str(claim.store_id)) == (cashier.id, store)


@pytest.mark.parametrize("who", [
    pytest.param(lambda m, code: {"memberId": m.id, "scanCode": code}, id="memberId-and-scanCode"),
    pytest.param(lambda m, code: {"cardNumber": m.card_number, "scanCode": code}, id="cardNumber-and-scanCode"),
    pytest.param(lambda m, code: {}, id="nobody"),
])
async def test_a_purchase_must_name_the_member_exactly_once(api, till, who):
    member, cashier, store = till.member, till.cashier, till.store
    code = (await code_of(api, member))["payload"]
    result = await purchase(api, cashier, store, "10.00", **who(member, code))
    assert (result["__typename"], result["code"], result["field"]) == ("InvalidInputError", "INVALID_INPUT", "memberId")
    # nothing written, nothing claimed
    assert await Purchase.all().count() == 0
    assert await ScanClaim.all().count() == 0


async def test_a_retried_purchase_replays_its_answer_after_the_code_expired(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    code = (await code_of(api, member))["payload"]
    key = new_key()
    first = await purchase(api, cashier, store, "30.00", key=key, scanCode=code, reference="RCPT-77")
    assert (first["__typename"], first["replayed"]) == ("RecordPurchaseSuccess", False)
    # when the till retries the very same request two minutes later (the answer was lost)
    frozen_clock.advance(timedelta(minutes=2))
    again = await purchase(api, cashier, store, "30.00", key=key, scanCode=code, reference="RCPT-77")
    # then the first answer is replayed, the code's expiry notwithstanding, and nothing is credited twice
    assert again == {**first, "replayed": True}
    assert await Purchase.all().count() == 1
    assert await ScanFailure.all().count() == 0
    # while a new sale with the dead code is refused
    fresh_sale = await purchase(api, cashier, store, "30.00", scanCode=code, reference="RCPT-78")
    assert (fresh_sale["__typename"], fresh_sale["code"]) == ("ScanCodeExpiredError", "SCAN_CODE_EXPIRED")
    assert await Purchase.all().count() == 1


# --- who may see and scan codes -----------------------------------------------------------


async def test_a_cashier_cannot_read_a_members_scan_code_through_a_purchase(api, till):
    member, cashier, store = till.member, till.cashier, till.store
    query = RECORD.replace("member { id points { available } }", "member { id scanCode { payload } }")
    payload = {"memberId": member.id, "amount": "5.00", "currency": "USD", "reference": "R-SC-1",
               "storeId": store, "idempotencyKey": new_key()}
    body = await api.raw(query, {"input": payload}, cashier.token)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert "W1." not in str(body)


async def test_a_cashier_cannot_read_a_members_scan_code_through_a_scan(api, till):
    member, cashier, store = till.member, till.cashier, till.store
    query = """mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
      ... on ScanMemberSuccess { member { name scanCode { payload expiresAt } } } } }"""
    code = (await code_of(api, member))["payload"]
    body = await api.raw(query, {"code": code, "storeId": store}, cashier.token)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert "W1." not in str(body)


async def test_a_member_cannot_scan(api, till):
    member, store = till.member, till.store
    code = (await code_of(api, member))["payload"]
    assert await api.error_code(SCAN, {"code": code, "storeId": store}, member.token) == "FORBIDDEN"
    assert await api.error_code(SCAN, {"code": code, "storeId": store}) == "UNAUTHENTICATED"
    assert await ScanClaim.all().count() == 0
    assert await ScanFailure.all().count() == 0


async def test_staff_have_no_scan_code_of_their_own(api, till):
    assert await api.error_code("{ me { scanCode { payload } } }", token=till.cashier.token) == "FORBIDDEN"


# --- the refused-scan limit ---------------------------------------------------------------


async def test_ten_refused_scans_a_minute_then_the_cashier_waits(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    colleague = await api.staff("cashier")
    now = frozen_clock.now()
    real = (await code_of(api, member))["payload"]
    # given ten refused scans of every kind within a minute
    refusals = [
        ("hello", "ScanCodeMalformedError"),
        ("W1.AAAA", "ScanCodeMalformedError"),
        (forged(member.id, now), "ScanCodeForgedError"),
        (forged(member.id, now), "ScanCodeForgedError"),
        (tampered(real), "ScanCodeTamperedError"),
        (tampered(real, 25), "ScanCodeTamperedError"),
        (wrong_check_digit(member.card_number), "InvalidInputError"),
        (spaced(wrong_check_digit(member.card_number)), "InvalidInputError"),
        ("?", "ScanCodeMalformedError"),
        ("nonsense", "ScanCodeMalformedError"),
    ]
    for code, typename in refusals:
        frozen_clock.advance(timedelta(seconds=1))
        assert (await scan(api, cashier, code, store))["__typename"] == typename
    assert await AuditRecord.filter(action="scan.rate_limited").count() == 0
    # when the cashier scans a good code as the eleventh
    good = (await code_of(api, member))["payload"]
    body = await scan_body(api, cashier, good, store)
    # then it is refused: wait, without a word about the member
    limited = body["data"]["scanMember"]
    assert (limited["__typename"], limited["code"]) == ("RateLimitedError", "RATE_LIMITED")
    # the first refusal (12:00:01) leaves the window at 12:01:01, 51 s from now (rounded up: 51 or 52)
    assert limited["retryAfterSeconds"] in (51, 52)
    assert_nothing_of(member, body, till.name)
    assert await ScanClaim.all().count() == 0
    # and so is recording a purchase with it, and more guesses
    sale = await purchase(api, cashier, store, "5.00", scanCode=good)
    assert sale["__typename"] == "RateLimitedError" and sale["retryAfterSeconds"] > 0
    for code in ("more", member.card_number):
        assert (await scan(api, cashier, code, store))["__typename"] == "RateLimitedError"
    # and the limit was audited once, at its first refusal
    audits = await AuditRecord.filter(action="scan.rate_limited")
    assert [(a.actor_id, a.target_type, a.target_id, str(a.store_id), a.after) for a in audits] == [
        (cashier.id, "staff", cashier.id, store, {"failuresInWindow": 10})
    ]
    # while a colleague at the same store scans as usual
    assert (await scan(api, colleague, good, store))["member"]["id"] == member.id
    # and once a minute has passed since the last refusal, the cashier scans again
    frozen_clock.advance(timedelta(seconds=61))
    fresh = (await code_of(api, member))["payload"]
    result = await scan(api, cashier, fresh, store)
    assert (result["__typename"], result["member"]["id"]) == ("ScanMemberSuccess", member.id)
    assert await AuditRecord.filter(action="scan.rate_limited").count() == 1
    assert await Purchase.all().count() == 0


async def test_a_cashier_who_keeps_guessing_stays_refused(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    # given ten refusals at 12:00:00
    for _ in range(10):
        assert (await scan(api, cashier, "guess", store))["__typename"] == "ScanCodeMalformedError"
    first = await scan(api, cashier, "guess", store)
    assert first["__typename"] == "RateLimitedError"
    assert first["retryAfterSeconds"] in (60, 61)
    # when the cashier guesses again at 12:00:30, they are still refused, for a shorter time
    frozen_clock.advance(timedelta(seconds=30))
    second = await scan(api, cashier, "guess", store)
    assert second["__typename"] == "RateLimitedError"
    assert second["retryAfterSeconds"] in (30, 31)
    # and at 12:01:01 (the 12:00:00 refusals gone) scanning works again
    frozen_clock.advance(timedelta(seconds=31))
    result = await scan(api, cashier, (await code_of(api, member))["payload"], store)
    assert result["__typename"] == "ScanMemberSuccess"
    assert await AuditRecord.filter(action="scan.rate_limited").count() == 1


async def test_waiting_the_advised_time_is_enough(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    for _ in range(10):
        await scan(api, cashier, "guess", store)
    limited = await scan(api, cashier, (await code_of(api, member))["payload"], store)
    assert limited["__typename"] == "RateLimitedError"
    frozen_clock.advance(timedelta(seconds=limited["retryAfterSeconds"]))
    result = await scan(api, cashier, (await code_of(api, member))["payload"], store)
    assert result["__typename"] == "ScanMemberSuccess"


async def test_good_scans_do_not_count_against_the_cashier(api, till, frozen_clock):
    member, cashier, store = till.member, till.cashier, till.store
    # twelve good scans and nine refusals in a minute stay under the limit
    for _ in range(12):
        assert (await scan(api, cashier, (await code_of(api, member))["payload"], store))["__typename"] == (
            "ScanMemberSuccess"
        )
    for _ in range(9):
        await scan(api, cashier, "guess", store)
    result = await scan(api, cashier, member.card_number, store)
    assert result["__typename"] == "ScanMemberSuccess"
    assert await ScanFailure.filter(staff_id=cashier.id).count() == 9


async def test_the_limit_follows_the_setting(api, till, frozen_clock):
    # given a server started with WALLET_SCAN_FAILURES_PER_MINUTE=3
    strict = dataclasses.replace(api.settings, scan_failures_per_minute=3)
    transport = httpx.ASGITransport(app=create_app(strict, manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://wallet.test") as http:
        strict_api = Api(http, strict, api.passwords)
        # three refusals are answered, the fourth scan is refused for the limit
        for _ in range(3):
            assert (await scan(strict_api, till.cashier, "guess", till.store))["__typename"] == (
                "ScanCodeMalformedError"
            )
        code = (await code_of(strict_api, till.member))["payload"]
        assert (await scan(strict_api, till.cashier, code, till.store))["__typename"] == "RateLimitedError"
    # while the default server still allows seven more
    assert (await scan(api, till.cashier, "guess", till.store))["__typename"] == "ScanCodeMalformedError"


def test_the_scan_settings_default_to_60_seconds_and_10_refusals():
    settings = Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": "sqlite://:memory:"})
    assert (settings.scan_code_ttl_seconds, settings.scan_failures_per_minute) == (60, 10)
    custom = Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": "sqlite://:memory:",
                                "WALLET_SCAN_CODE_TTL_SECONDS": "30", "WALLET_SCAN_FAILURES_PER_MINUTE": "5"})
    assert (custom.scan_code_ttl_seconds, custom.scan_failures_per_minute) == (30, 5)


@pytest.mark.parametrize("env", [
    {"WALLET_SCAN_FAILURES_PER_MINUTE": "0"},
    {"WALLET_SCAN_FAILURES_PER_MINUTE": "-1"},
    {"WALLET_SCAN_CODE_TTL_SECONDS": "9"},
    {"WALLET_SCAN_CODE_TTL_SECONDS": "3601"},
    {"WALLET_SCAN_CODE_TTL_SECONDS": "a minute"},
])
def test_scan_settings_out_of_range_are_refused_at_start(env):
    with pytest.raises(ConfigError):
        Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_DATABASE_URL": "sqlite://:memory:", **env})


# --- edge cases ---------------------------------------------------------------------------


async def test_a_code_of_a_member_whose_account_closed_is_dead(api, till):
    member, cashier, store = till.member, till.cashier, till.store
    code = (await code_of(api, member))["payload"]
    # when the account is closed after the code was shown
    await Member.filter(id=member.id).update(is_active=False)
    body = await scan_body(api, cashier, code, store)
    # then the code reads as expired, naming nobody, and claims nothing
    result = body["data"]["scanMember"]
    assert (result["__typename"], result["code"]) == ("ScanCodeExpiredError", "SCAN_CODE_EXPIRED")
    assert_nothing_of(member, body, till.name)
    assert await ScanClaim.all().count() == 0
    assert await scan_audits() == []


async def test_an_unknown_store_is_not_found_and_not_counted(api, till):
    code = (await code_of(api, till.member))["payload"]
    for store_id in ("00000000-0000-4000-8000-000000000000", "not-a-store"):
        result = await scan(api, till.cashier, code, store_id)
        assert (result["__typename"], result["code"], result["field"]) == ("NotFoundError", "NOT_FOUND", "storeId")
    assert await ScanFailure.all().count() == 0
    assert await ScanClaim.all().count() == 0


async def test_the_jobs_purge_claims_and_refusals_a_day_after_they_stop_mattering(api, till, frozen_clock):
    from wallet.jobs import run_jobs

    # given a claimed code (expiring 12:01) and a refusal (12:00)
    code = (await code_of(api, till.member))["payload"]
    await scan(api, till.cashier, code, till.store)
    await scan(api, till.cashier, "guess", till.store)
    # a day later, both are still kept for investigations
    assert (await run_jobs(frozen_clock.now() + timedelta(days=1)))["scan_records_purged"] == 0
    assert (await ScanClaim.all().count(), await ScanFailure.all().count()) == (1, 1)
    # a day and two minutes later, both are gone
    assert (await run_jobs(frozen_clock.now() + timedelta(days=1, minutes=2)))["scan_records_purged"] == 2
    assert (await ScanClaim.all().count(), await ScanFailure.all().count()) == (0, 0)
