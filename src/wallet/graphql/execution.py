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

It also keeps, across requests, the sub-selections it collects for each object of an
operation without directives (see `Selections`): graphql-core collects them anew for every
request.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.collect_fields import CollectedFields, FragmentDetails
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


class Selections:
    """The sub-selections collected for one operation, kept for all its requests.

    Which fields an object's selection holds depends on the document, the object's type
    and, through `@skip`, `@include` and `@defer`, on the variables. An operation with no
    directive at all (what clients send) collects the same fields on every request, so
    they are collected once. Kept per operation object: the parse cache hands every
    request of the same text the same document; a document parsed anew gets a new entry.
    """

    LIMIT = 256  # operations kept (least recently used dropped); clients send a few dozen
    _kept: OrderedDict[int, Selections] = OrderedDict()

    def __init__(self, operation: OperationDefinitionNode) -> None:
        # Held, so that the ids of its nodes (the keys below) are never reused.
        self.operation = operation
        self.collected: dict[tuple[Any, ...], CollectedFields] = {}

    @classmethod
    def of(cls, operation: OperationDefinitionNode, fragments: dict[str, FragmentDetails]) -> Selections | None:
        """The operation's kept selections; None when its selections may vary by request."""
        kept = cls._kept.get(id(operation))
        if kept is not None and kept.operation is operation:
            cls._kept.move_to_end(id(operation))
            return kept
        sets = [operation.selection_set, *(f.definition.selection_set for f in fragments.values())]
        if any(fragment.definition.directives or fragment.definition.variable_definitions for fragment in fragments.values()) or any(
            _varies(selection_set) for selection_set in sets
        ):
            return None
        kept = cls._kept[id(operation)] = cls(operation)
        if len(cls._kept) > cls.LIMIT:
            cls._kept.popitem(last=False)
        return kept


def _varies(selection_set: SelectionSetNode | None) -> bool:
    """Whether a selection (or any inside it) has a directive or fragment arguments."""
    return any(
        selection.directives or (isinstance(selection, FragmentSpreadNode) and getattr(selection, "arguments", None))
        for selection in _selections(selection_set)
    )


def _selections(selection_set: SelectionSetNode | None) -> Iterator[Any]:
    for selection in selection_set.selections if selection_set else ():
        yield selection
        if isinstance(selection, (FieldNode, InlineFragmentNode)):
            yield from _selections(selection.selection_set)


class LeafFastExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = (self.schema.extensions or {}).get(DEFINITION)
        middleware = self.middleware_manager
        # A resolver middleware must see every field: then there is no short way.
        wrapped = middleware is not None and bool(middleware.middlewares)
        self.leaf_plans: dict[tuple[str, str], LeafPlan] = {} if wrapped else getattr(owner, "leaf_plans", {})
        self.selections = Selections.of(self.operation, self.fragments)

    def collect_subfields(self, return_type: GraphQLObjectType, field_details_list: Any) -> CollectedFields:
        selections = self.selections
        if selections is None:
            return super().collect_subfields(return_type, field_details_list)
        key = (return_type, *[id(details.node) for details in field_details_list])
        collected = selections.collected.get(key)
        if collected is None:
            collected = selections.collected[key] = super().collect_subfields(return_type, field_details_list)
        return collected

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
