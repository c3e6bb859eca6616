"""The web pages are served by the API's own server, with security headers, and the API's
routes keep working beside them."""
from __future__ import annotations

import pytest

PAGES = ["/", "/pos"]


@pytest.mark.parametrize(("path", "marker"), [("/", "/web/wallet/app.js"), ("/pos", "/web/pos/pos.js")])
async def test_each_page_is_its_html_file(client, path, marker):
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f'<script type="module" src="{marker}"></script>' in response.text
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", [*PAGES, "/web/wallet/app.js", "/web/pos/pos.js"])
async def test_pages_and_assets_carry_the_security_headers(client, path):
    response = await client.get(path)

    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"  # no inline scripts, no eval
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_pages_have_no_inline_script(client):
    for path in PAGES:
        html = (await client.get(path)).text
        # every <script> names a file: CSP would block an inline one
        assert html.count("<script") == html.count('<script type="module" src="/web/')


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/web/wallet/app.js", "text/javascript; charset=utf-8"),
        ("/web/shared/graphql.js", "text/javascript; charset=utf-8"),
        ("/web/shared/base.css", "text/css; charset=utf-8"),
        ("/web/pos/pos.css", "text/css; charset=utf-8"),
    ],
)
async def test_assets_have_their_content_types(client, path, content_type):
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


async def test_nothing_outside_web_is_served(client):
    for path in ["/web/../pyproject.toml", "/web/%2e%2e/pyproject.toml", "/web/nope.js", "/wallet.db"]:
        assert (await client.get(path)).status_code == 404, path


async def test_the_api_routes_still_answer_beside_the_pages(api, client):
    member = await api.sign_up("Ada")

    health = await client.get("/health")
    qr = await client.get("/qr/scan.svg", headers={"authorization": f"Bearer {member.token}"})
    data = await api.ok("{ me { name } }", token=member.token)

    assert health.json() == {"status": "ok", "database": "up"}
    assert qr.headers["content-type"] == "image/svg+xml"
    assert data == {"me": {"name": "Ada"}}


async def test_graphql_keeps_its_ide_usable_but_not_sniffable(client):
    response = await client.post("/graphql", json={"query": "{ program { name } }"})

    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    # GraphiQL (development only) runs inline scripts; the page CSP is not applied to it
    assert "content-security-policy" not in response.headers
