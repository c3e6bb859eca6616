"""`POST /webhooks/{gateway}`: payment results from a gateway."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from wallet.payments.gateway import BadSignature
from wallet.payments.service import handle_event


async def webhook(request: Request) -> Response:
    """Verify the signature before anything else: a bad one is a 400 and writes nothing."""
    name = request.path_params["gateway"]
    gateway = request.app.state.gateways.get(name)
    if gateway is None:
        return JSONResponse({"error": "unknown gateway"}, status_code=404)
    payload = await request.body()
    try:
        event = gateway.parse_webhook(payload, {k.lower(): v for k, v in request.headers.items()})
    except BadSignature:
        return JSONResponse({"error": "bad signature"}, status_code=400)
    handled = await handle_event(name, event)
    return JSONResponse({"received": True, "duplicate": handled.duplicate})
