"""Members' queries and mutations: thin, the rules live in the services."""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated

import strawberry

from wallet import auth
from wallet.actors import Actor, ActorKind, Role
from wallet.attempts.service import AttemptPolicy
from wallet.errors import DomainError, InvalidInput, NotFound
from wallet.graphql.errors import (
    DuplicateError,
    InvalidCredentialsError,
    InvalidInputError,
    RateLimitedError,
    ReferralCodeUnknownError,
    ReferralRefusedError,
    error_type,
)
from wallet.graphql.types import Info
from wallet.members import service
from wallet.scan import service as scan
from wallet.members.types import Member
from wallet.staff.types import Staff


@strawberry.input(description="A new member's details.")
class SignUpInput:
    email: str = strawberry.field(description="Their email; it identifies them at log-in.")
    password: str = strawberry.field(description="At least 8 characters.")
    name: str = strawberry.field(description="How the program addresses them.")
    referral_code: str | None = strawberry.field(
        default=None, description="The code of the member who invited them (from their link), if any."
    )
    birth_date: date | None = strawberry.field(
        default=None, description="Optional: their birth date, for birthday bonuses and offers (given once)."
    )


@strawberry.type(description="The member was enrolled and is logged in.")
class SignUpSuccess:
    access_token: str = strawberry.field(description="Send as 'Authorization: Bearer <token>'.")
    expires_at: datetime = strawberry.field(description="When the token stops working (UTC).")
    member: Member = strawberry.field(description="The new member.")


@strawberry.input(description="What a member may change about themself.")
class UpdateProfileInput:
    name: str | None = strawberry.field(default=None, description="A new name; unchanged when null.")
    birth_date: date | None = strawberry.field(
        default=None, description="Their birth date, given once (staff correct it afterwards); unchanged when null."
    )


@strawberry.type(description="The member's profile was changed.")
class UpdateProfileSuccess:
    member: Member = strawberry.field(description="The member as changed.")


UpdateProfileResult = Annotated[
    UpdateProfileSuccess | InvalidInputError,
    strawberry.union("UpdateProfileResult", description="The result of `updateProfile`."),
]


SignUpResult = Annotated[
    SignUpSuccess | InvalidInputError | DuplicateError | RateLimitedError | ReferralCodeUnknownError | ReferralRefusedError,
    strawberry.union("SignUpResult", description="The result of `signUp`."),
]


@strawberry.enum(description="Which kind of account to log in to.")
class AccountKind(Enum):
    MEMBER = "member"
    STAFF = "staff"


@strawberry.input(description="Credentials of a member or staff account.")
class LogInInput:
    email: str = strawberry.field(description="The account's email.")
    password: str = strawberry.field(description="The account's password.")
    account: AccountKind | None = strawberry.field(
        default=None,
        description="Member or staff; when omitted, a member account is tried first, then staff.",
    )


@strawberry.type(description="Logged in.")
class LogInSuccess:
    access_token: str = strawberry.field(description="Send as 'Authorization: Bearer <token>'.")
    expires_at: datetime = strawberry.field(description="When the token stops working (UTC).")
    role: str = strawberry.field(description="member, cashier or admin.")
    member: Member | None = strawberry.field(description="The member, for a member account.")
    staff: Staff | None = strawberry.field(description="The staff account, for staff.")


LogInResult = Annotated[
    LogInSuccess | InvalidInputError | InvalidCredentialsError | RateLimitedError,
    strawberry.union("LogInResult", description="The result of `logIn`."),
]


@strawberry.type
class MemberQueries:
    @strawberry.field(description="The logged-in member.")
    async def me(self, info: Info) -> Member:
        return Member.from_model(await info.context.member())

    @strawberry.field(description="A member by id (staff only); null when there is none.")
    async def member(self, info: Info, id: strawberry.ID) -> Member | None:
        await info.context.staff()
        try:
            return Member.from_model(await service.get_member(str(id)))
        except NotFound:
            return None

    @strawberry.field(
        description="A member by card number (staff only); wrong numbers count as refused scans.",
        deprecation_reason="Use scanMember: it takes a card number too, at a store, and is audited.",
    )
    async def member_by_card(self, info: Info, card_number: str) -> Member | None:
        actor = await info.context.staff()
        policy = info.context.scan_policy
        try:
            member = await scan.member_by_card(policy, actor, card_number, field="cardNumber")
        except NotFound:
            return None
        return Member.from_model(member)


@strawberry.type
class MemberMutations:
    @strawberry.mutation(
        description="Enrol as a member; returns a token, logged in. Sign-ups are limited per client address."
    )
    async def sign_up(self, info: Info, input: SignUpInput) -> SignUpResult:
        settings = info.context.settings
        try:
            member = await service.sign_up(
                info.context.passwords,
                email=input.email,
                password=input.password,
                name=input.name,
                limits=AttemptPolicy.from_settings(settings),
                address=info.context.client_address,
                referral_code=input.referral_code,
                birth_date=input.birth_date,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        token = auth.issue_token(settings, Actor(ActorKind.MEMBER, str(member.id), Role.MEMBER))
        return SignUpSuccess(
            access_token=token.token, expires_at=token.expires_at, member=Member.from_model(member)
        )

    @strawberry.mutation(
        description="The signed-in member changes their name or gives their birth date (members only)."
    )
    async def update_profile(self, info: Info, input: UpdateProfileInput) -> UpdateProfileResult:
        actor = await info.context.actor()
        try:
            member = await service.update_profile(actor, name=input.name, birth_date=input.birth_date)
        except InvalidInput as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateProfileSuccess(member=Member.from_model(member))

    @strawberry.mutation(
        description="Log in as a member or a staff account. Failed log-ins are limited per account and per client address."
    )
    async def log_in(self, info: Info, input: LogInInput) -> LogInResult:
        kind = ActorKind(input.account.value) if input.account else None
        try:
            result = await auth.log_in(
                info.context.settings,
                info.context.passwords,
                email=input.email,
                password=input.password,
                kind=kind,
                address=info.context.client_address,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        is_member = result.actor.kind is ActorKind.MEMBER
        return LogInSuccess(
            access_token=result.token.token,
            expires_at=result.token.expires_at,
            role=str(result.actor.role),
            member=Member.from_model(result.account) if is_member else None,  # type: ignore[arg-type]
            staff=None if is_member else Staff.from_model(result.account),  # type: ignore[arg-type]
        )
