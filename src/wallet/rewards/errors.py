"""Why a redemption or a voucher operation was refused."""
from __future__ import annotations

from datetime import datetime

from wallet.errors import DomainError, ErrorCode


class NotAvailable(DomainError):
    """Inactive, outside its availability window, or an experience already past."""

    code = ErrorCode.NOT_AVAILABLE

    def __init__(self, message: str = "This reward is not available now.") -> None:
        super().__init__(message, field="rewardId")


class TierLocked(DomainError):
    code = ErrorCode.TIER_LOCKED

    def __init__(self, *, required_rank: int, member_rank: int | None) -> None:
        super().__init__("This reward needs a higher tier.", field="rewardId")
        self.required_rank = required_rank
        self.member_rank = member_rank


class MembersOnly(DomainError):
    """A members-only reward, and the member's membership gives no exclusive rewards now."""

    code = ErrorCode.MEMBERS_ONLY

    def __init__(self) -> None:
        super().__init__(
            "This reward is for members of a plan with exclusive rewards.", field="rewardId"
        )


class OutOfStock(DomainError):
    code = ErrorCode.OUT_OF_STOCK

    def __init__(self) -> None:
        super().__init__("Not enough of this reward is left.", field="quantity")


class AlreadyUsed(DomainError):
    code = ErrorCode.ALREADY_USED

    def __init__(self, *, used_at: datetime | None) -> None:
        super().__init__("This voucher was already used.", field="code")
        self.used_at = used_at


class VoucherExpired(DomainError):
    code = ErrorCode.VOUCHER_EXPIRED

    def __init__(self, *, expires_at: datetime | None) -> None:
        super().__init__("This voucher has expired.", field="code")
        self.expires_at = expires_at


class VoucherCancelled(DomainError):
    code = ErrorCode.VOUCHER_CANCELLED

    def __init__(self) -> None:
        super().__init__("This voucher was cancelled and its points returned.", field="code")


class NotCancellable(DomainError):
    code = ErrorCode.NOT_CANCELLABLE

    def __init__(self, message: str) -> None:
        super().__init__(message, field="voucherId")
