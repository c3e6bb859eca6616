"""Cross-origin access: only the origins in WALLET_CORS_ORIGINS (none by default; the
wallet's own pages are same-origin) may call the API from a browser."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import httpx
import pytest

from tests.conftest import TEST_SECRET
from wallet.app import create_app
from wallet.config import ConfigError, Settings

POS = "https://pos.example.com"
OTHER = "https://evil.example.net"
PROGRAM = {"query": "{ program { name } }"}


@asynccontextmanager
async def client_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wallet.test") as http:
        yield http


@pytest.fixture
async def http(api) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app that lets the POS app's origin in."""
    async with client_for(replace(api.settings, cors_origins=(POS, "http://localhost:5173"))) as client:
        yield client


def preflight(origin: str, headers: str = "authorization, content-type, x-request-id") -> dict:
    return {"origin": origin, "access-control-request-method": "POST", "access-control-request-headers": headers}


def cors_headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


async def test_a_preflight_from_an_allowed_origin_gets_the_allow_headers(http):
    response = await http.options("/graphql", headers=preflight(POS))
    assert response.status_code == 200
    allowed = cors_headers(response)
    assert allowed.pop("access-control-allow-origin") == POS
    assert set(allowed.pop("access-control-allow-methods").split(", ")) == {"GET", "POST"}
    headers = set(allowed.pop("access-control-allow-headers").lower().split(", "))
    assert {"authorization", "content-type", "x-request-id"} <= headers
    assert allowed == {"access-control-max-age": "600"}
    assert "access-control-allow-credentials" not in response.headers  # bearer tokens, never cookies


async def test_a_preflight_from_another_origin_gets_no_allow_header(http):
    response = await http.options("/graphql", headers=preflight(OTHER))
    assert response.status_code == 405
    assert cors_headers(response) == {}


async def test_a_preflight_asking_for_another_header_or_method_is_refused(http):
    other_header = await http.options("/graphql", headers=preflight(POS, "authorization, x-api-key"))
    other_method = await http.options(
        "/graphql", headers={"origin": POS, "access-control-request-method": "DELETE"}
    )
    assert (other_header.status_code, other_method.status_code) == (400, 400)


async def test_a_request_from_an_allowed_origin_may_be_read_with_its_request_id(http):
    response = await http.post("/graphql", json=PROGRAM, headers={"origin": "http://localhost:5173"})
    assert response.json() == {"data": {"program": {"name": "Wallet Rewards"}}}
    assert cors_headers(response) == {
        "access-control-allow-origin": "http://localhost:5173",
        "access-control-expose-headers": "X-Request-Id",
    }
    assert "origin" in response.headers["vary"].lower()


async def test_a_request_from_another_origin_gets_no_allow_origin(http):
    # The server cannot stop a browser sending it; without Access-Control-Allow-Origin the
    # browser keeps the page from reading the answer.
    response = await http.post("/graphql", json=PROGRAM, headers={"origin": OTHER})
    assert response.status_code == 200
    assert cors_headers(response) == {}


async def test_by_default_no_origin_is_let_in(api):
    assert api.settings.cors_origins == ()
    async with client_for(api.settings) as http:
        simple = await http.post("/graphql", json=PROGRAM, headers={"origin": POS})
        before = await http.options("/graphql", headers=preflight(POS))
    assert cors_headers(simple) == {} and cors_headers(before) == {}
    assert before.status_code == 405


async def test_same_origin_pages_are_not_affected(http):
    response = await http.post("/graphql", json=PROGRAM)
    assert response.json() == {"data": {"program": {"name": "Wallet Rewards"}}}
    assert cors_headers(response) == {}


def settings_with(origins: str) -> Settings:
    return Settings.from_env({"WALLET_SECRET": TEST_SECRET, "WALLET_CORS_ORIGINS": origins})


def test_the_origins_setting_is_a_comma_separated_list():
    assert settings_with("").cors_origins == ()
    assert settings_with(" https://pos.example.com, http://localhost:5173 ").cors_origins == (
        "https://pos.example.com",
        "http://localhost:5173",
    )


@pytest.mark.parametrize("origin", ["*", "https://pos.example.com/", "pos.example.com", "https://pos.example.com/app"])
def test_an_origin_that_no_browser_sends_is_refused_at_start(origin):
    with pytest.raises(ConfigError, match="WALLET_CORS_ORIGINS lists origins as scheme://host"):
        settings_with(origin)
