"""graphql-core's executor, with a short way for plain fields.

Most fields of an answer are read straight off an object: a wallet screen's
`activity(first: 20)` alone has 20 edges, 20 nodes and 120 leaves (`id`, `kind`, `amount`,
…). graphql-core resolves each field through its general path: resolve info built,
Strawberry's default resolver called, the result checked for awaitables, then completed by
type, each list item and object through several more calls. A field is *plain* when
Strawberry resolves it with `getattr` (no resolver, no field extension, no arguments) and
its type is a scalar, an enum, an object type that needs no runtime check (no
`is_type_of`: not behind an interface), or a list of those. For plain fields the executor
here takes a short way:

- a leaf: the attribute read and coerced with the type's own `coerce_output_value`, as
  the general path would;
- a selection made only of plain fields, all the way down (`__typename` too): its answer
  built in one pass by a function written for its shape (`Shape`);
- an object with other fields below it: the attribute read and its sub-selection executed
  by graphql-core, errors handled as graphql-core handles them.

Anything the short way cannot take (None on a non-null field, an exception, a value its
type cannot coerce, a missing attribute) sends the whole field (or selection) down the
general path, which answers or reports it as it always has: reading attributes twice is
harmless, plain fields run no code of ours.

It also keeps, across requests, the sub-selections it collects for each object of an
operation without directives (see `Selections`): graphql-core collects them anew for every
request.

And it lets sibling fields finish when one fails (see `gather_settled`).
"""
from __future__ import annotations

import asyncio
import keyword
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, NamedTuple

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLResolveInfoHelpers,
    GraphQLSchema,
    GraphQLString,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution import executor as graphql_executor
from graphql.execution.collect_fields import CollectedFields, FragmentDetails
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter


async def gather_settled(*awaitables: Awaitable[Any]) -> list[Any]:
    """Sibling fields run to their end; then the first failure (in field order) is raised.

    graphql-core cancels the pending siblings of a field whose error goes up to their
    parent. Cancelling a field halfway through a statement breaks the connection the
    request's statements share (asyncpg cannot take a query's answer after it was
    cancelled: "got result for unknown protocol state"), and a cancelled field cancels the
    DataLoader answer other fields wait on. Reads are short and an error is rare: letting
    them finish costs little."""
    results = await asyncio.gather(*awaitables, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


# graphql-core calls it for sibling fields, list items and resolvers' own gathering.
if not hasattr(graphql_executor, "gather_with_cancel"):
    raise ImportError("graphql-core no longer gathers sibling fields with gather_with_cancel: see gather_settled")
graphql_executor.gather_with_cancel = gather_settled


def _gather(values: Any) -> Awaitable[list[Any]]:
    return gather_settled(*values)


def _helpers(executor: Any) -> GraphQLResolveInfoHelpers:
    """graphql-core's resolver helpers, not bound to the executor. Its own are its bound
    methods: a reference cycle that left each request's executor, and all it holds, to the
    garbage collector instead of being freed when the request ends."""
    executor_ref = weakref.ref(executor)

    def track(values: Any) -> None:
        executor = executor_ref()
        if executor is not None:
            executor.track_async_work(values)

    return GraphQLResolveInfoHelpers(gather=_gather, track=track)


# Where Strawberry keeps, on graphql-core's objects, the Strawberry object they come from.
DEFINITION = GraphQLCoreConverter.DEFINITION_BACKREF


class LeafPlan(NamedTuple):
    attribute: str
    type: GraphQLLeafType
    nullable: bool
    # A Strawberry enum's GraphQL names by member value (Strawberry's own coercion looks
    # through all the members for each value); None for scalars.
    enum: type | None = None
    names: dict[Any, str] | None = None
    # For String, ID, Boolean and Int: the Python type whose values they answer unchanged.
    as_is: type | None = None


class ObjectPlan(NamedTuple):
    attribute: str
    type: GraphQLObjectType
    nullable: bool
    field_type: Any  # as declared (non-null wrapped), for error handling


class ListPlan(NamedTuple):
    attribute: str
    item: LeafPlan | GraphQLObjectType  # how to answer each item
    nullable: bool
    items_nullable: bool


Plan = LeafPlan | ObjectPlan | ListPlan


def field_plans(schema: GraphQLSchema, default_resolver: Callable[[Any, str], object]) -> dict[tuple[str, str], Plan]:
    """(object type, field) → how to read the field, for every plain field; none when
    Strawberry's default resolver is not plain getattr (the short way would bypass it)."""
    plans: dict[tuple[str, str], Plan] = {}
    if default_resolver is not getattr:
        return plans
    for graphql_type in schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for name, field in graphql_type.fields.items():
            definition = (field.extensions or {}).get(DEFINITION)
            # Strawberry marks the resolver of a field with no resolver and no extension. The
            # attribute is written into code (see _compile): only plain identifiers.
            if definition is None or field.args or not getattr(field.resolve, "_is_default", False):
                continue
            if not definition.python_name.isidentifier() or keyword.iskeyword(definition.python_name):
                continue
            field_type, nullable = _unwrapped(field.type)
            attribute = definition.python_name
            if is_leaf_type(field_type):
                plans[(graphql_type.name, name)] = _leaf_plan(attribute, field_type, nullable)
            elif _plain_object(field_type):
                plans[(graphql_type.name, name)] = ObjectPlan(attribute, field_type, nullable, field.type)
            elif isinstance(field_type, GraphQLList):
                item_type, items_nullable = _unwrapped(field_type.of_type)
                if is_leaf_type(item_type):
                    item: LeafPlan | GraphQLObjectType = _leaf_plan("", item_type, items_nullable)
                elif _plain_object(item_type):
                    item = item_type
                else:
                    continue
                plans[(graphql_type.name, name)] = ListPlan(attribute, item, nullable, items_nullable)
    return plans


def _unwrapped(graphql_type: Any) -> tuple[Any, bool]:
    """The type inside a non-null wrapper, and whether it may be null."""
    if is_non_null_type(graphql_type):
        return graphql_type.of_type, False
    return graphql_type, True


def _plain_object(graphql_type: Any) -> bool:
    return isinstance(graphql_type, GraphQLObjectType) and graphql_type.is_type_of is None


# graphql-core's own scalars answer values of these types unchanged (Int: within 32 bits).
_AS_IS = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool, GraphQLInt: int}
_INT_RANGE = range(-(2**31), 2**31)


def _leaf_plan(attribute: str, leaf_type: GraphQLLeafType, nullable: bool) -> LeafPlan:
    enum = getattr(leaf_type, "wrapped_cls", None)  # Strawberry's enum types
    if not isinstance(leaf_type, GraphQLEnumType) or enum is None:
        return LeafPlan(attribute, leaf_type, nullable, as_is=_AS_IS.get(leaf_type))
    names: dict[Any, str] = {}
    for name, value in leaf_type.values.items():
        names.setdefault(value.value, name)  # the first, as Strawberry's coercion finds it
    return LeafPlan(attribute, leaf_type, nullable, enum, names)


_GENERAL = object()  # the short way could not take it: the general path will
_TYPENAME = "__typename"


class _Irregular(Exception):
    """A value in a plain selection that only the general path can answer or report."""


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
        self.shapes: dict[int, tuple[Any, Any]] = {}  # see FastExecutor._shapes

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


class Shape:
    """A plain selection, ready to answer: its entries, (response name, plan, the item or
    object shape below it; for `__typename`, (response name, None, the type's name)), and
    `answer(source)`, a function written for them (see `_compile`).

    The functions are kept by the shape's structure (LIMIT of them, least recently used
    dropped): an operation with directives gets its shapes anew on each request, not its
    functions. A kept function holds the plans it uses, so their ids (in the key) stay theirs.
    """

    __slots__ = ("entries", "key", "answer")
    LIMIT = 1024
    _answers: OrderedDict[tuple[Any, ...], Callable[[Any], dict[str, Any]]] = OrderedDict()

    def __init__(self, entries: list[tuple[str, Any, Any]]) -> None:
        self.entries = entries
        self.key = tuple(
            (name, None, below) if plan is None else (name, id(plan), below.key if below is not None else None)
            for name, plan, below in entries
        )
        answers = self._answers
        answer = answers.get(self.key)
        if answer is None:
            answer = answers[self.key] = _compile(entries)
            if len(answers) > self.LIMIT:
                answers.popitem(last=False)
        else:
            answers.move_to_end(self.key)
        self.answer: Callable[[Any], dict[str, Any]] = answer


class FastExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.async_helpers = _helpers(self)
        owner = (self.schema.extensions or {}).get(DEFINITION)
        middleware = self.middleware_manager
        # A resolver middleware must see every field: then there is no short way.
        wrapped = middleware is not None and bool(middleware.middlewares)
        self.plans: dict[tuple[str, str], Plan] = {} if wrapped else getattr(owner, "field_plans", {})
        self.selections = Selections.of(self.operation, self.fragments)
        # id(grouped field set, or field list) → it (held, so that its id is not reused) and
        # its shape, None when not all of it is plain; kept with the operation when it can be.
        self._shapes: dict[Any, tuple[Any, Shape | None]] = {} if self.selections is None else self.selections.shapes

    def collect_subfields(self, return_type: GraphQLObjectType, field_details_list: Any) -> CollectedFields:
        selections = self.selections
        if selections is None:
            return super().collect_subfields(return_type, field_details_list)
        # First this request's own memo (by the field list, as graphql-core's: one look-up
        # for each item of a list), then the operation's (by the fields' nodes).
        memo = self._relevant_sub_fields.get((return_type, id(field_details_list)))
        if memo is not None:
            return memo[1]
        key = (return_type, *[id(details.node) for details in field_details_list])
        collected = selections.collected.get(key)
        if collected is None:
            collected = selections.collected[key] = super().collect_subfields(return_type, field_details_list)
        else:
            self._relevant_sub_fields[(return_type, id(field_details_list))] = (field_details_list, collected)
        return collected

    # --- which selections are plain -----------------------------------------------------

    def _shape(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> Shape | None:
        known = self._shapes.get(id(grouped_field_set))
        if known is None:
            known = self._shapes[id(grouped_field_set)] = (grouped_field_set, self._new_shape(parent_type, grouped_field_set))
        return known[1]

    def _new_shape(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> Shape | None:
        entries: list[tuple[str, Any, Any]] = []
        for response_name, field_details_list in grouped_field_set.items():
            name = field_details_list[0].node.name.value
            if name == _TYPENAME:
                entries.append((response_name, None, parent_type.name))
                continue
            plan = self.plans.get((parent_type.name, name))
            if plan is None:
                return None
            below = None
            object_type = plan.type if type(plan) is ObjectPlan else getattr(plan, "item", None)
            if isinstance(object_type, GraphQLObjectType):
                below = self._object_shape(object_type, field_details_list)
                if below is None:
                    return None
            entries.append((response_name, plan, below))
        return Shape(entries)

    def _field_shape(self, plan: ObjectPlan | ListPlan, below: Shape | None, field_details_list: Any) -> Shape:
        """The shape answering one plain field on its own (as `value`)."""
        key = ("field", id(field_details_list), id(plan))
        known = self._shapes.get(key)
        if known is None:
            known = self._shapes[key] = (field_details_list, Shape([("value", plan, below)]))
        return known[1]

    def _object_shape(self, object_type: GraphQLObjectType, field_details_list: Any) -> Shape | None:
        collected = self.collect_subfields(object_type, field_details_list)
        if collected.new_defer_usages:
            return None
        return self._shape(object_type, collected.grouped_field_set)

    # --- executing ----------------------------------------------------------------------

    def execute_fields(  # type: ignore[override]
        self, parent_type: GraphQLObjectType, source_value: Any, path: Any, grouped_field_set: Any, position_context: Any
    ) -> Any:
        shape = self._shape(parent_type, grouped_field_set)
        if shape is not None:
            try:
                return shape.answer(source_value)
            except Exception:  # noqa: BLE001 - _Irregular or a failed read: field by field
                pass
        return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)

    def execute_field(  # type: ignore[override]
        self, parent_type: GraphQLObjectType, source: Any, field_details_list: Any, path: Any, position_context: Any
    ) -> Any:
        plan = self.plans.get((parent_type.name, field_details_list[0].node.name.value))
        if plan is not None:
            kind = type(plan)
            if kind is LeafPlan:
                value = _leaf(source, plan)
                if value is not _GENERAL:
                    return value
            else:
                object_type = plan.type if kind is ObjectPlan else plan.item
                below = None
                if isinstance(object_type, GraphQLObjectType):
                    below = self._object_shape(object_type, field_details_list)
                if below is not None or not isinstance(object_type, GraphQLObjectType):  # plain all the way
                    try:
                        return self._field_shape(plan, below, field_details_list).answer(source)["value"]
                    except Exception:  # noqa: BLE001 - the general path answers or reports it
                        pass
                elif kind is ObjectPlan:
                    value = self._object(plan, source, field_details_list, path, position_context)
                    if value is not _GENERAL:
                        return value
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def _object(self, plan: ObjectPlan, source: Any, field_details_list: Any, path: Any, position_context: Any) -> Any:
        """An object with fields below it that are not plain: read, then completed by
        graphql-core as after a resolver."""
        value = _read(source, plan)
        if value is None or value is _GENERAL:
            return value
        if isinstance(value, Exception) or self.is_awaitable(value):
            return _GENERAL
        # As graphql-core's execute_field after its resolver: an error completing the object
        # nulls this field (or, non-null, goes up to the parent).
        try:
            completed = self.collect_and_execute_subfields(plan.type, field_details_list, path, value, position_context)
        except Exception as raw_error:  # noqa: BLE001 - handled as graphql-core does
            self.handle_field_error(raw_error, plan.field_type, field_details_list, path)
            return None
        if self.is_awaitable(completed):
            return self._awaited(completed, plan, field_details_list, path)
        return completed

    async def _awaited(self, completed: Awaitable[Any], plan: ObjectPlan, field_details_list: Any, path: Any) -> Any:
        try:
            return await completed
        except Exception as raw_error:  # noqa: BLE001 - handled as graphql-core does
            self.handle_field_error(raw_error, plan.field_type, field_details_list, path)
            return None


def _compile(entries: list[tuple[str, Any, Any]]) -> Callable[[Any], dict[str, Any]]:
    """A function answering a plain selection on `source`, written out for its entries (one
    straight run of reads and checks: a loop over the entries cost three times the steps).
    It raises when only the general path can give the answer (_Irregular, or the exception
    a read raised). Only attribute names from the schema's own types are written into the
    code; response names (which clients choose) only as string literals."""
    scope: dict[str, Any] = {
        "_Irregular": _Irregular, "_GENERAL": _GENERAL, "_Undefined": Undefined, "_coerce": _coerce, "_items": _items,
        "_INT_RANGE": _INT_RANGE,
    }
    lines: list[str] = []
    answer: list[str] = []
    for n, (response_name, plan, below) in enumerate(entries):
        test: str | None
        value = f"v{n}"
        answer.append(f"{response_name!r}: {value}")
        if plan is None:  # __typename
            scope[f"c{n}"] = below
            lines.append(f"{value} = c{n}")
            continue
        scope[f"p{n}"] = plan
        lines.append(f"{value} = source.{plan.attribute}")  # an identifier: see field_plans
        lines += [f"if {value} is None:", "    pass" if plan.nullable else "    raise _Irregular"]
        if type(plan) is LeafPlan:
            if plan.as_is is int:
                test = f"type({value}) is not int or {value} not in _INT_RANGE"
            elif plan.as_is is not None:
                scope[f"t{n}"] = plan.as_is
                test = f"type({value}) is not t{n}"
            elif plan.names is not None:  # an enum: its member's name, from the table
                scope[f"e{n}"], scope[f"n{n}"] = plan.enum, plan.names
                lines += [
                    f"elif type({value}) is e{n}:", f"    {value} = n{n}.get({value}.value, _GENERAL)",
                    f"    if {value} is _GENERAL:", "        raise _Irregular",
                ]
                test = None  # any other value: _coerce's general checks
            else:  # another scalar: its own serializer, straight (as _coerce, without the call)
                scope[f"s{n}"] = plan.type.coerce_output_value
                lines += [
                    f"elif isinstance({value}, Exception):", "    raise _Irregular",
                    "else:", f"    {value} = s{n}({value})", f"    if {value} is None or {value} is _Undefined:", "        raise _Irregular",
                ]
                continue
            lines += [
                f"elif {test}:" if test is not None else "else:",
                f"    {value} = _coerce({value}, p{n})", f"    if {value} is _GENERAL:", "        raise _Irregular",
            ]
        elif type(plan) is ObjectPlan:
            scope[f"b{n}"] = below.answer
            lines += ["else:", f"    {value} = b{n}({value})"]
        else:
            scope[f"b{n}"] = below
            lines += ["else:", f"    {value} = _items(p{n}, b{n}, {value})"]
    source = "def answer(source):\n" + "".join(f"    {line}\n" for line in lines)
    source += "    return {" + ", ".join(answer) + "}\n"
    exec(source, scope)  # noqa: S102 - code written above from the schema's own names
    return scope["answer"]


def _items(plan: ListPlan, below: Shape | None, values: Any) -> list[Any]:
    if not isinstance(values, (list, tuple)):
        raise _Irregular  # other iterables: as graphql-core takes (or refuses) them
    items = []
    for value in values:
        if value is None:
            if not plan.items_nullable:
                raise _Irregular
            items.append(None)
        elif below is None:
            item = _coerce(value, plan.item)
            if item is _GENERAL:
                raise _Irregular
            items.append(item)
        else:
            items.append(below.answer(value))
    return items


def _read(source: Any, plan: LeafPlan | ObjectPlan) -> Any:
    """The field's value (None when null is its answer), or _GENERAL when only the general
    path can give (or report) it."""
    try:
        value = getattr(source, plan.attribute)
    except Exception:  # noqa: BLE001 - the general path reports it, located
        return _GENERAL
    if value is None and not plan.nullable:
        return _GENERAL
    return value


def _leaf(source: Any, plan: LeafPlan) -> Any:
    """The leaf's answer, or _GENERAL when only the general path can give (or report) it."""
    value = _read(source, plan)
    if value is None or value is _GENERAL:
        return value
    return _coerce(value, plan)


def _coerce(value: Any, plan: LeafPlan) -> Any:
    """A value (not None) as the leaf's type answers it, or _GENERAL."""
    if type(value) is plan.as_is and (plan.as_is is not int or value in _INT_RANGE):
        return value
    if plan.names is not None and type(value) is plan.enum:
        return plan.names.get(value.value, _GENERAL)
    if isinstance(value, Exception):
        return _GENERAL
    try:
        coerced = plan.type.coerce_output_value(value)
    except Exception:  # noqa: BLE001 - the general path reports it, located
        return _GENERAL
    return _GENERAL if coerced is None or coerced is Undefined else coerced
