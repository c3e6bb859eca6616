"""Member care's expected failures (codes in wallet.errors.ErrorCode)."""
from __future__ import annotations

from wallet.errors import DomainError, ErrorCode


class ClaimExists(DomainError):
    code = ErrorCode.CLAIM_EXISTS

    def __init__(self) -> None:
        super().__init__(
            "A claim for this receipt at this store was already filed.", field="receiptReference"
        )


class ReceiptAlreadyRecorded(DomainError):
    code = ErrorCode.RECEIPT_ALREADY_RECORDED

    def __init__(self) -> None:
        super().__init__(
            "A purchase with this receipt reference was already recorded: it earned its points.",
            field="receiptReference",
        )


class ClaimTooOld(DomainError):
    code = ErrorCode.CLAIM_TOO_OLD

    def __init__(self, max_age_days: int) -> None:
        super().__init__(
            f"Purchases can be claimed within {max_age_days} days.", field="purchasedAt"
        )
        self.max_age_days = max_age_days


class ClaimNotOpen(DomainError):
    code = ErrorCode.CLAIM_NOT_OPEN

    def __init__(self, status: str) -> None:
        super().__init__(f"This claim was already decided: it is {status}.")
        self.status = status


class GiftsDisabled(DomainError):
    code = ErrorCode.GIFTS_DISABLED

    def __init__(self) -> None:
        super().__init__("This program does not allow points gifts between members.")


class GiftLimitExceeded(DomainError):
    code = ErrorCode.GIFT_LIMIT_EXCEEDED

    def __init__(self, limit: int, remaining: int) -> None:
        super().__init__(
            f"Members may give {limit} points per calendar month; {remaining} are left this month.",
            field="points",
        )
        self.limit = limit
        self.remaining = remaining
