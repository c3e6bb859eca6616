"""Expected failures, shared by every domain.

A service raises a `DomainError`; the GraphQL layer turns it into a typed error with a
stable, machine-readable `code`. Anything else that escapes is a bug: it is logged and
masked, never shown to the client.
"""
from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Every code a client may see. Codes are a contract: add, never rename."""

    # Any domain
    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    # Auth (top-level GraphQL errors, in `extensions.code`)
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    # Ledger
    INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS"
    REFUND_EXCEEDS_PURCHASE = "REFUND_EXCEEDS_PURCHASE"
    # Rewards and vouchers
    NOT_AVAILABLE = "NOT_AVAILABLE"
    TIER_LOCKED = "TIER_LOCKED"
    MEMBERS_ONLY = "MEMBERS_ONLY"
    OUT_OF_STOCK = "OUT_OF_STOCK"
    ALREADY_USED = "ALREADY_USED"
    VOUCHER_EXPIRED = "VOUCHER_EXPIRED"
    VOUCHER_CANCELLED = "VOUCHER_CANCELLED"
    NOT_CANCELLABLE = "NOT_CANCELLABLE"
    # Scan codes
    SCAN_CODE_MALFORMED = "SCAN_CODE_MALFORMED"
    SCAN_CODE_FORGED = "SCAN_CODE_FORGED"
    SCAN_CODE_TAMPERED = "SCAN_CODE_TAMPERED"
    SCAN_CODE_EXPIRED = "SCAN_CODE_EXPIRED"
    SCAN_CODE_CLAIMED = "SCAN_CODE_CLAIMED"
    # Paid membership and payments
    MEMBERSHIP_EXISTS = "MEMBERSHIP_EXISTS"
    MEMBERSHIP_STATE = "MEMBERSHIP_STATE"
    GATEWAY_ERROR = "GATEWAY_ERROR"
    # Wallet credit
    INSUFFICIENT_CREDIT = "INSUFFICIENT_CREDIT"
    # Referrals
    REFERRAL_CODE_UNKNOWN = "REFERRAL_CODE_UNKNOWN"
    REFERRAL_REFUSED = "REFERRAL_REFUSED"
    # Member care: missing-points claims and points gifts
    CLAIM_EXISTS = "CLAIM_EXISTS"
    RECEIPT_ALREADY_RECORDED = "RECEIPT_ALREADY_RECORDED"
    CLAIM_TOO_OLD = "CLAIM_TOO_OLD"
    CLAIM_NOT_OPEN = "CLAIM_NOT_OPEN"
    GIFTS_DISABLED = "GIFTS_DISABLED"
    GIFT_LIMIT_EXCEEDED = "GIFT_LIMIT_EXCEEDED"
    # Offers
    NOT_TARGETED = "NOT_TARGETED"
    # Request guards
    RATE_LIMITED = "RATE_LIMITED"
    LIMIT_REACHED = "LIMIT_REACHED"
    UNAVAILABLE = "UNAVAILABLE"
    INTERNAL_ERROR = "INTERNAL_ERROR"


class DomainError(Exception):
    """An expected failure a client can act on."""

    code: ErrorCode = ErrorCode.INVALID_INPUT

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    code = ErrorCode.INVALID_INPUT


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND


class Duplicate(DomainError):
    code = ErrorCode.DUPLICATE


class IdempotencyKeyReused(DomainError):
    code = ErrorCode.IDEMPOTENCY_KEY_REUSED

    def __init__(self) -> None:
        super().__init__(
            "This idempotency key was already used with a different request.",
            field="idempotencyKey",
        )


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN


class InvalidCredentials(DomainError):
    code = ErrorCode.INVALID_CREDENTIALS

    def __init__(self) -> None:
        # One message whether the account exists or not: no account enumeration.
        super().__init__("Email or password is wrong.")


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str, *, retry_after_seconds: int) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds
        self.recorded = False  # whether the refusal is already counted against the caller


class LimitReached(DomainError):
    """A live-updates limit: operations on one connection, or connections of one account."""

    code = ErrorCode.LIMIT_REACHED
