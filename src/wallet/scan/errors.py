"""Why a scan code was refused. No message names or hints at a member."""
from __future__ import annotations

from wallet.errors import DomainError, ErrorCode


class ScanCodeError(DomainError):
    """Any refused scan code; counted against the cashier's failure limit."""

    reason = "scan_code"

    def __init__(self, message: str) -> None:
        super().__init__(message, field="code")


class ScanCodeMalformed(ScanCodeError):
    code = ErrorCode.SCAN_CODE_MALFORMED
    reason = "malformed"

    def __init__(self) -> None:
        super().__init__("This is not a scan code: scan it again or type the card number.")


class ScanCodeForged(ScanCodeError):
    code = ErrorCode.SCAN_CODE_FORGED
    reason = "forged"

    def __init__(self) -> None:
        super().__init__("This scan code was not issued by this program.")


class ScanCodeTampered(ScanCodeError):
    code = ErrorCode.SCAN_CODE_TAMPERED
    reason = "tampered"

    def __init__(self) -> None:
        super().__init__("This scan code was altered: its signature does not match.")


class ScanCodeExpired(ScanCodeError):
    code = ErrorCode.SCAN_CODE_EXPIRED
    reason = "expired"

    def __init__(self) -> None:
        super().__init__("This scan code has expired: ask the member to refresh their card.")


class ScanCodeClaimed(ScanCodeError):
    code = ErrorCode.SCAN_CODE_CLAIMED
    reason = "claimed"

    def __init__(self) -> None:
        super().__init__("This scan code was already used at another till.")
