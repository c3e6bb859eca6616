"""The demo shows member care: an open claim, a gift between two members, an associate."""
from __future__ import annotations

from wallet.care.models import ClaimStatus, MemberAssociate, MissingPointsClaim, PointsGift
from wallet.members.models import Member
from wallet.staff.models import Staff


async def test_the_demo_seeds_a_claim_a_gift_and_an_associate_once(database, passwords, frozen_clock):
    from wallet.demo import seed

    await seed(passwords, database.max_purchase_amount)
    await seed(passwords, database.max_purchase_amount)
    ada = await Member.get(email="ada@demo.wallet")
    grace = await Member.get(email="grace@demo.wallet")
    claims = await MissingPointsClaim.all()
    assert [(c.member_id, c.status, c.receipt_reference) for c in claims] == [
        (grace.id, ClaimStatus.OPEN, "DEMO-MISSED-0001")
    ]
    gifts = await PointsGift.all()
    assert [(g.sender_id, g.recipient_id, g.points) for g in gifts] == [(ada.id, grace.id, 25)]
    associate = await MemberAssociate.get(member_id=ada.id)
    cashier = await Staff.get(id=associate.staff_id)
    assert (cashier.email, cashier.phone) == ("cashier@demo.wallet", "+1 555 0100")
