"""The demo shows an active offer the demo member activated, with some progress."""
from __future__ import annotations


async def test_the_demo_seeds_an_activated_offer_with_progress_once(database, passwords):
    from wallet.demo import MEMBERS, seed
    from wallet.members.models import Member
    from wallet.offers import service as offers
    from wallet.offers.models import Offer

    await seed(passwords, database.max_purchase_amount)
    await seed(passwords, database.max_purchase_amount)
    ada = await Member.get(email=MEMBERS[0][0])
    seen = {v.offer.title: (v.activation is not None, str(v.progress), v.completed) for v in await offers.member_offers(ada.id)}
    assert seen == {"Three visits, 150 points": (True, "1.00", False), "Coffee lover": (False, "0", False)}
    assert await Offer.all().count() == 2
