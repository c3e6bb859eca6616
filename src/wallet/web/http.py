"""The web pages and their assets, served from the repository's `web/` folder.

    GET /                       web/wallet/index.html   the member wallet
    GET /pos                    web/pos/index.html      the cashier console
    GET /admin                  web/admin/index.html    the admins' figures (Insight)
    GET /sw.js                  web/wallet/sw.js        the wallet's service worker (scope /)
    GET /manifest.webmanifest   web/wallet/manifest.webmanifest
    GET /web/...                web/...                 scripts, styles, icons

There is no build step: the files are hand-written HTML, CSS and ES modules. Pages and
assets are revalidated on each load (`no-cache` + ETag), so a deploy shows at once; the
service worker keeps the last copies for offline use.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

# The repository's web/ beside src/ (an editable install, as dev.py and CI make).
DEFAULT_WEB_DIR = Path(__file__).resolve().parents[3] / "web"

# Not every system's mime.types knows these; browsers refuse module scripts without a JS type.
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/manifest+json", ".webmanifest")

REVALIDATE = {"Cache-Control": "no-cache"}

# No inline script anywhere: every script is a file of ours. Images may be blob: URLs (the
# QR codes are fetched with the token, then shown from a blob) or data: URLs.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' blob: data:",
        "media-src 'self' blob:",
        # 'self' covers the same origin's WebSocket too (ws: from http:, wss: from https:, as
        # CSP Level 3 says): the wallet's live updates at /graphql.
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PAGE_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    # The console asks for the camera to scan codes; nothing else needs powerful features.
    (b"permissions-policy", b"camera=(self), microphone=(), geolocation=(), payment=()"),
]
# GraphiQL (development only) loads its own inline scripts: it keeps the headers that do not
# forbid them.
GRAPHQL_HEADERS = [h for h in PAGE_HEADERS if h[0] in {b"x-content-type-options", b"referrer-policy"}]


class SecurityHeaders:
    """Add the security headers to every HTTP response: the full set everywhere but
    /graphql, whose development IDE needs inline scripts."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = GRAPHQL_HEADERS if scope["path"].startswith("/graphql") else PAGE_HEADERS

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in extra if h[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _RevalidatedFiles(StaticFiles):
    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(REVALIDATE)
        return response


def routes(web_dir: Path = DEFAULT_WEB_DIR) -> list[BaseRoute]:
    """The web routes, or none when the folder is missing (an install without web/)."""
    if not (web_dir / "wallet" / "index.html").is_file():
        return []

    def file(relative: str, media_type: str | None = None, headers: dict[str, str] | None = None):
        path = web_dir / relative

        async def endpoint(request: Any) -> Response:
            return FileResponse(path, media_type=media_type, headers={**REVALIDATE, **(headers or {})})

        return endpoint

    return [
        Route("/", file("wallet/index.html", "text/html; charset=utf-8"), methods=["GET", "HEAD"]),
        Route("/pos", file("pos/index.html", "text/html; charset=utf-8"), methods=["GET", "HEAD"]),
        Route("/admin", file("admin/index.html", "text/html; charset=utf-8"), methods=["GET", "HEAD"]),
        Route(
            "/sw.js",
            file("wallet/sw.js", "text/javascript; charset=utf-8", {"Service-Worker-Allowed": "/"}),
            methods=["GET", "HEAD"],
        ),
        Route(
            "/manifest.webmanifest",
            file("wallet/manifest.webmanifest", "application/manifest+json"),
            methods=["GET", "HEAD"],
        ),
        Mount("/web", app=_RevalidatedFiles(directory=web_dir), name="web"),
    ]
