"""Settings from the environment, in one place.

Every setting is read once, when `Settings.from_env()` runs; the README lists them all.
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

log = logging.getLogger("wallet.config")

DEFAULT_DATABASE_FILE = "wallet.db"


class ConfigError(RuntimeError):
    """The environment asks for something Wallet refuses to run with."""


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


def _bool(env: dict[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if raw == "":
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _seconds(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from exc
    if not 0 < value <= 3600:
        raise ConfigError(f"{name} must be more than 0 and at most 3600 seconds, got {raw!r}")
    return value


def _decimal(env: dict[str, str], name: str, default: str) -> Decimal:
    raw = env.get(name) or default
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ConfigError(f"{name} must be a decimal number, got {raw!r}") from exc
    if not value.is_finite() or value < 0:
        raise ConfigError(f"{name} must be a finite, non-negative number, got {raw!r}")
    return value


_ORIGIN = re.compile(r"^https?://[^/\s]+$")


def _origins(env: dict[str, str], name: str) -> tuple[str, ...]:
    """A comma-separated list of origins (scheme://host[:port], as browsers send them)."""
    origins = tuple(part.strip() for part in (env.get(name) or "").split(",") if part.strip())
    for origin in origins:
        if not _ORIGIN.match(origin):
            raise ConfigError(
                f"{name} lists origins as scheme://host[:port], without a path, a trailing "
                f"slash or a wildcard; got {origin!r}"
            )
    return origins


@dataclass(frozen=True)
class ProgramDefaults:
    """What a new database's program starts with; admins change it afterwards."""

    name: str = "Wallet Rewards"
    currency: str = "USD"
    earn_rate: Decimal = Decimal("1")
    point_value: Decimal = Decimal("0.01")


@dataclass(frozen=True)
class Limits:
    """Guards on the size and shape of GraphQL requests."""

    max_body_bytes: int = 64 * 1024
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    max_page_size: int = 100


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    database_url: str = f"sqlite://{DEFAULT_DATABASE_FILE}"
    # PostgreSQL outages: how long to wait to open a connection (server and commands), and
    # how long the server waits for one statement (and, with connecting, for a pooled
    # connection) before the request fails with UNAVAILABLE instead of hanging.
    database_connect_timeout_seconds: float = 2.0
    database_statement_timeout_seconds: float = 5.0
    secret: str = ""
    token_ttl_seconds: int = 3600
    token_issuer: str = "wallet"
    token_audience: str = "wallet-api"
    # Argon2id cost: memory in KiB and passes. Tests lower them; production keeps the defaults.
    password_memory_kib: int = 65536
    password_time_cost: int = 3
    max_purchase_amount: Decimal = Decimal("1000000")
    # Scan codes: how long a code on the member's phone is accepted, and how many refused
    # scans a cashier may make in a minute before further scans are refused.
    scan_code_ttl_seconds: int = 60
    scan_failures_per_minute: int = 10
    # Abuse limits on logIn and signUp (see wallet/attempts/service.py): failed log-ins per
    # account (email) and per client address within the log-in window, and sign-ups per
    # address within the sign-up window.
    login_failures_per_account: int = 5
    login_failures_per_address: int = 20
    login_window_seconds: int = 900
    sign_ups_per_address: int = 20
    sign_up_window_seconds: int = 3600
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto `wallet serve` trusts (uvicorn's
    # forwarded_allow_ips); empty: none, and the client address is the TCP peer's.
    forwarded_allow_ips: str = ""
    # Paid membership: the gateway new memberships check out with, the days a membership
    # stays past_due (with its benefits) after a failed renewal before it lapses, and Stripe.
    payment_gateway: str = "manual"
    membership_grace_days: int = 7
    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    public_url: str = "http://127.0.0.1:8000"
    # Origins whose pages may call the API from a browser (CORS); none by default: the
    # wallet's own pages are served from the API's origin.
    cors_origins: tuple[str, ...] = ()
    # Member care (wallet.care): how old a purchase may be for a missing-points claim, and
    # points gifts between members: off unless switched on, and how many points a member
    # may give per calendar month (in the program's time zone).
    claim_max_age_days: int = 30
    gifts_enabled: bool = False
    gift_points_per_month: int = 5000
    # Notifications: the sender that delivers them after commit (`log`, a registered name
    # or module:factory), how long read ones are kept, and how many days ahead members are
    # warned of expiring points.
    notification_sender: str = "log"
    notification_retention_days: int = 90
    points_expiring_notice_days: int = 30
    # Live updates (GraphQL subscriptions over WebSocket): operations one connection may run
    # at once, and connections one account (member or staff) may hold open per server process.
    live_subscriptions_per_connection: int = 10
    live_connections_per_account: int = 5
    program: ProgramDefaults = field(default_factory=ProgramDefaults)
    limits: Limits = field(default_factory=Limits)

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if environ is None else environ)
        app_env = env.get("WALLET_ENV", "development").strip().lower() or "development"
        database_url = env.get("WALLET_DATABASE_URL") or f"sqlite://{DEFAULT_DATABASE_FILE}"
        program = ProgramDefaults(
            name=env.get("WALLET_PROGRAM_NAME") or ProgramDefaults.name,
            currency=(env.get("WALLET_CURRENCY") or ProgramDefaults.currency).upper(),
            earn_rate=_decimal(env, "WALLET_EARN_RATE", str(ProgramDefaults.earn_rate)),
            point_value=_decimal(env, "WALLET_POINT_VALUE", str(ProgramDefaults.point_value)),
        )
        limits = Limits(
            max_body_bytes=_int(env, "WALLET_MAX_BODY_BYTES", Limits.max_body_bytes),
            max_query_depth=_int(env, "WALLET_MAX_QUERY_DEPTH", Limits.max_query_depth),
            max_aliases=_int(env, "WALLET_MAX_ALIASES", Limits.max_aliases),
            max_tokens=_int(env, "WALLET_MAX_TOKENS", Limits.max_tokens),
            max_page_size=_int(env, "WALLET_MAX_PAGE_SIZE", Limits.max_page_size),
        )
        settings = cls(
            env=app_env,
            database_url=database_url,
            database_connect_timeout_seconds=_seconds(
                env, "WALLET_DATABASE_CONNECT_TIMEOUT_SECONDS", cls.database_connect_timeout_seconds
            ),
            database_statement_timeout_seconds=_seconds(
                env, "WALLET_DATABASE_STATEMENT_TIMEOUT_SECONDS", cls.database_statement_timeout_seconds
            ),
            secret=env.get("WALLET_SECRET", ""),
            token_ttl_seconds=_int(env, "WALLET_TOKEN_TTL_SECONDS", 3600),
            password_memory_kib=_int(env, "WALLET_PASSWORD_MEMORY_KIB", 65536),
            password_time_cost=_int(env, "WALLET_PASSWORD_TIME_COST", 3),
            max_purchase_amount=_decimal(env, "WALLET_MAX_PURCHASE_AMOUNT", "1000000"),
            scan_code_ttl_seconds=_int(env, "WALLET_SCAN_CODE_TTL_SECONDS", 60),
            scan_failures_per_minute=_int(env, "WALLET_SCAN_FAILURES_PER_MINUTE", 10),
            login_failures_per_account=_int(env, "WALLET_LOGIN_FAILURES_PER_ACCOUNT", 5),
            login_failures_per_address=_int(env, "WALLET_LOGIN_FAILURES_PER_ADDRESS", 20),
            login_window_seconds=_int(env, "WALLET_LOGIN_WINDOW_SECONDS", 900),
            sign_ups_per_address=_int(env, "WALLET_SIGN_UPS_PER_ADDRESS", 20),
            sign_up_window_seconds=_int(env, "WALLET_SIGN_UP_WINDOW_SECONDS", 3600),
            forwarded_allow_ips=(env.get("WALLET_FORWARDED_ALLOW_IPS") or "").strip(),
            payment_gateway=(
                env.get("WALLET_PAYMENT_GATEWAY") or ("stripe" if app_env == "production" else "manual")
            ).strip().lower(),
            membership_grace_days=_int(env, "WALLET_MEMBERSHIP_GRACE_DAYS", 7),
            stripe_secret_key=env.get("WALLET_STRIPE_SECRET_KEY", ""),
            stripe_webhook_secret=env.get("WALLET_STRIPE_WEBHOOK_SECRET", ""),
            public_url=(env.get("WALLET_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/"),
            cors_origins=_origins(env, "WALLET_CORS_ORIGINS"),
            claim_max_age_days=_int(env, "WALLET_CLAIM_MAX_AGE_DAYS", 30),
            gifts_enabled=_bool(env, "WALLET_GIFTS_ENABLED", False),
            gift_points_per_month=_int(env, "WALLET_GIFT_POINTS_PER_MONTH", 5000),
            notification_sender=(env.get("WALLET_NOTIFICATION_SENDER") or "log").strip(),
            notification_retention_days=_int(env, "WALLET_NOTIFICATION_RETENTION_DAYS", 90),
            points_expiring_notice_days=_int(env, "WALLET_POINTS_EXPIRING_NOTICE_DAYS", 30),
            live_subscriptions_per_connection=_int(env, "WALLET_LIVE_SUBSCRIPTIONS_PER_CONNECTION", 10),
            live_connections_per_account=_int(env, "WALLET_LIVE_CONNECTIONS_PER_ACCOUNT", 5),
            program=program,
            limits=limits,
        )
        if not 10 <= settings.scan_code_ttl_seconds <= 3600:
            raise ConfigError("WALLET_SCAN_CODE_TTL_SECONDS must be between 10 and 3600")
        if settings.scan_failures_per_minute < 1:
            raise ConfigError("WALLET_SCAN_FAILURES_PER_MINUTE must be at least 1")
        for name, value in (
            ("WALLET_LOGIN_FAILURES_PER_ACCOUNT", settings.login_failures_per_account),
            ("WALLET_LOGIN_FAILURES_PER_ADDRESS", settings.login_failures_per_address),
            ("WALLET_SIGN_UPS_PER_ADDRESS", settings.sign_ups_per_address),
        ):
            if value < 1:
                raise ConfigError(f"{name} must be at least 1")
        for name, value in (
            ("WALLET_LOGIN_WINDOW_SECONDS", settings.login_window_seconds),
            ("WALLET_SIGN_UP_WINDOW_SECONDS", settings.sign_up_window_seconds),
        ):
            # At most a day: `wallet run-jobs` forgets attempts older than that.
            if not 60 <= value <= 86400:
                raise ConfigError(f"{name} must be between 60 and 86400")
        if settings.payment_gateway not in ("manual", "stripe"):
            raise ConfigError("WALLET_PAYMENT_GATEWAY must be manual or stripe")
        if settings.payment_gateway == "manual" and settings.is_production:
            # The manual gateway charges nothing: it must never take a real member's signup.
            raise ConfigError("the manual payment gateway is refused when WALLET_ENV=production")
        for name, value in (
            ("WALLET_LIVE_SUBSCRIPTIONS_PER_CONNECTION", settings.live_subscriptions_per_connection),
            ("WALLET_LIVE_CONNECTIONS_PER_ACCOUNT", settings.live_connections_per_account),
        ):
            if not 1 <= value <= 1000:
                raise ConfigError(f"{name} must be between 1 and 1000")
        if not 0 <= settings.membership_grace_days <= 90:
            raise ConfigError("WALLET_MEMBERSHIP_GRACE_DAYS must be 0 to 90")
        if not 1 <= settings.claim_max_age_days <= 3650:
            raise ConfigError("WALLET_CLAIM_MAX_AGE_DAYS must be 1 to 3650")
        if not 1 <= settings.gift_points_per_month <= 10_000_000:
            raise ConfigError("WALLET_GIFT_POINTS_PER_MONTH must be 1 to 10000000")
        if not 1 <= settings.points_expiring_notice_days <= 365:
            raise ConfigError("WALLET_POINTS_EXPIRING_NOTICE_DAYS must be 1 to 365")
        # Longer than the notice: a warning read and purged is never sent again for points
        # that have not lapsed yet.
        if not settings.points_expiring_notice_days < settings.notification_retention_days <= 3650:
            raise ConfigError(
                "WALLET_NOTIFICATION_RETENTION_DAYS must be more than WALLET_POINTS_EXPIRING_NOTICE_DAYS, and at most 3650"
            )
        return settings.with_secret()

    def with_secret(self) -> "Settings":
        """Resolve the signing secret: required in production, generated once in development."""
        if self.secret:
            if len(self.secret) < 32:
                raise ConfigError("WALLET_SECRET must be at least 32 characters long")
            return self
        if self.is_production:
            raise ConfigError("WALLET_SECRET is required when WALLET_ENV=production")
        secret_file = self.secret_file()
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Created private and exclusively: two processes starting at once share one secret.
            descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            secret = secret_file.read_text().strip()
            if len(secret) < 32:
                raise ConfigError(
                    f"{secret_file} holds a secret shorter than 32 characters: "
                    "delete it to generate a new one, or set WALLET_SECRET"
                ) from None
            return replace(self, secret=secret)
        secret = secrets.token_urlsafe(48)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secret + "\n")
        log.warning(
            "WALLET_SECRET is not set: generated a development secret in %s. "
            "Set WALLET_SECRET in production.",
            secret_file,
        )
        return replace(self, secret=secret)

    def secret_file(self) -> Path:
        """The development secret lives beside the SQLite database (or in the working directory)."""
        path = sqlite_path(self.database_url)
        folder = path.parent if path is not None else Path.cwd()
        return folder / ".wallet.secret"

    @property
    def dialect(self) -> str:
        return "sqlite" if self.database_url.startswith("sqlite") else "postgres"


def sqlite_path(database_url: str) -> Path | None:
    if not database_url.startswith("sqlite://"):
        return None
    raw = database_url[len("sqlite://") :].split("?", 1)[0]
    if raw in ("", ":memory:"):
        return None
    return Path(raw).expanduser().resolve()

