"""Why an offer could not be activated."""
from __future__ import annotations

from wallet.errors import DomainError, ErrorCode


class OfferNotAvailable(DomainError):
    """Deactivated, not started yet, or over."""

    code = ErrorCode.NOT_AVAILABLE

    def __init__(self, message: str = "This offer is not available now.") -> None:
        super().__init__(message, field="offerId")


class NotTargeted(DomainError):
    """The member is not in the offer's segment or list."""

    code = ErrorCode.NOT_TARGETED

    def __init__(self) -> None:
        super().__init__("This offer is not for you.", field="offerId")
