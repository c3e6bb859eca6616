"""Paid membership: plans, the signup flow, renewals and the end of a membership.

Rules written down here (and in the README):

- **One live membership per member.** A membership is live while `pending`, `trialing`,
  `active` or `past_due`; the database holds the member's id in a unique column while it is
  live, so a second one is refused (`MEMBERSHIP_EXISTS`) even when two requests race.
- **Signup.** `start_membership` writes a `pending` membership and asks the gateway for a
  checkout, in one transaction (a gateway error writes nothing). Only the gateway's
  confirmation activates it: `active` for a period of the plan's interval from the
  confirmation, or `trialing` for the plan's trial days. A failed payment moves it to
  `failed` with the gateway's reason; it is no longer live, so the member may try again.
  A confirmation for a membership that is no longer pending changes nothing (and is recorded).
- **Renewals.** When a period ends, `wallet run-jobs` charges the plan's price through the
  gateway (gateways that renew subscriptions themselves, like Stripe, report renewals as
  events instead). Paid: a new period starts where the last one ended (not when the job
  ran), and the plan's bonus points for that period are granted. Failed: `past_due`, with
  the plan's benefits, for `WALLET_MEMBERSHIP_GRACE_DAYS` from the end of the unpaid
  period; then `lapsed`, and the benefits stop. A late job charges each missed period in
  turn. Each charge carries an idempotency key per membership and period, so a retried
  charge is never a second one. A membership that lapses or is cancelled "now" has its
  self-renewing subscription cancelled at the gateway first (if the gateway cannot be
  reached, nothing changes and the next run retries), so nothing charges it afterwards; a
  payment reported for a membership that already ended is recorded, for a refund.
- **Bonus points** are granted once per paid period: a grant is unique per (membership,
  period start), and is written only with the membership row locked. Trials earn none.
- **Cancel** ends the membership at the end of the current period by default (benefits
  stay until then, no refund); `atPeriodEnd: false` ends it now, without refund. A pending
  membership is cancelled at once, after the gateway has closed its checkout (so it can no
  longer be paid); if the gateway refuses, nothing changes. **Resume** undoes a cancellation at period end before
  the period ends.
- **Changing plan (proration rule).** There is no proration: the change takes effect at the
  next renewal. Until then the member keeps the current plan and its benefits; the renewal
  charges the new plan's full price and starts a period of the new plan. Choosing the
  current plan again withdraws the change. Nothing is charged or refunded at the change.
- **Every state change** writes a `MembershipEvent` (from, to, reason, actor); admins'
  plan changes are in the audit log. The events of a charge that went through (a checkout
  paid, a renewal paid) keep the plan's price and currency, for the revenue figures; a
  payment reported after the membership ended (to be refunded) and failed charges keep none.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError

from wallet import clock, validation
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.db import transaction
from wallet.errors import InvalidInput, NotFound
from wallet.idempotency.service import run_once
from wallet.ledger.models import Bucket, EntryKind
from wallet.ledger.service import Posting, lock_account, post
from wallet.members import service as members
from wallet.notifications import service as notifications
from wallet.memberships.errors import GatewayUnavailable, MembershipExists, MembershipState
from wallet.memberships.models import (
    BENEFIT_STATUSES,
    Membership,
    MembershipBonusGrant,
    MembershipEvent,
    MembershipPlan,
    MembershipStatus,
    PlanInterval,
)
from wallet.program.service import add_months
from wallet.payments.gateway import (
    CheckoutRequest,
    GatewayError,
    Gateways,
    RenewalRequest,
)

MAX_PRICE = Decimal("1000000")
MAX_TRIAL_DAYS = 365
MAX_BONUS_POINTS = 10_000_000
MIN_MULTIPLIER, MAX_MULTIPLIER = Decimal(1), Decimal(10)
MAX_PERIODS_PER_RUN = 24  # a job late by more catches up on its next runs

S = MembershipStatus


def _uuid(raw: Any, field: str, thing: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc


def add_interval(moment: datetime, interval: PlanInterval) -> datetime:
    """One plan interval later, the same time of day (31 January + 1 month is 28/29 February)."""
    moment = moment.astimezone(UTC)
    day = add_months(moment.date(), 1 if interval is PlanInterval.MONTH else 12)
    return datetime.combine(day, moment.timetz())


# --- plans (admin) ----------------------------------------------------------------------

_PLAN_FIELDS = (
    "name",
    "price",
    "currency",
    "interval",
    "trial_days",
    "earn_multiplier",
    "bonus_points",
    "free_shipping",
    "cashback_percent",
    "exclusive_rewards",
    "is_active",
)


def plan_snapshot(plan: MembershipPlan) -> dict[str, object]:
    return {name: str(getattr(plan, name)) for name in _PLAN_FIELDS}


def _validated_plan(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if v is not None}
    if "name" in values:
        values["name"] = validation.text(values["name"], "name", max_length=100)
    if "price" in values:
        values["price"] = validation.money(values["price"], "price", maximum=MAX_PRICE)
    if "currency" in values:
        currency = str(values["currency"]).strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise InvalidInput("currency must be a 3-letter ISO 4217 code.", field="currency")
        values["currency"] = currency
    if "interval" in values:
        try:
            values["interval"] = PlanInterval(str(values["interval"]).lower())
        except ValueError as exc:
            raise InvalidInput("interval must be month or year.", field="interval") from exc
    if "trial_days" in values and not 0 <= int(values["trial_days"]) <= MAX_TRIAL_DAYS:
        raise InvalidInput(f"trialDays must be 0 to {MAX_TRIAL_DAYS}.", field="trialDays")
    if "earn_multiplier" in values:
        value = validation.decimal(values["earn_multiplier"], "earnMultiplier")
        if not MIN_MULTIPLIER <= value <= MAX_MULTIPLIER or value != value.quantize(Decimal("0.001")):
            raise InvalidInput("earnMultiplier must be 1 to 10, at most three decimals.", field="earnMultiplier")
        values["earn_multiplier"] = value
    if "bonus_points" in values and not 0 <= int(values["bonus_points"]) <= MAX_BONUS_POINTS:
        raise InvalidInput(f"bonusPoints must be 0 to {MAX_BONUS_POINTS:,}.", field="bonusPoints")
    if "cashback_percent" in values:
        value = validation.decimal(values["cashback_percent"], "cashbackPercent")
        if not 0 <= value <= 100 or value != value.quantize(Decimal("0.01")):
            raise InvalidInput("cashbackPercent must be 0 to 100, at most two decimals.", field="cashbackPercent")
        values["cashback_percent"] = value
    return values


async def create_plan(actor: Actor, **fields: Any) -> MembershipPlan:
    """A new plan (admin), audited."""
    for required in ("name", "price", "currency", "interval"):
        if fields.get(required) is None:
            raise InvalidInput(f"{required} is required.", field=required)
    values = _validated_plan(fields)
    async with transaction():
        plan = await MembershipPlan.create(id=uuid.uuid4(), **values)
        await audit.record(
            actor, "plan.create", target_type="membership_plan", target_id=str(plan.id),
            after=plan_snapshot(plan),
        )
    return plan


async def update_plan(actor: Actor, plan_id: str, **changes: Any) -> MembershipPlan:
    """Change a plan (admin), audited. A new price is charged from each member's next renewal;
    a new multiplier applies to the next purchase; closing a plan (isActive false) stops new
    signups, and members on it keep it."""
    values = _validated_plan(changes)
    async with transaction():
        plan = await MembershipPlan.select_for_update().get_or_none(id=_uuid(plan_id, "id", "plan"))
        if plan is None:
            raise NotFound("No plan with this id.", field="id")
        before = plan_snapshot(plan)
        for name, value in values.items():
            setattr(plan, name, value)
        await plan.save()
        await audit.record(
            actor, "plan.update", target_type="membership_plan", target_id=str(plan.id),
            before=before, after=plan_snapshot(plan),
        )
    return plan


async def plans(*, include_inactive: bool = False) -> list[MembershipPlan]:
    query = MembershipPlan.all() if include_inactive else MembershipPlan.filter(is_active=True)
    return await query.order_by("price", "name")


async def seed_demo_plans(currency: str) -> None:
    """Two plans for `wallet serve --demo`, once: try the signup flow with the manual gateway."""
    if await MembershipPlan.exists():
        return
    system = Actor.system()
    await create_plan(system, name="Plus", price=Decimal("9.99"), currency=currency, interval="month",
                      trial_days=14, earn_multiplier=Decimal("1.5"), bonus_points=100,
                      free_shipping=True, cashback_percent=Decimal("2"))
    await create_plan(system, name="Plus Yearly", price=Decimal("99.00"), currency=currency, interval="year",
                      earn_multiplier=Decimal("2"), bonus_points=1500, free_shipping=True,
                      cashback_percent=Decimal("3"), exclusive_rewards=True)


# --- reading ----------------------------------------------------------------------------


async def membership_of(member_id: uuid.UUID | str) -> Membership | None:
    """The member's live membership, else their latest (lapsed, cancelled, failed), else None."""
    live = await Membership.get_or_none(live_member_id=str(member_id))
    if live is not None:
        return live
    return await Membership.filter(member_id=member_id).order_by("-created_at", "-id").first()


async def events_of(membership_id: uuid.UUID | str) -> list[MembershipEvent]:
    return await MembershipEvent.filter(membership_id=membership_id).order_by("id")


# --- state changes ----------------------------------------------------------------------


async def _record(
    membership: Membership, to_status: MembershipStatus, reason: str, actor: Actor,
    *, from_status: MembershipStatus | None, paid: MembershipPlan | None = None,
) -> None:
    """One event; `paid`: the plan whose price this change was paid (kept for revenue)."""
    await MembershipEvent.create(
        membership_id=membership.id,
        from_status=from_status.value if from_status else None,
        to_status=to_status.value,
        reason=reason[:500],
        actor_kind=actor.kind.value,
        actor_id=actor.id,
        amount=paid.price if paid is not None else None,
        currency=paid.currency if paid is not None else None,
        created_at=clock.now(),
    )


async def _move(
    membership: Membership, to_status: MembershipStatus, reason: str, actor: Actor,
    *, paid: MembershipPlan | None = None, **changes: Any,
) -> None:
    """Change a locked membership's status (and other fields) and record why; `paid`: the
    plan whose price was charged for it."""
    from_status = membership.status
    if to_status not in (S.PENDING, S.TRIALING, S.ACTIVE, S.PAST_DUE):
        changes["live_member_id"] = None
    changes["status"] = to_status
    for name, value in changes.items():
        setattr(membership, name, value)
    await membership.save(update_fields=[*changes.keys(), "updated_at"])
    await _record(membership, to_status, reason, actor, from_status=from_status, paid=paid)


async def _grant_bonus(membership: Membership, plan: MembershipPlan, period_start: datetime) -> int:
    """The plan's bonus points for the period starting at `period_start`, once."""
    if plan.bonus_points <= 0:
        return 0
    if await MembershipBonusGrant.exists(membership_id=membership.id, period_start=period_start):
        return 0
    account = await lock_account(membership.member_id)
    reference = f"membership:{membership.id}:{period_start.date().isoformat()}"
    [entry] = await post(
        account,
        [Posting(EntryKind.BONUS, Bucket.AVAILABLE, int(plan.bonus_points), f"{plan.name} membership bonus", reference)],
        actor=Actor.system(),
        lifetime_change=int(plan.bonus_points),
    )
    await MembershipBonusGrant.create(
        membership_id=membership.id,
        period_start=period_start,
        points=int(plan.bonus_points),
        entry_id=entry.id,
        created_at=clock.now(),
    )
    return int(plan.bonus_points)


@dataclass(frozen=True)
class Started:
    membership_id: str
    checkout_id: str
    checkout_url: str | None
    replayed: bool


async def start_membership(
    actor: Actor, member_id: str, plan_id: str, idempotency_key: str, gateways: Gateways
) -> Started:
    """A pending membership and a checkout at the gateway; payment activates it later."""
    request = {"planId": str(plan_id)}

    async def write() -> dict[str, Any]:
        member = await members.get_member(member_id)
        # Starts of one member run in turn: the second sees the first's live membership.
        await lock_account(member.id)
        plan = await MembershipPlan.get_or_none(id=_uuid(plan_id, "planId", "plan"), is_active=True)
        if plan is None:
            raise NotFound("No open plan with this id.", field="planId")
        if await Membership.exists(live_member_id=str(member.id)):
            raise MembershipExists()
        try:
            gateway = gateways.checkout_gateway()
        except GatewayError as exc:
            raise GatewayUnavailable(str(exc)) from exc
        membership_id = uuid.uuid4()
        try:
            async with transaction():
                membership = await Membership.create(
                    id=membership_id,
                    member_id=member.id,
                    plan_id=plan.id,
                    status=S.PENDING,
                    live_member_id=str(member.id),
                    gateway=gateway.name,
                )
        except IntegrityError as exc:
            raise MembershipExists() from exc
        try:
            checkout = await gateway.create_checkout(
                CheckoutRequest(
                    membership_id=str(membership_id),
                    member_id=str(member.id),
                    member_email=member.email,
                    plan_id=str(plan.id),
                    plan_name=plan.name,
                    price=plan.price,
                    currency=plan.currency,
                    interval=plan.interval.value,
                    trial_days=plan.trial_days,
                    idempotency_key=f"{actor.key}:{idempotency_key}",
                )
            )
        except GatewayError as exc:
            raise GatewayUnavailable(f"The payment gateway did not answer: {exc}") from exc
        membership.checkout_id, membership.checkout_url = checkout.id, checkout.url
        await membership.save(update_fields=["checkout_id", "checkout_url", "updated_at"])
        await _record(membership, S.PENDING, f"Checkout started with {gateway.name}", actor, from_status=None)
        return {"membershipId": str(membership.id), "checkoutId": checkout.id, "checkoutUrl": checkout.url}

    result, replayed = await run_once(actor, idempotency_key, "startMembership", request, write)
    return Started(result["membershipId"], result["checkoutId"], result["checkoutUrl"], replayed)


# The checkout id column's length: a longer id names no checkout (and the ORM refuses to
# even look one up, with an error of its own).
MAX_CHECKOUT_ID_LENGTH = 255
# What a failed checkout's event says before the gateway's reason; both fit 500 characters.
FAILED_PREFIX = "Payment failed: "
MAX_FAILURE_REASON_LENGTH = 500 - len(FAILED_PREFIX)


def _checkout_id(checkout_id: str) -> str:
    if not checkout_id or len(checkout_id) > MAX_CHECKOUT_ID_LENGTH:
        raise NotFound("No membership with this checkout.", field="checkoutId")
    return checkout_id


async def checkout_member_id(gateway: str, checkout_id: str) -> uuid.UUID:
    """The member who started this checkout."""
    membership = await Membership.get_or_none(gateway=gateway, checkout_id=_checkout_id(checkout_id))
    if membership is None:
        raise NotFound("No membership with this checkout.", field="checkoutId")
    return membership.member_id


async def _locked_by_checkout(gateway: str, checkout_id: str) -> Membership:
    membership = await Membership.select_for_update().get_or_none(
        gateway=gateway, checkout_id=_checkout_id(checkout_id)
    )
    if membership is None:
        raise NotFound("No membership with this checkout.", field="checkoutId")
    return membership


async def confirm_checkout(
    actor: Actor, gateway: str, checkout_id: str, *, subscription_id: str | None = None
) -> Membership:
    """The gateway says the checkout was paid (or the trial set up): activate, or start the
    trial. Only a pending membership moves; any other is left as it is."""
    async with transaction():
        membership = await _locked_by_checkout(gateway, checkout_id)
        if membership.status is not S.PENDING:
            await _record(
                membership, membership.status,
                f"Checkout confirmed while {membership.status.value}: no change", actor,
                from_status=membership.status,
            )
            return membership
        plan = await MembershipPlan.get(id=membership.plan_id)
        now = clock.now()
        extra = {"gateway_subscription_id": subscription_id} if subscription_id else {}
        if plan.trial_days > 0:
            await _move(
                membership, S.TRIALING, f"Checkout completed: trial of {plan.trial_days} days", actor,
                current_period_start=now, current_period_end=now + timedelta(days=plan.trial_days),
                failure_reason="", **extra,
            )
        else:
            await _move(
                membership, S.ACTIVE, f"Checkout paid: {plan.price} {plan.currency}", actor, paid=plan,
                current_period_start=now, current_period_end=add_interval(now, plan.interval),
                failure_reason="", **extra,
            )
            await _grant_bonus(membership, plan, now)
    return membership


async def fail_checkout(actor: Actor, gateway: str, checkout_id: str, reason: str) -> Membership:
    """The gateway says the first payment failed: the membership is `failed`, with why."""
    reason = (reason or "payment failed").strip()[:MAX_FAILURE_REASON_LENGTH]
    async with transaction():
        membership = await _locked_by_checkout(gateway, checkout_id)
        if membership.status is S.PENDING:
            await _move(membership, S.FAILED, FAILED_PREFIX + reason, actor, failure_reason=reason)
            await _notify_payment_failed(membership, reason, renewal=False)
    return membership


async def _locked_live(member_id: str) -> Membership:
    membership = await Membership.select_for_update().get_or_none(live_member_id=str(member_id))
    if membership is None:
        raise NotFound("You have no membership.", field=None)
    return membership


async def cancel_membership(
    actor: Actor, member_id: str, gateways: Gateways, *, at_period_end: bool = True
) -> Membership:
    """End the member's membership at the end of its period (default) or now; never refunded."""
    async with transaction():
        membership = await _locked_live(member_id)
        gateway = gateways.get(membership.gateway)
        if membership.status is S.PENDING:
            # Close the checkout first, so it cannot be paid for a cancelled membership;
            # when the gateway refuses (the payment is going through), nothing changes.
            if gateway is not None and membership.checkout_id:
                try:
                    await gateway.expire_checkout(membership.checkout_id)
                except GatewayError as exc:
                    raise GatewayUnavailable(f"The checkout could not be closed: {exc}") from exc
            await _move(membership, S.CANCELLED, "Cancelled by the member before payment", actor)
        elif not at_period_end:
            await _stop_subscription(gateway, membership)
            await _move(
                membership, S.CANCELLED, "Cancelled by the member, effective now", actor,
                current_period_end=clock.now(), cancel_at_period_end=False,
            )
        elif not membership.cancel_at_period_end:
            await _tell_gateway(gateway, membership, cancel=True)
            membership.cancel_at_period_end = True
            await membership.save(update_fields=["cancel_at_period_end", "updated_at"])
            await _record(
                membership, membership.status, "Cancellation at the period end requested by the member",
                actor, from_status=membership.status,
            )
    return membership


async def resume_membership(actor: Actor, member_id: str, gateways: Gateways) -> Membership:
    """Withdraw a cancellation at period end, before the period ends."""
    async with transaction():
        membership = await _locked_live(member_id)
        if not membership.cancel_at_period_end or membership.status not in BENEFIT_STATUSES:
            raise MembershipState("Only a membership cancelled at period end can be resumed.", status=membership.status.value)
        assert membership.current_period_end is not None
        if membership.current_period_end <= clock.now():
            raise MembershipState("The period has ended: start a new membership.", status=membership.status.value)
        await _tell_gateway(gateways.get(membership.gateway), membership, cancel=False)
        membership.cancel_at_period_end = False
        await membership.save(update_fields=["cancel_at_period_end", "updated_at"])
        await _record(membership, membership.status, "Resumed by the member", actor, from_status=membership.status)
    return membership


async def _tell_gateway(gateway: Any, membership: Membership, *, cancel: bool) -> None:
    """A gateway that renews by itself must stop (or restart) renewing too, or it would
    charge a membership we ended."""
    if gateway is None or not gateway.renews_itself:
        return
    try:
        await gateway.set_cancel_at_period_end(membership.gateway_subscription_id, cancel)
    except GatewayError as exc:
        raise GatewayUnavailable(f"The payment gateway did not answer: {exc}") from exc


async def _stop_subscription(gateway: Any, membership: Membership) -> None:
    """A membership that ends now must not be charged again by a self-renewing gateway."""
    if gateway is None or not gateway.renews_itself:
        return
    try:
        await gateway.cancel_subscription(membership.gateway_subscription_id)
    except GatewayError as exc:
        raise GatewayUnavailable(f"The payment gateway did not answer: {exc}") from exc


async def change_plan(actor: Actor, member_id: str, plan_id: str, gateways: Gateways) -> Membership:
    """Switch plans at the next renewal (no proration: see the module's docstring)."""
    async with transaction():
        membership = await _locked_live(member_id)
        if membership.status not in BENEFIT_STATUSES:
            raise MembershipState("The plan can change once the membership is paid.", status=membership.status.value)
        gateway = gateways.get(membership.gateway)
        if gateway is not None and gateway.renews_itself:
            raise MembershipState(
                f"Changing plan is not available with {membership.gateway} yet.", status=membership.status.value
            )
        plan = await MembershipPlan.get_or_none(id=_uuid(plan_id, "planId", "plan"), is_active=True)
        if plan is None:
            raise NotFound("No open plan with this id.", field="planId")
        if plan.id == membership.plan_id:
            if membership.next_plan_id is None:
                return membership
            membership.next_plan_id = None
            reason = "Plan change withdrawn: the plan stays"
        else:
            membership.next_plan_id = plan.id
            reason = f"Plan change to {plan.name} at the next renewal"
        await membership.save(update_fields=["next_plan_id", "updated_at"])
        await _record(membership, membership.status, reason, actor, from_status=membership.status)
    return membership


# --- time passing (run-jobs) and gateway renewals -----------------------------------------


@dataclass
class RenewalResults:
    renewed: int = 0
    past_due: int = 0
    lapsed: int = 0
    cancelled: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "memberships_renewed": self.renewed,
            "memberships_past_due": self.past_due,
            "memberships_lapsed": self.lapsed,
            "memberships_cancelled": self.cancelled,
            "membership_gateway_errors": self.errors,
        }


async def _renew_period(membership: Membership, actor: Actor, reason: str) -> None:
    """A paid renewal: the next period starts where the last ended, on the next plan."""
    assert membership.current_period_end is not None
    plan = await MembershipPlan.get(id=membership.next_plan_id or membership.plan_id)
    start = membership.current_period_end
    await _move(
        membership, S.ACTIVE, reason, actor, paid=plan,
        plan_id=plan.id, next_plan_id=None, current_period_start=start,
        current_period_end=add_interval(start, plan.interval), past_due_since=None, failure_reason="",
    )
    await _grant_bonus(membership, plan, start)
    await _notify_renewed(membership, plan)


async def _notify_renewed(membership: Membership, plan: MembershipPlan) -> None:
    assert membership.current_period_end is not None
    await notifications.membership_renewed(
        membership.member_id, plan.name, plan.price, plan.currency, membership.current_period_end,
        membership_id=membership.id,
    )


async def _notify_payment_failed(membership: Membership, reason: str, *, renewal: bool) -> None:
    plan = await MembershipPlan.get(id=membership.plan_id)
    await notifications.membership_payment_failed(
        membership.member_id, plan.name, reason, membership_id=membership.id, renewal=renewal
    )


async def process_due(now: datetime, gateways: Gateways, grace_days: int) -> RenewalResults:
    """Renew, cancel or lapse every membership whose time has come. Each membership is
    handled in its own transaction with its row locked, and only while still due, so two
    jobs at once, or one run twice, act once."""
    actor = Actor.system()
    results = RenewalResults()
    due = await Membership.filter(
        status__in=[S.TRIALING, S.ACTIVE], current_period_end__lte=now
    ).order_by("current_period_end").values_list("id", flat=True)
    for membership_id in due:
        try:
            await _process_one(membership_id, now, gateways, actor, results)
        except GatewayError:
            results.errors += 1
    grace = timedelta(days=grace_days)
    overdue = await Membership.filter(
        status=S.PAST_DUE, past_due_since__lte=now - grace
    ).values_list("id", flat=True)
    for membership_id in overdue:
        try:
            lapsed = await _lapse_one(membership_id, now, grace, grace_days, gateways, actor)
        except GatewayUnavailable:
            results.errors += 1  # the gateway must stop charging first; the next run retries
            continue
        results.lapsed += lapsed
    return results


async def _lapse_one(
    membership_id: uuid.UUID, now: datetime, grace: timedelta, grace_days: int, gateways: Gateways, actor: Actor
) -> int:
    async with transaction():
        membership = await Membership.select_for_update().get(id=membership_id)
        if membership.status is not S.PAST_DUE or membership.past_due_since is None:
            return 0
        if membership.past_due_since + grace > now:
            return 0
        # A gateway that renews by itself would go on retrying the charge: stop it first.
        await _stop_subscription(gateways.get(membership.gateway), membership)
        await _move(
            membership, S.LAPSED,
            f"Grace period of {grace_days} days ended unpaid ({membership.failure_reason})", actor,
        )
        return 1


async def _process_one(
    membership_id: uuid.UUID, now: datetime, gateways: Gateways, actor: Actor, results: RenewalResults
) -> None:
    async with transaction():
        membership = await Membership.select_for_update().get(id=membership_id)
        for _ in range(MAX_PERIODS_PER_RUN):
            if membership.status not in (S.TRIALING, S.ACTIVE):
                return
            end = membership.current_period_end
            if end is None or end > now:
                return
            if membership.cancel_at_period_end:
                await _move(membership, S.CANCELLED, "Cancelled at the period end, as the member asked", actor)
                results.cancelled += 1
                return
            gateway = gateways.get(membership.gateway)
            if gateway is None or gateway.renews_itself:
                return  # renewals of this gateway arrive as its events
            plan = await MembershipPlan.get(id=membership.next_plan_id or membership.plan_id)
            charge = await gateway.charge_renewal(
                RenewalRequest(
                    membership_id=str(membership.id),
                    subscription_id=membership.gateway_subscription_id,
                    amount=plan.price,
                    currency=plan.currency,
                    period_start=end.isoformat(),
                    idempotency_key=f"renewal:{membership.id}:{end.isoformat()}",
                )
            )
            if charge.paid:
                await _renew_period(membership, actor, f"Renewed: paid {plan.price} {plan.currency}")
                results.renewed += 1
            else:
                reason = charge.reason or "payment failed"
                await _move(
                    membership, S.PAST_DUE, f"Renewal failed: {reason}", actor,
                    past_due_since=end, failure_reason=reason[:500],
                )
                await _notify_payment_failed(membership, reason[:500], renewal=True)
                results.past_due += 1
                return


async def renewal_paid(
    actor: Actor, gateway: str, subscription_id: str, paid_until: datetime | None
) -> Membership | None:
    """A gateway that renews by itself reports a paid period ending at `paid_until`. The
    membership's period is extended to it when it ends later than the current one (so the
    same period reported twice renews once); past due or not, it is active again. Without
    `paid_until`, a period that has ended is renewed for one interval."""
    async with transaction():
        membership = await Membership.select_for_update().get_or_none(
            gateway=gateway, gateway_subscription_id=subscription_id
        )
        if membership is None:
            return None
        if membership.status not in BENEFIT_STATUSES:
            # Paid after it ended (a race with the lapse): recorded, so it can be refunded.
            await _record(
                membership, membership.status,
                f"Invoice paid while {membership.status.value}: no change, refund it at the gateway", actor,
                from_status=membership.status,
            )
            return membership
        end = membership.current_period_end
        assert end is not None
        if paid_until is None:
            if membership.status is S.PAST_DUE or end <= clock.now():
                await _renew_period(membership, actor, "Renewed: the gateway reported the invoice paid")
            return membership
        if paid_until <= end:
            return membership
        plan = await MembershipPlan.get(id=membership.next_plan_id or membership.plan_id)
        await _move(
            membership, S.ACTIVE, "Renewed: the gateway reported the invoice paid", actor, paid=plan,
            plan_id=plan.id, next_plan_id=None, current_period_start=end, current_period_end=paid_until,
            past_due_since=None, failure_reason="",
        )
        await _grant_bonus(membership, plan, end)
        await _notify_renewed(membership, plan)
    return membership


async def subscription_ended(actor: Actor, gateway: str, subscription_id: str, reason: str) -> Membership | None:
    """The gateway stopped the subscription (unpaid after its retries, or cancelled there):
    a membership cancelled at period end is `cancelled`, any other live one `lapsed`."""
    async with transaction():
        membership = await Membership.select_for_update().get_or_none(
            gateway=gateway, gateway_subscription_id=subscription_id
        )
        if membership is None or membership.status not in BENEFIT_STATUSES:
            return membership
        if membership.cancel_at_period_end:
            await _move(membership, S.CANCELLED, "Cancelled at the period end, as the member asked", actor)
        else:
            await _move(membership, S.LAPSED, reason, actor)
    return membership


async def renewal_failed(actor: Actor, gateway: str, subscription_id: str, reason: str) -> Membership | None:
    """A gateway that renews by itself reports a failed invoice: past due from now."""
    reason = (reason or "payment failed").strip()[:500]
    async with transaction():
        membership = await Membership.select_for_update().get_or_none(
            gateway=gateway, gateway_subscription_id=subscription_id
        )
        if membership is None:
            return None
        if membership.status in (S.TRIALING, S.ACTIVE):
            await _move(
                membership, S.PAST_DUE, f"Renewal failed: {reason}", actor,
                past_due_since=clock.now(), failure_reason=reason,
            )
            await _notify_payment_failed(membership, reason, renewal=True)
    return membership
