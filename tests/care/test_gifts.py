"""Points gifts between members: both sides' entries, the switch, the monthly limit, and
what is refused (oneself, more than the balance, unknown recipients)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.care.conftest import GIFT, available, gift, give_points
from tests.conftest import new_key
from wallet import clock
from wallet.care.models import PointsGift
from wallet.config import Settings
from wallet.ledger.models import LedgerEntry

ACTIVITY = "{ me { activity(first: 5) { edges { node { kind amount reason reference } } } } }"


async def _pair(api):
    admin = await api.staff("admin")
    sam, alex = await api.sign_up("Sam"), await api.sign_up("Alex")
    await give_points(api, admin, sam, 300)
    return admin, sam, alex


async def test_a_gift_moves_points_and_both_sides_see_a_linked_entry(api, frozen_clock):
    # given Sam with 300 points
    _, sam, alex = await _pair(api)
    # when Sam gives Alex 120 by card number
    result = await gift(api, sam, 120, to_card=alex.card_number, message="For the coffee")
    # then the points moved, and each side sees its own entry, sharing the gift's reference
    assert result["__typename"] == "GiftPointsSuccess"
    assert (result["points"], result["recipientName"], result["replayed"]) == (120, "Alex", False)
    assert result["member"]["points"]["available"] == 180
    assert (await available(api, sam), await available(api, alex)) == (180, 120)
    reference = f"gift:{result['giftId']}"
    sent = (await api.ok(ACTIVITY, token=sam.token))["me"]["activity"]["edges"][0]["node"]
    received = (await api.ok(ACTIVITY, token=alex.token))["me"]["activity"]["edges"][0]["node"]
    assert sent == {"kind": "GIFT_SENT", "amount": -120, "reason": "Gift to Alex", "reference": reference}
    assert received == {"kind": "GIFT_RECEIVED", "amount": 120, "reason": "Gift from Sam", "reference": reference}
    row = await PointsGift.get(id=result["giftId"])
    assert (row.points, row.message, str(row.sender_id), str(row.recipient_id)) == (120, "For the coffee", sam.id, alex.id)
    assert {row.sent_entry_id, row.received_entry_id} == set(
        await LedgerEntry.filter(reference=reference).values_list("id", flat=True)
    )


async def test_a_gift_by_email_finds_the_member_in_any_case(api, frozen_clock):
    _, sam, alex = await _pair(api)
    result = await gift(api, sam, 10, to_email=alex.email.upper())
    assert (result["__typename"], result["recipientName"]) == ("GiftPointsSuccess", "Alex")
    assert await available(api, alex) == 10


async def test_a_retry_replays_the_gift_once(api, frozen_clock):
    _, sam, alex = await _pair(api)
    key = new_key()
    first = await gift(api, sam, 50, to_card=alex.card_number, key=key)
    again = await gift(api, sam, 50, to_card=alex.card_number, key=key)
    other = await gift(api, sam, 60, to_card=alex.card_number, key=key)
    assert (again["replayed"], again["giftId"]) == (True, first["giftId"])
    assert other["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert (await available(api, sam), await available(api, alex)) == (250, 50)


async def test_more_than_the_balance_is_refused_and_nothing_moves(api, frozen_clock):
    _, sam, alex = await _pair(api)
    result = await gift(api, sam, 301, to_card=alex.card_number)
    assert (result["code"], result["available"], result["requested"]) == ("INSUFFICIENT_POINTS", 300, 301)
    assert (await available(api, sam), await available(api, alex)) == (300, 0)
    assert await PointsGift.all().count() == 0
    assert await LedgerEntry.filter(kind__in=["gift_sent", "gift_received"]).count() == 0


async def test_gifts_to_oneself_unknown_members_and_bad_amounts_are_refused(api, frozen_clock):
    _, sam, alex = await _pair(api)
    to_self = await gift(api, sam, 10, to_card=sam.card_number)
    to_self_by_email = await gift(api, sam, 10, to_email=sam.email)
    unknown = await gift(api, sam, 10, to_email="nobody@example.com")
    zero = await gift(api, sam, 0, to_card=alex.card_number)
    both = await gift(api, sam, 10, to_card=alex.card_number, to_email=alex.email)
    assert (to_self["code"], to_self["field"]) == ("INVALID_INPUT", "toCardNumber")
    assert (to_self_by_email["code"], to_self_by_email["field"]) == ("INVALID_INPUT", "toEmail")
    assert (unknown["code"], unknown["field"]) == ("NOT_FOUND", "toEmail")
    assert (zero["code"], zero["field"]) == ("INVALID_INPUT", "points")
    assert (both["code"], both["field"]) == ("INVALID_INPUT", "toCardNumber")
    assert await PointsGift.all().count() == 0
    assert await available(api, sam) == 300


async def test_the_monthly_limit_counts_the_calendar_month(api, frozen_clock):
    # given a limit of 500 points a month and Sam with 1,000 points, on 15 March
    admin, sam, alex = await _pair(api)
    await give_points(api, admin, sam, 700)
    assert (await gift(api, sam, 400, to_card=alex.card_number))["__typename"] == "GiftPointsSuccess"
    # when Sam gives 101 more in March: refused, saying 100 are left
    over = await gift(api, sam, 101, to_card=alex.card_number)
    assert (over["__typename"], over["code"], over["limit"], over["remaining"]) == (
        "GiftLimitExceededError", "GIFT_LIMIT_EXCEEDED", 500, 100,
    )
    assert (await gift(api, sam, 100, to_card=alex.card_number))["__typename"] == "GiftPointsSuccess"
    # then on 1 April the limit starts again
    from datetime import UTC, datetime

    clock.set(datetime(2026, 4, 1, 0, 0, tzinfo=UTC))
    assert (await gift(api, sam, 500, to_card=alex.card_number))["__typename"] == "GiftPointsSuccess"
    assert (await available(api, sam), await available(api, alex)) == (0, 1000)


async def test_gifts_change_no_ones_lifetime_points(api, frozen_clock):
    _, sam, alex = await _pair(api)
    await gift(api, sam, 100, to_card=alex.card_number)
    query = "{ me { points { lifetime } } }"
    assert (await api.ok(query, token=sam.token))["me"]["points"]["lifetime"] == 300
    assert (await api.ok(query, token=alex.token))["me"]["points"]["lifetime"] == 0


async def test_staff_and_anonymous_callers_cannot_give_points(api, frozen_clock):
    admin, sam, alex = await _pair(api)
    payload = {"input": {"toCardNumber": alex.card_number, "points": 10, "idempotencyKey": new_key()}}
    assert await api.error_code(GIFT, payload, admin.token) == "FORBIDDEN"
    assert await api.error_code(GIFT, payload) == "UNAUTHENTICATED"
    assert await PointsGift.all().count() == 0


class TestSwitchedOff:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return replace(settings, gifts_enabled=False)

    async def test_gifts_are_refused_when_the_program_does_not_allow_them(self, api, frozen_clock):
        _, sam, alex = await _pair(api)
        result = await gift(api, sam, 10, to_card=alex.card_number)
        assert (result["__typename"], result["code"]) == ("GiftsDisabledError", "GIFTS_DISABLED")
        assert (await available(api, sam), await available(api, alex)) == (300, 0)
        assert await PointsGift.all().count() == 0


def test_gifts_are_off_unless_switched_on():
    settings = Settings.from_env({"WALLET_SECRET": "s" * 40})
    assert (settings.gifts_enabled, settings.gift_points_per_month, settings.claim_max_age_days) == (False, 5000, 30)
    on = Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_GIFTS_ENABLED": "true", "WALLET_GIFT_POINTS_PER_MONTH": "200"})
    assert (on.gifts_enabled, on.gift_points_per_month) == (True, 200)


async def test_clients_can_read_the_gift_switch_and_limits(api):
    data = await api.ok("{ memberCareSettings { giftsEnabled giftPointsPerMonth claimMaxAgeDays } }")
    assert data["memberCareSettings"] == {"giftsEnabled": True, "giftPointsPerMonth": 500, "claimMaxAgeDays": 30}


async def test_the_month_follows_the_programs_time_zone(api, frozen_clock):
    # given a program in New York, and Sam who gave the month's 500 points on 31 March
    from datetime import UTC, datetime

    from wallet.program.models import PROGRAM_ID, Program

    await Program.filter(id=PROGRAM_ID).update(timezone="America/New_York")
    admin, sam, alex = await _pair(api)
    await give_points(api, admin, sam, 700)
    clock.set(datetime(2026, 3, 31, 12, 0, tzinfo=UTC))
    assert (await gift(api, sam, 500, to_card=alex.card_number))["__typename"] == "GiftPointsSuccess"
    # when it is 1 April in UTC but still 31 March in New York: the limit still holds
    clock.set(datetime(2026, 4, 1, 2, 0, tzinfo=UTC))
    assert (await gift(api, sam, 1, to_card=alex.card_number))["code"] == "GIFT_LIMIT_EXCEEDED"
    # then from midnight in New York (04:00 UTC) April's limit applies
    clock.set(datetime(2026, 4, 1, 4, 0, tzinfo=UTC))
    assert (await gift(api, sam, 500, to_card=alex.card_number))["__typename"] == "GiftPointsSuccess"
