"""The executor's short way for plain fields answers exactly as graphql-core's own path."""
from __future__ import annotations

import asyncio
import enum
from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from wallet.graphql.execution import LeafPlan, ListPlan, ObjectPlan
from wallet.graphql.schema import WalletSchema


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Part:
    label: str
    size: int | None

    @strawberry.field
    async def later(self) -> str:  # an awaited resolver inside a plain object
        if self.label == "broken":
            raise ValueError("no later for a broken part")
        return self.label


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Tag(Named):  # behind an interface: checked at run time, always the general path
    pass


@strawberry.type
class Thing:
    name: str
    count: int | None
    colour: Colour
    made_at: datetime
    id: strawberry.ID
    part: Part
    spare: Part | None
    tag: Tag | None
    parts: list[Part]
    labels: list[str | None]
    colours: list[Colour] | None

    @strawberry.field
    def shout(self) -> str:  # a resolver: always the general path
        return self.name.upper()


ROWS: list[Any] = []


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return ROWS


QUERY = """{ things { name count colour madeAt id shout part { label size } spare { label } tag { name }
  parts { __typename label size } labels colours } }"""


def thing(**changes: Any) -> Thing:
    values = {
        "name": "a", "count": 3, "colour": Colour.RED, "made_at": datetime(2026, 12, 3, 8, 0, tzinfo=UTC), "id": "7",
        "part": Part(label="p", size=2), "spare": None, "tag": Tag(name="t"),
        "parts": [Part(label="x", size=1), Part(label="y", size=None)], "labels": ["l", None], "colours": [Colour.BLUE],
    }
    return Thing(**{**values, **changes})


def schemas() -> tuple[WalletSchema, WalletSchema]:
    """A schema with the short way, and one executing with graphql-core's own path."""
    fast = WalletSchema(query=Query)
    general = WalletSchema(query=Query)
    general.execution_context_class = StrawberryGraphQLCoreExecutionContext
    return fast, general


def formatted(result: Any) -> dict:
    return {"data": result.data, "errors": [(e.message, e.path) for e in result.errors or []]}


def answers(rows: list[Any], query: str = QUERY) -> tuple[dict, dict]:
    """The short way's answer and graphql-core's own, for the same rows."""
    ROWS[:] = rows
    fast, general = schemas()
    return formatted(fast.execute_sync(query)), formatted(general.execute_sync(query))


def test_the_plain_fields_are_planned():
    plans = WalletSchema(query=Query).field_plans
    assert isinstance(plans[("Thing", "name")], LeafPlan) and isinstance(plans[("Part", "size")], LeafPlan)
    assert isinstance(plans[("Thing", "part")], ObjectPlan) and plans[("Thing", "spare")].nullable
    assert isinstance(plans[("Thing", "parts")], ListPlan) and plans[("Thing", "labels")].items_nullable
    # A resolver, and an object type checked at run time, are not plain.
    assert ("Thing", "shout") not in plans and ("Thing", "tag") not in plans and ("Thing", "things") not in plans


def test_plain_fields_answer_as_graphql_core_does(monkeypatch):
    general_path = []
    own = StrawberryGraphQLCoreExecutionContext.execute_field

    def counted(self, parent_type, source, field_details_list, *args):
        general_path.append(f"{parent_type.name}.{field_details_list[0].node.name.value}")
        return own(self, parent_type, source, field_details_list, *args)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counted)
    rows = [thing(), thing(name="b", count=None, colour=Colour.BLUE, id=8, spare=Part(label="s", size=None))]
    fast, general = answers(rows)
    assert fast == general and not fast["errors"]
    # The short way took the plain fields (the `part` and `spare` objects whole, and the
    # tags' names): only `things`, the two `shout` and the two `tag` went the general way.
    fast_path = general_path[: general_path.index("Query.things", 1)]
    assert fast_path == ["Query.things"] + ["Thing.shout", "Thing.tag"] * 2
    assert fast["data"]["things"][1] == {
        "name": "b", "count": None, "colour": "BLUE", "madeAt": "2026-12-03T08:00:00+00:00", "id": "8", "shout": "B",
        "part": {"label": "p", "size": 2}, "spare": {"label": "s"}, "tag": {"name": "t"},
        "parts": [{"__typename": "Part", "label": "x", "size": 1}, {"__typename": "Part", "label": "y", "size": None}],
        "labels": ["l", None], "colours": ["BLUE"],
    }


def test_values_a_scalar_converts_are_converted_as_graphql_core_does():
    rows = [thing(count=True, name=12, id=7, labels=[False, 3.5])]
    fast, general = answers(rows, "{ things { count name id labels } }")
    assert fast == general
    assert fast["data"] == {"things": [{"count": 1, "name": "12", "id": "7", "labels": ["false", "3.5"]}]}


def test_a_selection_of_plain_fields_is_answered_whole(monkeypatch):
    general_path = []
    own = StrawberryGraphQLCoreExecutionContext.execute_field
    monkeypatch.setattr(
        StrawberryGraphQLCoreExecutionContext, "execute_field", lambda self, *args: general_path.append(1) or own(self, *args)
    )
    query = "{ things { __typename name colour part { label } parts { size } labels colours } }"
    fast, general = answers([thing(), thing(colours=None)], query)
    assert fast == general and not fast["errors"]
    assert fast["data"]["things"][1]["colours"] is None
    # The short way: only `things` (a resolver). The general way: `things`, and for each
    # thing its 7 fields, `part.label` and each of its two parts' `size`.
    assert len(general_path) == 1 + (1 + 2 * (7 + 1 + 2))

@pytest.mark.parametrize(
    "bad",
    [
        {"name": None},  # null on a non-null field
        {"count": "many"},  # a value the scalar cannot represent
        {"count": 2**31},  # beyond Int's 32 bits
        {"colour": "green"},  # not a member of the enum
        {"made_at": "yesterday"},  # a value a custom scalar's serializer cannot take
        {"made_at": ValueError("no time")},  # an exception as a value
    ],
    ids=["null", "bad-scalar", "too-big", "bad-enum", "bad-custom-scalar", "exception"],
)
def test_values_a_leaf_cannot_hold_are_reported_as_graphql_core_reports_them(bad):
    fast, general = answers([thing(), thing(**bad)])
    assert fast == general
    assert fast["errors"] and fast["errors"][0][1][:2] == ["things", 1]


@pytest.mark.parametrize(
    "bad",
    [
        {"part": None},  # null for a non-null object
        {"part": Part(label=None, size=1)},  # a non-null leaf null inside it: nulls up to `things`
        {"spare": Part(label=None, size=1)},  # … inside a nullable object: nulls the object only
        {"spare": "not a part"},  # no attribute to read: reported where it was read
        {"parts": [Part(label="x", size=1), None]},  # null item in a list of non-null items
        {"parts": [Part(label=None, size=1)]},  # null inside an item
        {"labels": "not a list"},  # a string is not a list
        {"colours": ["green"]},  # not a member of the enum, in a list
    ],
    ids=["null-object", "null-inside", "null-inside-nullable", "wrong-object", "null-item", "null-in-item", "not-a-list", "bad-enum-item"],
)
def test_errors_in_plain_objects_are_reported_as_graphql_core_reports_them(bad):
    fast, general = answers([thing(), thing(**bad)])
    assert fast == general
    assert fast["errors"] and fast["errors"][0][1][:2] == ["things", 1]


async def test_awaited_fields_inside_plain_objects_are_reported_as_graphql_core_reports_them():
    ROWS[:] = [thing(), thing(part=Part(label="broken", size=1), spare=Part(label="broken", size=1))]
    for query in ["{ things { name spare { label later } } }", "{ things { name part { later } } }"]:
        fast, general = schemas()
        fast_answer, general_answer = formatted(await fast.execute(query)), formatted(await general.execute(query))
        assert fast_answer == general_answer and fast_answer["errors"]
    # In a nullable object, only that object is lost.
    assert fast_answer["errors"][0][1] == ["things", 1, "part", "later"]


def test_a_schema_with_its_own_default_resolver_has_no_short_way():
    # The short way reads attributes with getattr: a schema resolving fields otherwise must
    # not be bypassed.
    from strawberry.schema.config import StrawberryConfig

    ROWS[:] = [thing()]
    schema = WalletSchema(query=Query, config=StrawberryConfig(default_resolver=lambda obj, name: f"<{name}>" if name == "name" else getattr(obj, name)))
    assert schema.field_plans == {}
    assert schema.execute_sync("{ things { name } }").data == {"things": [{"name": "<name>"}]}



def counting_collections(monkeypatch) -> list[str]:
    """Records each object type whose sub-selections graphql-core collects."""
    from graphql.execution import executor

    made: list[str] = []
    own = executor.collect_subfields

    def counted(schema, fragments, variables, operation, return_type, *args):
        made.append(return_type.name)
        return own(schema, fragments, variables, operation, return_type, *args)

    monkeypatch.setattr(executor, "collect_subfields", counted)
    return made


def cached_schema() -> WalletSchema:
    from wallet.graphql.schema import CachedDocuments

    # With the parse cache, as in production: the same text gives the same document.
    return WalletSchema(query=Query, extensions=[CachedDocuments])


def test_an_operation_without_directives_collects_its_selections_once(monkeypatch):
    made = counting_collections(monkeypatch)
    ROWS[:] = [thing(), thing(name="b")]
    schema = cached_schema()
    query = "{ things { ...parts } } fragment parts on Thing { name shout }"
    answers = [schema.execute_sync(query) for _ in range(3)]
    assert [a.data for a in answers] == [{"things": [{"name": "a", "shout": "A"}, {"name": "b", "shout": "B"}]}] * 3
    assert made == ["Thing"]  # the first request's; the two after reused it


@pytest.mark.parametrize(
    "variable, directive",
    [("$show: Boolean = true", "@include(if: $show)"), ("$hide: Boolean = false", "@skip(if: $hide)")],
)
def test_selections_that_depend_on_variables_are_collected_per_request(monkeypatch, variable, directive):
    made = counting_collections(monkeypatch)
    ROWS[:] = [thing()]
    schema = cached_schema()
    query = f"query({variable}) {{ things {{ name count {directive} }} }}"
    shown = {"things": [{"name": "a", "count": 3}]}
    hidden = {"things": [{"name": "a"}]}
    assert schema.execute_sync(query).data == shown
    assert schema.execute_sync(query, variable_values={"show": False, "hide": True}).data == hidden
    assert schema.execute_sync(query).data == shown
    assert made == ["Thing"] * 3


def test_aliases_of_plain_fields_are_answered_under_their_names():
    # The answer's keys are the client's aliases, any GraphQL name (Python keywords too).
    query = '{ things { class: name return: name def: count __typename part { if: label } } }'
    fast, general = answers([thing(), thing(name="b", count=None)], query)
    assert fast == general and not fast["errors"]
    assert fast["data"]["things"][1] == {"class": "b", "return": "b", "def": None, "__typename": "Thing", "part": {"if": "p"}}


def test_a_shape_function_is_written_once_even_when_selections_are_collected_per_request(monkeypatch):
    from wallet.graphql import execution

    written = []
    own = execution._compile
    monkeypatch.setattr(execution, "_compile", lambda entries: written.append(1) or own(entries))
    ROWS[:] = [thing()]
    schema = cached_schema()
    query = "query($show: Boolean = true) { things { id name @include(if: $show) } }"
    assert schema.execute_sync(query).data == {"things": [{"id": "7", "name": "a"}]}
    first = len(written)
    assert schema.execute_sync(query).data == {"things": [{"id": "7", "name": "a"}]}
    assert schema.execute_sync(query, variable_values={"show": False}).data == {"things": [{"id": "7"}]}
    assert first >= 1 and len(written) == first + 1  # the second request wrote none; the other selection one


FINISHED: list[str] = []


@strawberry.type
class Siblings:
    @strawberry.field
    async def fails(self) -> str:
        raise ValueError("this field fails")

    @strawberry.field
    async def reads(self) -> str | None:
        await asyncio.sleep(0.01)  # a statement on the request's connection, say
        FINISHED.append("reads")
        return "read"


async def test_a_failing_field_does_not_cancel_its_siblings_halfway():
    FINISHED.clear()
    result = await WalletSchema(query=Siblings).execute("{ fails reads }")
    # The error nulls the whole answer, but the sibling ran to its end (not cancelled halfway).
    assert result.data is None and [e.message for e in result.errors] == ["this field fails"]
    assert FINISHED == ["reads"]
