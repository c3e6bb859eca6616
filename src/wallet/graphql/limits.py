"""Guards on request size and shape, enforced before any resolver runs.

Strawberry extensions are passed as classes (one instance per request); these subclasses
bind the configured limits without sharing state between requests.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult, GraphQLError, StringValueNode, ValidationRule
from graphql.validation import NoSchemaIntrospectionCustomRule
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as create_alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as create_depth_validator

from wallet.config import Limits


NUL_REFUSED = "Text must not contain the NUL character (\\u0000)."


class NoNulInLiterals(ValidationRule):
    """Refuse string literals holding NUL: no input may, as PostgreSQL cannot store it in
    text, and a lookup by such a value fails there rather than finding nothing. A
    validation rule, so its verdict is cached with the document's."""

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        if "\x00" in node.value:
            self.report_error(GraphQLError(NUL_REFUSED, node))


def _holds_nul(value: Any) -> bool:
    pending = [value]  # a loop, not recursion: variables may nest as deep as JSON allows
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def limit_extensions(limits: Limits, *, introspection: bool = True) -> list[type]:
    """The request guards, as one extension: tokens (at parse), then depth, aliases, NUL
    characters and, without `introspection` (production), introspection (validation
    rules), then NUL characters in variables (before execution). One extension rather than
    one per guard: each costs its hooks on every request.

    The validation rules are made once here, not per request: the validation cache (see
    `wallet.graphql.schema`) keys on the rule classes, and a fresh class per request would
    never hit it.
    """
    rules = (
        create_depth_validator(limits.max_query_depth, None, None),
        create_alias_validator(limits.max_aliases),
        NoNulInLiterals,
        *(() if introspection else (NoSchemaIntrospectionCustomRule,)),
    )

    class RequestGuards(SchemaExtension):
        def on_operation(self) -> Iterator[None]:
            context = self.execution_context
            context.parse_options["max_tokens"] = limits.max_tokens
            context.validation_rules = context.validation_rules + rules
            yield

        def on_execute(self) -> Iterator[None]:
            # NUL in variables is refused before execution, so no resolver runs.
            variables = self.execution_context.variables
            if variables and _holds_nul(variables):
                self.execution_context.result = ExecutionResult(data=None, errors=[GraphQLError(NUL_REFUSED)])
            yield

    return [RequestGuards]


class BodySizeLimit:
    """Refuses request bodies over `max_bytes` with 413, counting what actually arrives."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        too_large = False

        async def counted_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted_receive, send)
        except _BodyTooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": f"The request body is larger than {self.max_bytes} bytes.",
                        "extensions": {"code": "INVALID_INPUT"},
                    }
                ]
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    pass
