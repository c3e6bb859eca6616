"""pointsChanged over a real WebSocket: the member's balance moves the moment the till
records a sale, through another connection (and on PostgreSQL another server process)."""
from __future__ import annotations

from tests.conftest import new_key
from tests.live.conftest import POINTS_CHANGED, subscribed
from tests.scan.conftest import purchase
from wallet.live import service as live

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename ... on Error { code message } } }"""


async def test_a_member_hears_of_a_purchase_recorded_over_http_by_a_cashier(remote_api, sockets):
    # given a member listening on a socket, and a cashier at a store
    member = await remote_api.sign_up("Ada")
    await remote_api.store()
    cashier = await remote_api.staff("cashier")
    socket = await sockets()
    operation = await subscribed(socket, member.token, POINTS_CHANGED)
    # the first message is the balance as it stands
    assert await socket.next(operation) == {
        "data": {"pointsChanged": {"points": {"available": 0, "pending": 0, "owed": 0}, "entry": None, "entries": []}}
    }
    # when the cashier records a sale over HTTP (another connection)
    sale = await purchase(remote_api, cashier, remote_api.stores[0], "19.99", reference="RCPT-1", memberId=member.id)
    assert sale["__typename"] == "RecordPurchaseSuccess"
    # then the member's socket carries the new balance and the entry that made it
    assert await socket.next(operation) == {
        "data": {
            "pointsChanged": {
                "points": {"available": 19, "pending": 0, "owed": 0},
                "entry": {"kind": "EARN", "amount": 19, "reason": "Purchase", "reference": "RCPT-1"},
                "entries": [{"kind": "EARN", "bucket": "AVAILABLE", "amount": 19}],
            }
        }
    }


async def test_a_member_never_hears_of_another_members_points(remote_api, sockets):
    # given two members, each listening on their own socket
    ada, bob = await remote_api.sign_up("Ada"), await remote_api.sign_up("Bob")
    await remote_api.store()
    cashier = await remote_api.staff("cashier")
    ada_socket, bob_socket = await sockets(), await sockets()
    ada_op = await subscribed(ada_socket, ada.token, POINTS_CHANGED)
    bob_op = await subscribed(bob_socket, bob.token, POINTS_CHANGED)
    await ada_socket.next(ada_op), await bob_socket.next(bob_op)
    # when Bob buys, then Ada
    await purchase(remote_api, cashier, remote_api.stores[0], "50.00", memberId=bob.id)
    assert (await bob_socket.next(bob_op))["data"]["pointsChanged"]["points"]["available"] == 50
    await purchase(remote_api, cashier, remote_api.stores[0], "7.00", memberId=ada.id)
    # then the first thing Ada hears of is her own purchase: Bob's never reached her
    assert (await ada_socket.next(ada_op))["data"]["pointsChanged"]["entries"] == [
        {"kind": "EARN", "bucket": "AVAILABLE", "amount": 7}
    ]


async def test_an_admin_adjustment_reaches_the_member(remote_api, sockets):
    member = await remote_api.sign_up()
    admin = await remote_api.staff("admin")
    socket = await sockets()
    operation = await subscribed(socket, member.token, POINTS_CHANGED)
    await socket.next(operation)
    # when an admin adjusts their points
    data = await remote_api.ok(
        ADJUST,
        {"input": {"memberId": member.id, "amount": 40, "reason": "Late delivery", "idempotencyKey": new_key()}},
        admin.token,
    )
    assert data["adjustPoints"]["__typename"] == "AdjustPointsSuccess"
    # then
    change = (await socket.next(operation))["data"]["pointsChanged"]
    assert change["points"]["available"] == 40
    assert change["entry"] == {"kind": "ADJUST", "amount": 40, "reason": "Late delivery", "reference": ""}


async def test_staff_cannot_listen_to_points(remote_api, sockets):
    cashier = await remote_api.staff("cashier")
    socket = await sockets()
    operation = await subscribed(socket, cashier.token, POINTS_CHANGED)
    message = await socket.next(operation)
    assert [e["extensions"]["code"] for e in message["errors"]] == ["FORBIDDEN"]
    assert live.hub.subscribers(live.points_topic(cashier.id)) == 0
