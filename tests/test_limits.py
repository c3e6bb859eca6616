"""Request guards, the HTTP surface of /graphql and /health, and error masking."""
from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import httpx
import pytest

import wallet.program.schema as program_schema
from wallet.app import create_app
from wallet.audit.models import AuditRecord
from wallet.config import Settings
from wallet.graphql.context import Context
from wallet.staff.models import Staff, StaffStore, Store
from wallet.tiers.models import Tier

PROGRAM = "{ program { name currency } }"


@asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app built from `settings` (the database is the test's, already open)."""
    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://wallet.test"
    ) as http:
        yield http


@pytest.fixture
def resolver_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each run of the `program` and `me` resolvers (they still do their work)."""
    calls: list[str] = []
    get_program, member = program_schema.get_program, Context.member

    async def counted_get_program():
        calls.append("program")
        return await get_program()

    async def counted_member(self):
        calls.append("me")
        return await member(self)

    monkeypatch.setattr(program_schema, "get_program", counted_get_program)
    monkeypatch.setattr(Context, "member", counted_member)
    return calls


def codes(body: dict) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def messages(body: dict) -> list[str]:
    return [error["message"] for error in body.get("errors", [])]


# --- query depth ------------------------------------------------------------------------


async def test_a_query_deeper_than_the_default_limit_is_refused(api, resolver_calls):
    # given the default limit of 10 (no real path in the schema is that deep)
    limit = api.settings.limits.max_query_depth
    assert limit == 10
    member = await api.sign_up()
    deep = "me { activity { edges { node { " + "x { " * (limit - 3) + "y" + " }" * (limit - 3) + " } } } }"
    # when a query nests one level more than that
    body = await api.raw("{ " + deep + " }", token=member.token)
    # then the depth guard refuses it, and nothing ran
    assert body["data"] is None
    assert f"'anonymous' exceeds maximum operation depth of {limit}" in messages(body)
    assert set(codes(body)) == {"INVALID_INPUT"}
    assert resolver_calls == []


async def test_a_valid_query_deeper_than_the_configured_limit_is_refused_before_resolvers(
    api, resolver_calls
):
    # given an app configured with a depth limit of 3
    settings = replace(api.settings, limits=replace(api.settings.limits, max_query_depth=3))
    member = await api.sign_up()
    at_limit = "query AtLimit { me { activity { edges { cursor } } } }"
    too_deep = "query TooDeep { me { activity { edges { node { id } } } } }"
    async with app_client(settings) as http:
        # when a valid query one level too deep is sent
        refused = (
            await http.post("/graphql", json={"query": too_deep}, headers={"authorization": f"Bearer {member.token}"})
        ).json()
        # then it is refused with the depth error and no resolver ran
        assert refused == {
            "data": None,
            "errors": [
                {
                    "message": "'TooDeep' exceeds maximum operation depth of 3",
                    "locations": [{"line": 1, "column": too_deep.index("{ id }") + 3}],  # at `id`
                    "extensions": {"code": "INVALID_INPUT"},
                }
            ],
        }
        assert resolver_calls == []
        # and the same query at the limit runs
        allowed = (
            await http.post("/graphql", json={"query": at_limit}, headers={"authorization": f"Bearer {member.token}"})
        ).json()
    assert allowed == {"data": {"me": {"activity": {"edges": []}}}}
    assert resolver_calls == ["me"]


# --- aliases and tokens -----------------------------------------------------------------


def aliased(count: int) -> str:
    return "{ " + " ".join(f"p{i}: program {{ name }}" for i in range(count)) + " }"


async def test_more_aliases_than_the_limit_are_refused_before_resolvers(api, resolver_calls):
    limit = api.settings.limits.max_aliases
    assert limit == 15
    body = await api.raw(aliased(limit + 1))
    assert body == {
        "data": None,
        "errors": [{"message": "16 aliases found. Allowed: 15", "extensions": {"code": "INVALID_INPUT"}}],
    }
    assert resolver_calls == []


async def test_aliases_up_to_the_limit_are_answered(api, resolver_calls):
    data = await api.ok(aliased(api.settings.limits.max_aliases))
    assert len(data) == 15
    assert {value["name"] for value in data.values()} == {"Wallet Rewards"}
    assert len(resolver_calls) == 15


async def test_a_refused_query_sent_again_is_refused_again(api, resolver_calls):
    # Parsed and validated documents are cached: the guards must hold for the second copy
    # of a query as for the first, and a valid query must still run each time.
    too_many = aliased(api.settings.limits.max_aliases + 1)
    first, second = await api.raw(too_many), await api.raw(too_many)
    assert first == second
    assert first["errors"][0]["message"] == "16 aliases found. Allowed: 15"
    assert resolver_calls == []
    for _ in range(3):
        await api.ok(aliased(2))
    assert len(resolver_calls) == 6


async def test_a_query_sent_again_is_validated_once(api, monkeypatch):
    from wallet.graphql import schema

    validated = []
    own = schema.validate_document
    monkeypatch.setattr(schema, "validate_document", lambda *args: validated.append(1) or own(*args))
    query = "{ program { name } }  # validated once"
    for _ in range(3):
        assert await api.ok(query) == {"program": {"name": "Wallet Rewards"}}
    assert validated == [1]


def spread(count: int) -> str:
    """A valid query of 11 + 2 * count tokens: `count` spreads of one fragment."""
    return "{ program { " + "...F " * count + "} } fragment F on Program { name }"


async def test_more_tokens_than_the_limit_are_refused_before_resolvers(api, resolver_calls):
    limit = api.settings.limits.max_tokens
    assert limit == 2000
    body = await api.raw(spread(995))  # 2001 tokens
    assert body["data"] is None
    assert messages(body) == ["Syntax Error: Document contains more than 2000 tokens. Parsing aborted."]
    assert codes(body) == ["INVALID_INPUT"]
    assert resolver_calls == []


async def test_a_query_within_the_token_limit_is_answered(api, resolver_calls):
    data = await api.ok(spread(994))  # 1999 tokens
    assert data == {"program": {"name": "Wallet Rewards"}}
    assert resolver_calls == ["program"]


# --- body size --------------------------------------------------------------------------


def asgi_post_scope(content_length: int) -> dict:
    """A raw ASGI POST to /graphql declaring `content_length`, whatever is then sent."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"wallet.test"),
            (b"content-type", b"application/json"),
            (b"content-length", str(content_length).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("wallet.test", 80),
    }


async def test_a_body_over_64_kib_is_refused_with_413(api, resolver_calls):
    assert api.settings.limits.max_body_bytes == 64 * 1024
    payload = {"query": PROGRAM, "variables": {"pad": "x" * (64 * 1024)}}
    response = await api.http.post("/graphql", json=payload)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "errors": [
            {
                "message": "The request body is larger than 65536 bytes.",
                "extensions": {"code": "INVALID_INPUT"},
            }
        ]
    }
    assert resolver_calls == []


async def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body(api):
    app = create_app(api.settings, manage_database=False)
    scope = asgi_post_scope(content_length=64 * 1024 + 1)
    sent: list[dict] = []
    reads: list[dict] = []

    async def receive() -> dict:
        reads.append({})
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    assert sent[0]["status"] == 413
    assert reads == []


async def test_a_streamed_body_without_a_length_is_cut_off_at_64_kib(api, resolver_calls):
    async def chunks():
        yield b'{"query": "{ program { name } }", "variables": {"pad": "'
        for _ in range(80):
            yield b"x" * 1024
        yield b'"}}'

    response = await api.http.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}
    assert resolver_calls == []


async def test_a_body_longer_than_its_declared_length_is_still_cut_off(api, resolver_calls):
    # given a client that declares a small Content-Length and then sends 80 KiB
    app = create_app(api.settings, manage_database=False)
    scope = asgi_post_scope(content_length=100)
    chunks = [b'{"query": "{ program { name } }", "variables": {"pad": "']
    chunks += [b"x" * 1024] * 80 + [b'"}}']
    incoming = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    incoming[-1]["more_body"] = False
    sent: list[dict] = []

    async def receive() -> dict:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    # when the app reads it
    await app(scope, receive, send)
    # then it answers 413 on what arrived, not on what was declared
    assert sent[0]["type"] == "http.response.start"
    assert sent[0]["status"] == 413
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}
    assert resolver_calls == []


async def test_a_body_just_under_the_limit_is_served(api):
    payload = {"query": PROGRAM, "variables": {"pad": ""}}
    overhead = len(json.dumps(payload).encode())
    payload["variables"]["pad"] = "x" * (64 * 1024 - overhead)
    content = json.dumps(payload).encode()
    assert len(content) == 64 * 1024
    response = await api.http.post(
        "/graphql", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"program": {"name": "Wallet Rewards", "currency": "USD"}}}


# --- hostile request bodies -------------------------------------------------------------


def refusal(message: str, code: str = "INVALID_INPUT") -> dict:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


BATCH_REFUSED = refusal(
    "Batched requests (a JSON array of operations) are not accepted: send one operation per request."
)


async def test_a_batch_of_operations_is_refused_before_any_resolver_runs(api, resolver_calls):
    # given a member, and a batch of two queries in one body
    member = await api.sign_up()
    batch = [{"query": PROGRAM}, {"query": "{ me { name } }"}]
    # when it is posted
    response = await api.http.post("/graphql", json=batch, headers={"authorization": f"Bearer {member.token}"})
    # then it is refused whole, with a clear error, and neither operation ran
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == BATCH_REFUSED
    assert resolver_calls == []


async def test_a_batch_of_mutations_writes_nothing(api):
    admin = await api.staff("admin")
    create = 'mutation { createStore(input: {name: "Batched"}) { __typename } }'
    response = await api.http.post(
        "/graphql", json=[{"query": create}] * 20, headers={"authorization": f"Bearer {admin.token}"}
    )
    assert (response.status_code, response.json()) == (400, BATCH_REFUSED)
    assert await Store.all().count() == 0


@pytest.mark.parametrize("body", [b"42", b'"{ program { name } }"', b"null", b"true"])
async def test_a_json_body_that_is_not_an_object_is_refused(api, resolver_calls, body):
    response = await api.http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == refusal("The request body must be a JSON object with a query.")
    assert resolver_calls == []


async def test_a_body_nested_too_deeply_to_decode_is_refused(api, resolver_calls):
    # 5,000 nested arrays fit in 10 KiB, well under the body limit, and are deeper than
    # Python's JSON decoder goes
    pad = "[" * 5000 + "]" * 5000
    body = ('{"query": "{ program { name } }", "variables": {"pad": ' + pad + "}}").encode()
    response = await api.http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == refusal("The request body is nested too deeply.")
    assert resolver_calls == []


@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b'{"query": "\\xff', "application/json", "Unable to parse request body as JSON"),
        (b'{"query": "{ program { name } }", "x": "\xff"}', "application/json", "Unable to parse request body as JSON"),
        (b"{}", "application/json", "No GraphQL query found in the request"),
        (b'{"query": 1}', "application/json", "The GraphQL operation's `query` must be a string or null, if provided."),
        (b'{"query": "{ program { name } }", "operationName": "Other"}', "application/json", 'Unknown operation named "Other".'),
        (b"{ program { name } }", "application/graphql", "Unsupported content type"),
        (b"query={ program { name } }", "application/x-www-form-urlencoded", "Unsupported content type"),
    ],
)
async def test_a_request_graphql_cannot_take_is_answered_with_a_coded_json_error(
    api, resolver_calls, content, content_type, message
):
    response = await api.http.post("/graphql", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert response.json() == refusal(message)
    assert resolver_calls == []


# --- NUL characters ---------------------------------------------------------------------

NUL_REFUSED = "Text must not contain the NUL character (\\u0000)."
LOG_IN = """mutation($email: String!) { logIn(input: {email: $email, password: "correct horse battery"}) {
  __typename ... on Error { code } } }"""


async def test_a_nul_character_in_a_variable_is_refused_before_resolvers(api, resolver_calls):
    # PostgreSQL cannot hold NUL in text: a log-in looking such an email up failed there
    # with an unexpected error. Every string input is refused with it, before execution.
    query = "query($code: String!) { program { name } voucher(code: $code) { id } }"
    body = await api.raw(query, {"code": "ABCD\x00EFGH"})
    assert body == {"data": None, "errors": [{"message": NUL_REFUSED, "extensions": {"code": "INVALID_INPUT"}}]}
    assert resolver_calls == []


async def test_a_nul_character_deep_in_an_input_variable_is_refused(api):
    admin = await api.staff("admin")
    create = """mutation($input: CreateTierInput!) { createTier(input: $input) { __typename } }"""
    tier = {"name": "Gold", "rank": 1, "threshold": "10", "earnMultiplier": "1", "perks": ["ok", "lounge\x00"]}
    body = await api.raw(create, {"input": tier}, admin.token)
    assert body == {"data": None, "errors": [{"message": NUL_REFUSED, "extensions": {"code": "INVALID_INPUT"}}]}
    assert await Tier.all().count() == 0


async def test_a_log_in_with_a_nul_character_is_refused_as_input(api):
    member = await api.sign_up()
    body = await api.raw(LOG_IN, {"email": member.email + "\x00"})
    assert body == {"data": None, "errors": [{"message": NUL_REFUSED, "extensions": {"code": "INVALID_INPUT"}}]}


async def test_a_nul_character_in_a_string_literal_is_refused_before_resolvers(api, resolver_calls):
    query = '{ program { name } voucher(code: "ABCD\\u0000EFGH") { id } }'
    body = await api.raw(query)
    assert body == {
        "data": None,
        "errors": [
            {
                "message": NUL_REFUSED,
                "locations": [{"line": 1, "column": query.index('"ABCD') + 1}],
                "extensions": {"code": "INVALID_INPUT"},
            }
        ],
    }
    assert resolver_calls == []


async def test_text_without_nul_still_reaches_the_resolvers(api):
    member = await api.sign_up()
    body = await api.raw(LOG_IN, {"email": member.email})
    assert body == {"data": {"logIn": {"__typename": "LogInSuccess"}}}


# --- lists in input, and page sizes -------------------------------------------------------

CREATE_TIER = """mutation($input: CreateTierInput!) { createTier(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
UPDATE_TIER = """mutation($input: UpdateTierInput!) { updateTier(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
CREATE_STAFF = """mutation($input: CreateStaffInput!) { createStaff(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
UPDATE_STAFF = """mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
  __typename ... on InvalidInputError { code message field } } }"""
TOO_MANY_PERKS = {"__typename": "InvalidInputError", "code": "INVALID_INPUT", "message": "A tier has at most 20 perks.", "field": "perks"}
TOO_MANY_STORES = {
    "__typename": "InvalidInputError", "code": "INVALID_INPUT",
    "message": "At most 500 stores per staff account.", "field": "storeIds",
}


def tier_input(perks: list[str]) -> dict:
    return {"input": {"name": "Gold", "rank": 1, "threshold": "100", "earnMultiplier": "1.5", "perks": perks}}


def staff_input(store_ids: list[str]) -> dict:
    return {"input": {"email": "new-cashier@example.com", "password": "first password 1", "role": "CASHIER", "storeIds": store_ids}}


async def audit_count() -> int:
    return await AuditRecord.all().count()


async def test_more_perks_than_a_tier_may_have_are_refused(api):
    admin = await api.staff("admin")
    # 20 perks are accepted
    made = await api.ok(CREATE_TIER, tier_input([f"Perk {i}" for i in range(20)]), admin.token)
    assert made == {"createTier": {"__typename": "CreateTierSuccess"}}
    tier = await Tier.get(rank=1)
    audited = await audit_count()
    # 21 are not, on a new tier or on the existing one, and nothing is written
    refused = await api.ok(CREATE_TIER, {"input": {**tier_input(["p"] * 21)["input"], "rank": 2}}, admin.token)
    assert refused == {"createTier": TOO_MANY_PERKS}
    update = {"input": {"id": str(tier.id), "perks": ["p"] * 21}}
    assert await api.ok(UPDATE_TIER, update, admin.token) == {"updateTier": TOO_MANY_PERKS}
    assert [t.perks for t in await Tier.all()] == [[f"Perk {i}" for i in range(20)]]
    assert await audit_count() == audited


async def test_more_store_ids_than_a_staff_account_may_have_are_refused(api):
    admin = await api.staff("admin")
    cashier = await api.staff("cashier", stores=[])
    store = await api.store("Main Street")
    staff_before, audited = await Staff.all().count(), await audit_count()
    # 501 ids, each a different (unknown) store
    ids = [str(uuid.uuid4()) for _ in range(501)]
    assert await api.ok(CREATE_STAFF, staff_input(ids), admin.token) == {"createStaff": TOO_MANY_STORES}
    update = {"input": {"staffId": cashier.id, "storeIds": ids}}
    assert await api.ok(UPDATE_STAFF, update, admin.token) == {"updateStaff": TOO_MANY_STORES}
    assert await Staff.all().count() == staff_before
    assert await StaffStore.filter(staff_id=cashier.id).count() == 0
    assert await audit_count() == audited
    # and a list within the limit is taken
    within = {"input": {"staffId": cashier.id, "storeIds": [store] * 500}}
    assert await api.ok(UPDATE_STAFF, within, admin.token) == {"updateStaff": {"__typename": "UpdateStaffSuccess"}}


async def test_a_list_of_100000_items_is_refused_even_under_a_raised_body_limit(api):
    # given an app whose body limit lets 100,000 items through, and a real store
    settings = replace(api.settings, limits=replace(api.settings.limits, max_body_bytes=8 * 1024 * 1024))
    admin = await api.staff("admin")
    store = await api.store("Main Street")
    staff_before, audited = await Staff.all().count(), await audit_count()
    headers = {"authorization": f"Bearer {admin.token}"}
    async with app_client(settings) as http:
        # when the lists are sent: 100,000 times the same store (they once collapsed into
        # one and were taken), and 100,000 perks
        staff = await http.post("/graphql", json={"query": CREATE_STAFF, "variables": staff_input([store] * 100_000)}, headers=headers)
        tier = await http.post("/graphql", json={"query": CREATE_TIER, "variables": tier_input(["p"] * 100_000)}, headers=headers)
    # then each is refused with its typed error, and nothing is written
    assert staff.json() == {"data": {"createStaff": TOO_MANY_STORES}}
    assert tier.json() == {"data": {"createTier": TOO_MANY_PERKS}}
    assert await Staff.all().count() == staff_before
    assert await Tier.all().count() == 0
    assert await audit_count() == audited


PAGED = {
    "rewards": ("{ rewards(first: %d) { edges { cursor } } }", "member", ["rewards"]),
    "auditLog": ("{ auditLog(first: %d) { edges { cursor } } }", "admin", ["auditLog"]),
    "activity": ("{ me { activity(first: %d) { edges { cursor } } } }", "member", ["me", "activity"]),
    "vouchers": ("{ me { vouchers(first: %d) { id } } }", "member", ["me", "vouchers"]),
    "credit history": ("{ me { credit { history(first: %d) { id } } } }", "member", ["me", "credit", "history"]),
}


@pytest.mark.parametrize("name", PAGED)
@pytest.mark.parametrize("first", [101, 0, -1, 2**31 - 1])
async def test_a_page_size_outside_1_to_the_maximum_is_refused(api, name, first):
    query, role, path = PAGED[name]
    assert api.settings.limits.max_page_size == 100
    token = (await api.sign_up()).token if role == "member" else (await api.staff("admin")).token
    body = await api.raw(query % first, token=token)
    assert body["data"] is None
    [error] = body["errors"]
    assert (error["message"], error["path"], error["extensions"]) == (
        "first must be between 1 and 100.", path, {"code": "INVALID_INPUT", "field": "first"}
    )


@pytest.mark.parametrize("name", PAGED)
async def test_a_page_of_the_maximum_size_is_served(api, name):
    query, role, _ = PAGED[name]
    token = (await api.sign_up()).token if role == "member" else (await api.staff("admin")).token
    body = await api.raw(query % 100, token=token)
    assert "errors" not in body, body


# --- the HTTP surface -------------------------------------------------------------------


async def test_graphiql_is_served_on_get_outside_production(api):
    assert not api.settings.is_production
    response = await api.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


async def test_queries_over_get_are_not_executed(api, resolver_calls):
    response = await api.http.get("/graphql?query={program{name}}")
    assert response.status_code == 400
    assert "Wallet Rewards" not in response.text
    assert resolver_calls == []


async def test_mutations_over_get_are_not_executed(api):
    admin = await api.staff("admin")
    response = await api.http.get(
        "/graphql",
        params={"query": 'mutation { createStore(input: {name: "Via GET"}) { __typename } }'},
        headers={"authorization": f"Bearer {admin.token}", "accept": "application/json"},
    )
    assert response.status_code in (400, 405)
    assert await Store.all().count() == 0


async def test_health_answers_ok_with_the_database_up(api):
    response = await api.http.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


async def test_health_answers_503_when_the_database_does_not(api, monkeypatch):
    def no_database():
        raise ConnectionError("database is gone")

    monkeypatch.setattr("wallet.db.connection", no_database)
    response = await api.http.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


# --- masking unexpected errors ----------------------------------------------------------


@pytest.fixture
def broken_program(monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode():
        raise RuntimeError("secret detail")

    monkeypatch.setattr(program_schema, "get_program", explode)


async def test_an_unexpected_exception_is_masked(api, broken_program):
    response = await api.http.post("/graphql", json={"query": PROGRAM})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["message"] == "Unexpected error."
    assert error["path"] == ["program"]
    assert set(error["extensions"]) == {"code", "requestId"}
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert re.fullmatch(r"[0-9a-f]{32}", error["extensions"]["requestId"])
    assert "secret detail" not in response.text
    assert "RuntimeError" not in response.text
    assert "Traceback" not in response.text


async def test_an_unexpected_exception_is_logged_with_its_request_id(api, broken_program, caplog):
    caplog.set_level(logging.ERROR, logger="wallet.graphql")
    body = await api.raw(PROGRAM)
    request_id = body["errors"][0]["extensions"]["requestId"]
    [record] = [r for r in caplog.records if r.name == "wallet.graphql"]
    assert request_id in record.getMessage()
    assert record.exc_info is not None and str(record.exc_info[1]) == "secret detail"


async def test_each_request_gets_its_own_request_id(api, broken_program):
    first = (await api.raw(PROGRAM))["errors"][0]["extensions"]["requestId"]
    second = (await api.raw(PROGRAM))["errors"][0]["extensions"]["requestId"]
    assert first != second


# --- production -------------------------------------------------------------------------


async def test_introspection_works_outside_production(api):
    data = await api.ok('{ __schema { queryType { name } } __type(name: "Member") { name } }')
    assert data == {"__schema": {"queryType": {"name": "Query"}}, "__type": {"name": "Member"}}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("{ __schema { queryType { name } } }", "__schema"),
        ('{ __type(name: "Member") { name } }', "__type"),
    ],
)
async def test_introspection_is_refused_in_production(api, query, field):
    async with app_client(replace(api.settings, env="production")) as http:
        refused = (await http.post("/graphql", json={"query": query})).json()
        working = (await http.post("/graphql", json={"query": PROGRAM})).json()
    assert refused["data"] is None
    assert (
        f"GraphQL introspection has been disabled, but the requested query contained the field '{field}'."
        in messages(refused)
    )
    assert set(codes(refused)) == {"INVALID_INPUT"}
    # the production app still answers ordinary queries
    assert working == {"data": {"program": {"name": "Wallet Rewards", "currency": "USD"}}}


async def test_graphiql_is_not_served_in_production(api):
    async with app_client(replace(api.settings, env="production")) as http:
        response = await http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert not response.headers["content-type"].startswith("text/html")
    assert "graphiql" not in response.text.lower()
