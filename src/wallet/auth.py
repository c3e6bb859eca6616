"""Access tokens: HS256 JWTs with a pinned algorithm, expiry, issuer and audience."""
from __future__ import annotations

import functools
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import jwt

from wallet.actors import Actor, ActorKind, Role
from wallet.config import Settings
from wallet.errors import Unauthenticated

if TYPE_CHECKING:
    from wallet.passwords import Passwords

ALGORITHM = "HS256"  # pinned: a token naming any other algorithm is refused
# Servers' clocks may differ a little: a token issued on one is used at once on another.
CLOCK_SKEW_SECONDS = 30
# Every check spelled out, not left to pyjwt's defaults (which have changed between
# versions, and whose maintainers mean to stop checking `iat` by default).
_CHECKS = {
    "verify_signature": True,
    "verify_exp": True,
    "verify_nbf": True,
    "verify_iat": True,  # refuse tokens issued in the future
    "verify_aud": True,
    "verify_iss": True,
    "require": ["exp", "iat", "iss", "aud", "sub"],
}


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def issue_token(
    settings: Settings, actor: Actor, *, now: datetime | None = None, version: int = 0
) -> IssuedToken:
    """A token for `actor`. Staff tokens carry the account's token version (`ver`): raising
    it (deactivation, role change) refuses every token issued before."""
    issued_at = now or datetime.now(UTC)
    expires_at = issued_at + timedelta(seconds=settings.token_ttl_seconds)
    claims = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": f"{actor.kind}:{actor.id}",
        "role": str(actor.role),
        "iat": int(issued_at.timestamp()),
        "exp": int(expires_at.timestamp()),
        "jti": uuid.uuid4().hex,
    }
    if actor.kind is ActorKind.STAFF:
        claims["ver"] = version
    return IssuedToken(jwt.encode(claims, settings.secret, algorithm=ALGORITHM), expires_at)


@dataclass(frozen=True)
class VerifiedToken:
    actor: Actor
    version: int
    expires_at: datetime | None = None


def read_token(settings: Settings, token: str) -> VerifiedToken:
    """The actor a token speaks for and its version; raises `Unauthenticated` for any
    token we did not issue."""
    verified, deadline = _verify(settings.secret, settings.token_audience, settings.token_issuer, token)
    if time.time() >= deadline:
        raise Unauthenticated("The access token has expired; log in again.")
    return verified


# A wallet or till sends the same token with every request, and checking it was about 2%
# of a `me` request's CPU: the verdict on a good token is kept (only its expiry can change
# it; revocation is checked against the account on every request, see the context).
# Refused tokens are not kept: each try is checked again.
@functools.lru_cache(maxsize=4096)
def _verify(secret: str, audience: str, issuer: str, token: str) -> tuple[VerifiedToken, float]:
    """The verified token and the moment (Unix time) it expires, allowing for clock skew."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options=_CHECKS,
            leeway=CLOCK_SKEW_SECONDS,
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("The access token has expired; log in again.") from exc
    except jwt.PyJWTError as exc:
        raise Unauthenticated("The access token is not valid.") from exc
    kind_text, _, subject_id = str(claims.get("sub", "")).partition(":")
    try:
        kind = ActorKind(kind_text)
        role = Role(claims.get("role"))
    except ValueError as exc:
        raise Unauthenticated("The access token is not valid.") from exc
    if kind in (ActorKind.SYSTEM, ActorKind.API_KEY) or not subject_id:
        raise Unauthenticated("The access token is not valid.")
    if (kind is ActorKind.MEMBER) != (role is Role.MEMBER) or role in (Role.PARTNER, Role.INTEGRATION):
        raise Unauthenticated("The access token is not valid.")
    version = claims.get("ver", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise Unauthenticated("The access token is not valid.")
    expires_at = datetime.fromtimestamp(claims["exp"], UTC) if isinstance(claims.get("exp"), int) else None
    # pyjwt's rule: expired once now >= exp + leeway (`exp` is required and numeric).
    deadline = float(claims["exp"]) + CLOCK_SKEW_SECONDS
    return VerifiedToken(Actor(kind, subject_id, role), version, expires_at), deadline


@dataclass(frozen=True)
class LogIn:
    actor: Actor
    account: object  # the Member or Staff row that logged in
    token: IssuedToken


async def log_in(
    settings: Settings,
    passwords: "Passwords",
    *,
    email: str,
    password: str,
    kind: ActorKind | None,
    address: str | None,
) -> LogIn:
    """Check credentials for a member or staff account and issue a token.

    With no `kind`, a member account with this email is tried first, then a staff one
    (a cashier may also be a member under the same email). `address` is the client's, for
    the abuse limits (wallet.attempts): past them the attempt is refused before the account
    is looked up or any password hashed.
    """
    import asyncio

    from wallet import validation
    from wallet.attempts import service as attempts
    from wallet.errors import InvalidCredentials
    from wallet.members.models import Member
    from wallet.staff.models import Staff

    email = validation.email(email)
    attempt = await attempts.begin_log_in(
        attempts.AttemptPolicy.from_settings(settings), email=email, address=attempts.address_key(address)
    )
    candidates: list[tuple[Actor, object, str]] = []
    if kind in (None, ActorKind.MEMBER):
        member = await Member.get_or_none(email=email, is_active=True)
        if member is not None:
            candidates.append((Actor(ActorKind.MEMBER, str(member.id), Role.MEMBER), member, member.password_hash))
    if kind in (None, ActorKind.STAFF):
        staff = await Staff.get_or_none(email=email, is_active=True)
        if staff is not None:
            candidates.append((Actor(ActorKind.STAFF, str(staff.id), Role(staff.role.value)), staff, staff.password_hash))
    if not candidates:
        await asyncio.to_thread(passwords.verify, None, password)  # same cost as a real check
    for actor, account, password_hash in candidates:
        if await asyncio.to_thread(passwords.verify, password_hash, password):
            await attempts.log_in_succeeded(attempt, email)
            version = account.token_version if isinstance(account, Staff) else 0
            return LogIn(actor, account, issue_token(settings, actor, version=version))
    await attempts.log_in_failed(attempt)
    raise InvalidCredentials()
