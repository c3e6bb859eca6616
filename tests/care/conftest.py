"""Helpers for the member-care tests: claims, gifts and associates through the API."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import new_key
from wallet.config import Settings

FILE = """mutation($input: FileMissingPointsClaimInput!) { fileMissingPointsClaim(input: $input) {
  __typename
  ... on MissingPointsClaimSuccess { replayed claim { id status amount receiptReference reason pointsEarned } }
  ... on ClaimTooOldError { maxAgeDays }
  ... on InvalidInputError { field }
  ... on Error { code message } } }"""

APPROVE = """mutation($input: ApproveMissingPointsClaimInput!) { approveMissingPointsClaim(input: $input) {
  __typename
  ... on MissingPointsClaimSuccess { replayed claim { id status pointsEarned decidedAt } }
  ... on ClaimNotOpenError { status }
  ... on Error { code message } } }"""

REJECT = """mutation($input: RejectMissingPointsClaimInput!) { rejectMissingPointsClaim(input: $input) {
  __typename
  ... on MissingPointsClaimSuccess { replayed claim { id status reason } }
  ... on ClaimNotOpenError { status }
  ... on InvalidInputError { field }
  ... on Error { code message } } }"""

QUEUE = """query($status: ClaimStatus, $storeId: ID, $first: Int, $after: String) {
  missingPointsClaims(status: $status, storeId: $storeId, first: $first, after: $after) {
    edges { cursor node { id status receiptReference store { name } member { name } } }
    pageInfo { hasNextPage endCursor } } }"""

MY_CLAIMS = """{ me { claims { edges { node { id status reason pointsEarned receiptReference } } } } }"""

GIFT = """mutation($input: GiftPointsInput!) { giftPoints(input: $input) {
  __typename
  ... on GiftPointsSuccess { giftId points recipientName replayed member { points { available } } }
  ... on GiftLimitExceededError { limit remaining }
  ... on InsufficientPointsError { available requested }
  ... on InvalidInputError { field }
  ... on NotFoundError { field }
  ... on Error { code message } } }"""

ADJUST = """mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
  __typename ... on Error { code message } } }"""


async def file_claim(api, member, store, reference, *, amount="40.00", purchased_at="2026-03-10T15:00:00Z", key=None):
    payload = {
        "storeId": store,
        "purchasedAt": purchased_at,
        "amount": amount,
        "receiptReference": reference,
        "idempotencyKey": key or new_key(),
    }
    return (await api.ok(FILE, {"input": payload}, member.token))["fileMissingPointsClaim"]


async def approve(api, staff, claim_id, key=None):
    payload = {"claimId": claim_id, "idempotencyKey": key or new_key()}
    return (await api.ok(APPROVE, {"input": payload}, staff.token))["approveMissingPointsClaim"]


async def reject(api, staff, claim_id, reason, key=None):
    payload = {"claimId": claim_id, "reason": reason, "idempotencyKey": key or new_key()}
    return (await api.ok(REJECT, {"input": payload}, staff.token))["rejectMissingPointsClaim"]


async def gift(api, member, points, *, to_card=None, to_email=None, message=None, key=None):
    payload = {"points": points, "idempotencyKey": key or new_key()}
    if to_card is not None:
        payload["toCardNumber"] = to_card
    if to_email is not None:
        payload["toEmail"] = to_email
    if message is not None:
        payload["message"] = message
    return (await api.ok(GIFT, {"input": payload}, member.token))["giftPoints"]


async def give_points(api, admin, member, points):
    payload = {"memberId": member.id, "amount": points, "reason": "Test points", "idempotencyKey": new_key()}
    result = (await api.ok(ADJUST, {"input": payload}, admin.token))["adjustPoints"]
    assert result["__typename"] == "AdjustPointsSuccess", result


async def available(api, member) -> int:
    return (await api.ok("{ me { points { available } } }", token=member.token))["me"]["points"]["available"]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Gifts on, with a monthly limit of 500 points (off by default)."""
    return replace(settings, gifts_enabled=True, gift_points_per_month=500)
