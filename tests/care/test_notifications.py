"""Member care tells the member: a gift received, a claim approved or declined."""
from __future__ import annotations

from tests.care.conftest import approve, file_claim, gift, give_points, reject
from tests.notifications.conftest import stored


async def test_the_recipient_of_a_gift_is_told_who_gave_what(api, frozen_clock):
    # given Sam with 300 points, and Alex
    admin = await api.staff("admin")
    sam, alex = await api.sign_up("Sam"), await api.sign_up("Alex")
    await give_points(api, admin, sam, 300)
    # when Sam gives Alex 120 points with a message
    result = await gift(api, sam, 120, to_card=alex.card_number, message="For the coffee")
    assert result["__typename"] == "GiftPointsSuccess"
    # then Alex has one notification saying so; Sam, who gave, gets none for it
    assert await stored(alex.id) == [
        ("balance_changed", "Sam gave you 120 points", "For the coffee", {"giftId": result["giftId"], "points": 120}),
    ]
    assert [title for _, title, _, _ in await stored(sam.id) if "gave" in title] == []


async def test_a_refused_gift_tells_nobody(api, frozen_clock):
    # given Sam with 30 points
    admin = await api.staff("admin")
    sam, alex = await api.sign_up("Sam"), await api.sign_up("Alex")
    await give_points(api, admin, sam, 30)
    # when Sam tries to give 120
    assert (await gift(api, sam, 120, to_card=alex.card_number))["__typename"] == "InsufficientPointsError"
    # then Alex was told nothing
    assert await stored(alex.id) == []


async def test_the_member_is_told_when_their_claim_is_approved_or_declined(api, frozen_clock):
    # given two claims of one member
    admin = await api.staff("admin")
    store = await api.store("Main Street")
    ana = await api.sign_up("Ana")
    first = (await file_claim(api, ana, store, "RCPT-1", amount="40.00"))["claim"]["id"]
    second = (await file_claim(api, ana, store, "RCPT-2", amount="12.00"))["claim"]["id"]
    # when staff approve one and decline the other with a reason
    assert (await approve(api, admin, first))["__typename"] == "MissingPointsClaimSuccess"
    assert (await reject(api, admin, second, "No such receipt at this store"))["__typename"] == "MissingPointsClaimSuccess"
    # then Ana was told of each decision (and of the points, as for any sale)
    notices = [(kind, title, body) for kind, title, body, _ in await stored(ana.id) if kind == "message"]
    assert notices == [
        ("message", "Missing points claim approved", "Receipt RCPT-1: 40 points added."),
        ("message", "Missing points claim declined", "Receipt RCPT-2: No such receipt at this store"),
    ]
