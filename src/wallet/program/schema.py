"""The program's settings, as clients see them, and their admin."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import InvalidInputError, error_type
from wallet.graphql.types import Info
from wallet.program import models
from wallet.program.service import get_program, update_program

QualifyingMeasure = strawberry.enum(
    models.QualifyingMeasure, description="What counts toward tiers: points or spend."
)
TierPeriod = strawberry.enum(models.TierPeriod, description="The window qualifying amounts count in.")
ExpiryPolicy = strawberry.enum(models.ExpiryPolicy, description="When points lapse.")


@strawberry.type(name="Program", description="The loyalty program's rules.")
class Program:
    name: str = strawberry.field(description="The program's name.")
    currency: str = strawberry.field(description="ISO 4217 code of the program's currency.")
    earn_rate: Decimal = strawberry.field(
        description="Points per unit of currency spent, before multipliers (rounded down)."
    )
    point_value: Decimal = strawberry.field(description="What one point is worth in currency.")
    timezone: str = strawberry.field(
        description="IANA time zone of the program's day boundaries (periods, expiry)."
    )
    qualifying_measure: QualifyingMeasure = strawberry.field(description="What counts toward tiers.")
    tier_period: TierPeriod = strawberry.field(description="The tier period.")
    return_window_days: int = strawberry.field(
        description="Days purchase points stay pending before they can be spent (0: at once)."
    )
    expiry_policy: ExpiryPolicy = strawberry.field(description="When points lapse.")
    expiry_months: int = strawberry.field(description="The N months of the expiry policy.")
    cashback_percent: Decimal = strawberry.field(
        description="Percent of each purchase credited as wallet credit, before plans and promotions."
    )
    referral_referrer_points: int = strawberry.field(
        description="Points for the referrer when a member they invited makes a first qualifying purchase."
    )
    referral_invited_points: int = strawberry.field(
        description="Points for the invited member on their first qualifying purchase."
    )
    referral_min_amount: Decimal = strawberry.field(
        description="The smallest purchase that qualifies a referral for its reward."
    )

    @classmethod
    def from_model(cls, program: models.Program) -> "Program":
        return cls(
            name=program.name,
            currency=program.currency,
            earn_rate=program.earn_rate,
            point_value=program.point_value,
            timezone=program.timezone,
            qualifying_measure=QualifyingMeasure(program.qualifying_measure),
            tier_period=TierPeriod(program.tier_period),
            return_window_days=program.return_window_days,
            expiry_policy=ExpiryPolicy(program.expiry_policy),
            expiry_months=program.expiry_months,
            cashback_percent=Decimal(program.cashback_percent).quantize(Decimal("0.01")),
            referral_referrer_points=int(program.referral_referrer_points),
            referral_invited_points=int(program.referral_invited_points),
            referral_min_amount=Decimal(program.referral_min_amount).quantize(Decimal("0.01")),
        )


@strawberry.input(description="Program settings to change; omitted fields stay as they are.")
class UpdateProgramInput:
    name: str | None = strawberry.field(default=None, description="The program's name.")
    currency: str | None = strawberry.field(
        default=None, description="ISO 4217 code; only before any purchase is recorded."
    )
    earn_rate: Decimal | None = strawberry.field(default=None, description="Points per unit.")
    point_value: Decimal | None = strawberry.field(default=None, description="Value of a point.")
    timezone: str | None = strawberry.field(default=None, description="IANA time zone.")
    qualifying_measure: QualifyingMeasure | None = strawberry.field(
        default=None, description="What counts toward tiers."
    )
    tier_period: TierPeriod | None = strawberry.field(default=None, description="The tier period.")
    return_window_days: int | None = strawberry.field(default=None, description="0 to 365.")
    expiry_policy: ExpiryPolicy | None = strawberry.field(default=None, description="When points lapse.")
    expiry_months: int | None = strawberry.field(default=None, description="1 to 120.")
    cashback_percent: Decimal | None = strawberry.field(default=None, description="0 to 100.")
    referral_referrer_points: int | None = strawberry.field(
        default=None, description="Points for the referrer, 0 to 1000000 (0 with the next: no reward)."
    )
    referral_invited_points: int | None = strawberry.field(
        default=None, description="Points for the invited member, 0 to 1000000."
    )
    referral_min_amount: Decimal | None = strawberry.field(
        default=None, description="The smallest qualifying purchase, 0 to 1000000."
    )


@strawberry.type(description="The settings were changed.")
class UpdateProgramSuccess:
    program: Program = strawberry.field(description="The program as it is now.")


UpdateProgramResult = Annotated[
    UpdateProgramSuccess | InvalidInputError,
    strawberry.union("UpdateProgramResult", description="The result of `updateProgram`."),
]


@strawberry.type
class ProgramQueries:
    @strawberry.field(description="The program's rules: currency, earn rate, tiers' measure, expiry.")
    async def program(self) -> Program:
        return Program.from_model(await get_program())


@strawberry.type
class ProgramMutations:
    @strawberry.mutation(description="Change program settings (admin only; audited).")
    async def update_program(self, info: Info, input: UpdateProgramInput) -> UpdateProgramResult:
        actor = await info.context.staff(Role.ADMIN)
        changes = {
            name: getattr(input, name)
            for name in (
                "name", "currency", "earn_rate", "point_value", "timezone", "qualifying_measure",
                "tier_period", "return_window_days", "expiry_policy", "expiry_months", "cashback_percent",
                "referral_referrer_points", "referral_invited_points", "referral_min_amount",
            )
        }
        for name in ("qualifying_measure", "tier_period", "expiry_policy"):
            if changes[name] is not None:
                changes[name] = changes[name].value
        try:
            program = await update_program(actor, changes)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateProgramSuccess(program=Program.from_model(program))
