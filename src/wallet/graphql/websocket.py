"""GraphQL over WebSocket at /graphql: the graphql-transport-ws protocol, for subscriptions.

What this adds to Strawberry's handler:
- Authentication at `connection_init`: the token in the payload (`{"token": "…"}` or
  `{"Authorization": "Bearer …"}`), else the handshake's `Authorization` header, with the
  same checks as HTTP (signature, expiry, issuer, audience, role, an active account, a
  staff token not revoked). Refused: close 4403 with the reason.
- Connections per account (per server process): past the limit, close 4429.
- When the token expires the socket is closed (4403): the client logs in again.
- Only subscriptions run over the socket; queries and mutations go over HTTP (their
  request id, size limit and status codes are HTTP's). Operations per connection are
  capped: past the cap, an `error` message with `LIMIT_REACHED`.
- Messages larger than the HTTP body limit close the socket (1009); a message that is not a
  JSON object closes it (4400), as the protocol says for invalid messages.
The depth, alias, token and NUL guards are the schema's, so they apply here as over HTTP.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import Counter
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from graphql import GraphQLError
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.types.graphql import OperationType
from starlette.websockets import WebSocketDisconnect, WebSocketState

from wallet.errors import DomainError, ErrorCode, LimitReached
from wallet.graphql.context import Context

log = logging.getLogger("wallet.graphql")

FORBIDDEN = 4403
TOO_MANY_CONNECTIONS = 4429
INVALID_MESSAGE = 4400
MESSAGE_TOO_BIG = 1009
# WebSocket close reasons are at most 123 bytes.
MAX_REASON_BYTES = 123


def _reason(text: str) -> str:
    return text.encode()[:MAX_REASON_BYTES].decode(errors="ignore")


class Connections:
    """Open, acknowledged connections per account, in this process."""

    def __init__(self, per_account: int) -> None:
        self.per_account = per_account
        self._open: Counter[str] = Counter()

    def take(self, key: str) -> bool:
        if self._open[key] >= self.per_account:
            return False
        self._open[key] += 1
        return True

    def give_back(self, key: str) -> None:
        self._open[key] -= 1
        if self._open[key] <= 0:
            del self._open[key]


class WebSocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's, with a size limit and a JSON object required of every message."""

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                text = await self.ws.receive_text()
                max_bytes = self.view.settings.limits.max_body_bytes
                if len(text.encode()) > max_bytes:
                    await self.close(MESSAGE_TOO_BIG, f"Messages are limited to {max_bytes} bytes.")
                    return
                try:
                    message = json.loads(text)
                except (ValueError, RecursionError) as exc:
                    raise NonJsonMessageReceived from exc
                if not isinstance(message, dict):
                    raise NonJsonMessageReceived
                yield message
        except KeyError as exc:
            raise NonTextMessageReceived from exc
        except WebSocketDisconnect:
            pass


class _SubscriptionsOnly:
    """The schema, running only subscriptions."""

    def __init__(self, schema: Any) -> None:
        self._schema = schema

    def stream(self, *args: Any, **kwargs: Any) -> Any:
        return self._schema.stream(*args, **kwargs, allowed_operation_types=(OperationType.SUBSCRIPTION,))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._schema, name)


class TransportHandler(BaseGraphQLTransportWSHandler):
    """graphql-transport-ws with Wallet's authentication and limits (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schema = _SubscriptionsOnly(self.schema)
        self._account_key: str | None = None
        self._expiry: asyncio.Task[None] | None = None

    @property
    def _connections(self) -> Connections:
        return self.view.connections

    async def handle_connection_init(self, message: Any) -> None:
        if self.connection_timed_out:
            return
        if self.connection_init_timeout_task:
            self.connection_init_timeout_task.cancel()
        payload = message.get("payload") or {}
        if not isinstance(payload, dict):
            await self.websocket.close(INVALID_MESSAGE, "Invalid connection init payload")
            return
        if self.connection_init_received:
            await self.websocket.close(4429, "Too many initialisation requests")
            return
        self.connection_init_received = True
        context: Context = self.context
        context.connection_params = payload
        token = payload.get("token")
        authorization = payload.get("Authorization") or payload.get("authorization")
        if isinstance(token, str) and token:
            context.use_authorization(f"Bearer {token}")
        elif isinstance(authorization, str) and authorization:
            context.use_authorization(authorization)
        try:
            actor = await context.actor()
        except DomainError as exc:
            await self.websocket.close(FORBIDDEN, _reason(f"Forbidden: {exc.message}"))
            return
        if not self._connections.take(actor.key):
            limit = self._connections.per_account
            await self.websocket.close(
                TOO_MANY_CONNECTIONS, _reason(f"{ErrorCode.LIMIT_REACHED}: at most {limit} connections per account")
            )
            return
        self._account_key = actor.key
        if context.token_expires_at is not None:
            self._expiry = asyncio.create_task(self._close_at(context.token_expires_at))
        await self.send_message({"type": "connection_ack"})
        self.connection_acknowledged = True

    async def _close_at(self, expires_at: datetime) -> None:
        await asyncio.sleep(max(0.0, (expires_at - datetime.now(UTC)).total_seconds()))
        with contextlib.suppress(Exception):
            await self.websocket.close(FORBIDDEN, "Forbidden: The access token has expired; log in again.")

    async def handle_subscribe(self, message: Any) -> None:
        limit = self.max_subscriptions_per_connection
        if self.connection_acknowledged and limit is not None and len(self.operations) >= limit:
            error = LimitReached(f"At most {limit} subscriptions may run on one connection.")
            await self.send_message(
                {
                    "id": message["id"],
                    "type": "error",
                    "payload": [
                        GraphQLError(error.message, extensions={"code": error.code.value}).formatted
                    ],
                }
            )
            return
        await super().handle_subscribe(message)

    async def shutdown(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
        try:
            await super().shutdown()
        finally:
            if self._account_key is not None:
                self._connections.give_back(self._account_key)
                self._account_key = None
