"""Wallet credit's expected failures."""
from __future__ import annotations

from decimal import Decimal

from wallet.errors import DomainError, ErrorCode


class InsufficientCredit(DomainError):
    code = ErrorCode.INSUFFICIENT_CREDIT

    def __init__(self, *, available: Decimal, requested: Decimal) -> None:
        super().__init__(f"The member has {available} of credit; {requested} was asked.", field="amount")
        self.available = available
        self.requested = requested
