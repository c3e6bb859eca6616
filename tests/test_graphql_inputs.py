"""Input objects built from plans (wallet.graphql.inputs) come out as Strawberry builds them."""
from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import pytest
import strawberry
from strawberry.types.base import StrawberryObjectDefinition

from wallet.graphql.schema import WalletSchema, build_schema


@strawberry.enum
class Size(enum.Enum):
    SMALL = "small"
    LARGE = "large"


@strawberry.input
class Line:
    sku: str
    quantity: int = 1
    sizes: list[Size] | None = None


@strawberry.input
class Order:
    id: strawberry.ID
    total: Decimal
    size: Size = Size.SMALL
    note: str | None = None
    tags: list[str] = strawberry.field(default_factory=lambda: ["new"])
    lines: list[Line] | None = None
    first_line: Line | None = None


SEEN: list[Any] = []


@strawberry.type
class Query:
    @strawberry.field
    def take(self, order: Order) -> str:
        SEEN.append(order)
        return "ok"


QUERY = "query($order: Order!) { take(order: $order) }"


def inputs_of(schema: WalletSchema) -> list[StrawberryObjectDefinition]:
    return [
        concrete.definition
        for concrete in schema.schema_converter.type_map.values()
        if isinstance(concrete.definition, StrawberryObjectDefinition) and concrete.definition.is_input
    ]


def built(schema: WalletSchema, order: dict[str, Any]) -> Any:
    SEEN.clear()
    result = schema.execute_sync(QUERY, variable_values={"order": order})
    assert result.errors is None
    return SEEN[0]


@pytest.mark.parametrize(
    "order",
    [
        {"id": "7", "total": "12.50"},  # defaults: from the schema (size, tags) and the class (note)
        {"id": 8, "total": "1", "size": "LARGE", "note": None, "tags": [], "lines": None, "firstLine": None},
        {
            "id": "9", "total": "3.10", "note": "gift", "tags": ["a", "b"],
            "lines": [{"sku": "x"}, {"sku": "y", "quantity": 3, "sizes": ["LARGE", "SMALL"]}],
            "firstLine": {"sku": "z", "sizes": None},
        },
    ],
    ids=["defaults", "nulls", "nested"],
)
def test_inputs_are_built_as_strawberry_builds_them(monkeypatch, order):
    schema = WalletSchema(query=Query)
    ours = built(schema, order)
    for definition in inputs_of(schema):
        assert definition.from_input is not None
        monkeypatch.setattr(definition, "from_input", None)
    assert built(schema, order) == ours
    assert isinstance(ours.total, Decimal) and isinstance(ours.size, Size)


def test_a_default_list_is_never_shared_between_requests():
    schema = WalletSchema(query=Query)
    first = built(schema, {"id": "1", "total": "1"})
    first.tags.append("changed by the first request")
    assert built(schema, {"id": "2", "total": "1"}).tags == ["new"]


def test_every_input_type_of_the_api_is_built_from_a_plan():
    # New input types get the plan too; only types with `Maybe` fields would keep
    # Strawberry's own conversion, and the API has none.
    assert all(definition.from_input is not None for definition in inputs_of(build_schema()))
