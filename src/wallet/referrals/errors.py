"""Referrals' expected failures (the rules are in wallet.referrals.service)."""
from __future__ import annotations

from wallet.errors import DomainError, ErrorCode


class ReferralCodeUnknown(DomainError):
    code = ErrorCode.REFERRAL_CODE_UNKNOWN

    def __init__(self) -> None:
        super().__init__(
            "No member has this referral code: check it, or sign up without one.", field="referralCode"
        )


class ReferralRefused(DomainError):
    """The invitation is the referrer's own: their email, or their address just after they
    joined. The message does not say which, so it is no guide to getting round the rules."""

    code = ErrorCode.REFERRAL_REFUSED

    def __init__(self) -> None:
        super().__init__(
            "This referral code cannot be used for this account; sign up without it.", field="referralCode"
        )
