"""graphql-core's executor, with a short way for plain leaf fields.

Most fields of an answer are leaves read straight off an object: a wallet screen's
`activity(first: 20)` alone has 120 (`id`, `kind`, `amount`, …). graphql-core resolves each
through its general path: resolve info built, Strawberry's default resolver called, the
result checked for awaitables, then completed by type. For a field Strawberry resolves
with `getattr` (no resolver, no field extension, no arguments) whose type is a scalar or an
enum, the executor here reads the attribute and coerces it with the type's own
`coerce_output_value`, as the general path would, and returns it. Anything else, and any
value the short way cannot coerce (None on a non-null field, an exception, a bad value),
takes the general path, which reports it as it always has.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from graphql import GraphQLLeafType, GraphQLObjectType, GraphQLSchema, Undefined, is_leaf_type, is_non_null_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

# Where Strawberry keeps, on graphql-core's objects, the Strawberry object they come from.
DEFINITION = GraphQLCoreConverter.DEFINITION_BACKREF


class LeafPlan(NamedTuple):
    attribute: str
    type: GraphQLLeafType
    nullable: bool


def leaf_plans(schema: GraphQLSchema, default_resolver: Callable[[Any, str], object]) -> dict[tuple[str, str], LeafPlan]:
    """(object type, field) → how to read the field, for every plain leaf field; none when
    Strawberry's default resolver is not plain getattr (the short way would bypass it)."""
    plans: dict[tuple[str, str], LeafPlan] = {}
    if default_resolver is not getattr:
        return plans
    for graphql_type in schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for name, field in graphql_type.fields.items():
            definition = (field.extensions or {}).get(DEFINITION)
            # Strawberry marks the resolver of a field with no resolver and no extension.
            if definition is None or field.args or not getattr(field.resolve, "_is_default", False):
                continue
            field_type, nullable = field.type, True
            if is_non_null_type(field_type):
                field_type, nullable = field_type.of_type, False
            if is_leaf_type(field_type):
                plans[(graphql_type.name, name)] = LeafPlan(definition.python_name, field_type, nullable)
    return plans


class LeafFastExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = (self.schema.extensions or {}).get(DEFINITION)
        middleware = self.middleware_manager
        # A resolver middleware must see every field: then there is no short way.
        wrapped = middleware is not None and bool(middleware.middlewares)
        self.leaf_plans: dict[tuple[str, str], LeafPlan] = {} if wrapped else getattr(owner, "leaf_plans", {})

    def execute_field(  # type: ignore[override]
        self, parent_type: GraphQLObjectType, source: Any, field_details_list: Any, path: Any, position_context: Any
    ) -> Any:
        plan = self.leaf_plans.get((parent_type.name, field_details_list[0].node.name.value))
        if plan is not None:
            try:
                value = getattr(source, plan.attribute)
                if value is None:
                    if plan.nullable:
                        return None
                elif not isinstance(value, Exception):
                    coerced = plan.type.coerce_output_value(value)
                    if coerced is not None and coerced is not Undefined:
                        return coerced
            except Exception:  # noqa: BLE001 - the general path below reports it, located
                pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
