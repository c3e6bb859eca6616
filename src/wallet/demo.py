"""Demo data: a program with a store, an admin, a cashier and members with history.

Only for `wallet serve --demo`, which refuses to run in production. The demo accounts'
passwords are fixed and printed, so anyone can try the API at once.
"""
from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from decimal import Decimal

from wallet.actors import Actor, ActorKind, Role
from wallet.earning.service import seed_demo_rules
from wallet.ledger import service as ledger
from wallet.members import service as members
from wallet.members.models import Member
from wallet.memberships.service import seed_demo_plans
from wallet.passwords import Passwords
from wallet.rewards.service import seed_demo_rewards
from wallet.tiers.service import seed_demo_tiers
from wallet.staff import service as staff
from wallet.staff.models import Staff, StaffStore, Store

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@demo.wallet", "demo-admin-password"
CASHIER_EMAIL, CASHIER_PASSWORD = "cashier@demo.wallet", "demo-cashier-password"
MEMBER_PASSWORD = "demo-member-password"
MEMBERS = [
    ("ada@demo.wallet", "Ada Lovelace", ["42.50", "18.99", "120.00"]),
    ("grace@demo.wallet", "Grace Hopper", ["9.99", "64.00"]),
    ("alan@demo.wallet", "Alan Turing", []),
]


@dataclass(frozen=True)
class DemoCredentials:
    store_id: str
    lines: list[str]


class _PrehashedPasswords(Passwords):
    """The demo's three fixed passwords hashed once and side by side (argon2 lets go of the
    GIL): hashing five accounts in turn held back the first answer of `serve --demo`."""

    def __init__(self, passwords: Passwords, hashes: dict[str, str]) -> None:
        self._passwords, self._hashes = passwords, hashes

    def hash(self, password: str) -> str:
        return self._hashes.get(password) or self._passwords.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        return self._passwords.verify(password_hash, password)


async def _prehashed(passwords: Passwords) -> Passwords:
    accounts = await Staff.filter(email__in=[ADMIN_EMAIL, CASHIER_EMAIL]).count()
    accounts += await Member.filter(email__in=[email for email, _, _ in MEMBERS]).count()
    if accounts == 2 + len(MEMBERS):
        return passwords  # seeded before: nothing to hash
    plain = [ADMIN_PASSWORD, CASHIER_PASSWORD, MEMBER_PASSWORD]
    hashed = await asyncio.gather(*(asyncio.to_thread(passwords.hash, p) for p in plain))
    return _PrehashedPasswords(passwords, dict(zip(plain, hashed, strict=True)))


async def seed(passwords: Passwords, max_amount: Decimal) -> DemoCredentials:
    """Seed an empty database; on one already seeded, only report what is there."""
    passwords = await _prehashed(passwords)
    store = await Store.filter(name="Demo Store").first()
    if store is None:
        store = await staff.create_store(name="Demo Store")
    if not await Staff.exists(email=ADMIN_EMAIL):
        await staff.create_staff(
            passwords, email=ADMIN_EMAIL, password=ADMIN_PASSWORD, role="admin", name="Demo Admin"
        )
    cashier = await Staff.get_or_none(email=CASHIER_EMAIL)
    if cashier is None:
        cashier = await staff.create_staff(
            passwords,
            email=CASHIER_EMAIL,
            password=CASHIER_PASSWORD,
            role="cashier",
            name="Demo Cashier",
            store_ids=[str(store.id)],
        )
    await StaffStore.get_or_create(staff_id=cashier.id, store_id=store.id)
    till = Actor(ActorKind.STAFF, str(cashier.id), Role.CASHIER)
    # Tiers first, so demo members move up as they buy.
    await seed_demo_tiers()
    await seed_demo_rewards()
    await seed_demo_plans(await _currency())
    # Rules before the members sign up, so they get the sign-up bonus.
    await seed_demo_rules()
    for email, name, purchases in MEMBERS:
        if await Member.exists(email=email):
            continue
        member = await members.sign_up(
            passwords, email=email, password=MEMBER_PASSWORD, name=name, limits=None
        )
        for amount in purchases:
            await ledger.record_purchase(
                actor=till,
                member_id=str(member.id),
                card_number=None,
                amount=Decimal(amount),
                currency=(await _currency()),
                reference=f"DEMO-{uuid.uuid4().hex[:10].upper()}",
                store_id=str(store.id),
                idempotency_key=uuid.uuid4().hex,
                max_amount=max_amount,
            )
    await _seed_notifications()
    lines = [
        f"admin    {ADMIN_EMAIL} / {ADMIN_PASSWORD}",
        f"cashier  {CASHIER_EMAIL} / {CASHIER_PASSWORD}",
        *(f"member   {email} / {MEMBER_PASSWORD}" for email, _, _ in MEMBERS),
        f"store    {store.name}: storeId {store.id}",
    ]
    return DemoCredentials(str(store.id), lines)


async def _currency() -> str:
    from wallet.program.service import get_program

    return (await get_program()).currency


async def _seed_notifications() -> None:
    """A few notifications for the first demo member, beside those their purchases wrote."""
    from wallet.notifications.service import seed_demo_notifications
    from wallet.program.service import get_program

    member = await Member.get_or_none(email=MEMBERS[0][0])
    if member is not None:
        await seed_demo_notifications(member.id, (await get_program()).name)
