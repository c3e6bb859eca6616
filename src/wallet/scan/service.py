"""Identifying a member at the till: by scan code or by card number.

Rules:
- A scan code is accepted while it lives, and by one till only: the first till (cashier
  and store) that scans it claims it; the same till may use it again (scan, then record
  the purchase), any other till is refused with SCAN_CODE_CLAIMED. Rotation alone would
  not stop a shared screenshot; the claim does.
- Every refused code or card number counts as a failure of the cashier. With
  `scan_failures_per_minute` failures in the last 60 seconds, further scans by that
  cashier are refused (RATE_LIMITED) until the window has room again; refusals count too,
  so a cashier who keeps guessing stays refused. The first refusal of a window is audited.
- Refused codes are recorded in their own transaction, after the request's transaction
  rolled back, so they survive the refusal they describe. Guessing a code is hopeless (a
  128-bit tag), so a burst that overshoots the limit costs nothing.
- Card numbers can be guessed, so a card look-up first reserves its place in the window
  (a committed row): concurrent guesses see each other and the limit holds under a burst.
  A look-up that finds the member gives its place back. Card look-ups therefore run
  outside the till operation's transaction, before it.
"""
from __future__ import annotations

import contextlib
import math
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from wallet import clock, db
from wallet.audit import service as audit
from wallet.actors import Actor
from wallet.config import Settings
from wallet.db import transaction
from wallet.errors import RateLimited
from wallet.live import service as live
from wallet.members import service as members
from wallet.members.models import Member
from wallet.scan.codes import IssuedCode, ScanCodes, looks_like_scan_code, scan_codes
from wallet.scan.errors import ScanCodeClaimed, ScanCodeError, ScanCodeExpired, ScanCodeMalformed
from wallet.scan.models import ScanClaim, ScanFailure
from wallet.staff.service import store_for

WINDOW = timedelta(seconds=60)
RATE_LIMITED_REASON = "rate_limited"
# Claims and failures are kept a day after they stop mattering, for investigations.
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class ScanPolicy:
    codes: ScanCodes
    failures_per_minute: int

    @classmethod
    def from_settings(cls, settings: Settings) -> "ScanPolicy":
        return cls(
            scan_codes(settings.secret, settings.scan_code_ttl_seconds),
            settings.scan_failures_per_minute,
        )


def issue_code(policy: ScanPolicy, member_id: uuid.UUID | str) -> IssuedCode:
    return policy.codes.issue(member_id, clock.now())


# --- refusals ---------------------------------------------------------------------------

ATTEMPT_REASON = "attempt"  # a card look-up in flight, holding its place in the window


async def check_rate(policy: ScanPolicy, actor: Actor, now: datetime | None = None) -> None:
    """Raise RateLimited when the cashier has used up the minute's failures."""
    now = now or clock.now()
    # Asked on every scan and sale by scan code: written out (see wallet.db).
    [recent] = await db.fetch_rows(
        "SELECT COUNT(*) AS failures FROM scan_failure WHERE staff_id = $1 AND created_at > $2",
        uuid.UUID(str(actor.id)), now - WINDOW,
    )
    if recent["failures"] >= policy.failures_per_minute:
        raise await _rate_limited(policy, actor, now)


async def _rate_limited(policy: ScanPolicy, actor: Actor, now: datetime) -> RateLimited:
    # Room comes back when the limit-th newest failure leaves the window.
    blocking = (
        await ScanFailure.filter(staff_id=actor.id, created_at__gt=now - WINDOW)
        .order_by("-created_at", "-id")
        .offset(policy.failures_per_minute - 1)
        .first()
    )
    wait = (blocking.created_at + WINDOW - now).total_seconds() if blocking else 1
    return RateLimited(
        "Too many refused scans in the last minute; wait before scanning again.",
        retry_after_seconds=max(1, math.ceil(wait)),
    )


@contextlib.asynccontextmanager
async def counting_refusals(actor: Actor, store_id: str | None) -> AsyncIterator[None]:
    """Wrap a till operation: refused scan codes are recorded against the cashier.

    Use it outside the operation's transaction, so the record outlives the rollback.
    (Card look-ups record their own outcome: see `member_by_card`.)
    """
    try:
        yield
    except RateLimited as exc:
        if not exc.recorded:
            await _note_refusal(actor, store_id, RATE_LIMITED_REASON)
        raise
    except ScanCodeError as exc:
        await _note_refusal(actor, store_id, exc.reason)
        raise


async def _note_refusal(actor: Actor, store_id: str | None, reason: str) -> None:
    now = clock.now()
    async with transaction():
        if reason == RATE_LIMITED_REASON:
            await _audit_first_refusal(actor, store_id, now)
        await ScanFailure.create(staff_id=actor.id, reason=reason, created_at=now)


async def _audit_first_refusal(actor: Actor, store_id: str | None, now: datetime) -> None:
    already = await ScanFailure.exists(
        staff_id=actor.id, reason=RATE_LIMITED_REASON, created_at__gt=now - WINDOW
    )
    if not already:
        await audit.record(
            actor,
            "scan.rate_limited",
            target_type="staff",
            target_id=actor.id,
            after={"failuresInWindow": await _failures_since(actor, now - WINDOW)},
            store_id=_store_uuid(store_id),
        )


async def _failures_since(actor: Actor, since: datetime) -> int:
    return await ScanFailure.filter(staff_id=actor.id, created_at__gt=since).count()


def _store_uuid(store_id: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(store_id)) if store_id else None
    except ValueError:
        return None


# --- identifying ------------------------------------------------------------------------


async def member_by_code(
    policy: ScanPolicy, actor: Actor, store_id: uuid.UUID, code: str
) -> Member:
    """The member a scan code names, claimed for this till. Call inside the transaction
    of the till operation, wrapped in `counting_refusals`."""
    await check_rate(policy, actor)
    now = clock.now()
    read = policy.codes.read(code, now)
    await _claim(read.nonce, read.member_id, read.expires_at, actor, store_id, now)
    found = await db.fetch(
        Member, f"SELECT {db.columns(Member)} FROM member WHERE id = $1 AND is_active", read.member_id
    )
    member = found[0] if found else None
    if member is None:
        # The account closed after the code was issued: the code is dead, like an expired one.
        raise ScanCodeExpired()
    return member


async def member_by_card(
    policy: ScanPolicy, actor: Actor, card_number: str, *, field: str, store_id: str | None = None
) -> Member:
    """The member with this card number (the manual fallback); refusals count.

    Not inside a transaction: the attempt is committed first, so that concurrent guesses by
    one cashier count each other (see the module's rules).
    """
    now = clock.now()
    async with transaction():
        attempt = await ScanFailure.create(staff_id=actor.id, reason=ATTEMPT_REASON, created_at=now)
    place = await ScanFailure.filter(
        staff_id=actor.id, created_at__gt=now - WINDOW, id__lte=attempt.id
    ).count()
    if place > policy.failures_per_minute:
        refusal = await _rate_limited(policy, actor, now)
        async with transaction():
            await _audit_first_refusal(actor, store_id, now)
            await ScanFailure.filter(id=attempt.id).update(reason=RATE_LIMITED_REASON)
        refusal.recorded = True
        raise refusal
    try:
        member = await members.get_member_by_card(card_number, field=field)
    except (members.InvalidCard, members.UnknownCard) as exc:
        reason = "unknown_card" if isinstance(exc, members.UnknownCard) else "invalid_card"
        await ScanFailure.filter(id=attempt.id).update(reason=reason)
        raise
    await ScanFailure.filter(id=attempt.id).delete()
    return member


def is_card_number_like(text: str) -> bool:
    text = (text or "").strip()
    return bool(text) and all(ch.isdigit() or ch in " -" for ch in text)


async def _claim(
    nonce: str,
    member_id: uuid.UUID,
    expires_at: datetime,
    actor: Actor,
    store_id: uuid.UUID,
    now: datetime,
) -> None:
    """Claim the code for this till, or refuse it if another till claimed it first.

    INSERT … ON CONFLICT DO NOTHING, then read: on PostgreSQL a concurrent claim of the
    same nonce waits for the first transaction and then sees its row.
    """
    claimed = await db.fetch_rows(
        """INSERT INTO scan_claim (nonce, member_id, staff_id, store_id, expires_at, claimed_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING nonce""",
        nonce, member_id, uuid.UUID(str(actor.id)), store_id, expires_at, now,
    )
    if claimed:
        return
    claim = await ScanClaim.get(nonce=nonce)
    if str(claim.staff_id) != str(actor.id) or claim.store_id != store_id:
        raise ScanCodeClaimed()


async def purge(now: datetime | None = None) -> int:
    """Delete claims of long-expired codes and old failures (the job). Returns rows deleted."""
    cutoff = (now or clock.now()) - KEEP_FOR
    claims = await ScanClaim.filter(expires_at__lt=cutoff).delete()
    failures = await ScanFailure.filter(created_at__lt=cutoff).delete()
    return claims + failures



async def scan_member(policy: ScanPolicy, actor: Actor, store_id: str, code: str) -> Member:
    """The till's look-up of what its one input holds: a scanned code, or a card number
    typed in (staff at their store). Audited, since the cashier sees the member's data and
    the code is claimed for this till."""
    store = await store_for(actor, store_id)
    by_card: Member | None = None
    if is_card_number_like(code):
        by_card = await member_by_card(policy, actor, code, field="code", store_id=store_id)
    async with counting_refusals(actor, store_id):
        async with transaction():
            if by_card is not None:
                member = by_card
            elif looks_like_scan_code(code):
                member = await member_by_code(policy, actor, store.id, code)
            else:
                await check_rate(policy, actor)
                raise ScanCodeMalformed()
            await audit.record(
                actor,
                "member.scan",
                target_type="member",
                target_id=str(member.id),
                after={"via": "scanCode" if looks_like_scan_code(code) else "cardNumber"},
                store_id=store.id,
                member_id=member.id,
            )
            await live.member_scanned(store.id, member.id, clock.now())
    return member
