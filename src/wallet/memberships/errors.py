"""The membership domain's expected failures."""
from __future__ import annotations

from wallet.errors import DomainError, ErrorCode


class MembershipExists(DomainError):
    """The member already has a live membership (pending, trialing, active or past due)."""

    code = ErrorCode.MEMBERSHIP_EXISTS

    def __init__(self) -> None:
        super().__init__("You already have a membership; change its plan instead.")


class MembershipState(DomainError):
    """The membership's status does not allow this."""

    code = ErrorCode.MEMBERSHIP_STATE

    def __init__(self, message: str, *, status: str | None) -> None:
        super().__init__(message)
        self.status = status


class GatewayUnavailable(DomainError):
    """The payment gateway could not be reached or refused the request; nothing was written."""

    code = ErrorCode.GATEWAY_ERROR
