"""Referrals: codes and links, signing up with a code, the once-only reward on the first
qualifying purchase, and refunds that take it back."""
from __future__ import annotations

import re
from datetime import timedelta

from tests.conftest import new_key
from tests.referrals.conftest import (
    UPDATE_PROGRAM,
    buy,
    joined,
    points_of,
    referral_of,
    refund,
    set_referral_program,
    sign_up_with,
)
from tests.scan.test_query_counts import counting_queries
from wallet.audit.models import AuditRecord
from wallet.ledger.models import LedgerEntry, PointsAccount
from wallet.members.models import Member
from wallet.referrals import service as referrals
from wallet.referrals.models import Referral

CODE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$")


async def _entries(member_id: str) -> list[tuple]:
    return await LedgerEntry.filter(account__member_id=member_id).order_by("id").values_list(
        "kind", "bucket", "amount", "reason", "reference"
    )


async def test_each_member_has_their_own_code_and_link(api):
    # given two members
    sam, kim = await api.sign_up(), await api.sign_up()
    # when each reads their referral
    mine, theirs = await referral_of(api, sam), await referral_of(api, kim)
    # then each has a code of 8 unambiguous characters, a link to the wallet's sign-up
    # with it, and no referrals yet
    assert CODE.match(mine["code"]) and CODE.match(theirs["code"])
    assert mine["code"] != theirs["code"]
    assert mine == {
        "code": mine["code"], "link": f"http://127.0.0.1:8000/?ref={mine['code']}",
        "invitedCount": 0, "rewardedCount": 0, "pointsEarned": 0,
    }
    assert mine["code"] == (await Member.get(id=sam.id)).referral_code


async def test_only_the_member_sees_their_referral(api):
    member = await api.sign_up()
    admin = await api.staff("admin")
    query = "query($id: ID!) { member(id: $id) { referral { code } } }"
    assert await api.error_code(query, {"id": member.id}, admin.token) == "FORBIDDEN"


async def test_a_member_written_outside_the_app_gets_a_code_when_it_is_first_read(api):
    member = await api.sign_up()
    await Member.filter(id=member.id).update(referral_code=None)
    first = await referral_of(api, member)
    assert CODE.match(first["code"])
    assert (await referral_of(api, member))["code"] == first["code"]


async def test_the_invited_members_first_qualifying_purchase_rewards_both_once(api, at, program):
    admin, cashier, store = program
    # given Sam, and Kim who signed up with Sam's code (typed in lower case, with a dash)
    sam = await joined(at("198.51.100.7"), "sam@example.com", None, "Sam")
    code = (await referral_of(api, sam))["code"]
    kim = await joined(at("203.0.113.9"), "kim@example.com", f"{code[:4].lower()}-{code[4:].lower()}", "Kim")
    assert [(str(r.referrer_id), str(r.invited_id), r.code, r.status) for r in await Referral.all()] == [
        (sam.id, kim.id, code, "pending")
    ]
    # when Kim buys for 19.99 (below the 20.00 minimum), then for 20.00, then again
    below = await buy(api, cashier, kim.id, store, "19.99")
    first = await buy(api, cashier, kim.id, store, "20.00", reference="KIM-1")
    again = await buy(api, cashier, kim.id, store, "50.00")
    # then the purchase below the minimum rewarded nothing; the first at 20.00 gave Kim
    # 250 points and Sam 500, once
    assert [r["pointsEarned"] for r in (below, first, again)] == [19, 20, 50]
    assert below["member"]["points"]["available"] == 19
    assert first["member"]["points"]["available"] == 19 + 20 + 250
    referral = await Referral.get()
    assert (referral.status, str(referral.purchase_id), referral.referrer_points, referral.invited_points) == (
        "rewarded", first["purchaseId"], 500, 250
    )
    reference = f"referral-{referral.id}"
    assert await _entries(sam.id) == [
        ("bonus", "available", 500, "Referral bonus: a member you invited made their first purchase", reference)
    ]
    assert [e for e in await _entries(kim.id) if e[0] == "bonus"] == [
        ("bonus", "available", 250, "Referral bonus: your first purchase as an invited member", reference)
    ]
    assert await points_of(api, kim) == {"available": 19 + 20 + 250 + 50, "owed": 0, "lifetime": 339}
    assert await points_of(api, sam) == {"available": 500, "owed": 0, "lifetime": 500}
    assert await referral_of(api, sam) == {
        "code": code, "link": f"http://127.0.0.1:8000/?ref={code}",
        "invitedCount": 1, "rewardedCount": 1, "pointsEarned": 500,
    }
    assert (await PointsAccount.get(member_id=kim.id)).referral_pending is False
    # and the sale's audit record names the referral and both grants
    record = await AuditRecord.get(action="purchase.record", target_id=first["purchaseId"])
    assert record.after["referral"] == {
        "referralId": referral.id, "referrerId": sam.id, "referrerPoints": 500, "invitedPoints": 250
    }


async def test_a_retried_qualifying_sale_rewards_once(api, at, program):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    kim = await joined(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    # when the till sends the same sale twice (its answer lost)
    first = await buy(api, cashier, kim.id, store, "30.00", key="till-1", reference="R-1")
    retry = await buy(api, cashier, kim.id, store, "30.00", key="till-1", reference="R-1")
    # then the second is a replay and the referral was rewarded once
    assert (first["replayed"], retry["replayed"]) == (False, True)
    assert await points_of(api, sam) == {"available": 500, "owed": 0, "lifetime": 500}
    assert await LedgerEntry.filter(reason__startswith="Referral bonus").count() == 2


async def test_an_unknown_code_creates_nothing(api, program):
    members = await Member.all().count()
    # when someone signs up with a code nobody has, and with one that cannot be a code
    unknown = await sign_up_with(api, "new@example.com", "ZZZZ2222")
    malformed = await sign_up_with(api, "new@example.com", "not-a-code!")
    # then both are refused with REFERRAL_CODE_UNKNOWN and nothing was created
    for result in (unknown, malformed):
        assert result == {
            "__typename": "ReferralCodeUnknownError", "code": "REFERRAL_CODE_UNKNOWN",
            "message": "No member has this referral code: check it, or sign up without one.",
            "field": "referralCode",
        }
    assert await Member.all().count() == members
    assert await PointsAccount.all().count() == members
    assert await Referral.all().count() == 0
    # and without a code the same email signs up
    assert (await sign_up_with(api, "new@example.com", ""))["__typename"] == "SignUpSuccess"


async def test_a_deactivated_members_code_is_unknown(api, at, program):
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    code = (await referral_of(api, sam))["code"]
    await Member.filter(id=sam.id).update(is_active=False)
    result = await sign_up_with(at("203.0.113.9"), "kim@example.com", code)
    assert result["code"] == "REFERRAL_CODE_UNKNOWN"


async def test_inviting_oneself_with_another_spelling_of_ones_email_is_refused(api, at, program):
    # given Sam, sam.lee@gmail.com
    sam = await joined(at("198.51.100.7"), "sam.lee@gmail.com", None)
    code = (await referral_of(api, sam))["code"]
    members = await Member.all().count()
    # when Sam signs up again, elsewhere, as samlee+2@googlemail.com and s.a.m.lee@gmail.com
    results = [
        await sign_up_with(at("203.0.113.9"), email, code)
        for email in ("samlee+2@googlemail.com", "S.A.M.Lee@gmail.com")
    ]
    # then both are refused and nothing was created
    for result in results:
        assert result == {
            "__typename": "ReferralRefusedError", "code": "REFERRAL_REFUSED",
            "message": "This referral code cannot be used for this account; sign up without it.",
            "field": "referralCode",
        }
    assert await Member.all().count() == members
    assert await Referral.all().count() == 0


async def test_a_plus_tag_on_any_domain_is_the_same_mailbox_but_dots_count_outside_gmail(api, at, program):
    sam = await joined(at("198.51.100.7"), "sam.lee@example.com", None)
    code = (await referral_of(api, sam))["code"]
    tagged = await sign_up_with(at("203.0.113.9"), "sam.lee+promo@example.com", code)
    dotless = await sign_up_with(at("203.0.113.9"), "samlee@example.com", code)
    assert tagged["code"] == "REFERRAL_REFUSED"
    assert dotless["__typename"] == "SignUpSuccess"


async def test_an_invited_sign_up_from_the_referrers_address_soon_after_theirs_is_refused(api, at, program, frozen_clock):
    # given Sam, who signed up from 198.51.100.7 (an IPv6 client: by its /64)
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    ana = await joined(at("2001:db8:1:2::10"), "ana@example.com", None)
    sam_code, ana_code = (await referral_of(api, sam))["code"], (await referral_of(api, ana))["code"]
    # when, 29 days later, new accounts sign up with their codes from the same address (/64)
    frozen_clock.advance(timedelta(days=29))
    from_sams = await sign_up_with(at("198.51.100.7"), "kim@example.com", sam_code)
    from_anas = await sign_up_with(at("2001:db8:1:2::ffff"), "lou@example.com", ana_code)
    # then both are refused, and nothing was created
    assert (from_sams["code"], from_anas["code"]) == ("REFERRAL_REFUSED", "REFERRAL_REFUSED")
    assert await Referral.all().count() == 0
    # but from another address, or 30 days after the referrer's sign-up, they are accepted
    other = await sign_up_with(at("198.51.100.8"), "kim@example.com", sam_code)
    frozen_clock.advance(timedelta(days=1))
    later = await sign_up_with(at("2001:db8:1:2::ffff"), "lou@example.com", ana_code)
    assert (other["__typename"], later["__typename"]) == ("SignUpSuccess", "SignUpSuccess")
    assert await Referral.all().count() == 2


async def test_a_taken_email_is_a_duplicate_even_with_a_code(api, at, program):
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    await joined(at("203.0.113.9"), "kim@example.com", None)
    result = await sign_up_with(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    assert result["code"] == "DUPLICATE"
    assert await Referral.all().count() == 0


async def test_without_referral_points_a_purchase_leaves_the_referral_pending(api, at, program):
    admin, cashier, store = program
    # given referrals worth nothing
    await set_referral_program(api, admin, 0, 0, "0")
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    kim = await joined(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    # when Kim buys, then the program starts rewarding referrals and Kim buys again
    await buy(api, cashier, kim.id, store, "40.00")
    assert (await Referral.get()).status == "pending"
    await set_referral_program(api, admin, 100, 0, "10.00")
    await buy(api, cashier, kim.id, store, "10.00")
    # then the purchase made while referrals were rewarded is the qualifying one
    assert (await Referral.get()).status == "rewarded"
    assert await points_of(api, sam) == {"available": 100, "owed": 0, "lifetime": 100}
    assert await LedgerEntry.filter(account__member_id=kim.id, reason__startswith="Referral").count() == 0


async def test_a_refund_takes_the_bonus_back_once_the_purchase_no_longer_qualifies(api, at, program):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    kim = await joined(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    await buy(api, cashier, kim.id, store, "30.00", reference="KIM-1")
    # given Sam spent 300 of the 500 points
    from tests.rewards.conftest import make_reward, redeem

    reward = await make_reward(cost_points=300)
    assert (await redeem(api, sam, reward.id))["__typename"] == "RedeemRewardSuccess"
    # when 10.00 of Kim's 30.00 is refunded (20.00 left: still qualifies)
    await refund(api, cashier, "KIM-1", "10.00")
    assert (await Referral.get()).status == "rewarded"
    assert await points_of(api, sam) == {"available": 200, "owed": 0, "lifetime": 500}
    # and then 0.01 more (19.99 left: no longer qualifies), and later the rest
    await refund(api, cashier, "KIM-1", "0.01")
    await refund(api, cashier, "KIM-1", "19.99")
    # then both bonuses were taken back once: Sam's 200 available and 300 owed, Kim's 250
    referral = await Referral.get()
    assert referral.status == "reversed"
    assert await points_of(api, sam) == {"available": 0, "owed": 300, "lifetime": 0}
    reason = "Referral bonus taken back: the qualifying purchase was refunded"
    reference = f"referral-{referral.id}"
    assert (await _entries(sam.id))[-2:] == [
        ("refund", "available", -200, reason, reference),
        ("refund", "owed", 300, reason + " (already spent, owed)", reference),
    ]
    assert [e for e in await _entries(kim.id) if e[3].startswith("Referral bonus taken")] == [
        ("refund", "available", -250, reason, reference)
    ]
    assert await points_of(api, kim) == {"available": 0, "owed": 0, "lifetime": 0}
    assert await referral_of(api, sam) == {**(await referral_of(api, sam)), "invitedCount": 1, "rewardedCount": 0, "pointsEarned": 0}
    record = await AuditRecord.filter(action="purchase.refund").order_by("-id").offset(1).first()
    assert record.after["referralReversed"] == {
        "referralId": referral.id, "referrerId": sam.id, "referrerPointsTakenBack": 500,
        "invitedPointsTakenBack": 250, "referrerOwed": 300, "invitedOwed": 0,
    }
    # and a later purchase does not reward the referral again
    await buy(api, cashier, kim.id, store, "30.00")
    assert await points_of(api, sam) == {"available": 0, "owed": 300, "lifetime": 0}


async def test_referral_settings_are_admin_only_checked_and_audited(api, program):
    admin, cashier, _ = program
    # a cashier may not change them
    forbidden = await api.error_code(UPDATE_PROGRAM, {"input": {"referralReferrerPoints": 1}}, cashier.token)
    assert forbidden == "FORBIDDEN"
    # out-of-range values are refused
    for field, value in (("referralReferrerPoints", -1), ("referralInvitedPoints", 1_000_001), ("referralMinAmount", "0.001")):
        result = (await api.ok(UPDATE_PROGRAM, {"input": {field: value}}, admin.token))["updateProgram"]
        assert (result["code"], result["field"]) == ("INVALID_INPUT", field)
    # a change is audited with the values before and after
    changed = await set_referral_program(api, admin, 700, 300, "25")
    assert changed["program"] == {"referralReferrerPoints": 700, "referralInvitedPoints": 300, "referralMinAmount": "25.00"}
    record = await AuditRecord.filter(action="program.update").order_by("-id").first()
    assert (record.before["referral_referrer_points"], record.after["referral_referrer_points"]) == ("500", "700")
    assert (record.before["referral_min_amount"], record.after["referral_min_amount"]) == ("20.00", "25.00")


async def test_a_sale_pays_for_referrals_only_when_one_is_rewarded(api, at, program):
    admin, cashier, store = program
    sam = await joined(at("198.51.100.7"), "sam@example.com", None)
    kim = await joined(at("203.0.113.9"), "kim@example.com", (await referral_of(api, sam))["code"])
    lou = await joined(at("203.0.113.10"), "lou@example.com", None)
    await buy(api, cashier, lou.id, store, "5.00")
    await buy(api, cashier, kim.id, store, "5.00")
    # when a member without a referral, and an invited member below the minimum, buy
    with counting_queries() as plain:
        await buy(api, cashier, lou.id, store, "5.00")
    with counting_queries() as pending:
        await buy(api, cashier, kim.id, store, "5.00")
    # then both sales make the same statements
    assert pending.count == plain.count
    # and the qualifying sale adds 9: the referral's update, the flag's reset, a posting
    # on each side (balance, entry, lot) and the referrer's account lock
    with counting_queries() as qualifying:
        await buy(api, cashier, kim.id, store, "25.00")
    assert qualifying.count == plain.count + 9
    with counting_queries() as after:
        await buy(api, cashier, kim.id, store, "5.00")
    assert after.count == plain.count


def test_emails_are_normalised_as_their_mailbox():
    assert referrals.normalised_email("Sam.Lee+x@GoogleMail.com") == "samlee@gmail.com"
    assert referrals.normalised_email("sam.lee+x@example.com") == "sam.lee@example.com"
    assert referrals.normalised_email("sam@example.com") == "sam@example.com"


async def test_the_demo_shows_a_rewarded_and_a_pending_referral(database, passwords):
    from wallet.demo import seed

    # when the demo is seeded, twice
    await seed(passwords, database.max_purchase_amount)
    await seed(passwords, database.max_purchase_amount)
    # then Grace invited Katherine, whose first purchase rewarded both, and Margaret
    grace = await Member.get(email="grace@demo.wallet")
    found = {
        (await Member.get(id=r.invited_id)).email: (str(r.referrer_id), r.status, r.referrer_points, r.invited_points)
        for r in await Referral.all()
    }
    assert found == {
        "katherine@demo.wallet": (str(grace.id), "rewarded", 500, 250),
        "margaret@demo.wallet": (str(grace.id), "pending", 0, 0),
    }
    summary = await referrals.summary(grace.id, grace.referral_code)
    assert (summary.invited_count, summary.rewarded_count, summary.points_earned) == (2, 1, 500)
