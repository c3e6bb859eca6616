"""Extension hooks run through wallet.graphql.hooks exactly as through Strawberry's runner."""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import strawberry
from strawberry.extensions import SchemaExtension

from wallet.graphql.schema import WalletSchema

EVENTS: list[str] = []


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        EVENTS.append("resolver")
        return "hi"


class Outer(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        EVENTS.append("outer operation in")
        yield
        EVENTS.append(f"outer operation out, errors: {bool(self.execution_context.result and self.execution_context.result.errors)}")

    def on_execute(self) -> Iterator[None]:
        EVENTS.append("outer execute in")
        yield
        EVENTS.append("outer execute out")


class Inner(SchemaExtension):
    async def on_parse(self) -> AsyncIterator[None]:  # an async generator
        EVENTS.append("inner parse in")
        yield
        EVENTS.append("inner parse out")

    def on_validate(self) -> None:  # a plain function: runs on the way in
        EVENTS.append("inner validate")

    def on_execute(self) -> Iterator[None]:
        EVENTS.append("inner execute in")
        try:
            yield
        except Exception as error:  # noqa: BLE001 - what an execution error does to a hook
            EVENTS.append(f"inner execute saw {error}")
            raise
        EVENTS.append("inner execute out")


class Refusing(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        raise ValueError("refused before execution")
        yield  # noqa: unreachable - makes it a generator


async def run(schema_class: type, extensions: list[type], query: str) -> tuple[list[str], dict]:
    EVENTS.clear()
    result = await schema_class(query=Query, extensions=extensions).execute(query)
    answer = {"data": result.data, "errors": [e.message for e in result.errors or []]}
    return list(EVENTS), answer


async def test_hooks_run_nest_and_see_errors_as_under_strawberrys_runner():
    for extensions, query in [
        ([Outer, Inner], "{ hello }"),
        ([Outer, Inner], "{ nothing }"),  # refused by validation
        ([Outer, Inner], "{ hello"),  # does not parse
        ([Inner, Refusing, Outer], "{ hello }"),  # a hook fails
    ]:
        ours = await run(WalletSchema, extensions, query)
        strawberrys = await run(strawberry.Schema, extensions, query)
        assert ours == strawberrys, (extensions, query)
        assert ours[0], "the hooks ran"


async def test_every_stage_of_a_request_reaches_the_hooks_in_order():
    events, answer = await run(WalletSchema, [Outer, Inner], "{ hello }")
    assert answer == {"data": {"hello": "hi"}, "errors": []}
    assert events == [
        "outer operation in", "inner parse in", "inner parse out", "inner validate",
        "outer execute in", "inner execute in", "resolver", "inner execute out", "outer execute out",
        "outer operation out, errors: False",
    ]
