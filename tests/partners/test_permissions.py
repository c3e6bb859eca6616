"""A partner's API key does only what its scopes allow: every operation of members, cashiers
and admins refuses it, and partner administration refuses members and cashiers."""
from __future__ import annotations

import uuid

import pytest
from graphql import (
    GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLScalarType,
    get_named_type, is_leaf_type,
)
from graphql.pyutils import Undefined

from tests.partners.conftest import STATEMENT, make_partner
from wallet.audit.models import AuditRecord
from wallet.graphql.schema import build_schema
from wallet.partners.models import ApiKey, Partner

SCHEMA = build_schema()._schema
# What a partner's key may do (with the scope): everything else is refused.
KEY_OPERATIONS = {"recordPurchase", "recordEvent", "partnerStatement"}
_SCALARS = {
    "String": '"x"', "ID": f'"{uuid.UUID(int=1)}"', "Int": "1", "Boolean": "false",
    "Decimal": '"1.00"', "DateTime": '"2026-01-01T00:00:00Z"', "Date": '"2026-01-01"',
}


def _literal(type_) -> str:
    """A well-formed value of a GraphQL input type, with its required fields only."""
    if isinstance(type_, GraphQLNonNull):
        return _literal(type_.of_type)
    if isinstance(type_, GraphQLList):
        return "[]"
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLScalarType):
        return _SCALARS.get(type_.name, '"x"')
    assert isinstance(type_, GraphQLInputObjectType)
    fields = [f"{name}: {_literal(f.type)}" for name, f in type_.fields.items() if _required(f)]
    return "{" + ", ".join(fields) + "}"


def _required(field) -> bool:
    return isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined


def _document(operation: str, name: str) -> str:
    field = SCHEMA.type_map[operation].fields[name]
    args = [f"{arg}: {_literal(a.type)}" for arg, a in field.args.items() if _required(a)]
    call = f"{name}({', '.join(args)})" if args else name
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    return f"{operation.lower()} {{ {call}{selection} }}"


GATED = [
    (operation, name)
    for operation in ("Query", "Mutation")
    for name in SCHEMA.type_map[operation].fields
    if name not in KEY_OPERATIONS
]


@pytest.mark.parametrize(("operation", "name"), GATED, ids=[name for _, name in GATED])
async def test_a_partner_key_is_refused_wherever_a_member_or_staff_token_is_needed(api, coalition, operation, name):
    document = _document(operation, name)
    anonymous = await api.raw(document)
    codes = [e.get("extensions", {}).get("code") for e in anonymous.get("errors", [])]
    if "UNAUTHENTICATED" not in codes:
        pytest.skip("open to anonymous callers")
    audit_before = await AuditRecord.all().count()
    # when a key holding every scope calls it
    body = await api.raw(document, token=coalition.key)
    # then it is refused, and nothing is written
    assert [e["extensions"]["code"] for e in body.get("errors", [])] == ["FORBIDDEN"], body
    assert await AuditRecord.all().count() == audit_before


async def test_a_key_reads_its_own_partners_statement_only(api, coalition):
    other = await make_partner(api, coalition.admin, name="Other Co")
    window = {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}
    own = await api.ok(STATEMENT, {"partner": coalition.partner_id, **window}, coalition.key)
    assert own["partnerStatement"]["partner"] == {"name": "Fuel & Go"}
    assert await api.error_code(STATEMENT, {"partner": other, **window}, coalition.key) == "FORBIDDEN"


@pytest.mark.parametrize("role", ["cashier", "member"])
async def test_partner_administration_is_for_admins(api, coalition, role):
    caller = await api.staff("cashier") if role == "cashier" else await api.sign_up()
    window = {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}
    assert await api.error_code(STATEMENT, {"partner": coalition.partner_id, **window}, caller.token) == "FORBIDDEN"
    for document in (
        _document("Query", "partners"), _document("Query", "apiKeys"), _document("Mutation", "createPartner"),
        _document("Mutation", "updatePartner"), _document("Mutation", "setStorePartner"),
        _document("Mutation", "createApiKey"), _document("Mutation", "revokeApiKey"),
    ):
        assert await api.error_code(document, token=caller.token) == "FORBIDDEN", document
    assert (await Partner.all().count(), await ApiKey.all().count()) == (1, 1)
