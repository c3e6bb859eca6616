"""Who may open a live connection, and the limits on what it carries."""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from websockets.exceptions import InvalidStatus

from tests.conftest import TEST_SECRET
from tests.live.conftest import POINTS_CHANGED, subscribed
from wallet.actors import Actor, ActorKind, Role
from wallet.auth import ALGORITHM, issue_token
from wallet.live import service as live
from wallet.members.models import Member
from wallet.staff.models import Staff
from wallet.staff.service import update_staff


def _forged(member_id: str, **claims) -> str:
    now = datetime.now(UTC)
    body = {
        "iss": "wallet", "aud": "wallet-api", "sub": f"member:{member_id}", "role": "member",
        "iat": int(now.timestamp()), "exp": int((now + timedelta(hours=1)).timestamp()), "jti": uuid.uuid4().hex,
    }
    body.update(claims)
    secret = body.pop("secret", TEST_SECRET)
    return jwt.encode(body, secret, algorithm=ALGORITHM)


async def test_a_token_in_the_authorization_header_is_enough(remote_api, sockets):
    member = await remote_api.sign_up()
    socket = await sockets(headers={"Authorization": f"Bearer {member.token}"})
    assert (await socket.init())["type"] == "connection_ack"
    operation = await socket.subscribe(POINTS_CHANGED)
    assert (await socket.next(operation))["data"]["pointsChanged"]["points"]["available"] == 0


@pytest.mark.parametrize(
    "case, reason",
    [
        ("none", "Forbidden: Log in first: this needs an access token."),
        ("other secret", "Forbidden: The access token is not valid."),
        ("expired", "Forbidden: The access token has expired; log in again."),
        ("other audience", "Forbidden: The access token is not valid."),
        ("not a token", "Forbidden: The access token is not valid."),
    ],
)
async def test_a_bad_token_is_refused_with_4403(remote_api, sockets, case, reason):
    member = await remote_api.sign_up()
    token = {
        "none": None,
        "other secret": _forged(member.id, secret="another-secret-" + "y" * 40),
        "expired": _forged(
            member.id,
            iat=int((datetime.now(UTC) - timedelta(hours=2)).timestamp()),
            exp=int((datetime.now(UTC) - timedelta(hours=1)).timestamp()),
        ),
        "other audience": _forged(member.id, aud="another-api"),
        "not a token": "abc.def.ghi",
    }[case]
    socket = await sockets()
    await socket.send({"type": "connection_init", "payload": {"token": token} if token else {}})
    assert await socket.closed() == (4403, reason)


async def test_a_revoked_staff_token_is_refused(remote_api, sockets):
    # given a cashier whose role an admin changed (their token version moved on)
    cashier = await remote_api.staff("cashier")
    admin = await remote_api.staff("admin")
    await update_staff(Actor(ActorKind.STAFF, admin.id, Role.ADMIN), cashier.id, role="admin")
    # when they connect with the old token, then they are refused
    socket = await sockets()
    await socket.send({"type": "connection_init", "payload": {"token": cashier.token}})
    code, reason = await socket.closed()
    assert code == 4403
    assert reason.startswith("Forbidden: This token")


async def test_the_socket_closes_when_the_token_expires(remote_api, sockets, database):
    # given a member whose token lapses in 2 seconds
    member = await remote_api.sign_up()
    short = replace(database, token_ttl_seconds=2)
    token = issue_token(short, Actor(ActorKind.MEMBER, member.id, Role.MEMBER)).token
    socket = await sockets()
    operation = await subscribed(socket, token, POINTS_CHANGED)
    await socket.next(operation)
    # then the server closes the socket at expiry
    assert await socket.closed(timeout=10) == (4403, "Forbidden: The access token has expired; log in again.")


async def test_a_subscription_before_the_handshake_is_refused(remote_api, sockets):
    socket = await sockets()
    await socket.subscribe(POINTS_CHANGED)
    assert await socket.closed() == (4401, "Unauthorized")


async def test_connections_per_account_are_capped(remote_api, sockets, live_server):
    # given the limit is 5 connections per account (the default)
    member = await remote_api.sign_up()
    for _ in range(5):
        assert (await (await sockets()).init({"token": member.token}))["type"] == "connection_ack"
    # when a sixth opens, then it is closed with 4429
    sixth = await sockets()
    await sixth.send({"type": "connection_init", "payload": {"token": member.token}})
    assert await sixth.closed() == (4429, "LIMIT_REACHED: at most 5 connections per account")
    # and another member is not affected
    other = await remote_api.sign_up()
    assert (await (await sockets()).init({"token": other.token}))["type"] == "connection_ack"
    assert live_server.app.state.settings.live_connections_per_account == 5


async def test_subscriptions_per_connection_are_capped(remote_api, sockets):
    member = await remote_api.sign_up()
    socket = await sockets()
    assert (await socket.init({"token": member.token}))["type"] == "connection_ack"
    for _ in range(10):
        await socket.subscribe(POINTS_CHANGED)
    eleventh = await socket.subscribe(POINTS_CHANGED)
    message = await socket.next(eleventh)
    assert message["type"] == "error"
    assert message["payload"][0]["extensions"] == {"code": "LIMIT_REACHED"}


async def test_queries_and_mutations_go_over_http_not_the_socket(remote_api, sockets):
    member = await remote_api.sign_up()
    socket = await sockets()
    assert (await socket.init({"token": member.token}))["type"] == "connection_ack"
    operation = await socket.subscribe("{ me { name } }")
    message = await socket.next(operation)
    assert message["type"] == "error"
    assert [(e["message"], e["extensions"]["code"]) for e in message["payload"]] == [
        ("queries are not allowed", "INVALID_INPUT")
    ]


async def test_a_message_that_is_not_a_json_object_closes_the_socket(remote_api, sockets):
    socket = await sockets()
    await socket.ws.send("[1, 2]")
    assert await socket.closed() == (4400, "WebSocket message must be valid JSON")


async def test_a_message_over_the_size_limit_closes_the_socket(remote_api, sockets):
    member = await remote_api.sign_up()
    socket = await sockets()
    assert (await socket.init({"token": member.token}))["type"] == "connection_ack"
    await socket.subscribe("subscription { pointsChanged { entry { kind } } }" + " " * 70_000)
    assert await socket.closed() == (1009, "Messages are limited to 65536 bytes.")


async def test_a_deactivated_staff_account_is_refused(remote_api, sockets):
    cashier = await remote_api.staff("cashier")
    await Staff.filter(id=cashier.id).update(is_active=False)
    socket = await sockets()
    await socket.send({"type": "connection_init", "payload": {"token": cashier.token}})
    assert await socket.closed() == (4403, "Forbidden: This account is not active.")


async def test_a_page_on_another_origin_cannot_open_a_socket(remote_api, sockets, live_server):
    # given a member's token, in a page served from elsewhere (the browser sends its Origin)
    member = await remote_api.sign_up()
    # when it opens a socket, then the handshake is refused
    with pytest.raises(InvalidStatus) as refused:
        await sockets(headers={"Origin": "http://evil.example", "Authorization": f"Bearer {member.token}"})
    assert refused.value.response.status_code == 403
    # while the API's own origin may
    own = await sockets(headers={"Origin": live_server.http_url})
    assert (await own.init({"token": member.token}))["type"] == "connection_ack"


async def test_a_member_closed_while_listening_stops_hearing(remote_api, sockets):
    # given a member listening, whose account is then closed
    member = await remote_api.sign_up()
    socket = await sockets()
    operation = await subscribed(socket, member.token, POINTS_CHANGED)
    await socket.next(operation)
    await Member.filter(id=member.id).update(is_active=False)
    # when their points change (as the expiry job would tell), then the subscription ends
    # with UNAUTHENTICATED, and no balance is sent
    await live.points_changed(member.id, 0, 0)
    message = await socket.next(operation)
    assert message["data"] is None
    assert [e["extensions"]["code"] for e in message["errors"]] == ["UNAUTHENTICATED"]
    assert (await socket.receive())["type"] == "complete"
