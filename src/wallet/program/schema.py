"""The program's settings, as clients see them."""
from __future__ import annotations

from decimal import Decimal

import strawberry

from wallet.program.service import get_program


@strawberry.type(name="Program", description="The loyalty program's rules.")
class Program:
    name: str = strawberry.field(description="The program's name.")
    currency: str = strawberry.field(description="ISO 4217 code of the program's currency.")
    earn_rate: Decimal = strawberry.field(
        description="Points per unit of currency spent, before multipliers (rounded down)."
    )
    point_value: Decimal = strawberry.field(description="What one point is worth in currency.")


@strawberry.type
class ProgramQueries:
    @strawberry.field(description="The program's rules: currency, earn rate, point value.")
    async def program(self) -> Program:
        program = await get_program()
        return Program(
            name=program.name,
            currency=program.currency,
            earn_rate=program.earn_rate,
            point_value=program.point_value,
        )
