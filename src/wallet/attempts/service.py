"""Abuse limits on logIn and signUp: how many tries an account and a client address get.

Rules:
- logIn: a failed log-in counts against its account (the email, normalised: case and
  spaces do not matter, and a member and a staff account of one email share it) and
  against the client's address. With `login_failures_per_account` failures of the account,
  or `login_failures_per_address` failures from the address, in the log-in window, further
  log-ins are refused with RATE_LIMITED, even with the right password, until the window
  has room again. Refusals do not count: the wait is the one the failures set, so a
  member who keeps trying while refused is not refused for longer.
- Whether the account exists plays no part: an unknown email's failures count and are
  refused exactly like a known one's, and a refused attempt neither looks the account up
  nor hashes a password, whoever it names.
- A successful log-in forgives the account's earlier failures (four typos and then the
  right password start afresh), not the address's: they still count there, so logging in
  to an account of one's own buys no more guesses at others'.
- signUp: every attempt counts against the client's address, successes too (a success
  says the email was free); with `sign_ups_per_address` attempts in the sign-up window,
  further sign-ups from the address are refused with RATE_LIMITED. A taken email is still
  DUPLICATE (the member must be told); the limit is what makes enumerating emails slow.
- The count holds under concurrency: an attempt reserves its place (a committed row)
  before any password is checked, and counts under a lock per account and per address, so
  each attempt of a concurrent burst sees those before it. On PostgreSQL the lock is a
  transaction-scoped advisory lock: without it two attempts could each commit, count
  before the other's commit is visible and both pass. SQLite runs one transaction at a time.
- The address is the ASGI client's host: the TCP peer, or behind a proxy trusted with
  WALLET_FORWARDED_ALLOW_IPS the client the proxy names (uvicorn's proxy headers). An
  IPv6 client counts by its /64, the block one customer line usually holds.
- The first refusal of a run (none for that account or address in the window before) is
  audited, as login.rate_limited or signup.rate_limited. A run keeps one row, whatever its
  length: a flood of refused tries costs reads, not rows.
- Anyone can keep an account refused by failing at it every window: the price of holding
  every account to a few guesses a window, whoever makes them. The address limit does not
  stop a spread-out attack on one account; the account limit does.
- `wallet run-jobs` forgets attempts a day old.
"""
from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from wallet import clock, db
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.attempts.models import AuthAttempt
from wallet.config import Settings
from wallet.db import transaction
from wallet.errors import RateLimited

LOG_IN = "log_in"
SIGN_UP = "sign_up"
# Outcomes, and what each counts against.
PENDING = "pending"  # a log-in in flight: its account and address
FAILED = "failed"  # a failed log-in: its account and address
FORGIVEN = "forgiven"  # a failed log-in whose account logged in since: its address
COUNTED = "counted"  # a sign-up: its address
REFUSED = "refused"  # a run of refusals (its time: the last): nothing

UNKNOWN_ADDRESS = "unknown"  # no client address (a Unix socket): all such share one count
# Attempts are kept a day after they were made, for investigations (windows are shorter).
KEEP_FOR = timedelta(days=1)
_LOCK_NAMESPACE = 0x57A7  # the first key of our two-key advisory locks: "this module"


@dataclass(frozen=True)
class AttemptPolicy:
    log_in_failures_per_account: int
    log_in_failures_per_address: int
    log_in_window: timedelta
    sign_ups_per_address: int
    sign_up_window: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> "AttemptPolicy":
        return cls(
            settings.login_failures_per_account,
            settings.login_failures_per_address,
            timedelta(seconds=settings.login_window_seconds),
            settings.sign_ups_per_address,
            timedelta(seconds=settings.sign_up_window_seconds),
        )


def address_key(host: str | None) -> str:
    """What a client address counts as: the IP as written, an IPv6 client's /64."""
    if not host:
        return UNKNOWN_ADDRESS
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclass(frozen=True)
class _Limit:
    scope: str  # account or address: what the audit record and the lock name
    column: str
    value: str
    most: int
    counted: tuple[str, ...]  # outcomes that count


# --- logIn ------------------------------------------------------------------------------


async def begin_log_in(policy: AttemptPolicy, *, email: str, address: str) -> int:
    """Reserve a log-in attempt's place before its password is checked; raise RateLimited
    when its account or address has used up its failures. Returns the attempt's id, to
    settle with `log_in_failed` or `log_in_succeeded`."""
    limits = (
        _Limit("account", "email", email, policy.log_in_failures_per_account, (PENDING, FAILED)),
        _Limit("address", "address", address, policy.log_in_failures_per_address, (PENDING, FAILED, FORGIVEN)),
    )
    return await _reserve(
        LOG_IN, email, address, policy.log_in_window, limits, PENDING,
        "Too many failed log-ins; try again in {wait}.",
    )


async def log_in_failed(attempt_id: int) -> None:
    await AuthAttempt.filter(id=attempt_id).update(outcome=FAILED)


async def log_in_succeeded(attempt_id: int, email: str) -> None:
    """Give the attempt's place back and forgive the account's earlier failures."""
    async with transaction():
        await AuthAttempt.filter(id=attempt_id).delete()
        await AuthAttempt.filter(action=LOG_IN, email=email, outcome=FAILED, id__lt=attempt_id).update(
            outcome=FORGIVEN
        )


# --- signUp -----------------------------------------------------------------------------


async def begin_sign_up(policy: AttemptPolicy, *, email: str, address: str) -> None:
    """Count a sign-up attempt against its address; raise RateLimited past the limit."""
    limits = (_Limit("address", "address", address, policy.sign_ups_per_address, (COUNTED,)),)
    await _reserve(
        SIGN_UP, email, address, policy.sign_up_window, limits, COUNTED,
        "Too many sign-ups from your network; try again in {wait}.",
    )


# --- counting ---------------------------------------------------------------------------


async def _reserve(
    action: str,
    email: str,
    address: str,
    window: timedelta,
    limits: tuple[_Limit, ...],
    outcome: str,
    message: str,
) -> int:
    now = clock.now()
    since = now - window
    full: list[tuple[_Limit, list[datetime]]] = []
    async with transaction():
        await _lock(action, limits)
        for limit in limits:
            # The newest `most` attempts that count: all of them are in the window when full.
            recent = await (
                AuthAttempt.filter(
                    action=action, created_at__gt=since, outcome__in=limit.counted, **{limit.column: limit.value}
                )
                .order_by("-created_at", "-id")
                .limit(limit.most)
                .values_list("created_at", flat=True)
            )
            if len(recent) >= limit.most:
                full.append((limit, recent))
        if not full:
            attempt = await AuthAttempt.create(
                action=action, email=email, address=address, outcome=outcome, created_at=now
            )
            return attempt.id
        await _note_refusal(action, [limit for limit, _ in full], email, address, since, now)
    # Room comes back when the oldest of the newest `most` leaves the window.
    wait = max(math.ceil((recent[-1] + window - now).total_seconds()) for _, recent in full)
    wait = max(1, wait)
    raise RateLimited(message.format(wait=_minutes(wait)), retry_after_seconds=wait)


async def _lock(action: str, limits: tuple[_Limit, ...]) -> None:
    """Serialise the attempts of one account and of one address (PostgreSQL; see the rules)."""
    if db.dialect() != "postgres":
        return
    keys = sorted({_lock_key(f"{action}:{limit.scope}:{limit.value}") for limit in limits})
    for key in keys:  # always in the same order: two attempts never wait for each other's second
        await db.fetch_rows("SELECT pg_advisory_xact_lock($1::int, $2::int)", _LOCK_NAMESPACE, key)


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest(), "big", signed=True)


async def _note_refusal(
    action: str, limits: list[_Limit], email: str, address: str, since: datetime, now: datetime
) -> None:
    """Audit the first refusal of a run, for each limit that refused, and keep one refused
    row per run: later refusals move its time on instead of adding rows, so a flood of
    refused tries does not grow the table."""
    runs: list[int] = []
    new_run = False
    for limit in limits:
        run = await (
            AuthAttempt.filter(action=action, outcome=REFUSED, created_at__gt=since, **{limit.column: limit.value})
            .order_by("-created_at", "-id")
            .limit(1)
            .values_list("id", flat=True)
        )
        if run:
            runs.extend(run)
        else:
            new_run = True
            await _audit_refusal(action, limit, email, address, since)
    if runs:
        await AuthAttempt.filter(id__in=runs).update(created_at=now)
    if new_run:
        await AuthAttempt.create(action=action, email=email, address=address, outcome=REFUSED, created_at=now)


async def _audit_refusal(action: str, limit: _Limit, email: str, address: str, since: datetime) -> None:
    counted = await AuthAttempt.filter(
        action=action, created_at__gt=since, outcome__in=limit.counted, **{limit.column: limit.value}
    ).count()
    name = "login" if action == LOG_IN else "signup"
    await audit.record(
        Actor.system(),
        f"{name}.rate_limited",
        target_type=name,
        target_id=None,
        after={"limit": limit.scope, "email": email, "address": address, "attemptsInWindow": counted},
    )


def _minutes(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


async def purge(now: datetime | None = None) -> int:
    """Forget attempts older than a day (the job). Returns rows deleted."""
    cutoff = (now or clock.now()) - KEEP_FOR
    return await AuthAttempt.filter(created_at__lt=cutoff).delete()
