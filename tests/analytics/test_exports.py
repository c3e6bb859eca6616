"""GET /exports/ledger.csv and /exports/audit.csv: admin only, streamed in bounded batches."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import new_key
from wallet.analytics import service

FEBRUARY = {"from": "2026-02-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


async def export(client, path: str, token: str | None, params=FEBRUARY):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return await client.get(path, params=params, headers=headers)


async def test_the_ledger_export_lists_the_windows_entries_oldest_first(api, client, history):
    admin = await api.staff("admin")

    response = await export(client, "/exports/ledger.csv", admin.token)

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"] == (
        'attachment; filename="ledger-20260201T000000Z-20260301T000000Z.csv"'
    )
    header, *rows = rows_of(response.text)
    assert header == list(service.LEDGER_COLUMNS)
    names = {member_id: name for name, member_id in history.members.items()}
    column = {name: index for index, name in enumerate(header)}
    assert [
        (names[r[column["member_id"]]], r[column["kind"]], r[column["bucket"]], r[column["amount"]],
         r[column["balance_after"]])
        for r in rows
    ] == [
        ("A", "earn", "available", "30", "110"),  # P-A2 at midnight on Feb 1: inside
        ("C", "earn", "available", "19", "19"),
        ("A", "redeem", "available", "-50", "60"),
        ("A", "expire", "available", "-30", "30"),
        ("A", "earn", "available", "40", "70"),
        ("A", "bonus", "available", "20", "90"),
        ("A", "refund", "available", "-15", "75"),
        ("D", "adjust", "available", "100", "100"),
        ("D", "donate", "available", "-20", "80"),
        ("D", "redeem", "available", "-30", "50"),
        ("D", "reverse", "available", "30", "80"),
        ("B", "expire", "available", "-30", "0"),
        ("D", "adjust", "available", "-10", "70"),
    ]
    first = rows[0]
    assert first[column["created_at"]] == "2026-02-01T00:00:00+00:00"
    assert first[column["reference"]] == "P-A2"
    assert first[column["store_id"]] == history.stores["S2"]
    ids = [int(r[column["id"]]) for r in rows]
    assert ids == sorted(ids)


async def test_batches_never_hold_more_than_the_batch_size(history):
    # Given the 13 entries of February
    whole = [row async for batch in service.export_batches("ledger", *_feb()) for row in batch]
    assert len(whole) == 13

    # When they are read three at a time
    batches = [batch async for batch in service.export_batches("ledger", *_feb(), batch_size=3)]

    # Then no batch holds more than three rows, and together they are the whole, in order
    assert [len(batch) for batch in batches] == [3, 3, 3, 3, 1]
    assert [row["id"] for batch in batches for row in batch] == [row["id"] for row in whole]


async def test_the_http_export_is_the_same_whatever_the_batch_size(api, client, history, monkeypatch):
    admin = await api.staff("admin")
    at_once = (await export(client, "/exports/ledger.csv", admin.token)).text

    monkeypatch.setattr(service, "EXPORT_BATCH_SIZE", 2)
    in_pairs = (await export(client, "/exports/ledger.csv", admin.token)).text

    assert in_pairs == at_once
    assert len(rows_of(in_pairs)) == 14


async def test_the_audit_export_lists_the_windows_records(api, client, history):
    admin = await api.staff("admin")

    response = await export(client, "/exports/audit.csv", admin.token)

    assert response.status_code == 200
    header, *rows = rows_of(response.text)
    assert header == list(service.AUDIT_COLUMNS)
    column = {name: index for index, name in enumerate(header)}
    assert [r[column["action"]] for r in rows] == [
        "purchase.record", "purchase.record", "non_member_sale.record", "non_member_sale.record",
        "purchase.record", "purchase.refund", "points.adjust", "points.adjust",
    ]
    refund = rows[5]
    assert refund[column["store_id"]] == history.stores["S1"]
    assert refund[column["member_id"]] == history.members["A"]
    after = json.loads(refund[column["after"]])
    assert (after["refundedAmount"], after["pointsReversed"], after["pointsOwed"]) == ("10.00", 15, 0)
    assert refund[column["after"]] == json.dumps(after, sort_keys=True, separators=(",", ":"))


async def test_text_a_spreadsheet_would_run_is_quoted(api, client, database):
    admin = await api.staff("admin")
    member = await api.sign_up()
    await api.ok(
        """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename } }""",
        {"input": {"memberId": member.id, "amount": 5, "reason": "=HYPERLINK(\"http://evil\")",
                   "idempotencyKey": new_key()}},
        token=admin.token,
    )

    response = await export(
        client, "/exports/ledger.csv", admin.token, {"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"}
    )

    header, *rows = rows_of(response.text)
    assert [r[header.index("reason")] for r in rows] == ["'=HYPERLINK(\"http://evil\")"]


@pytest.mark.parametrize("path", ["/exports/ledger.csv", "/exports/audit.csv"])
async def test_only_admins_export(api, client, path):
    store = await api.store()
    cashier = await api.staff("cashier", stores=[store])
    member = await api.sign_up()

    assert (await export(client, path, None)).status_code == 401
    assert (await export(client, path, "not-a-token")).status_code == 401
    forbidden = await export(client, path, cashier.token)
    assert forbidden.status_code == 403
    assert forbidden.json() == {"error": {"code": "FORBIDDEN", "message": "Your role does not allow this."}}
    assert (await export(client, path, member.token)).status_code == 403


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"to": "2026-03-01T00:00:00Z"}, "from"),
        ({"from": "yesterday", "to": "2026-03-01T00:00:00Z"}, "from"),
        ({"from": "2026-02-01T00:00:00", "to": "2026-03-01T00:00:00Z"}, "from"),
        ({"from": "2026-03-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, "from"),
        ({"from": "2026-02-01T00:00:00Z"}, "to"),
    ],
)
async def test_a_malformed_window_is_a_400(api, client, params, field):
    admin = await api.staff("admin")

    response = await export(client, "/exports/ledger.csv", admin.token, params)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "INVALID_INPUT"
    assert response.json()["error"]["field"] == field


def _feb():
    from datetime import UTC, datetime

    return datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)
