"""tierChanged for the member promoted; memberScanned for the consoles of that store only."""
from __future__ import annotations

import asyncio

from tests.live.conftest import MEMBER_SCANNED, TIER_CHANGED, subscribed
from tests.scan.conftest import code_of, purchase, scan
from tests.tiers.conftest import ladder, till, utc  # noqa: F401 - the fixtures
from wallet.live import lifecycle
from wallet.live import service as live
from wallet.tiers import service as tiers


async def test_a_member_hears_of_their_promotion(remote_api, sockets, ladder):  # noqa: F811
    # given a member at Insider, listening for tier moves, and another member listening too
    member, other = await remote_api.sign_up(), await remote_api.sign_up()
    await remote_api.store()
    cashier = await remote_api.staff("cashier")
    socket, other_socket = await sockets(), await sockets()
    operation = await subscribed(socket, member.token, TIER_CHANGED, topic=live.tier_topic(member.id))
    other_op = await subscribed(other_socket, other.token, TIER_CHANGED, topic=live.tier_topic(other.id))
    # when a purchase takes them past Silver's threshold (500 points)
    await purchase(remote_api, cashier, remote_api.stores[0], "520.00", memberId=member.id)
    # then they hear of it, old and new tier
    assert await socket.next(operation) == {
        "data": {"tierChanged": {"oldTier": {"name": "Insider"}, "newTier": {"name": "Silver"}}}
    }
    # and the other member heard nothing: their first message is their own promotion
    await purchase(remote_api, cashier, remote_api.stores[0], "1000.00", memberId=other.id)
    assert await other_socket.next(other_op) == {
        "data": {"tierChanged": {"oldTier": {"name": "Insider"}, "newTier": {"name": "Gold"}}}
    }


async def test_a_console_hears_of_scans_at_its_cashiers_stores_only(remote_api, sockets):
    # given two stores; a cashier at the first only, another cashier at both
    first = await remote_api.store("First Street")
    second = await remote_api.store("Second Street", assign=False)
    console_cashier = await remote_api.staff("cashier", stores=[first])
    till = await remote_api.staff("cashier", stores=[first, second])
    ada, bob = await remote_api.sign_up("Ada"), await remote_api.sign_up("Bob")
    socket = await sockets()
    operation = await subscribed(socket, console_cashier.token, MEMBER_SCANNED, topic=live.scan_topic(first))
    # when Ada is scanned at the second store, then Bob at the first
    assert (await scan(remote_api, till, (await code_of(remote_api, ada))["payload"], second))["__typename"] == (
        "ScanMemberSuccess"
    )
    assert (await scan(remote_api, till, bob.card_number, first))["__typename"] == "ScanMemberSuccess"
    # then the console's first message is Bob at the first store: Ada's scan never reached it
    message = (await socket.next(operation))["data"]["memberScanned"]
    assert (message["member"], message["store"]) == (
        {"id": bob.id, "name": "Bob"},
        {"id": first, "name": "First Street"},
    )


async def test_a_cashier_cannot_watch_another_stores_scans(remote_api, sockets):
    first = await remote_api.store("First Street")
    second = await remote_api.store("Second Street", assign=False)
    cashier = await remote_api.staff("cashier", stores=[first])
    socket = await sockets()
    operation = await subscribed(socket, cashier.token, MEMBER_SCANNED, {"storeId": second})
    message = await socket.next(operation)
    assert [e["extensions"]["code"] for e in message["errors"]] == ["FORBIDDEN"]
    assert live.hub.subscribers(live.scan_topic(second)) == 0


async def test_a_member_cannot_watch_scans(remote_api, sockets):
    store = await remote_api.store()
    member = await remote_api.sign_up()
    socket = await sockets()
    operation = await subscribed(socket, member.token, MEMBER_SCANNED, {"storeId": store})
    message = await socket.next(operation)
    assert [e["extensions"]["code"] for e in message["errors"]] == ["FORBIDDEN"]


async def test_an_admin_watches_any_store(remote_api, sockets):
    store = await remote_api.store("Far Street", assign=False)
    admin = await remote_api.staff("admin")
    till = await remote_api.staff("cashier", stores=[store])
    member = await remote_api.sign_up("Cy")
    socket = await sockets()
    operation = await subscribed(socket, admin.token, MEMBER_SCANNED, {"storeId": store}, topic=live.scan_topic(store))
    await scan(remote_api, till, member.card_number, store)
    message = (await socket.next(operation))["data"]["memberScanned"]
    assert (message["member"]["name"], message["store"]["name"]) == ("Cy", "Far Street")


async def test_a_move_down_at_the_period_end_is_told_and_a_requalification_is_not(
    api, ladder, frozen_clock, till  # noqa: F811
):
    # given a member who reached Gold and one who reached Silver in 2026, then the Gold
    # member's purchases refunded down to Silver
    gold, silver = await api.sign_up(), await api.sign_up()
    big = await till.buy(gold.id, 1000)
    await till.buy(silver.id, 500)
    await till.refund(big, points=400)
    async with lifecycle.running(api.settings), live.subscribe(
        [live.tier_topic(gold.id), live.tier_topic(silver.id)]
    ) as subscription:
        # when the job ends the period
        frozen_clock.set(utc(2027, 1, 2))
        assert await tiers.apply_period_ends() == 2
        # then the move down is told, once, and the Silver member's requalification is not
        event = await asyncio.wait_for(subscription.next(), 5)
        assert event == live.Event(
            "tier", {"m": gold.id, "f": str(ladder["Gold"].id), "t": str(ladder["Silver"].id)}
        )
        await asyncio.sleep(0.1)
        assert subscription.queue.empty()
