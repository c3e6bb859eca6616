"""The program's settings: currency, earn rate, point value."""
from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wallet import db, validation
from wallet.config import ProgramDefaults
from wallet.errors import InvalidInput
from wallet.program.models import PROGRAM_ID, ExpiryPolicy, Program

if TYPE_CHECKING:
    from wallet.actors import Actor


async def ensure_program(defaults: ProgramDefaults) -> Program:
    """The program row, created from the environment's defaults on a new database."""
    program, _ = await Program.get_or_create(
        id=PROGRAM_ID,
        defaults={
            "name": defaults.name,
            "currency": defaults.currency,
            "earn_rate": defaults.earn_rate,
            "point_value": defaults.point_value,
        },
    )
    return program


async def get_program() -> Program:
    # Read on nearly every request: written out rather than built by the ORM (see wallet.db).
    found = await db.fetch_where(Program, "id", [PROGRAM_ID])
    return found[0] if found else await Program.get(id=PROGRAM_ID)


def points_for(amount: Decimal, earn_rate: Decimal, multiplier: Decimal = Decimal(1)) -> int:
    """Points earned on `amount`: amount × earn rate × multiplier, rounded down to a whole point.

    Rounding down means a member is never given a point they did not fully earn:
    19.99 at 1 point per 1.00 earns 19 points.
    """
    return int((amount * earn_rate * multiplier).to_integral_value(rounding="ROUND_FLOOR"))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def start_of_local_day(program: Program, day: date) -> datetime:
    """Midnight at the start of `day` in the program's time zone, in UTC."""
    return datetime.combine(day, time(0), ZoneInfo(program.timezone)).astimezone(UTC)


def end_of_local_day(program: Program, day: date) -> datetime:
    """Midnight after `day` in the program's time zone, in UTC."""
    zone = ZoneInfo(program.timezone)
    return datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)


def local_date(program: Program, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(program.timezone)).date()


def lot_expires_at(program: Program, earned_at: datetime) -> datetime | None:
    """When points earned at `earned_at` lapse under the after-earning policy, else None."""
    if program.expiry_policy != ExpiryPolicy.AFTER_EARNING:
        return None
    return end_of_local_day(program, add_months(local_date(program, earned_at), program.expiry_months))


def inactivity_expires_at(program: Program, last_activity_at: datetime | None) -> datetime | None:
    """When all of a member's points lapse under the after-inactivity policy, else None."""
    if program.expiry_policy != ExpiryPolicy.AFTER_INACTIVITY or last_activity_at is None:
        return None
    return end_of_local_day(
        program, add_months(local_date(program, last_activity_at), program.expiry_months)
    )


_PROGRAM_FIELDS = (
    "name",
    "currency",
    "earn_rate",
    "point_value",
    "timezone",
    "qualifying_measure",
    "tier_period",
    "return_window_days",
    "expiry_policy",
    "expiry_months",
    "cashback_percent",
    "referral_referrer_points",
    "referral_invited_points",
    "referral_min_amount",
)

MAX_REFERRAL_POINTS = 1_000_000


def snapshot(program: Program) -> dict[str, object]:
    return {name: str(getattr(program, name)) for name in _PROGRAM_FIELDS}


async def update_program(actor: "Actor", changes: dict[str, object]) -> Program:
    """Change program settings (admin); every change is in the audit trail.

    The currency cannot change once purchases exist: amounts on record would change meaning.
    """
    from wallet.audit import service as audit
    from wallet.db import transaction
    from wallet.ledger.models import Purchase

    values = _validated(changes)
    async with transaction():
        program = await Program.select_for_update().get(id=PROGRAM_ID)
        before = snapshot(program)
        if "currency" in values and values["currency"] != program.currency and await Purchase.exists():
            raise InvalidInput(
                "The currency cannot change once purchases are recorded.", field="currency"
            )
        for name, value in values.items():
            setattr(program, name, value)
        await program.save()
        await audit.record(
            actor, "program.update", target_type="program", target_id=str(PROGRAM_ID),
            before=before, after=snapshot(program),
        )
    return program


def _validated(changes: dict[str, object]) -> dict[str, object]:
    values = {k: v for k, v in changes.items() if v is not None}
    unknown = set(values) - set(_PROGRAM_FIELDS)
    if unknown:
        raise InvalidInput(f"Unknown settings: {', '.join(sorted(unknown))}.")
    if "name" in values:
        values["name"] = validation.text(str(values["name"]), "name", max_length=100)
    if "currency" in values:
        currency = str(values["currency"]).strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise InvalidInput("currency must be a 3-letter ISO 4217 code.", field="currency")
        values["currency"] = currency
    for name, field in (("earn_rate", "earnRate"), ("point_value", "pointValue")):
        if name in values:
            value = Decimal(str(values[name]))
            if not value.is_finite() or value <= 0 or value > 1000:
                raise InvalidInput(f"{field} must be above 0 and at most 1000.", field=field)
            if value != value.quantize(Decimal("0.0001")):
                # Stored with 4 decimals: refuse rather than round what the admin typed.
                raise InvalidInput(f"{field} has at most 4 decimal places.", field=field)
            values[name] = value.quantize(Decimal("0.0001"))  # as stored, for the audit record
    if "timezone" in values:
        try:
            ZoneInfo(str(values["timezone"]))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput("timezone must be an IANA zone such as Europe/Paris.", field="timezone") from exc
    if "return_window_days" in values and not 0 <= int(values["return_window_days"]) <= 365:  # type: ignore[call-overload]
        raise InvalidInput("returnWindowDays must be 0 to 365.", field="returnWindowDays")
    if "cashback_percent" in values:
        value = Decimal(str(values["cashback_percent"]))
        if not value.is_finite() or not 0 <= value <= 100 or value != value.quantize(Decimal("0.01")):
            raise InvalidInput("cashbackPercent must be 0 to 100, two decimals at most.", field="cashbackPercent")
        values["cashback_percent"] = value
    for name, field in (("referral_referrer_points", "referralReferrerPoints"), ("referral_invited_points", "referralInvitedPoints")):
        if name in values and not 0 <= int(values[name]) <= MAX_REFERRAL_POINTS:  # type: ignore[call-overload]
            raise InvalidInput(f"{field} must be 0 to {MAX_REFERRAL_POINTS:,} points.", field=field)
    if "referral_min_amount" in values:
        value = Decimal(str(values["referral_min_amount"]))
        if not value.is_finite() or not 0 <= value <= 1_000_000 or value != value.quantize(Decimal("0.01")):
            raise InvalidInput("referralMinAmount must be 0 to 1000000, two decimals at most.", field="referralMinAmount")
        values["referral_min_amount"] = value.quantize(Decimal("0.01"))  # as stored, for the audit record
    if "expiry_months" in values and not 1 <= int(values["expiry_months"]) <= 120:  # type: ignore[call-overload]
        raise InvalidInput("expiryMonths must be 1 to 120.", field="expiryMonths")
    return values
