"""CSV exports for admins, streamed:

    GET /exports/ledger.csv?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z
    GET /exports/audit.csv?from=…&to=…

Authenticated like /graphql (`Authorization: Bearer <token>` of an admin: 401 without a
valid token, 403 for a cashier or a member). Rows created in [from, to), oldest first, are
read in batches by keyset pagination and written out batch by batch, so the memory an
export takes is bounded by the batch size, not by the ledger.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from wallet.actors import Role
from wallet.analytics import service
from wallet.errors import DomainError, ErrorCode, InvalidInput
from wallet.graphql.context import Context

NO_STORE = {"Cache-Control": "no-store"}
STATUS = {ErrorCode.UNAUTHENTICATED: 401, ErrorCode.FORBIDDEN: 403}
# Text a spreadsheet would run as a formula; such cells are written with a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TEXT_COLUMNS = {"reason", "reference", "action", "target_type", "target_id", "actor_id"}


def _error(exc: DomainError) -> Response:
    body: dict[str, Any] = {"code": exc.code.value, "message": exc.message}
    if exc.field:
        body["field"] = exc.field
    return JSONResponse({"error": body}, status_code=STATUS.get(exc.code, 400), headers=NO_STORE)


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "created_at":
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.astimezone(UTC).isoformat()
    if column in ("before", "after"):
        # One spelling on both databases (SQLite keeps the text, PostgreSQL's jsonb its own).
        data = json.loads(value) if isinstance(value, str) else value
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    text = str(value)
    if column in _TEXT_COLUMNS and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


async def _lines(table: str, columns: Sequence[str], since: datetime, until: datetime) -> AsyncIterator[str]:
    yield _csv([columns])
    async for batch in service.export_batches(table, since, until):
        yield _csv([[_cell(c, row[c]) for c in columns] for row in batch])


def _export(table: str, columns: Sequence[str]):  # type: ignore[no-untyped-def]
    async def endpoint(request: Request) -> Response:
        state = request.app.state
        context = Context.for_request(request, None, state.settings, state.passwords)
        try:
            await context.staff(Role.ADMIN)
            since = service.parse_moment(request.query_params.get("from"), "from")
            until = service.parse_moment(request.query_params.get("to"), "to")
            if since >= until:
                raise InvalidInput("from must be before to.", field="from")
        except DomainError as exc:
            return _error(exc)
        name = f"{table}-{since.astimezone(UTC):%Y%m%dT%H%M%SZ}-{until.astimezone(UTC):%Y%m%dT%H%M%SZ}.csv"
        return StreamingResponse(
            _lines(table, columns, since, until),
            media_type="text/csv; charset=utf-8",
            headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'},
        )

    return endpoint


ledger_csv = _export("ledger", service.LEDGER_COLUMNS)
audit_csv = _export("audit", service.AUDIT_COLUMNS)
