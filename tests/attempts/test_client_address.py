"""Which address an attempt counts under, as `wallet serve` runs the app: the TCP peer's,
or behind a proxy trusted with WALLET_FORWARDED_ALLOW_IPS, the client the proxy names.

The app is wrapped the way uvicorn wraps it for `serve` (uvicorn.Config with the options
`serve` passes), so the proxy-header handling under test is uvicorn's own.
"""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import replace

import httpx
import pytest
import uvicorn

from tests.attempts.conftest import PASSWORD, WRONG, guess_email, log_in
from tests.conftest import Api
from wallet.cli import server_options

PROXY = "10.0.0.2"


@pytest.fixture
async def served(app, api: Api) -> AsyncIterator[Callable[[str], Callable[[str], Api]]]:
    """`served(forwarded_allow_ips)("198.51.100.7")`: an API caller reaching the app through
    uvicorn's wrapping for `serve`, from the peer 10.0.0.2, with that X-Forwarded-For."""
    async with contextlib.AsyncExitStack() as stack:

        def serve(forwarded_allow_ips: str) -> Callable[[str], Api]:
            settings = replace(api.settings, forwarded_allow_ips=forwarded_allow_ips)
            config = uvicorn.Config(app, **server_options(settings, "127.0.0.1", 8000, "warning"), log_config=None)
            config.load()
            transport = httpx.ASGITransport(app=config.loaded_app, client=(PROXY, 40000))

            def forwarded_for(client: str) -> Api:
                http = httpx.AsyncClient(
                    transport=transport, base_url="http://wallet.test", headers={"x-forwarded-for": client}
                )
                stack.push_async_callback(http.aclose)
                return Api(http, api.settings, api.passwords)

            return forwarded_for

        yield serve


async def test_x_forwarded_for_is_ignored_when_no_proxy_is_trusted(served, api, frozen_clock):
    # given the default: no proxy trusted, and a guesser sending a new X-Forwarded-For
    # with each of 20 guesses
    member = await api.sign_up()
    forwarded_for = served("")
    for n in range(20):
        assert (await log_in(forwarded_for(f"198.51.100.{n}"), guess_email(n), WRONG))["code"] == (
            "INVALID_CREDENTIALS"
        )
    # then all counted under the peer's address, which is now refused, whatever it claims
    answer = await log_in(forwarded_for("203.0.113.99"), member.email, PASSWORD)
    assert answer["code"] == "RATE_LIMITED"


async def test_behind_a_trusted_proxy_each_client_counts_on_its_own(served, api, frozen_clock):
    # given a proxy at 10.0.0.2 trusted, and 20 guesses from one client behind it
    member = await api.sign_up()
    forwarded_for = served(PROXY)
    guesser = forwarded_for("198.51.100.7")
    for n in range(20):
        assert (await log_in(guesser, guess_email(n), WRONG))["code"] == "INVALID_CREDENTIALS"
    # then that client is refused
    assert (await log_in(guesser, member.email, PASSWORD))["code"] == "RATE_LIMITED"
    # while another client behind the same proxy logs in
    assert (await log_in(forwarded_for("203.0.113.50"), member.email, PASSWORD))["__typename"] == (
        "LogInSuccess"
    )
