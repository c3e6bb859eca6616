"""Helpers for the live-update tests: the app served by a real uvicorn in the test's event
loop (so its lifespan starts the PostgreSQL listener), and a graphql-transport-ws client on
the `websockets` package."""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from tests.conftest import Api
from wallet.live import service as live

PROTOCOL = "graphql-transport-ws"

POINTS_CHANGED = """subscription { pointsChanged {
  points { available pending owed }
  entry { kind amount reason reference }
  entries { kind bucket amount }
} }"""

TIER_CHANGED = "subscription { tierChanged { oldTier { name } newTier { name } } }"

MEMBER_SCANNED = """subscription($storeId: ID) { memberScanned(storeId: $storeId) {
  member { id name } store { id name } scannedAt
} }"""


@dataclass
class LiveServer:
    host: str
    app: Any

    @property
    def ws_url(self) -> str:
        return f"ws://{self.host}/graphql"

    @property
    def http_url(self) -> str:
        return f"http://{self.host}"


@pytest.fixture
async def live_server(app) -> AsyncIterator[LiveServer]:
    """The app on a free port of 127.0.0.1, served by uvicorn in this event loop."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve())
    deadline = time.monotonic() + 20
    while not server.started:
        assert not task.done(), task.exception() if task.done() else None
        assert time.monotonic() < deadline, "uvicorn did not start"
        await asyncio.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield LiveServer(f"{host}:{port}", app)
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 20)


@pytest.fixture
async def http(live_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    """Real HTTP to the live server: another connection than any socket."""
    async with httpx.AsyncClient(base_url=live_server.http_url, timeout=20) as client:
        yield client


@pytest.fixture
def remote_api(http: httpx.AsyncClient, database, passwords) -> Api:
    """`api`, over real HTTP to the live server."""
    return Api(http, database, passwords)


class Socket:
    """One graphql-transport-ws connection."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self._ids = 0

    async def send(self, message: dict) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self, timeout: float = 10) -> dict:
        return json.loads(await asyncio.wait_for(self.ws.recv(), timeout))

    async def init(self, payload: dict | None = None) -> dict:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, query: str, variables: dict | None = None) -> str:
        self._ids += 1
        operation_id = str(self._ids)
        await self.send(
            {"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}
        )
        return operation_id

    async def next(self, operation_id: str, timeout: float = 10) -> dict:
        """The next message for `operation_id` (a `next`'s payload, or the `error` message)."""
        while True:
            message = await self.receive(timeout)
            if message.get("id") != operation_id:
                continue
            if message["type"] == "next":
                return message["payload"]
            return message

    async def closed(self, timeout: float = 10) -> tuple[int, str]:
        """Wait for the server to close the socket: its close code and reason."""
        try:
            while True:
                await asyncio.wait_for(self.ws.recv(), timeout)
        except ConnectionClosed as closed:
            assert closed.rcvd is not None, "closed without a close frame"
            return closed.rcvd.code, closed.rcvd.reason


@pytest.fixture
async def sockets(live_server: LiveServer) -> AsyncIterator[Any]:
    """Opens sockets to the live server (`await sockets(token=…)`), closed at the end."""
    opened: list[ClientConnection] = []

    async def open_socket(*, headers: dict[str, str] | None = None, url: str | None = None) -> Socket:
        ws = await connect(url or live_server.ws_url, subprotocols=[PROTOCOL], additional_headers=headers or {})
        opened.append(ws)
        return Socket(ws)

    yield open_socket
    for ws in opened:
        await ws.close()


async def subscribed(socket: Socket, token: str, query: str, variables: dict | None = None, topic: str | None = None) -> str:
    """Acknowledged, subscribed and (when `topic` is given) listening in this process."""
    assert (await socket.init({"token": token}))["type"] == "connection_ack"
    operation_id = await socket.subscribe(query, variables)
    if topic is not None:
        await listening(topic)
    return operation_id


async def listening(topic: str, count: int = 1) -> None:
    """Until `count` subscriptions of this process listen on `topic`."""
    deadline = time.monotonic() + 10
    while live.hub.subscribers(topic) < count:
        assert time.monotonic() < deadline, f"nobody listens on {topic}"
        await asyncio.sleep(0.01)
