"""Demo data: a program with a store, an admin, a cashier and members with history.

Only for `wallet serve --demo`, which refuses to run in production. The demo accounts'
passwords are fixed and printed, so anyone can try the API at once.
"""
from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from decimal import Decimal

from wallet.actors import Actor, ActorKind, Role
from wallet.care.service import seed_demo_care
from wallet.demo_accounts import ADMIN_EMAIL, ADMIN_PASSWORD, CASHIER_EMAIL, CASHIER_PASSWORD, MEMBER_PASSWORD, PASSWORDS
from wallet.earning.service import seed_demo_rules
from wallet.ledger import service as ledger
from wallet.members import service as members
from wallet.members.models import Member
from wallet.offers.service import seed_demo_offers
from wallet.memberships.service import seed_demo_plans
from wallet.passwords import Passwords
from wallet.rewards.service import seed_demo_rewards
from wallet.sales import service as sales
from wallet.sales.models import NonMemberSale
from wallet.tiers.service import seed_demo_tiers
from wallet.staff import service as staff
from wallet.staff.models import Staff, StaffStore, Store

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


async def _prehashed(passwords: Passwords, hashing: dict[str, Future[str]] | None) -> Passwords:
    accounts = await Staff.filter(email__in=[ADMIN_EMAIL, CASHIER_EMAIL]).count()
    accounts += await Member.filter(email__in=[email for email, _, _ in MEMBERS]).count()
    if accounts == 2 + len(MEMBERS):
        return passwords  # seeded before: nothing to hash
    if hashing is None:
        hashed = await asyncio.gather(*(asyncio.to_thread(passwords.hash, p) for p in PASSWORDS))
    else:
        hashed = await asyncio.gather(*(asyncio.wrap_future(hashing[p]) for p in PASSWORDS))
    return _PrehashedPasswords(passwords, dict(zip(PASSWORDS, hashed, strict=True)))


async def seed(
    passwords: Passwords, max_amount: Decimal, hashing: dict[str, Future[str]] | None = None
) -> DemoCredentials:
    """Seed an empty database; on one already seeded, only report what is there. `hashing`:
    the demo passwords' hashes, started earlier (wallet.demo_accounts.hash_in_background)."""
    passwords = await _prehashed(passwords, hashing)
    store = await Store.filter(name="Demo Store").first()
    if store is None:
        store = await staff.create_store(name="Demo Store")
    admin = await Staff.get_or_none(email=ADMIN_EMAIL)
    if admin is None:
        admin = await staff.create_staff(
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
    await _seed_referrals(passwords, till, str(store.id), max_amount)
    # Member care: an associate, a gift between members, an open claim (wallet.care).
    await seed_demo_care(store.id, cashier.id, admin.id)
    # Before the offers: the partner's sales come before Ada takes hers up, so they do not count.
    partner_lines = await _seed_partner(max_amount)
    # An offer the first demo member activated, with one of its three visits made.
    await seed_demo_offers(till, str(store.id), MEMBERS[0][0], max_amount)
    await _seed_non_member_sales(till, str(store.id), max_amount)
    await _seed_notifications()
    lines = [
        f"admin    {ADMIN_EMAIL} / {ADMIN_PASSWORD}",
        f"cashier  {CASHIER_EMAIL} / {CASHIER_PASSWORD}",
        *(f"member   {email} / {MEMBER_PASSWORD}" for email, _, _ in MEMBERS),
        *(f"member   {email} / {MEMBER_PASSWORD} (invited by {by})" for by, email, _, _ in REFERRALS),
        f"store    {store.name}: storeId {store.id}",
        *partner_lines,
    ]
    return DemoCredentials(str(store.id), lines)


# Referrals: Grace invited both; Katherine's first purchase rewarded it, Margaret has not bought yet.
REFERRALS = [
    ("grace@demo.wallet", "katherine@demo.wallet", "Katherine Johnson", ["35.00"]),
    ("grace@demo.wallet", "margaret@demo.wallet", "Margaret Hamilton", []),
]


async def _seed_referrals(passwords: Passwords, till: Actor, store_id: str, max_amount: Decimal) -> None:
    """The program's referral rewards (500 and 250 points from 20.00), and two invitations."""
    from wallet.program.service import get_program, update_program

    program = await get_program()
    if not program.referral_referrer_points and not program.referral_invited_points:
        await update_program(
            Actor.system(),
            {"referral_referrer_points": 500, "referral_invited_points": 250, "referral_min_amount": "20.00"},
        )
    for referrer_email, email, name, purchases in REFERRALS:
        referrer = await Member.get_or_none(email=referrer_email)
        if referrer is None or await Member.exists(email=email):
            continue
        member = await members.sign_up(
            passwords, email=email, password=MEMBER_PASSWORD, name=name, limits=None,
            referral_code=referrer.referral_code,
        )
        for amount in purchases:
            await ledger.record_purchase(
                actor=till, member_id=str(member.id), card_number=None, amount=Decimal(amount),
                currency=(await _currency()), reference=f"DEMO-{uuid.uuid4().hex[:10].upper()}",
                store_id=store_id, idempotency_key=uuid.uuid4().hex, max_amount=max_amount,
            )


DEMO_PARTNER = "Fuel & Go"


async def _seed_partner(max_amount: Decimal) -> list[str]:
    """A partner (2 points per 1.00, settled at 0.02 a point) with a store, an API key, a
    reward and sales for Ada and Grace. The key's secret exists only in this process: it is
    printed when made, and only its prefix on later starts (its hash is all that is kept)."""
    from wallet.partners import service as partners
    from wallet.partners.models import ApiKey, Partner
    from wallet.rewards.service import create_reward

    partner = await Partner.get_or_none(name=DEMO_PARTNER)
    if partner is not None:
        key = await ApiKey.filter(partner_id=partner.id, revoked_at=None).order_by("created_at").first()
        store = await Store.get(partner_id=partner.id)
        shown = f"wk_{key.prefix}_… (shown when it was made; create another with createApiKey)" if key else "revoked"
        return [f"partner  {partner.name}: partnerId {partner.id}, storeId {store.id}", f"api key  {shown}"]
    system = Actor.system()
    partner = await partners.create_partner(system, name=DEMO_PARTNER, earn_rate="2", point_value="0.02")
    store = await staff.create_store(name="Fuel & Go Riverside")
    await partners.set_store_partner(system, str(store.id), str(partner.id))
    created = await partners.create_api_key(
        system, partner_id=str(partner.id), name="Fuel & Go tills", scopes=["purchases", "events", "statements"]
    )
    await create_reward(
        system, name="Free car wash", kind="product", cost_points=150, partner_id=partner.id,
        description="A full car wash at any Fuel & Go station.",
    )
    key_actor = await partners.authenticate(created.secret)
    for email, amount in (("ada@demo.wallet", "48.00"), ("grace@demo.wallet", "31.50")):
        member = await Member.get(email=email)
        await ledger.record_purchase(
            actor=key_actor, member_id=str(member.id), card_number=None, amount=Decimal(amount),
            currency=await _currency(), reference=f"FUEL-{uuid.uuid4().hex[:10].upper()}",
            store_id=str(store.id), idempotency_key=uuid.uuid4().hex, max_amount=max_amount,
        )
    return [
        f"partner  {partner.name}: partnerId {partner.id}, storeId {store.id}",
        f"api key  {created.secret}  (Authorization: Bearer …; shown this once)",
    ]


async def _seed_non_member_sales(till: Actor, store_id: str, max_amount: Decimal) -> None:
    """A few sales without a member, once, so /admin compares members with non-members."""
    if await NonMemberSale.exists():
        return
    for amount in ("15.00", "32.40", "8.75"):
        await sales.record_non_member_sale(
            actor=till, store_id=store_id, amount=Decimal(amount), currency=None,
            reference=f"DEMO-N-{uuid.uuid4().hex[:10].upper()}", idempotency_key=uuid.uuid4().hex,
            max_amount=max_amount,
        )


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
