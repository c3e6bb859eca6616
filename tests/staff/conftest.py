"""Helpers shared by the staff and audit tests: the GraphQL documents, the writes a till
makes, and a view of the audit trail."""
from __future__ import annotations

import uuid
from typing import Any

from tests.conftest import new_key
from wallet.audit.models import AuditRecord
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, PointsAccount, Purchase, Refund
from wallet.staff.models import Staff, StaffStore, Store

STAFF_PASSWORD = "staff password 1"  # what api.staff() uses

LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  __typename
  ... on LogInSuccess { accessToken role staff { id email role } }
  ... on Error { code message }
} }"""

CURRENT_STAFF = "{ currentStaff { id email role isActive stores { id } } }"

STAFF_FIELDS = "id email name role isActive stores { id name }"

CREATE_STAFF = f"""mutation($input: CreateStaffInput!) {{ createStaff(input: $input) {{
  __typename
  ... on CreateStaffSuccess {{ staff {{ {STAFF_FIELDS} }} }}
  ... on Error {{ code message }}
  ... on InvalidInputError {{ field }}
  ... on NotFoundError {{ field }}
  ... on DuplicateError {{ field }}
}} }}"""

UPDATE_STAFF = f"""mutation($input: UpdateStaffInput!) {{ updateStaff(input: $input) {{
  __typename
  ... on UpdateStaffSuccess {{ staff {{ {STAFF_FIELDS} }} }}
  ... on Error {{ code message }}
  ... on InvalidInputError {{ field }}
  ... on NotFoundError {{ field }}
}} }}"""

CREATE_STORE = """mutation($input: CreateStoreInput!) { createStore(input: $input) {
  __typename
  ... on CreateStoreSuccess { store { id name isActive } }
  ... on Error { code message }
} }"""

UPDATE_STORE = """mutation($input: UpdateStoreInput!) { updateStore(input: $input) {
  __typename
  ... on UpdateStoreSuccess { store { id name isActive } }
  ... on Error { code message }
  ... on NotFoundError { field }
} }"""

STAFF_ACCOUNTS = "{ staffAccounts { id email role isActive } }"

STORES = "{ stores { id name } }"

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { purchaseId pointsEarned replayed member { id points { available } } }
  ... on Error { code message }
  ... on NotFoundError { field }
  ... on InvalidInputError { field }
} }"""

REFUND = """mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  __typename
  ... on RefundPurchaseSuccess { refundId pointsReversed pointsOwed replayed member { points { available } } }
  ... on Error { code message }
  ... on NotFoundError { field }
} }"""

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename
  ... on AdjustPointsSuccess { entryId amount replayed member { points { available } } }
  ... on InsufficientPointsError { available requested }
  ... on InvalidInputError { field }
  ... on Error { code message }
} }"""

SCAN = """mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
  __typename
  ... on ScanMemberSuccess { member { id } }
  ... on Error { code message }
} }"""


def purchase_input(member_id: str, store_id: str, amount: str = "19.99", **extra: Any) -> dict:
    return {
        "input": {
            "memberId": member_id,
            "amount": amount,
            "currency": "USD",
            "reference": extra.pop("reference", f"R-{new_key()[:10]}"),
            "storeId": store_id,
            "idempotencyKey": extra.pop("key", None) or new_key(),
            **extra,
        }
    }


async def record(api, who, member_id: str, store_id: str, amount: str = "19.99", **extra: Any) -> dict:
    data = await api.ok(RECORD, purchase_input(member_id, store_id, amount, **extra), who.token)
    return data["recordPurchase"]


def refund_input(reference: str, amount: str, store_id: str | None = None, key: str | None = None) -> dict:
    return {
        "input": {
            "reference": reference,
            "amount": amount,
            "storeId": store_id,
            "idempotencyKey": key or new_key(),
        }
    }


def adjust_input(member_id: str, amount: int, reason: str = "Goodwill", key: str | None = None) -> dict:
    return {"input": {"memberId": member_id, "amount": amount, "reason": reason, "idempotencyKey": key or new_key()}}


async def log_in(api, email: str, password: str = STAFF_PASSWORD) -> dict:
    data = await api.ok(
        LOG_IN, {"input": {"email": email, "password": password, "account": "STAFF"}}
    )
    return data["logIn"]


async def top_level_code(api, query: str, variables: dict | None, token: str | None) -> str:
    """The code of a request refused as a whole (auth), with no data."""
    body = await api.raw(query, variables, token)
    assert body.get("errors"), body
    assert body.get("data") is None, body
    return body["errors"][0]["extensions"]["code"]


async def last_audit_id() -> int:
    newest = await AuditRecord.all().order_by("-id").first()
    return newest.id if newest else 0


async def audit_since(last_id: int) -> list[AuditRecord]:
    return await AuditRecord.filter(id__gt=last_id).order_by("id")


def audit_view(record: AuditRecord) -> dict[str, Any]:
    """Every field of a record but its id and time, in plain values."""
    return {
        "actor_kind": record.actor_kind,
        "actor_id": record.actor_id,
        "role": record.role,
        "store_id": str(record.store_id) if record.store_id else None,
        "member_id": str(record.member_id) if record.member_id else None,
        "action": record.action,
        "target_type": record.target_type,
        "target_id": record.target_id,
        "before": record.before,
        "after": record.after,
    }


async def world() -> dict[str, Any]:
    """Everything a refused staff or till operation must leave as it was."""
    return {
        "staff": sorted(
            (str(s.id), s.email, s.name, s.role.value, s.is_active, s.token_version) for s in await Staff.all()
        ),
        "stores": sorted((str(s.id), s.name, s.is_active) for s in await Store.all()),
        "assignments": sorted((str(a.staff_id), str(a.store_id)) for a in await StaffStore.all()),
        "purchases": sorted(
            (p.reference, str(p.refunded_amount), p.points_reversed) for p in await Purchase.all()
        ),
        "refunds": await Refund.all().count(),
        "entries": await LedgerEntry.all().count(),
        "accounts": sorted((str(a.member_id), a.available, a.pending) for a in await PointsAccount.all()),
        "keys": await IdempotencyRecord.all().count(),
        "audit": await last_audit_id(),
    }


async def assignments_of(staff_id: str) -> set[str]:
    return {str(a.store_id) for a in await StaffStore.filter(staff_id=uuid.UUID(staff_id))}
