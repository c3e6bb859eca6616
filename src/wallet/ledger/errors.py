from __future__ import annotations

from decimal import Decimal

from wallet.errors import DomainError, ErrorCode


class InsufficientPoints(DomainError):
    code = ErrorCode.INSUFFICIENT_POINTS

    def __init__(self, *, available: int, requested: int) -> None:
        super().__init__(
            f"Not enough points: {requested} requested, {available} available.", field="amount"
        )
        self.available = available
        self.requested = requested


class RefundExceedsPurchase(DomainError):
    code = ErrorCode.REFUND_EXCEEDS_PURCHASE

    def __init__(self, *, refundable: Decimal) -> None:
        super().__init__(
            f"The refund is larger than what is left of the purchase ({refundable}).",
            field="amount",
        )
        self.refundable = refundable
