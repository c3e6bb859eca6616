"""Load a realistic program into an empty database: members, a year of purchases and their
ledger entries, three tiers, a hundred rewards, a store and a cashier.

The bulk rows are written with set-based SQL (PostgreSQL: `generate_series`, SQLite: a
recursive CTE) rather than through the services, which would take an hour for a million
entries. They keep the ledger's invariants: every member has one `earn` entry per purchase,
`balance_after` is the running balance, the account holds their sum and one lot holds it
all, so `wallet check-ledger` passes on the loaded data.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from wallet import clock
from wallet.actors import Actor
from wallet.db import connection
from wallet.members.cards import luhn_check_digit
from wallet.passwords import Passwords
from wallet.program.service import ensure_program
from wallet.rewards import service as rewards
from wallet.rewards.models import RewardKind
from wallet.staff import service as staff
from wallet.program.service import get_program
from wallet.tiers.service import ladder, period_starting, qualifying_amounts, qualifying_since, seed_demo_tiers

MEMBER_PASSWORD = "bench member password"
CASHIER_EMAIL = "cashier@bench.wallet"
POINTS_PER_PURCHASE = 10  # each loaded purchase is 10.00 at the default earn rate of 1


@dataclass(frozen=True)
class Loaded:
    store_id: str
    cashier_id: str
    member_ids: list[str]
    reward_ids: list[str]
    seconds: float


def member_id(n: int) -> uuid.UUID:
    return uuid.UUID(int=(0xBE4C << 112) | n)


def card_number(n: int) -> str:
    body = f"9{n:010d}"
    return body + luhn_check_digit(body)


async def load(
    *, members: int, entries: int, rewards_count: int, settings_program: object, dialect: str
) -> Loaded:
    started = time.perf_counter()
    await ensure_program(settings_program)  # type: ignore[arg-type]
    await seed_demo_tiers()
    store = await staff.create_store(name="Bench Store")
    passwords = Passwords(memory_kib=1024, time_cost=1)  # cheap hashes: the bench never logs in
    cashier = await staff.create_staff(
        passwords, email=CASHIER_EMAIL, password="bench cashier password", role="cashier",
        store_ids=[str(store.id)],
    )
    reward_ids = await _rewards(rewards_count)
    per_member = max(1, entries // members)
    password_hash = passwords.hash(MEMBER_PASSWORD)
    await _bulk(members, per_member, str(store.id), str(cashier.id), password_hash, dialect)
    await _tier_status([str(member_id(n)) for n in range(1, members + 1)])
    return Loaded(
        store_id=str(store.id),
        cashier_id=str(cashier.id),
        member_ids=[str(member_id(n)) for n in range(1, members + 1)],
        reward_ids=reward_ids,
        seconds=time.perf_counter() - started,
    )


async def _tier_status(member_ids: list[str]) -> None:
    """Each member holds the tier their year of purchases reached, as in a program that has
    been running: without it nearly every sale of the bench would be a member's first
    promotion, a path a real till takes about once a year per member."""
    program = await get_program()
    tiers = await ladder()
    now = clock.now()
    start, end = period_starting(program, now)
    amounts = await qualifying_amounts(program, member_ids, qualifying_since(program, now), now)
    held = {m: tiers.reached(amount) for m, amount in amounts.items()}
    rows = [(uuid.UUID(m), tier.id) for m, tier in held.items() if tier is not None]
    await connection().execute_query(
        """INSERT INTO member_tier (member_id, tier_id, period_start, period_end, updated_at)
           SELECT m, t, $1, $2, $3 FROM unnest($4::uuid[], $5::uuid[]) AS r(m, t)""",
        [start, end, now, [m for m, _ in rows], [t for _, t in rows]],
    )


async def _rewards(count: int) -> list[str]:
    system = Actor.system()
    ids = []
    for n in range(count):
        # Unlimited stock, but every redemption still locks its reward row: contended.
        reward = await rewards.create_reward(
            system, name=f"Bench reward {n:03d}", kind=RewardKind.PRODUCT, cost_points=10 + n
        )
        ids.append(str(reward.id))
    return ids


async def _bulk(
    members: int, per_member: int, store_id: str, cashier_id: str, password_hash: str, dialect: str
) -> None:
    db = connection()
    now = clock.now()
    year_ago = now - timedelta(days=365)
    step_seconds = int(timedelta(days=365).total_seconds() // per_member)
    cards = [card_number(n) for n in range(1, members + 1)]
    ids = [str(member_id(n)) for n in range(1, members + 1)]
    if dialect == "postgres":
        await db.execute_query(
            """INSERT INTO member (id, email, name, password_hash, card_number, is_active, created_at)
               SELECT m.id, 'member' || m.n || '@bench.wallet', 'Member ' || m.n, $1, m.card, TRUE, $2
               FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS m(id, card, n)""",
            [password_hash, year_ago, ids, cards],
        )
        total = per_member * POINTS_PER_PURCHASE
        await db.execute_query(
            """INSERT INTO points_account (member_id, available, pending, owed, lifetime, updated_at, last_activity_at)
               SELECT id, $1::bigint, 0, 0, $1::bigint, $2::timestamptz, $2::timestamptz FROM member""",
            [total, now],
        )
        # Purchases and entries: n-th purchase of each member, spread over the last year.
        await db.execute_query(
            """INSERT INTO purchase (id, reference, amount, currency, points_earned, base_points,
                                     base_points_reversed, refunded_amount, points_reversed,
                                     created_at, member_id, staff_id, store_id)
               SELECT md5(a.id::text || '-' || g)::uuid, 'B-' || a.id || '-' || g, 10.00, 'USD', $1::bigint, $1::bigint, 0, 0, 0,
                      $2::timestamptz + make_interval(secs => g * $3::int), a.member_id, $4::uuid, $5::uuid
               FROM points_account a CROSS JOIN generate_series(1, $6) AS g""",
            [POINTS_PER_PURCHASE, year_ago, step_seconds, cashier_id, store_id, per_member],
        )
        await db.execute_query(
            """INSERT INTO ledger_entry (kind, bucket, amount, balance_after, reason, reference,
                                         actor_kind, actor_id, created_at, account_id, purchase_id, store_id)
               SELECT 'earn', 'available', $1::bigint, $1::bigint * g, 'Purchase', 'B-' || a.id || '-' || g, 'staff', $4,
                      $2::timestamptz + make_interval(secs => g * $3::int), a.id, md5(a.id::text || '-' || g)::uuid, $5::uuid
               FROM points_account a CROSS JOIN generate_series(1, $6) AS g
               ORDER BY g, a.id""",
            [POINTS_PER_PURCHASE, year_ago, step_seconds, cashier_id, store_id, per_member],
        )
        await db.execute_query(
            """INSERT INTO points_lot (account_id, entry_id, amount, remaining, earned_at, expires_at)
               SELECT e.account_id, max(e.id), sum(e.amount), sum(e.amount), max(e.created_at), NULL
               FROM ledger_entry e GROUP BY e.account_id"""
        )
        await db.execute_query("ANALYZE")
        return
    raise SystemExit("the bench loads its data on PostgreSQL only")
