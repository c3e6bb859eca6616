"""QR images for the logged-in member: their scan code and their own vouchers.

    GET /qr/scan.svg | /qr/scan.png                 a fresh scan code (header X-Expires-At)
    GET /qr/voucher/{code}.svg | .png               one of the member's own vouchers

Authenticated like /graphql (`Authorization: Bearer <token>`). Every answer is
`Cache-Control: no-store`: a scan code must never be served from a cache after it expired.
A voucher that is not the member's answers 404, exactly as one that does not exist.
"""
from __future__ import annotations

import io

import qrcode
import qrcode.constants
import qrcode.image.pure
import qrcode.image.svg
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from wallet.errors import DomainError, ErrorCode
from wallet.graphql.context import Context
from wallet.members.models import Member
from wallet.rewards.service import voucher_by_code
from wallet.scan.service import issue_code

CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
STATUS = {ErrorCode.UNAUTHENTICATED: 401, ErrorCode.FORBIDDEN: 403, ErrorCode.NOT_FOUND: 404}


def render(payload: str, image_format: str) -> bytes:
    """`payload` as a QR code: SVG paths or a PNG (pure Python, no imaging library)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(payload)
    code.make(fit=True)
    factory = qrcode.image.svg.SvgPathImage if image_format == "svg" else qrcode.image.pure.PyPNGImage
    buffer = io.BytesIO()
    code.make_image(image_factory=factory).save(buffer)
    return buffer.getvalue()


def _image(payload: str, image_format: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        render(payload, image_format),
        media_type=CONTENT_TYPES[image_format],
        headers={**NO_STORE, **(headers or {})},
    )


def _error(exc: DomainError) -> Response:
    return JSONResponse(
        {"error": {"code": exc.code.value, "message": exc.message}},
        status_code=STATUS.get(exc.code, 400),
        headers=NO_STORE,
    )


def _not_found(message: str = "Not found.") -> Response:
    return JSONResponse(
        {"error": {"code": ErrorCode.NOT_FOUND.value, "message": message}},
        status_code=404,
        headers=NO_STORE,
    )


async def _viewer(request: Request) -> tuple[Context, Member] | Response:
    """The logged-in member asking for an image, or the response refusing them."""
    if request.path_params["format"] not in CONTENT_TYPES:
        return _not_found()
    state = request.app.state
    context = Context.for_request(request, None, state.settings, state.passwords)
    try:
        return context, await context.member()
    except DomainError as exc:
        return _error(exc)


async def scan_qr(request: Request) -> Response:
    viewer = await _viewer(request)
    if isinstance(viewer, Response):
        return viewer
    context, member = viewer
    issued = issue_code(context.scan_policy, member.id)
    return _image(
        issued.payload, request.path_params["format"], {"X-Expires-At": issued.expires_at.isoformat()}
    )


async def voucher_qr(request: Request) -> Response:
    viewer = await _viewer(request)
    if isinstance(viewer, Response):
        return viewer
    _, member = viewer
    voucher = await voucher_by_code(request.path_params["code"])
    if voucher is None or voucher.member_id != member.id:
        return _not_found("No voucher with this code.")
    return _image(voucher.code, request.path_params["format"])
