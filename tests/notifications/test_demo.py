"""The demo shows a member with notifications: their purchases', a read welcome and an unread tip."""
from __future__ import annotations

from decimal import Decimal

from tests.notifications.conftest import stored
from wallet import demo
from wallet.members.models import Member
from wallet.notifications.models import Notification


async def test_the_demo_member_has_a_few_notifications_seeded_once(database, passwords):
    await demo.seed(passwords, Decimal("1000000"))
    await demo.seed(passwords, Decimal("1000000"))
    ada = await Member.get(email="ada@demo.wallet")
    titles = [(kind, title) for kind, title, _, _ in await stored(str(ada.id))]
    assert [t for t in titles if t[0] == "message"] == [
        ("message", "Welcome to Wallet Rewards"),
        ("message", "Your rewards are waiting"),
    ]
    # and the notifications their five purchases wrote (three at the demo store, one at the
    # partner's, one toward their offer), one moving them up to VIB
    assert [kind for kind, _ in titles].count("balance_changed") == 5
    assert ("tier_up", "Welcome to VIB") in titles
    unread = await Notification.filter(member_id=ada.id, read_at=None).values_list("title", flat=True)
    assert "Welcome to Wallet Rewards" not in unread and "Your rewards are waiting" in unread
