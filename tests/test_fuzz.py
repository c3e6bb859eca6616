"""The whole GraphQL schema, fuzzed: generated queries and mutations for every root field,
sent to the real app as an anonymous caller, a member, a cashier and an admin.

hypothesis-graphql builds valid operations from the schema with random arguments; the
scalars it cannot make up (IDs, strings, decimals, times) mix real values of a small world
made first (a store, staff, a member with points, a reward, a voucher...) with hostile
ones. Whatever comes in, the API must answer without a 5xx, without an unexpected error
(ErrorPolicy logs those), with a code on every error, and with a code on every error type
in a mutation's payload; afterwards every balance still equals the sum of its entries.

Each root field gets its own Hypothesis run of `max_examples` operations (the profiles are
in tests/conftest.py; under CI=true they are derandomized, so a run is reproducible). Run
longer with `pytest tests/test_fuzz.py --hypothesis-profile=fuzz`.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import graphql
import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis_graphql import Mode, mutations, nodes, queries

from tests.conftest import Api, new_key
from wallet.credit.service import check_credit
from wallet.errors import ErrorCode
from wallet.graphql.schema import export_schema
from wallet.ledger.service import check_ledger

SCHEMA = graphql.build_schema(export_schema())
ROLES = ["anonymous", "member", "cashier", "admin"]
CODES = {code.value for code in ErrorCode}
ERROR_TYPES = {
    name for name, type_ in SCHEMA.type_map.items()
    if isinstance(type_, graphql.GraphQLObjectType) and any(i.name == "Error" for i in type_.interfaces)
}
ERROR_CODE_FRAGMENT = graphql.parse("{ ... on Error { code message } }").definitions[0].selection_set.selections[0]
TYPENAME = graphql.FieldNode(name=graphql.NameNode(value="__typename"))


def root_fields(type_: graphql.GraphQLObjectType | None) -> list[str]:
    return sorted(type_.fields) if type_ is not None else []


# --- the world the fuzzer acts in ---------------------------------------------------------


@dataclass
class World:
    tokens: dict[str, str | None]
    ids: list[str]
    strings: list[str]
    # what each operation reached: root field -> how many operations it was executed in
    executed: dict[str, int] = field(default_factory=dict)


SETUP = """mutation($tier: CreateTierInput!, $plan: CreateMembershipPlanInput!,
                   $promotion: CreateCashbackPromotionInput!, $reward: CreateRewardInput!,
                   $points: AdjustPointsInput!, $rule: CreateEarningRuleInput!) {
  createTier(input: $tier) { ... on CreateTierSuccess { tier { id } } }
  createMembershipPlan(input: $plan) { ... on MembershipPlanSuccess { plan { id } } }
  createCashbackPromotion(input: $promotion) { ... on CashbackPromotionSuccess { promotion { id } } }
  createReward(input: $reward) { ... on CreateRewardSuccess { reward { id } } }
  adjustPoints(input: $points) { ... on AdjustPointsSuccess { entryId } }
  createEarningRule(input: $rule) { ... on EarningRuleSuccess { rule { id } } }
}"""


async def make_world(api: Api) -> World:
    """A store, an admin, a cashier at the store, two members (one with points, a purchase,
    a voucher and a scan code), a tier, a plan, a promotion, a reward and an earning rule."""
    store_id = await api.store("Main Street")
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    member, other = await api.sign_up("Ada"), await api.sign_up("Bob")
    made = await api.ok(
        SETUP,
        {
            "tier": {"name": "Gold", "rank": 1, "threshold": "100", "earnMultiplier": "1.5", "perks": ["Lounge"]},
            "plan": {"name": "Plus", "price": "9.99", "currency": "USD", "interval": "MONTH"},
            "promotion": {
                "name": "Spring", "extraPercent": "5",
                "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2036-01-01T00:00:00Z",
            },
            "reward": {"name": "Coffee", "kind": "PRODUCT", "costPoints": 100, "stock": 50},
            "points": {"memberId": member.id, "amount": 5000, "reason": "Welcome", "idempotencyKey": new_key()},
            "rule": {"name": "Coffee bonus", "kind": "PURCHASE", "points": 10, "category": "coffee"},
        },
        admin.token,
    )
    reward_id = made["createReward"]["reward"]["id"]
    purchase = await api.ok(
        """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
            ... on RecordPurchaseSuccess { purchaseId } } }""",
        {"input": {"cardNumber": member.card_number, "amount": "120.00", "currency": "USD",
                   "reference": "R-1", "storeId": store_id, "idempotencyKey": new_key()}},
        cashier.token,
    )
    voucher = await api.ok(
        """mutation($input: RedeemRewardInput!) { redeemReward(input: $input) {
            ... on RedeemRewardSuccess { voucher { id code } } } }""",
        {"input": {"rewardId": reward_id, "idempotencyKey": new_key()}},
        member.token,
    )
    scan = await api.ok("{ me { scanCode { payload } } }", token=member.token)
    ids = [
        store_id, admin.id, cashier.id, member.id, other.id, reward_id,
        made["createTier"]["tier"]["id"],
        made["createMembershipPlan"]["plan"]["id"],
        made["createCashbackPromotion"]["promotion"]["id"],
        made["createEarningRule"]["rule"]["id"],
        purchase["recordPurchase"]["purchaseId"],
        voucher["redeemReward"]["voucher"]["id"],
    ]
    strings = [
        member.card_number, other.card_number, member.email, admin.email, cashier.email,
        "correct horse battery", "staff password 1", "R-1", "USD", "EUR", "Europe/Paris",
        "https://example.com/coffee.png", "staff.", "purchase.record", "coffee", "birthday", "12:00",
        voucher["redeemReward"]["voucher"]["code"], scan["me"]["scanCode"]["payload"],
    ]
    tokens = {"anonymous": None, "member": member.token, "cashier": cashier.token, "admin": admin.token}
    return World(tokens=tokens, ids=ids, strings=strings)


# --- what the fuzzer sends ----------------------------------------------------------------

HOSTILE_STRINGS = [
    "", " ", "\x00", "a\x00b", "\u202e", "\ufeff", "😀" * 50, "x" * 256, "x" * 3000, "'; DROP TABLE member; --",
    "%", "_", "\\", '"', "<script>alert(1)</script>", "../../etc/passwd", "null", "NaN", "-1", "0",
    "00000000-0000-0000-0000-000000000000", "not-a-uuid", "9" * 40, "\ud7ff", "\n\r\t",
]
DECIMAL_STRINGS = [
    "0", "-0", "0.00", "0.001", "1", "-1", "0.1", "1.005", "99999999999999999999.99", "1e3", "1E+2",
    "1e9999", "-1e-9999", "NaN", "sNaN", "-NaN", "Infinity", "-Infinity", " 5 ", "5,00", "0x10", "",
]
DATETIME_STRINGS = [  # UTC cannot hold the first two
    "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2026-03-15T12:00:00", "3000-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z", "yesterday",
]


def strategies(world: World) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    """Value nodes for the scalars, known values mixed with hostile ones."""
    text = st.text(st.characters(codec="utf-8"), max_size=40)
    strings = st.one_of(st.sampled_from(world.strings + world.ids), st.sampled_from(HOSTILE_STRINGS), text)
    ids = st.one_of(st.sampled_from(world.ids), st.uuids().map(str), st.sampled_from(HOSTILE_STRINGS), text)
    decimals = st.one_of(
        st.sampled_from(DECIMAL_STRINGS),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.decimals(min_value=-1000, max_value=1000, places=2).map(str),
    )
    datetimes = st.one_of(
        st.sampled_from(DATETIME_STRINGS),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    )
    return {
        "String": strings.map(nodes.String),
        "ID": ids.map(nodes.String),
        "Decimal": st.one_of(
            decimals.map(nodes.String),
            st.integers().map(nodes.Int),
            st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        ),
        "DateTime": datetimes.map(nodes.String),
        "JSON": text.map(nodes.String),
    }


def with_error_codes(document: graphql.DocumentNode) -> str:
    """The operation, each root field of a union type also asking `__typename` and, for an
    error, its `code`: so every error in a payload can be checked."""
    [operation] = document.definitions
    root = SCHEMA.mutation_type if operation.operation is graphql.OperationType.MUTATION else SCHEMA.query_type
    selections = []
    for selection in operation.selection_set.selections:
        returns = graphql.get_named_type(root.fields[selection.name.value].type)
        if isinstance(returns, graphql.GraphQLUnionType):
            selection = graphql.FieldNode(
                alias=selection.alias,
                name=selection.name,
                arguments=selection.arguments,
                directives=selection.directives,
                selection_set=graphql.SelectionSetNode(
                    selections=(*selection.selection_set.selections, TYPENAME, ERROR_CODE_FRAGMENT)
                ),
            )
        selections.append(selection)
    rewritten = graphql.OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=operation.variable_definitions,
        directives=operation.directives,
        selection_set=graphql.SelectionSetNode(selections=tuple(selections)),
    )
    return graphql.print_ast(graphql.DocumentNode(definitions=(rewritten,)))


def operations(kind: str, root_field: str, world: World, mode: Mode = Mode.POSITIVE) -> st.SearchStrategy[str]:
    make = queries if kind == "query" else mutations
    return make(SCHEMA, fields=[root_field], custom_scalars=strategies(world), print_ast=with_error_codes, mode=mode)


# --- what every answer must be ------------------------------------------------------------


def logged(records: list[logging.LogRecord]) -> list[str]:
    """What was logged, with the exception that caused it."""
    return [f"{r.getMessage()}: {r.exc_info[1]!r}" if r.exc_info else r.getMessage() for r in records]


def check_answer(
    root_field: str, status: int, body: Any, wallet_errors: list[logging.LogRecord], world: World
) -> None:
    assert status < 500, (status, body)
    assert wallet_errors == [], logged(wallet_errors)
    assert isinstance(body, dict), body
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code in CODES, error
        assert code != "INTERNAL_ERROR", error
    if body.get("data") is not None or any(e.get("path") for e in body.get("errors") or []):
        # past validation: the operation was executed (a resolver's error has a path)
        world.executed[root_field] = world.executed.get(root_field, 0) + 1
    for name, value in (body.get("data") or {}).items():
        if isinstance(value, dict) and value.get("__typename") in ERROR_TYPES:
            assert value.get("code") in CODES, (name, value)
            assert value["code"] != "INTERNAL_ERROR", (name, value)


class WalletErrors(logging.Handler):
    """Collects what the `wallet` loggers say at ERROR: ErrorPolicy logs every unexpected error."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


@pytest.fixture
def wallet_errors() -> WalletErrors:
    handler = WalletErrors()
    logger = logging.getLogger("wallet")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def check_refusal(status: int, body: Any, wallet_errors: list[logging.LogRecord]) -> None:
    """An operation that breaks the schema is refused whole by validation, with a code."""
    assert wallet_errors == [], logged(wallet_errors)
    assert status == 200, (status, body)
    assert body["data"] is None, body
    assert body["errors"], body
    assert {e["extensions"]["code"] for e in body["errors"]} == {"INVALID_INPUT"}, body
    assert all("path" not in e for e in body["errors"]), body  # no resolver ran


def fuzz_field(
    kind: str,
    root_field: str,
    world: World,
    send: Callable[[str], tuple[int, Any]],
    errors: WalletErrors,
    mode: Mode = Mode.POSITIVE,
) -> None:
    """One Hypothesis run over operations on `root_field`."""

    @given(operation=operations(kind, root_field, world, mode))
    def run(operation: str) -> None:
        hypothesis.note(f"operation: {operation}")
        status, body = send(operation)
        hypothesis.note(f"answer: {status} {body}")
        if mode is Mode.POSITIVE:
            check_answer(root_field, status, body, errors.take(), world)
        else:
            check_refusal(status, body, errors.take())

    run()


async def fuzz_every_field(
    api: Api, world: World, role: str, kind: str, errors: WalletErrors, mode: Mode = Mode.POSITIVE
) -> list[str]:
    """Fuzz each root field of `kind` as `role`; the failures, one per field that failed.

    Hypothesis runs in a thread; the requests run here, on the test's event loop, where
    the database connections live."""
    token = world.tokens[role]
    loop = asyncio.get_running_loop()

    async def post(operation: str) -> tuple[int, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        response = await api.http.post("/graphql", json={"query": operation}, headers=headers)
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, response.text

    def send(operation: str) -> tuple[int, Any]:
        return asyncio.run_coroutine_threadsafe(post(operation), loop).result(timeout=60)

    def fuzz() -> list[str]:
        failures = []
        for root_field in root_fields(SCHEMA.query_type if kind == "query" else SCHEMA.mutation_type):
            try:
                fuzz_field(kind, root_field, world, send, errors, mode)
            except InvalidArgument as exc:
                if mode is Mode.NEGATIVE and "no required arguments or built-in scalar" in str(exc):
                    continue  # nothing in this field's arguments to get wrong
                raise
            except Exception as exc:  # noqa: BLE001 - every field is fuzzed; failures are reported together
                notes = "\n".join(getattr(exc, "__notes__", []))
                failures.append(f"{kind} {root_field} as {role}: {type(exc).__name__}: {exc}\n{notes}"[:3000])
        return failures

    return await asyncio.to_thread(fuzz)


# --- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["query", "mutation"])
@pytest.mark.parametrize("role", ROLES)
async def test_generated_operations_never_break_the_api(api, role, kind, wallet_errors):
    # given a small world, and the role's token
    world = await make_world(api)
    # when generated operations on every root field are sent
    failures = await fuzz_every_field(api, world, role, kind, wallet_errors)

    # then every answer was well-formed, and every root field was executed at least once
    assert failures == [], "\n\n".join(failures)
    fields = root_fields(SCHEMA.query_type if kind == "query" else SCHEMA.mutation_type)
    assert sorted(world.executed) == fields, sorted(set(fields) - set(world.executed))
    # and every balance still equals the sum of its entries (the `database` fixture checks
    # the points ledger again at teardown)
    assert await check_ledger() == []
    assert await check_credit() == []


@pytest.mark.parametrize("kind", ["query", "mutation"])
async def test_operations_that_break_the_schema_are_refused_before_any_resolver(api, kind, wallet_errors):
    # given a small world, and an admin (who may call everything)
    world = await make_world(api)
    # when operations with one schema violation each (a wrong type, a missing argument, an
    # unknown enum value...) are sent, on every root field
    failures = await fuzz_every_field(api, world, "admin", kind, wallet_errors, Mode.NEGATIVE)
    # then each is refused whole by validation, with INVALID_INPUT
    assert failures == [], "\n\n".join(failures)
