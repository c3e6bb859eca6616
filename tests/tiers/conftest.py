"""Helpers for the tier tests: a ladder of three tiers, program settings, and purchases
written straight to the purchase table (so the tier rules are tested apart from the ledger)."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from wallet import clock
from wallet.actors import Actor
from wallet.ledger.models import Purchase
from wallet.program.models import PROGRAM_ID, Program
from wallet.staff import service as staff_service
from wallet.tiers import service
from wallet.tiers.models import MemberTier, Tier, TierChange


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture
async def ladder(database):
    """Insider (rank 0, ×1), Silver (500, ×1.25), Gold (1,000, ×1.5)."""
    system = Actor.system()
    made = {}
    for name, rank, threshold, multiplier in [
        ("Insider", 0, "0", "1"),
        ("Silver", 1, "500", "1.25"),
        ("Gold", 2, "1000", "1.5"),
    ]:
        made[name] = await service.create_tier(
            system, name=name, rank=rank, threshold=Decimal(threshold), earn_multiplier=Decimal(multiplier)
        )
    return made


async def configure(**settings) -> Program:
    await Program.filter(id=PROGRAM_ID).update(**settings)
    return await Program.get(id=PROGRAM_ID)


class Till:
    """Writes purchases at the clock's time, as `record_purchase` does, then lets the tier
    rules see them (`after_purchase`) unless told not to."""

    def __init__(self) -> None:
        self.store_id: uuid.UUID | None = None

    async def buy(
        self,
        member_id: str,
        points: int,
        *,
        amount: str | None = None,
        move: bool = True,
    ) -> Purchase:
        if self.store_id is None:
            self.store_id = (await staff_service.create_store(name="Tier Store")).id
        purchase = await Purchase.create(
            id=uuid.uuid4(),
            member_id=member_id,
            store_id=self.store_id,
            reference=f"T-{uuid.uuid4().hex[:12]}",
            amount=Decimal(amount if amount is not None else points),
            currency="USD",
            points_earned=points,
            base_points=points,
            created_at=clock.now(),
        )
        if move:
            await service.after_purchase(member_id)
        return purchase

    @staticmethod
    async def refund(purchase: Purchase, *, points: int = 0, amount: str = "0") -> None:
        """What a refund leaves on the purchase (the ledger's side is not needed here)."""
        await Purchase.filter(id=purchase.id).update(
            base_points_reversed=points, refunded_amount=Decimal(amount)
        )


@pytest.fixture
def till(database) -> Till:
    return Till()


async def tier_name(member_id: str) -> str | None:
    tier = await service.tier_for(member_id)
    return tier.name if tier else None


async def changes(member_id: str) -> list[tuple[str | None, str | None, str, datetime | None]]:
    """The member's tier changes, oldest first: (from, to, reason, period end)."""
    names = {t.id: t.name for t in await Tier.all()}
    rows = await TierChange.filter(member_id=member_id).order_by("id")
    return [(names.get(c.from_tier_id), names.get(c.to_tier_id), c.reason, c.period_end) for c in rows]


async def stored(member_id: str) -> tuple[str | None, datetime, datetime] | None:
    """The member's stored tier and period, or None."""
    row = await MemberTier.get_or_none(member_id=member_id).prefetch_related("tier")
    if row is None:
        return None
    return (row.tier.name if row.tier else None, row.period_start, row.period_end)
