"""The GraphQL request guards (depth, aliases, tokens) apply to subscription documents as
they do over HTTP. Here with a depth limit of 3, so that a plain document passes it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.live.conftest import subscribed
from wallet.app import create_app
from wallet.config import Limits


@pytest.fixture
def app(database):
    return create_app(replace(database, limits=Limits(max_query_depth=3)), manage_database=False)


async def _first(remote_api, sockets, query: str) -> dict:
    member = await remote_api.sign_up()
    socket = await sockets()
    operation = await subscribed(socket, member.token, query)
    return await socket.next(operation)


async def test_a_document_within_the_limits_runs(remote_api, sockets):
    message = await _first(remote_api, sockets, "subscription { pointsChanged { points { available } } }")
    assert message == {"data": {"pointsChanged": {"points": {"available": 0}}}}


@pytest.mark.parametrize(
    "query, message",
    [
        (
            "subscription { memberScanned { member { tier { benefits { perks } } } } }",
            "'anonymous' exceeds maximum operation depth of 3",
        ),
        (
            "subscription { " + "pointsChanged { " + " ".join(f"a{i}: entry {{ kind }}" for i in range(16)) + " }" + " }",
            "16 aliases found. Allowed: 15",
        ),
        (
            "subscription { pointsChanged { " + "__typename " * 2000 + "} }",
            "Syntax Error: Document contains more than 2000 tokens. Parsing aborted.",
        ),
    ],
    ids=["depth", "aliases", "tokens"],
)
async def test_a_document_over_a_limit_is_refused_before_it_runs(remote_api, sockets, query, message):
    refused = await _first(remote_api, sockets, query)
    assert refused["type"] == "error"
    assert [(e["message"], e["extensions"]["code"]) for e in refused["payload"]] == [(message, "INVALID_INPUT")]
