"""Earning rules and events: thin, the rules are in the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.earning import service
from wallet.earning.models import EarningRule as RuleModel
from wallet.earning.models import RuleKind
from wallet.errors import DomainError
from wallet.graphql.errors import IdempotencyKeyReusedError, InvalidInputError, NotFoundError, error_type
from wallet.graphql.types import Info
from wallet.members import service as members
from wallet.members.types import Member

EarningRuleKind = strawberry.enum(
    RuleKind, description="event: points for an event; purchase: extra points on purchases; surprise: a 1-in-N chance on purchases."
)


@strawberry.type(description="Points one earning rule gave.")
class AppliedRule:
    name: str = strawberry.field(description="The rule's name.")
    points: int = strawberry.field(description="The points it gave.")


@strawberry.input(description="One line of a purchase; the lines' amounts add up to the purchase amount.")
class PurchaseLineInput:
    sku: str = strawberry.field(description="The product's SKU.")
    category: str | None = strawberry.field(default=None, description="The product's category.")
    quantity: int = strawberry.field(default=1, description="How many.")
    amount: Decimal = strawberry.field(description="What the line cost in all, e.g. \"12.50\".")


def _hhmm(minute: int | None) -> str | None:
    return None if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


@strawberry.type(description="An admin-defined rule that grants points beyond the base earn rate.")
class EarningRule:
    id: strawberry.ID = strawberry.field(description="The rule's id.")
    name: str = strawberry.field(description="Shown to members in their activity.")
    kind: EarningRuleKind = strawberry.field(description="What the rule rewards.")
    event_type: str = strawberry.field(description="Event rules: the event type they answer; else empty.")
    points: int = strawberry.field(description="Fixed points per grant.")
    multiplier: Decimal = strawberry.field(
        description="Purchase rules: the eligible amount's base points × (multiplier − 1) are added."
    )
    min_amount: Decimal | None = strawberry.field(description="The smallest purchase the rule applies to.")
    category: str = strawberry.field(description="Purchase rules: only lines of this category count.")
    sku: str = strawberry.field(description="Purchase rules: only lines of this SKU count.")
    chance_one_in: int = strawberry.field(description="Surprise rules: each purchase wins with probability 1/N.")
    starts_at: datetime | None = strawberry.field(description="The rule applies from (UTC).")
    ends_at: datetime | None = strawberry.field(description="The rule applies until, excluded (UTC).")
    daily_from: str | None = strawberry.field(description="Daily hours from (HH:MM, program time zone).")
    daily_until: str | None = strawberry.field(description="Daily hours until, excluded (HH:MM).")
    tier_ids: list[strawberry.ID] = strawberry.field(description="Only members of these tiers; empty for all.")
    plan_ids: list[strawberry.ID] = strawberry.field(description="Only members of these plans; empty for all.")
    cap_per_member_per_day: int | None = strawberry.field(description="Grants per member per day at most.")
    cap_per_member_per_month: int | None = strawberry.field(description="Grants per member per month at most.")
    cap_per_member: int | None = strawberry.field(description="Grants per member in all at most.")
    budget_points: int | None = strawberry.field(description="Points the rule may grant in all.")
    points_granted: int = strawberry.field(description="Points granted against the budget so far.")
    is_active: bool = strawberry.field(description="Whether the rule applies.")

    @classmethod
    def from_model(cls, rule: RuleModel) -> "EarningRule":
        return cls(
            id=strawberry.ID(str(rule.id)),
            name=rule.name,
            kind=RuleKind(rule.kind),
            event_type=rule.event_type,
            points=rule.points,
            multiplier=Decimal(rule.multiplier),
            min_amount=None if rule.min_amount is None else Decimal(rule.min_amount),
            category=rule.category,
            sku=rule.sku,
            chance_one_in=rule.chance_one_in,
            starts_at=rule.starts_at,
            ends_at=rule.ends_at,
            daily_from=_hhmm(rule.daily_from_minute),
            daily_until=_hhmm(rule.daily_until_minute),
            tier_ids=[strawberry.ID(i) for i in rule.tier_ids],
            plan_ids=[strawberry.ID(i) for i in rule.plan_ids],
            cap_per_member_per_day=rule.cap_per_member_per_day,
            cap_per_member_per_month=rule.cap_per_member_per_month,
            cap_per_member=rule.cap_per_member,
            budget_points=rule.budget_points,
            points_granted=rule.points_granted,
            is_active=rule.is_active,
        )


@strawberry.input(description="A new earning rule.")
class CreateEarningRuleInput:
    name: str = strawberry.field(description="Shown to members in their activity.")
    kind: EarningRuleKind = strawberry.field(description="What the rule rewards.")
    points: int = strawberry.field(default=0, description="Fixed points per grant.")
    multiplier: Decimal = strawberry.field(default=Decimal(1), description="Purchase rules: 1 to 10.")
    event_type: str | None = strawberry.field(
        default=None, description="Event rules: sign_up, birthday, profile_completed, product_review, social_share, app_check_in or a custom name."
    )
    min_amount: Decimal | None = strawberry.field(default=None, description="The smallest purchase it applies to.")
    category: str | None = strawberry.field(default=None, description="Purchase rules: lines of this category.")
    sku: str | None = strawberry.field(default=None, description="Purchase rules: lines of this SKU.")
    chance_one_in: int | None = strawberry.field(default=None, description="Surprise rules: 2 to 1000000.")
    starts_at: datetime | None = strawberry.field(default=None, description="Applies from.")
    ends_at: datetime | None = strawberry.field(default=None, description="Applies until, excluded.")
    daily_from: str | None = strawberry.field(default=None, description="Daily hours from, HH:MM.")
    daily_until: str | None = strawberry.field(default=None, description="Daily hours until, HH:MM, excluded.")
    tier_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="Only these tiers (at most 100).")
    plan_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="Only these plans (at most 100).")
    cap_per_member_per_day: int | None = strawberry.field(default=None, description="Grants per member per day.")
    cap_per_member_per_month: int | None = strawberry.field(default=None, description="Grants per member per month.")
    cap_per_member: int | None = strawberry.field(default=None, description="Grants per member in all.")
    budget_points: int | None = strawberry.field(default=None, description="Points the rule may grant in all.")


@strawberry.type(description="The earning rule as it now stands.")
class EarningRuleSuccess:
    rule: EarningRule = strawberry.field(description="The rule.")


EarningRuleResult = Annotated[
    EarningRuleSuccess | InvalidInputError | NotFoundError,
    strawberry.union("EarningRuleResult", description="The result of changing an earning rule."),
]


@strawberry.input(description="An event a trusted system reports for a member.")
class RecordEventInput:
    member_id: strawberry.ID = strawberry.field(description="The member.")
    type: str = strawberry.field(description="sign_up, birthday, profile_completed, product_review, social_share, app_check_in or a custom name.")
    reference: str = strawberry.field(description="The event's own id (a review id, a date…): each rule grants once per reference.")
    idempotency_key: str = strawberry.field(description="Chosen by the client; a retry replays the first answer.")


@strawberry.type(description="The event was recorded; the rules that applied gave their points.")
class RecordEventSuccess:
    points_awarded: int = strawberry.field(description="Points given in all (0 when no rule applied).")
    applied_rules: list[AppliedRule] = strawberry.field(description="The rules that gave points.")
    replayed: bool = strawberry.field(description="True when this answers a retry.")
    member: Member = strawberry.field(description="The member, with their new balance.")


RecordEventResult = Annotated[
    RecordEventSuccess | InvalidInputError | NotFoundError | IdempotencyKeyReusedError,
    strawberry.union("RecordEventResult", description="The result of `recordEvent`."),
]


@strawberry.type
class EarningQueries:
    @strawberry.field(description="Every earning rule, newest first (admin only).")
    async def earning_rules(self, info: Info) -> list[EarningRule]:
        await info.context.staff(Role.ADMIN)
        return [EarningRule.from_model(rule) for rule in await service.list_rules()]


@strawberry.type
class EarningMutations:
    @strawberry.mutation(description="Create an earning rule, active at once (admin only).")
    async def create_earning_rule(self, info: Info, input: CreateEarningRuleInput) -> EarningRuleResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            rule = await service.create_rule(
                actor,
                service.RuleInput(
                    name=input.name,
                    kind=input.kind.value,
                    points=input.points,
                    multiplier=input.multiplier,
                    event_type=input.event_type,
                    min_amount=input.min_amount,
                    category=input.category,
                    sku=input.sku,
                    chance_one_in=input.chance_one_in,
                    starts_at=input.starts_at,
                    ends_at=input.ends_at,
                    daily_from=input.daily_from,
                    daily_until=input.daily_until,
                    tier_ids=[str(i) for i in input.tier_ids],
                    plan_ids=[str(i) for i in input.plan_ids],
                    cap_per_member_per_day=input.cap_per_member_per_day,
                    cap_per_member_per_month=input.cap_per_member_per_month,
                    cap_per_member=input.cap_per_member,
                    budget_points=input.budget_points,
                ),
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return EarningRuleSuccess(rule=EarningRule.from_model(rule))

    @strawberry.mutation(description="Switch an earning rule on or off (admin only).")
    async def set_earning_rule_active(self, info: Info, id: strawberry.ID, is_active: bool) -> EarningRuleResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            rule = await service.set_rule_active(actor, str(id), is_active)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return EarningRuleSuccess(rule=EarningRule.from_model(rule))

    @strawberry.mutation(
        description="Record a member's event (sign-up, birthday, review, check-in, custom) and grant the points of its rules (admin, or an API key with the `events` scope)."
    )
    async def record_event(self, info: Info, input: RecordEventInput) -> RecordEventResult:
        actor = await info.context.key_or_staff("events", Role.ADMIN)
        try:
            result = await service.record_event(
                actor=actor,
                member_id=str(input.member_id),
                type=input.type,
                reference=input.reference,
                idempotency_key=input.idempotency_key,
            )
            member = Member.from_model(await members.get_member(result.member_id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return RecordEventSuccess(
            points_awarded=result.points_awarded,
            applied_rules=[AppliedRule(name=a["name"], points=a["points"]) for a in result.applied],
            replayed=result.replayed,
            member=member,
        )
