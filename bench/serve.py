"""Wallet as the benchmark runs it: `wallet serve`'s app, plus (with --count-queries) an
`X-Query-Count` response header counting the SQL statements each request ran.

Counting hooks the ORM's debug log, which slows it: the bench counts in a separate pass
and measures speed with counting off.

    python -m bench.serve --port 8000 [--count-queries]      (settings from WALLET_* env)
"""
from __future__ import annotations

import argparse
import logging
from contextvars import ContextVar
from typing import Any

import uvicorn

from wallet.app import create_app
from wallet.config import Settings

_count: ContextVar[list[int] | None] = ContextVar("bench_query_count", default=None)


class _CountingHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        box = _count.get()
        if box is not None:
            box[0] += 1


class QueryCount:
    """Adds `X-Query-Count` to each HTTP response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        box = [0]
        token = _count.set(box)

        async def send_with_count(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-query-count", str(box[0]).encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_count)
        finally:
            _count.reset(token)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count-queries", action="store_true")
    args = parser.parse_args()
    app: Any = create_app(Settings.from_env())
    if args.count_queries:
        logger = logging.getLogger("tortoise.db_client")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(_CountingHandler())
        logger.propagate = False
        app = QueryCount(app)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
