"""Typed errors in mutation payloads, and the policy for every other error.

Mutations return a union of their success type and the errors a client can act on; all
share the `Error` interface (`code`, `message`). Authentication and permission failures,
and failures of queries, are top-level GraphQL errors carrying `extensions.code`.
Unexpected exceptions are logged with the request id and masked; a database that cannot be
reached is UNAVAILABLE (HTTP 503), not a bug.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from wallet import db
from wallet import errors as domain
from wallet.credit.errors import InsufficientCredit
from wallet.ledger.errors import InsufficientPoints, RefundExceedsPurchase
from wallet.memberships.errors import MembershipState
from wallet.rewards import errors as rewards

log = logging.getLogger("wallet.graphql")

ErrorCode = strawberry.enum(domain.ErrorCode, description="A stable, machine-readable error code.")


@strawberry.interface(description="An expected failure the client can act on.")
class Error:
    code: ErrorCode = strawberry.field(description="What went wrong, for programs.")
    message: str = strawberry.field(description="What went wrong, for people.")


@strawberry.type(description="The input was malformed or out of range; nothing was written.")
class InvalidInputError(Error):
    field: str | None = strawberry.field(description="The input field at fault, if one is.")


@strawberry.type(description="A referenced object does not exist (or is not visible to you).")
class NotFoundError(Error):
    field: str | None = strawberry.field(description="The input field that named it.")


@strawberry.type(description="The object already exists.")
class DuplicateError(Error):
    field: str | None = strawberry.field(description="The input field that must be unique.")


@strawberry.type(description="This idempotency key was used before with a different request.")
class IdempotencyKeyReusedError(Error):
    pass


@strawberry.type(description="Email or password is wrong, or the account is not active.")
class InvalidCredentialsError(Error):
    pass


@strawberry.type(description="The member's available points do not cover the debit.")
class InsufficientPointsError(Error):
    available: int = strawberry.field(description="Points available now.")
    requested: int = strawberry.field(description="Points the operation needed.")


@strawberry.type(description="A refund larger than what is left of the purchase.")
class RefundExceedsPurchaseError(Error):
    refundable: Decimal = strawberry.field(description="The amount still refundable.")


@strawberry.type(description="The reward is inactive, outside its availability window, or already past.")
class NotAvailableError(Error):
    pass


@strawberry.type(description="The reward needs a higher tier than the member holds.")
class TierLockedError(Error):
    required_rank: int = strawberry.field(description="The lowest tier rank that unlocks it.")
    member_rank: int | None = strawberry.field(description="The member's tier rank; null without a tier.")


@strawberry.type(
    description="The reward is for members whose plan gives exclusive rewards, and yours does not now."
)
class MembersOnlyError(Error):
    pass


@strawberry.type(description="Not enough stock or places are left for the quantity asked.")
class OutOfStockError(Error):
    pass


@strawberry.type(description="The voucher was already used.")
class AlreadyUsedError(Error):
    used_at: datetime | None = strawberry.field(description="When it was used (UTC).")


@strawberry.type(description="The voucher expired before it was used.")
class VoucherExpiredError(Error):
    expires_at: datetime | None = strawberry.field(description="When it expired (UTC).")


@strawberry.type(description="The voucher was cancelled; its points went back to the member.")
class VoucherCancelledError(Error):
    pass


@strawberry.type(description="Only issued, unexpired vouchers of other rewards than donations can be cancelled.")
class NotCancellableError(Error):
    pass


@strawberry.type(description="Not a scan code: misread, or not a code at all. Scan again or type the card number.")
class ScanCodeMalformedError(Error):
    pass


@strawberry.type(description="A scan code this program did not issue.")
class ScanCodeForgedError(Error):
    pass


@strawberry.type(description="A scan code of this program that was altered.")
class ScanCodeTamperedError(Error):
    pass


@strawberry.type(description="The scan code expired: the member refreshes their card.")
class ScanCodeExpiredError(Error):
    pass


@strawberry.type(description="The scan code was already used at another till.")
class ScanCodeClaimedError(Error):
    pass


@strawberry.type(description="Too many attempts in a short time; wait before trying again.")
class RateLimitedError(Error):
    retry_after_seconds: int = strawberry.field(description="Seconds to wait before the next try.")


@strawberry.type(description="The member already has a membership (pending, trialing, active or past due).")
class MembershipExistsError(Error):
    pass


@strawberry.type(description="The membership's status does not allow this.")
class MembershipStateError(Error):
    status: str | None = strawberry.field(description="The membership's status now, lower case.")


@strawberry.type(description="The payment gateway could not be reached or refused; nothing was written.")
class PaymentGatewayError(Error):
    pass


@strawberry.type(description="The member's wallet credit does not cover the amount.")
class InsufficientCreditError(Error):
    available: Decimal = strawberry.field(description="Credit available now.")
    requested: Decimal = strawberry.field(description="Credit the operation needed.")


@strawberry.type(description="No active member has this referral code; nothing was created.")
class ReferralCodeUnknownError(Error):
    field: str | None = strawberry.field(description="The input field at fault: referralCode.")


@strawberry.type(
    description="This referral code cannot be used for this account (the referrer's own); nothing was created."
)
class ReferralRefusedError(Error):
    field: str | None = strawberry.field(description="The input field at fault: referralCode.")
@strawberry.type(description="The offer is not for this member: they are not in its segment or list.")
class NotTargetedError(Error):
    pass


def error_type(exc: domain.DomainError) -> Error:
    """The GraphQL error type for a domain error."""
    code = ErrorCode(exc.code)
    if isinstance(exc, InsufficientPoints):
        return InsufficientPointsError(
            code=code, message=exc.message, available=exc.available, requested=exc.requested
        )
    if isinstance(exc, RefundExceedsPurchase):
        return RefundExceedsPurchaseError(code=code, message=exc.message, refundable=exc.refundable)
    if isinstance(exc, rewards.TierLocked):
        return TierLockedError(
            code=code, message=exc.message, required_rank=exc.required_rank, member_rank=exc.member_rank
        )
    if isinstance(exc, rewards.AlreadyUsed):
        return AlreadyUsedError(code=code, message=exc.message, used_at=exc.used_at)
    if isinstance(exc, rewards.VoucherExpired):
        return VoucherExpiredError(code=code, message=exc.message, expires_at=exc.expires_at)
    if isinstance(exc, InsufficientCredit):
        return InsufficientCreditError(
            code=code, message=exc.message, available=exc.available, requested=exc.requested
        )
    if isinstance(exc, MembershipState):
        return MembershipStateError(code=code, message=exc.message, status=exc.status)
    if isinstance(exc, domain.RateLimited):
        return RateLimitedError(code=code, message=exc.message, retry_after_seconds=exc.retry_after_seconds)
    message_only: dict[domain.ErrorCode, type] = {
        domain.ErrorCode.SCAN_CODE_MALFORMED: ScanCodeMalformedError,
        domain.ErrorCode.SCAN_CODE_FORGED: ScanCodeForgedError,
        domain.ErrorCode.SCAN_CODE_TAMPERED: ScanCodeTamperedError,
        domain.ErrorCode.SCAN_CODE_EXPIRED: ScanCodeExpiredError,
        domain.ErrorCode.SCAN_CODE_CLAIMED: ScanCodeClaimedError,
        domain.ErrorCode.NOT_AVAILABLE: NotAvailableError,
        domain.ErrorCode.MEMBERS_ONLY: MembersOnlyError,
        domain.ErrorCode.OUT_OF_STOCK: OutOfStockError,
        domain.ErrorCode.VOUCHER_CANCELLED: VoucherCancelledError,
        domain.ErrorCode.NOT_CANCELLABLE: NotCancellableError,
        domain.ErrorCode.MEMBERSHIP_EXISTS: MembershipExistsError,
        domain.ErrorCode.GATEWAY_ERROR: PaymentGatewayError,
        domain.ErrorCode.NOT_TARGETED: NotTargetedError,
    }
    if exc.code in message_only:
        return message_only[exc.code](code=code, message=exc.message)
    simple: dict[domain.ErrorCode, type] = {
        domain.ErrorCode.INVALID_INPUT: InvalidInputError,
        domain.ErrorCode.NOT_FOUND: NotFoundError,
        domain.ErrorCode.DUPLICATE: DuplicateError,
        domain.ErrorCode.REFERRAL_CODE_UNKNOWN: ReferralCodeUnknownError,
        domain.ErrorCode.REFERRAL_REFUSED: ReferralRefusedError,
    }
    if exc.code in simple:
        return simple[exc.code](code=code, message=exc.message, field=exc.field)
    if exc.code is domain.ErrorCode.IDEMPOTENCY_KEY_REUSED:
        return IdempotencyKeyReusedError(code=code, message=exc.message)
    if exc.code is domain.ErrorCode.INVALID_CREDENTIALS:
        return InvalidCredentialsError(code=code, message=exc.message)
    # Auth errors and anything without a payload type travel as top-level errors.
    raise exc


ALL_ERROR_TYPES = (
    InvalidInputError,
    NotFoundError,
    DuplicateError,
    IdempotencyKeyReusedError,
    InvalidCredentialsError,
    InsufficientPointsError,
    RefundExceedsPurchaseError,
    NotAvailableError,
    TierLockedError,
    MembersOnlyError,
    OutOfStockError,
    AlreadyUsedError,
    VoucherExpiredError,
    VoucherCancelledError,
    NotCancellableError,
    ScanCodeMalformedError,
    ScanCodeForgedError,
    ScanCodeTamperedError,
    ScanCodeExpiredError,
    ScanCodeClaimedError,
    RateLimitedError,
    MembershipExistsError,
    MembershipStateError,
    PaymentGatewayError,
    InsufficientCreditError,
    ReferralCodeUnknownError,
    ReferralRefusedError,
    NotTargetedError,
)



# Strawberry's refusals of a document before it runs (over WebSocket they arrive wrapped):
# their messages are Strawberry's and safe to show.
_REFUSALS = (InvalidOperationTypeError, MissingQueryError, CannotGetOperationTypeError)


class ErrorPolicy(SchemaExtension):
    """Give every top-level error a code; mask and log the unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not getattr(result, "errors", None):
            return
        context = self.execution_context.context
        request_id = getattr(context, "request_id", None)
        result.errors = [self._public(error, request_id) for error in result.errors]
        response = getattr(context, "response", None)
        unavailable = domain.ErrorCode.UNAVAILABLE.value
        if response is not None and any((e.extensions or {}).get("code") == unavailable for e in result.errors):
            # 503 tells proxies, load balancers and HTTP clients what the body says.
            response.status_code = 503

    def on_stream_result(self, result: Any) -> Iterator[None]:
        """The same for each message of a subscription. Its errors come wrapped without a
        path (Strawberry catches them around the stream), so only those without an
        original exception are the safe, pre-execution kind."""
        errors = getattr(result, "errors", None)
        if errors:
            request_id = getattr(self.execution_context.context, "request_id", None)
            result.errors = [self._public(error, request_id, streamed=True) for error in errors]
        yield

    @staticmethod
    def _public(error: GraphQLError, request_id: str | None, *, streamed: bool = False) -> GraphQLError:
        original = error.original_error
        if isinstance(original, domain.DomainError):
            extensions = {"code": original.code.value}
            if original.field:
                extensions["field"] = original.field
            return GraphQLError(
                original.message,
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions=extensions,
            )
        if original is None or (error.path is None and (not streamed or isinstance(original, _REFUSALS))):
            # Errors before execution: syntax, validation, variable coercion and the request
            # limits. The message is graphql-core's or ours and safe to show.
            extensions = dict(error.extensions or {})
            extensions.setdefault("code", domain.ErrorCode.INVALID_INPUT.value)
            return GraphQLError(
                error.message,
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions=extensions,
            )
        if db.is_unavailable(original):
            # Not a bug: the database cannot be reached now. A transaction cut short rolls
            # back; one whose commit was cut off may have committed: either way the retry
            # with the same idempotency key applies the write once.
            log.warning("database unavailable in request %s at %s: %r", request_id, error.path, original)
            return GraphQLError(
                "The service is temporarily unavailable; try again shortly.",
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions={"code": domain.ErrorCode.UNAVAILABLE.value, "requestId": request_id},
            )
        log.error(
            "unexpected error in request %s at %s",
            request_id,
            error.path,
            exc_info=(type(original), original, original.__traceback__),
        )
        return GraphQLError(
            "Unexpected error.",
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": domain.ErrorCode.INTERNAL_ERROR.value, "requestId": request_id},
        )
