"""A small program history, built through the services at set times, whose every figure is
worked out by hand in the tests (see the timeline below).

Program: 1 point per 1.00, point value 0.01, points lapse at the end of the day one month
after they were earned. Tiers: Insider (rank 0) and Silver (100 points, ×1.5). Plan Plus:
9.99 a month, no multiplier, no bonus: each paid checkout is 9.99 of membership revenue.
Stores S1 and S2. The program's time zone is UTC.

    2026-01-10  A joins; A buys 80.00 at S1 (P-A1): earn 80
    2026-01-15  A's Plus membership is paid (pending → active)
    2026-01-20  B joins; B buys 30.00 at S1 (P-B1): earn 30
    2026-01-25  a sale without a member, 12.00 at S1 (N-1)
    2026-02-01 00:00  A buys 30.00 at S2 (P-A2): earn 30; A reaches 110: Insider → Silver
    2026-02-03  B's Plus membership is paid (pending → active)
    2026-02-05  C joins; C buys 19.99 at S1 (P-C1): earn 19
    2026-02-06  C starts Plus and cancels before paying (pending → cancelled: not churn)
    2026-02-08  A redeems the Mug (50): the Jan 10 lot keeps 30
    2026-02-10  a sale without a member, 50.00 at S1 (N-2)
    2026-02-11  a sale without a member, 25.00 at S2 (N-3)
    2026-02-12  jobs: A's Jan 10 lot (30 left) lapsed at the end of Feb 10: expire 30
    2026-02-15  A buys 40.00 at S1 (P-A3) as Silver: earn 40 + bonus 20
    2026-02-17  10.00 of P-A3 refunded at S1: 15 points taken back (floor(60 × 10 / 40))
    2026-02-18  A cancels Plus, effective now (active → cancelled)
    2026-02-20  D joins; an admin adjusts D +100; D donates 20 to the Food Bank (0.20)
    2026-02-21  D redeems the Cap (30), then cancels it (reverse 30)
    2026-02-22  jobs: B's Jan 20 lot (30) lapsed at the end of Feb 20: expire 30
    2026-02-25  an admin adjusts D −10
    2026-03-01 00:00  a sale without a member, 8.00 at S1 (N-4)
    2026-03-02  A buys 5.00 at S1 (P-A4) as Silver: earn 5 + bonus 2
    2026-03-05  E joins
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from tests.conftest import new_key
from wallet import clock
from wallet.actors import Actor, ActorKind, Role
from wallet.ledger import service as ledger
from wallet.ledger.expiry import expire_points
from wallet.members import service as members
from wallet.memberships import service as memberships
from wallet.program.models import PROGRAM_ID, ExpiryPolicy, Program
from wallet.program.service import get_program
from wallet.rewards import service as rewards
from wallet.sales import service as sales
from wallet.staff import service as staff
from wallet.tiers import service as tiers


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@dataclass
class History:
    members: dict[str, str]
    stores: dict[str, str]
    tiers: dict[str, str]
    rewards: dict[str, str]


@pytest.fixture
async def history(app, passwords) -> History:
    gateways = app.state.gateways
    gateway = gateways.get("manual")
    system = Actor.system()
    admin = Actor(ActorKind.STAFF, None, Role.ADMIN)
    await Program.filter(id=PROGRAM_ID).update(
        expiry_policy=ExpiryPolicy.AFTER_EARNING, expiry_months=1, point_value=Decimal("0.01")
    )
    clock.set(utc(2026, 1, 1))
    insider = await tiers.create_tier(system, name="Insider", rank=0, threshold=Decimal(0), earn_multiplier=Decimal(1))
    silver = await tiers.create_tier(system, name="Silver", rank=1, threshold=Decimal(100), earn_multiplier=Decimal("1.5"))
    s1 = await staff.create_store(name="S1")
    s2 = await staff.create_store(name="S2")
    admin_account = await staff.create_staff(
        passwords, email="boss@example.com", password="staff password 1", role="admin", store_ids=[]
    )
    admin = Actor(ActorKind.STAFF, str(admin_account.id), Role.ADMIN)
    mug = await rewards.create_reward(system, name="Mug", kind="product", cost_points=50)
    cap = await rewards.create_reward(system, name="Cap", kind="product", cost_points=30)
    charity = await rewards.create_reward(
        system, name="Food Bank", kind="donation", cost_points=20, charity_name="Food Bank"
    )
    plan = await memberships.create_plan(
        system, name="Plus", price=Decimal("9.99"), currency="USD", interval="month",
        trial_days=0, earn_multiplier=Decimal(1), bonus_points=0,
    )
    ids: dict[str, str] = {}

    async def join(name: str, at: datetime) -> str:
        clock.set(at)
        member = await members.sign_up(
            passwords, email=f"{name.lower()}@example.com", password="a long passphrase", name=name, limits=None
        )
        ids[name] = str(member.id)
        return str(member.id)

    async def buy(name: str, amount: str, reference: str, store, at: datetime) -> None:
        clock.set(at)
        await ledger.record_purchase(
            actor=admin, member_id=ids[name], card_number=None, amount=Decimal(amount), currency="USD",
            reference=reference, store_id=str(store.id), idempotency_key=new_key(),
            max_amount=Decimal(1_000_000),
        )

    async def pay_membership(name: str, at: datetime) -> None:
        clock.set(at)
        started = await memberships.start_membership(
            Actor(ActorKind.MEMBER, ids[name], Role.MEMBER), ids[name], str(plan.id), new_key(), gateways
        )
        await memberships.confirm_checkout(system, gateway.name, started.checkout_id)

    async def redeem(name: str, reward, at: datetime) -> str:
        clock.set(at)
        done = await rewards.redeem_reward(
            actor=Actor(ActorKind.MEMBER, ids[name], Role.MEMBER), reward_id=str(reward.id), quantity=1,
            idempotency_key=new_key(),
        )
        return done.voucher_id

    async def adjust(name: str, amount: int, at: datetime) -> None:
        clock.set(at)
        await ledger.adjust_points(
            actor=admin, member_id=ids[name], amount=amount, reason="Goodwill", idempotency_key=new_key()
        )

    async def sell(amount: str, reference: str, store, at: datetime) -> None:
        clock.set(at)
        await sales.record_non_member_sale(
            actor=admin, store_id=str(store.id), amount=Decimal(amount), currency=None, reference=reference,
            idempotency_key=new_key(), max_amount=Decimal(1_000_000),
        )

    async def expire(at: datetime) -> None:
        clock.set(at)
        await expire_points(await get_program(), at, system)

    await join("A", utc(2026, 1, 10, 9))
    await buy("A", "80.00", "P-A1", s1, utc(2026, 1, 10, 10))
    await pay_membership("A", utc(2026, 1, 15, 12))
    await join("B", utc(2026, 1, 20, 9))
    await buy("B", "30.00", "P-B1", s1, utc(2026, 1, 20, 10))
    await sell("12.00", "N-1", s1, utc(2026, 1, 25, 10))
    await buy("A", "30.00", "P-A2", s2, utc(2026, 2, 1))
    await pay_membership("B", utc(2026, 2, 3, 12))
    await join("C", utc(2026, 2, 5, 9))
    await buy("C", "19.99", "P-C1", s1, utc(2026, 2, 5, 10))
    clock.set(utc(2026, 2, 6, 10))
    member_c = Actor(ActorKind.MEMBER, ids["C"], Role.MEMBER)
    await memberships.start_membership(member_c, ids["C"], str(plan.id), new_key(), gateways)
    await memberships.cancel_membership(member_c, ids["C"], gateways)
    await redeem("A", mug, utc(2026, 2, 8, 12))
    await sell("50.00", "N-2", s1, utc(2026, 2, 10, 10))
    await sell("25.00", "N-3", s2, utc(2026, 2, 11, 10))
    await expire(utc(2026, 2, 12, 3))
    await buy("A", "40.00", "P-A3", s1, utc(2026, 2, 15, 10))
    clock.set(utc(2026, 2, 17, 10))
    await ledger.refund_purchase(
        actor=admin, reference="P-A3", amount=Decimal("10.00"), store_id=None, idempotency_key=new_key(),
        max_amount=Decimal(1_000_000),
    )
    clock.set(utc(2026, 2, 18, 10))
    await memberships.cancel_membership(
        Actor(ActorKind.MEMBER, ids["A"], Role.MEMBER), ids["A"], gateways, at_period_end=False
    )
    await join("D", utc(2026, 2, 20, 9))
    await adjust("D", 100, utc(2026, 2, 20, 10))
    await redeem("D", charity, utc(2026, 2, 20, 11))
    voucher = await redeem("D", cap, utc(2026, 2, 21, 10))
    await rewards.cancel_redemption(
        actor=Actor(ActorKind.MEMBER, ids["D"], Role.MEMBER), voucher_id=voucher, idempotency_key=new_key()
    )
    await expire(utc(2026, 2, 22, 3))
    await adjust("D", -10, utc(2026, 2, 25, 10))
    await sell("8.00", "N-4", s1, utc(2026, 3, 1))
    await buy("A", "5.00", "P-A4", s1, utc(2026, 3, 2, 10))
    await join("E", utc(2026, 3, 5, 9))
    clock.set(utc(2026, 3, 10, 12))
    return History(
        members=ids,
        stores={"S1": str(s1.id), "S2": str(s2.id)},
        tiers={"Insider": str(insider.id), "Silver": str(silver.id)},
        rewards={"Mug": str(mug.id), "Cap": str(cap.id), "Food Bank": str(charity.id)},
    )


@pytest.fixture(autouse=True)
def _reset_clock():
    yield
    clock.reset()
