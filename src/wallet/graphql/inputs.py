"""Input objects built from their GraphQL values without re-resolving their fields' types.

Strawberry converts an input value field by field, and for each field of each request it
resolves the field's type annotation and camel-cases its name again: about 5 % of a sale's
Python work for `RecordPurchaseInput`. Here each input type gets, through Strawberry's
`from_input` hook, a plan worked out once: which GraphQL name fills which attribute, and
whether the value is taken as it is (scalars and enums, which graphql-core has already
parsed, as Strawberry takes them), copied (lists of those, as Strawberry copies them) or
handed back to Strawberry's own conversion (nested inputs, anything else).

Types with a `Maybe` field keep Strawberry's conversion: Strawberry validates their nulls
only for types without the hook.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING
from typing import Any

from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.schema.config import StrawberryConfig
from strawberry.types.arguments import InputContext
from strawberry.types.base import StrawberryList, StrawberryMaybe, StrawberryObjectDefinition, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition

AS_IS, COPY, CONVERT = "as is", "copy", "convert"

# (GraphQL name, attribute, how, the field's type for CONVERT)
Plan = list[tuple[str, str, str, Any]]


def install(definitions: Iterable[StrawberryObjectDefinition]) -> None:
    """Give each input type without a hook of its own, and without `Maybe` fields, ours."""
    for definition in definitions:
        if not definition.is_input or definition.from_input is not None:
            continue
        if any(isinstance(_field_type(definition, field), StrawberryMaybe) for field in definition.fields):
            continue
        definition.from_input = _Builder(definition)


def _field_type(definition: StrawberryObjectDefinition, field: Any) -> Any:
    return field.resolve_type(type_definition=definition)


class _Builder:
    """`from_input` of one input type: its plan per schema configuration."""

    def __init__(self, definition: StrawberryObjectDefinition) -> None:
        self.definition = definition
        # Fields with no default are None unless given, as Strawberry's own conversion does.
        self.unset = {
            field.python_name: None
            for field in definition.fields
            if field.default_value is MISSING and field.default_factory is MISSING
        }
        self.plans: dict[int, tuple[StrawberryConfig, Any, Plan]] = {}

    def __call__(self, cls: type, value: Mapping[str, Any], context: InputContext) -> Any:
        plan = self._plan(context)
        kwargs = dict(self.unset)
        for graphql_name, attribute, how, field_type in plan:
            if graphql_name in value:
                given = value[graphql_name]
                if how is AS_IS or given is None:
                    kwargs[attribute] = given
                elif how is COPY:
                    # graphql-core hands every request the same default list: never share it.
                    kwargs[attribute] = list(given)
                else:
                    kwargs[attribute] = context.convert(given, field_type, graphql_name)
        return cls(**kwargs)

    def _plan(self, context: InputContext) -> Plan:
        known = self.plans.get(id(context.config))
        if known is None or known[1] is not context.scalar_registry:
            known = self.plans[id(context.config)] = (context.config, context.scalar_registry, self._new_plan(context))
        return known[2]

    def _new_plan(self, context: InputContext) -> Plan:
        plan: Plan = []
        for field in self.definition.fields:
            field_type = _field_type(self.definition, field)
            inner = field_type.of_type if isinstance(field_type, StrawberryOptional) else field_type
            if _leaf(inner, context):
                how = AS_IS
            elif isinstance(inner, StrawberryList) and _leaf(_optional_inside(inner.of_type), context):
                how = COPY
            else:
                how = CONVERT
            plan.append((context.config.name_converter.from_field(field), field.python_name, how, field_type))
        return plan


def _optional_inside(field_type: Any) -> Any:
    return field_type.of_type if isinstance(field_type, StrawberryOptional) else field_type


def _leaf(field_type: Any, context: InputContext) -> bool:
    """Whether Strawberry takes a value of this type as graphql-core parsed it."""
    if field_type is GlobalID:  # Strawberry parses these itself
        return False
    return (
        is_scalar(field_type, context.scalar_registry)
        or isinstance(field_type, StrawberryEnumDefinition)
        or has_enum_definition(field_type)
    )
