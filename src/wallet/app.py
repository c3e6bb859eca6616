"""The Starlette app: /graphql, /health, the QR images, the payment webhooks and the web
pages (`/` the member wallet, `/pos` the cashier console)."""
from __future__ import annotations

import contextlib
import gc
import json
import logging
import uuid
from datetime import timedelta
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from wallet import db
from wallet.analytics import http as analytics_http
from wallet.audit.service import current_request_id
from wallet.config import Settings
from wallet.errors import ErrorCode
from wallet.graphql.context import Context
from wallet.graphql.limits import BodySizeLimit
from wallet.graphql.websocket import Connections, TransportHandler, WebSocketAdapter
from wallet.live import lifecycle as live
from wallet.graphql.schema import build_schema
from wallet.notifications import delivery
from wallet.passwords import Passwords
from wallet.payments import http as payments_http
from wallet.payments.gateway import Gateways
from wallet.payments.registry import build_gateways
from wallet.program.service import ensure_program
from wallet.scan import http as scan_http
from wallet.web import http as web_http

log = logging.getLogger("wallet.app")

# New container objects between the garbage collector's young passes while serving (see lifespan).
GC_YOUNG_THRESHOLD = 10_000


class RequestId:
    """Give each HTTP request an id: in audit records, in logs of masked errors, and in the
    `X-Request-Id` response header so a support call can find them."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        token = current_request_id.set(request_id)

        async def send_with_id(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            current_request_id.reset(token)


class DatabaseOutage:
    """Answer 503 `UNAVAILABLE` when a request outside GraphQL (the QR images, the payment
    webhooks) fails because the database cannot be reached: clients and gateways retry a
    503, and an outage is not logged as a bug. /graphql does the same in its error policy."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            if started or not db.is_unavailable(exc):
                raise
            log.warning("database unavailable in request %s: %r", current_request_id.get(), exc)
            response = JSONResponse(
                {"error": {"code": ErrorCode.UNAVAILABLE.value,
                           "message": "The service is temporarily unavailable; try again shortly."}},
                status_code=503,
                headers={"Cache-Control": "no-store"},
            )
            await response(scope, receive, send)


class CrossOrigin:
    """CORS for the configured origins (`WALLET_CORS_ORIGINS`), e.g. a POS app served from
    elsewhere: Starlette's middleware answers their preflights and marks their answers.
    A request from any other origin passes by untouched, so its answer carries no
    Access-Control-* header and the browser keeps the page from reading it."""

    def __init__(self, app: Any, origins: tuple[str, ...]) -> None:
        self.app = app
        self.origins = frozenset(origins)
        self.cors = CORSMiddleware(
            app,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-Id"],
            expose_headers=["X-Request-Id"],
            max_age=600,
        )

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.origins:
            origin = Headers(scope=scope).get("origin")
            if origin in self.origins:
                await self.cors(scope, receive, send)
                return
        await self.app(scope, receive, send)


class GraphQLApp(GraphQL):
    """/graphql: HTTP POST for queries and mutations, WebSocket (graphql-transport-ws) for
    subscriptions (see wallet.graphql.websocket)."""

    websocket_adapter_class = WebSocketAdapter  # type: ignore[assignment]
    graphql_transport_ws_handler_class = TransportHandler

    def __init__(self, settings: Settings, passwords: Passwords) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide=None if settings.is_production else "graphiql",
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=10),
            max_subscriptions_per_connection=settings.live_subscriptions_per_connection,
            # A page on another origin may not open a socket with the user's credentials.
            allowed_origins=settings.cors_origins,
        )
        self.settings = settings
        self.passwords = passwords
        self.connections = Connections(settings.live_connections_per_account)

    async def get_context(self, request: Any, response: Any) -> Context:  # type: ignore[override]
        if self.is_websocket_request(request):
            return Context.for_request(request, None, self.settings, self.passwords)
        return Context.for_request(request, response, self.settings, self.passwords)

    def decode_json(self, data: str | bytes) -> object:
        """The request's JSON: one operation, as an object. Refused before anything runs:
        a batch (an array of operations: one request must not carry many operations past
        the per-request limits), any other JSON value, text that is not UTF-8, and nesting
        too deep to decode."""
        try:
            decoded = json.loads(data)
        except RecursionError:
            raise HTTPException(400, "The request body is nested too deeply.") from None
        except UnicodeDecodeError:
            raise HTTPException(400, "Unable to parse request body as JSON") from None
        if isinstance(decoded, list):
            raise HTTPException(
                400, "Batched requests (a JSON array of operations) are not accepted: send one operation per request."
            )
        if not isinstance(decoded, dict):
            raise HTTPException(400, "The request body must be a JSON object with a query.")
        return decoded

    async def run(self, request: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Strawberry answers a request it cannot take (not JSON, no query, an unknown
        operation name...) in plain text; here it is a JSON error with a code, like the others.

        An HTTP request runs its statements on one pooled connection (`db.request_connection`);
        a WebSocket, open for long, takes one per statement."""
        try:
            if request.scope["type"] != "http":
                return await super().run(request, *args, **kwargs)
            async with db.request_connection():
                return await super().run(request, *args, **kwargs)
        except HTTPException as exc:
            code = ErrorCode.NOT_FOUND if exc.status_code == 404 else ErrorCode.INVALID_INPUT
            return JSONResponse(
                {"errors": [{"message": exc.reason, "extensions": {"code": code.value}}]},
                status_code=exc.status_code,
            )


def create_app(
    settings: Settings,
    *,
    manage_database: bool = True,
    on_ready: Callable[[], Awaitable[None]] | None = None,
    gateways: Gateways | None = None,
) -> Starlette:
    """The ASGI app. With `manage_database`, start-up applies migrations and opens the ORM;
    tests that manage the database themselves pass False."""
    passwords = Passwords(settings.password_memory_kib, settings.password_time_cost)
    graphql = GraphQLApp(settings, passwords)
    # Notifications leave through this sender after commit (an unknown one stops the start).
    delivery.configure(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not manage_database:
            # The test's database, opened by the test; live updates still run with the server.
            async with live.running(settings) as listener:
                app.state.live_listener = listener
                yield
            return
        await db.migrate(settings)
        await db.init_orm(settings, serving=True)
        try:
            await ensure_program(settings.program)
            if on_ready is not None:
                await on_ready()
            # What start-up made (modules, the schema, the ORM's models) lives as long as the
            # process: kept out of the garbage collector's full passes, which otherwise walk
            # it all again and again while requests wait.
            gc.collect()
            gc.freeze()
            # Requests leave no cycles (tests/test_garbage.py): reference counting frees them.
            # At the default threshold (700 new objects) the collector ran several times a
            # request only to walk the requests in flight, and moved them into the older
            # generations, whose full passes followed: ~10 % of the CPU under load.
            gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
            async with live.running(settings) as listener:
                app.state.live_listener = listener
                yield
        finally:
            await db.close_orm()

    async def health(request: Request) -> Response:
        try:
            await db.connection().execute_query("SELECT 1")
        except Exception:  # noqa: BLE001 - any failure means the database is not answering
            return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "up"})

    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/health", health, methods=["GET"]),
        Route("/qr/scan.{format}", scan_http.scan_qr, methods=["GET"]),
        Route("/qr/voucher/{code}.{format}", scan_http.voucher_qr, methods=["GET"]),
        Route("/webhooks/{gateway}", payments_http.webhook, methods=["POST"]),
        Route("/exports/ledger.csv", analytics_http.ledger_csv, methods=["GET"]),
        Route("/exports/audit.csv", analytics_http.audit_csv, methods=["GET"]),
        *web_http.routes(),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(RequestId),
            Middleware(web_http.SecurityHeaders),
            # Outside DatabaseOutage: an allowed origin may read its 503 too.
            Middleware(CrossOrigin, origins=settings.cors_origins),
            Middleware(DatabaseOutage),
            Middleware(BodySizeLimit, max_bytes=settings.limits.max_body_bytes),
        ],
    )
    app.state.settings = settings
    app.state.live_listener = None
    app.state.passwords = passwords
    app.state.gateways = gateways if gateways is not None else build_gateways(settings)
    return app
