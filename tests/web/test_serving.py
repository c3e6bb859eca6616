"""The web pages are served by the API's own server, with security headers, and the API's
routes keep working beside them."""
from __future__ import annotations

import io

import pytest
from PIL import Image

PAGES = ["/", "/pos", "/admin"]


@pytest.mark.parametrize(
    ("path", "marker"),
    [("/", "/web/wallet/app.js"), ("/pos", "/web/pos/pos.js"), ("/admin", "/web/admin/admin.js")],
)
async def test_each_page_is_its_html_file(client, path, marker):
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f'<script type="module" src="{marker}"></script>' in response.text
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", [*PAGES, "/web/wallet/app.js", "/sw.js", "/manifest.webmanifest"])
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
        ("/sw.js", "text/javascript; charset=utf-8"),
    ],
)
async def test_assets_have_their_content_types(client, path, content_type):
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


async def test_the_service_worker_may_control_the_whole_site(client):
    response = await client.get("/sw.js")

    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["cache-control"] == "no-cache"


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


async def test_the_manifest_makes_the_wallet_installable(client):
    response = await client.get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    assert manifest["name"] and manifest["short_name"]
    png = {icon["sizes"]: icon for icon in manifest["icons"] if icon["type"] == "image/png"}
    # what browsers need to offer installation: 192 and 512 pixel PNG icons, and one maskable
    assert {"192x192", "512x512"} <= png.keys()
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        image = await client.get(icon["src"])
        assert image.status_code == 200, icon
        assert image.headers["content-type"] == icon["type"]
        if icon["type"] == "image/png":
            size = Image.open(io.BytesIO(image.content)).size
            assert f"{size[0]}x{size[1]}" == icon["sizes"]


async def test_the_wallet_page_links_its_manifest_and_registers_the_worker(client):
    html = (await client.get("/")).text
    script = (await client.get("/web/wallet/app.js")).text

    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'navigator.serviceWorker.register("/sw.js", { scope: "/" })' in script
