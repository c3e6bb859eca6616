"""The executor's short way for plain leaf fields answers exactly as graphql-core's own path."""
from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from wallet.graphql.schema import WalletSchema


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Thing:
    name: str
    count: int | None
    colour: Colour
    made_at: datetime
    id: strawberry.ID

    @strawberry.field
    def shout(self) -> str:  # a resolver: always the general path
        return self.name.upper()


ROWS: list[Any] = []


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return ROWS


QUERY = "{ things { name count colour madeAt id shout } }"


def thing(**changes: Any) -> Thing:
    values = {"name": "a", "count": 3, "colour": Colour.RED, "made_at": datetime(2026, 12, 3, 8, 0, tzinfo=UTC), "id": "7"}
    return Thing(**{**values, **changes})


def answers(rows: list[Any]) -> tuple[dict, dict]:
    """The short way's answer and graphql-core's own, for the same rows."""
    ROWS[:] = rows
    fast = WalletSchema(query=Query)
    general = WalletSchema(query=Query)
    general.execution_context_class = StrawberryGraphQLCoreExecutionContext
    assert fast.leaf_plans and ("Thing", "shout") not in fast.leaf_plans

    def formatted(schema: WalletSchema) -> dict:
        result = schema.execute_sync(QUERY)
        return {"data": result.data, "errors": [(e.message, e.path) for e in result.errors or []]}

    return formatted(fast), formatted(general)


def test_plain_leaves_answer_as_graphql_core_does(monkeypatch):
    general_path = []
    own = StrawberryGraphQLCoreExecutionContext.execute_field

    def counted(self, parent_type, *args):
        general_path.append(parent_type.name)
        return own(self, parent_type, *args)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counted)
    fast, general = answers([thing(), thing(name="b", count=None, colour=Colour.BLUE, id=8)])
    assert fast == general
    # The short way took the plain leaves: only `things` and the two `shout` went the general
    # way in the first answer; all 13 fields did in the second.
    assert general_path == ["Query", "Thing", "Thing"] + ["Query"] + ["Thing"] * 12
    assert fast["data"]["things"][1] == {
        "name": "b", "count": None, "colour": "BLUE", "madeAt": "2026-12-03T08:00:00+00:00", "id": "8", "shout": "B",
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"name": None},  # null on a non-null field
        {"count": "many"},  # a value the scalar cannot represent
        {"colour": "green"},  # not a member of the enum
    ],
    ids=["null", "bad-scalar", "bad-enum"],
)
def test_values_a_leaf_cannot_hold_are_reported_as_graphql_core_reports_them(bad):
    fast, general = answers([thing(), thing(**bad)])
    assert fast == general
    assert fast["errors"] and fast["errors"][0][1][:2] == ["things", 1]


def test_a_schema_with_its_own_default_resolver_has_no_short_way():
    # The short way reads attributes with getattr: a schema resolving fields otherwise must
    # not be bypassed.
    from strawberry.schema.config import StrawberryConfig

    ROWS[:] = [thing()]
    schema = WalletSchema(query=Query, config=StrawberryConfig(default_resolver=lambda obj, name: f"<{name}>" if name == "name" else getattr(obj, name)))
    assert schema.leaf_plans == {}
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
