"""Browser tests: a real server (`wallet serve --demo` on a temporary SQLite database, in a
subprocess on a free port) driven by Debian's chromium through Playwright.

Without /usr/bin/chromium the browser tests skip, saying so; under CI=true they fail
instead, so CI cannot pass without running them. The browser is never downloaded
(`playwright install` cannot work here): install it with `apt-get install chromium`.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import TEST_SECRET

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
PHONE = {"width": 360, "height": 740}
TILL = {"width": 1024, "height": 768}
ADMIN = ("admin@demo.wallet", "demo-admin-password")
CASHIER = ("cashier@demo.wallet", "demo-cashier-password")
BROWSER_TESTS = ("test_browser_",)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists() or _in_ci():
        return  # in CI a missing browser fails in the `browser` fixture instead
    reason = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    for item in items:
        if Path(str(item.fspath)).name.startswith(BROWSER_TESTS):
            item.add_marker(pytest.mark.skip(reason=reason))


@dataclass(frozen=True)
class Server:
    url: str
    log: Path
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(folder: Path) -> Iterator[Server]:
    """`wallet serve --demo` in a subprocess: tiers, rewards, a store and a cashier
    assigned to it, on a free port over a new SQLite database in `folder`; the demo's
    earning rules switched off."""
    port = _free_port()
    log = folder / "server.log"
    env = {
        **os.environ,
        "WALLET_DATABASE_URL": f"sqlite://{folder / 'wallet.db'}",
        "WALLET_SECRET": TEST_SECRET,
        "WALLET_PASSWORD_MEMORY_KIB": "1024",
        "WALLET_PASSWORD_TIME_COST": "1",
        # Every test signs its members up from 127.0.0.1: the per-address limit would stop
        # the session's server long before the suite ends (the limit has tests of its own).
        "WALLET_SIGN_UPS_PER_ADDRESS": "10000",
        # Points gifts are off by default; the care test sends one.
        "WALLET_GIFTS_ENABLED": "true",
    }
    env.pop("WALLET_TEST_DATABASE_URL", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "wallet.cli", "serve", "--demo", "--port", str(port), "--log-level", "warning"],
            env=env, cwd=folder, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited ({process.returncode}):\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer in 60 s:\n{log.read_text()}")
            time.sleep(0.2)
        server = Server(url, log, process)
        _switch_off_earning_rules(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("web-server")) as running:
        yield running


def _switch_off_earning_rules(server: Server) -> None:
    """The demo's earning rules (a welcome bonus, a happy hour, surprises…) would change the
    balances these tests work out by hand; the rules have tests of their own."""
    admin = graphql(server, """mutation($input: LogInInput!) { logIn(input: $input) {
        ... on LogInSuccess { accessToken } } }""",
        {"input": {"email": ADMIN[0], "password": ADMIN[1], "account": "STAFF"}})["logIn"]["accessToken"]
    for rule in graphql(server, "{ earningRules { id } }", token=admin)["earningRules"]:
        graphql(server, """mutation($id: ID!) { setEarningRuleActive(id: $id, isActive: false) {
            __typename } }""", {"id": rule["id"]}, admin)


@pytest.fixture(scope="module")
def browser():
    """Chromium, for one test module at a time: Playwright's sync API runs an event loop
    of its own in this thread, which the async tests of other modules must not meet."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"CI=true but {CHROMIUM} is missing: .ci/run must call install_chromium first")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageProblems:
    """Script errors and console errors of a page (a CSP violation is one): a page that
    works by accident while logging errors fails its test."""

    def __init__(self, page) -> None:
        self.seen: list[str] = []
        page.on("pageerror", lambda error: self.seen.append(f"page error: {error}"))
        page.on("console", lambda message: message.type == "error" and self.seen.append(
            f"console error: {message.text}"))


def _page(browser, server, **options):
    context = browser.new_context(base_url=server.url, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = PageProblems(page)
    # A test that breaks the network on purpose takes the error it caused off this list.
    page.problems = problems
    return context, page, problems


@pytest.fixture
def phone(browser, server):
    """A page in a fresh phone-sized context (its own storage and service workers)."""
    context, page, problems = _page(browser, server, viewport=PHONE, device_scale_factor=2,
                                    is_mobile=True, has_touch=True)
    yield page
    context.close()
    assert problems.seen == []


@pytest.fixture
def till(browser, server):
    """A page in a fresh context the size of a till's screen."""
    context, page, problems = _page(browser, server, viewport=TILL)
    yield page
    context.close()
    assert problems.seen == []


def graphql(server: Server, query: str, variables: dict | None = None, token: str | None = None) -> dict:
    """The API straight, for a test's setting up: the data, or an assertion error."""
    request = urllib.request.Request(
        f"{server.url}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"content-type": "application/json",
                 **({"authorization": f"Bearer {token}"} if token else {})},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]


def shot(page, name: str, path: Path | None = None) -> Path:
    """A screenshot in tests/web/artifacts/ (git-ignored), or at `path`."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = path or ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=False)
    return target


def read_qr(png: bytes) -> str:
    """What a till's scanner reads from the QR code on screen (zxing-cpp)."""
    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1, found
    return found[0].text
