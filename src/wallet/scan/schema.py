"""The till's look-up of a member: `scanMember`."""
from __future__ import annotations

from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import (
    InvalidInputError,
    NotFoundError,
    RateLimitedError,
    ScanCodeClaimedError,
    ScanCodeExpiredError,
    ScanCodeForgedError,
    ScanCodeMalformedError,
    ScanCodeTamperedError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.members.types import Member
from wallet.rewards import service as rewards
from wallet.rewards.models import VoucherStatus
from wallet.rewards.types import Voucher
from wallet.scan import service

MAX_VOUCHERS = 50


@strawberry.type(description="The member at the till.")
class ScanMemberSuccess:
    member: Member = strawberry.field(description="The member: name, tier, points.")
    vouchers: list[Voucher] = strawberry.field(
        description="Their vouchers usable now, newest first (at most 50)."
    )


ScanMemberResult = Annotated[
    ScanMemberSuccess
    | ScanCodeMalformedError
    | ScanCodeForgedError
    | ScanCodeTamperedError
    | ScanCodeExpiredError
    | ScanCodeClaimedError
    | RateLimitedError
    | InvalidInputError
    | NotFoundError,
    strawberry.union("ScanMemberResult", description="The result of `scanMember`."),
]


@strawberry.type
class ScanMutations:
    @strawberry.mutation(
        description=(
            "Identify a member at a till from their scan code, or their card number typed in "
            "(staff, at one of their stores). The code is claimed for this till."
        )
    )
    async def scan_member(self, info: Info, code: str, store_id: strawberry.ID) -> ScanMemberResult:
        actor = await info.context.staff(Role.CASHIER, Role.ADMIN)
        try:
            member = await service.scan_member(info.context.scan_policy, actor, str(store_id), code)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        vouchers = await rewards.member_vouchers(member.id, status=VoucherStatus.ISSUED, limit=MAX_VOUCHERS)
        return ScanMemberSuccess(
            member=Member.from_model(member), vouchers=[Voucher.from_model(v) for v in vouchers]
        )
