"""The program's settings: currency, earn rate, point value."""
from __future__ import annotations

from decimal import Decimal

from wallet.config import ProgramDefaults
from wallet.program.models import PROGRAM_ID, Program


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
    return await Program.get(id=PROGRAM_ID)


def points_for(amount: Decimal, earn_rate: Decimal, multiplier: Decimal = Decimal(1)) -> int:
    """Points earned on `amount`: amount × earn rate × multiplier, rounded down to a whole point.

    Rounding down means a member is never given a point they did not fully earn:
    19.99 at 1 point per 1.00 earns 19 points.
    """
    return int((amount * earn_rate * multiplier).to_integral_value(rounding="ROUND_FLOOR"))
