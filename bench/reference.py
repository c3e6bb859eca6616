"""The reference path: the thinnest server doing the same SQL work as Wallet's hot paths.

A bare Starlette app on the same driver (asyncpg), with no GraphQL and no ORM: each
endpoint verifies the same JWT and scan code and runs, by hand, the statements Wallet
runs for that operation (idempotency record, locks, inserts, the audit record). What
Wallet costs above this is the price of GraphQL, the ORM and our own code; the ratio of
the two throughputs is the figure the benchmark tracks.

    python -m bench.reference --database-url postgres://… --port 8100 --secret …
"""
from __future__ import annotations

import argparse
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import jwt
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from wallet.scan.codes import ScanCodes
from wallet.scan.errors import ScanCodeError


class NoResetConnection(asyncpg.Connection):  # type: ignore[misc]
    """Like Wallet's pooled connections (wallet.db.PooledConnection): no reset query on
    release, so neither side pays a round trip the other does not."""

    def get_reset_query(self) -> str:
        return ""


async def notify(db: asyncpg.Connection, event: list) -> None:
    """Wallet's live updates: one pg_notify inside the transaction (wallet.live.service)."""
    await db.execute("SELECT pg_notify('wallet_live', $1)", json.dumps([event], separators=(",", ":")))


async def tell(
    db: asyncpg.Connection, member_id: uuid.UUID, kind: str, title: str, body: str, data: dict, now: datetime
) -> None:
    """Wallet's notifications (wallet.notifications.service): one insert, unless muted."""
    await db.fetchval(
        """INSERT INTO notification (member_id, kind, title, body, data, once_key, created_at, delivery_error)
           SELECT $1, $2, $3, $4, $5, NULL, $6, ''
           WHERE NOT EXISTS (SELECT 1 FROM notification_mute m WHERE m.member_id = $1 AND m.kind = $7)
           ON CONFLICT DO NOTHING RETURNING id""",
        member_id, kind, title, body, json.dumps(data), now, kind,
    )


def build(database_url: str, secret: str, pool_size: int) -> Starlette:
    codes = ScanCodes(secret, 3600)
    state: dict[str, asyncpg.Pool] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(
            database_url, min_size=pool_size, max_size=pool_size, connection_class=NoResetConnection
        )
        yield
        await state["pool"].close()

    def actor(request: Request) -> dict:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        return jwt.decode(token, secret, algorithms=["HS256"], audience="wallet-api", issuer="wallet")

    async def purchase(request: Request) -> Response:
        claims = actor(request)
        staff_id = claims["sub"].split(":", 1)[1]
        body = await request.json()
        now = datetime.now(UTC)
        try:
            read = codes.read(body["scanCode"], now)
        except ScanCodeError as exc:
            return JSONResponse({"error": exc.code.value})
        store_id = uuid.UUID(body["storeId"])
        amount = body["amount"]
        staff_uuid = uuid.UUID(staff_id)
        async with state["pool"].acquire() as db:
            # The same statements as Wallet's recordPurchase by scan code, in the same order.
            await db.fetchrow("SELECT id, role, is_active, token_version FROM staff WHERE id = $1", staff_uuid)
            async with db.transaction():
                record_id = await db.fetchval(
                    """INSERT INTO idempotency_record (actor, key, operation, request_hash, result, created_at)
                       VALUES ($1, $2, 'recordPurchase', $3, '{}', $4) ON CONFLICT (actor, key) DO NOTHING
                       RETURNING id""",
                    f"staff:{staff_id}", body["idempotencyKey"], body["reference"], now,
                )
                program = await db.fetchrow("SELECT earn_rate, currency FROM program WHERE id = 1")
                await db.fetchrow(
                    """SELECT s.id FROM store s JOIN staff_store a ON a.store_id = s.id AND a.staff_id = $2
                       WHERE s.id = $1 AND s.is_active""",
                    store_id, staff_uuid,
                )
                await db.fetchval(
                    "SELECT count(*) FROM scan_failure WHERE staff_id = $1 AND created_at > $2", staff_uuid, now,
                )
                await db.fetchval(
                    """INSERT INTO scan_claim (nonce, member_id, staff_id, store_id, expires_at, claimed_at)
                       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING nonce""",
                    read.nonce, read.member_id, staff_uuid, store_id, read.expires_at, now,
                )
                member = await db.fetchrow("SELECT id FROM member WHERE id = $1 AND is_active", read.member_id)
                account = await db.fetchrow(
                    "SELECT id, available, lifetime FROM points_account WHERE member_id = $1 FOR UPDATE", member["id"]
                )
                status = await db.fetchrow("SELECT tier_id, period_end FROM member_tier WHERE member_id = $1", member["id"])
                tiers = await db.fetch("SELECT id, rank, threshold, earn_multiplier FROM tier ORDER BY rank")
                await db.fetch(
                    """SELECT p.cashback_percent, p.earn_multiplier FROM membership m
                       JOIN membership_plan p ON p.id = m.plan_id
                       WHERE m.status IN ('trialing', 'active', 'past_due') AND m.live_member_id = $1""",
                    str(member["id"]),
                )
                await db.fetch(
                    """SELECT extra_percent FROM cashback_promotion
                       WHERE is_active AND starts_at <= $1 AND ends_at > $1""",
                    now,
                )
                points = int(float(amount) * float(program["earn_rate"]))
                purchase_id = uuid.uuid4()
                await db.execute(
                    """INSERT INTO purchase (id, reference, amount, currency, points_earned, base_points,
                           base_points_reversed, refunded_amount, points_reversed, created_at, member_id, staff_id,
                           store_id)
                       VALUES ($1, $2, $3::numeric, $4, $5, $5, 0, 0, 0, $6, $7, $8, $9)""",
                    purchase_id, body["reference"], amount, program["currency"], points, now, member["id"],
                    staff_uuid, store_id,
                )
                available = account["available"] + points
                await db.execute(
                    """UPDATE points_account SET available = $1, lifetime = lifetime + $2,
                           updated_at = $3, last_activity_at = $3 WHERE id = $4 AND available = $5""",
                    available, points, now, account["id"], account["available"],
                )
                entry_id = await db.fetchval(
                    """INSERT INTO ledger_entry (kind, bucket, amount, balance_after, reason, reference, actor_kind,
                           actor_id, created_at, account_id, purchase_id, store_id)
                       VALUES ('earn', 'available', $1, $2, 'Purchase', $3, 'staff', $4, $5, $6, $7, $8)
                       RETURNING id""",
                    points, available, body["reference"], staff_id, now, account["id"], purchase_id, store_id,
                )
                await db.execute(
                    """INSERT INTO points_lot (account_id, entry_id, amount, remaining, earned_at)
                       VALUES ($1, $2, $3, $3, $4)""",
                    account["id"], entry_id, points, now,
                )
                # Tier qualification, as Wallet's after_purchase: the period's sum, unless no tier
                # is above the member's.
                held = next((t for t in tiers if status and t["id"] == status["tier_id"]), None)
                reached = None
                if any(held is None or t["rank"] > held["rank"] for t in tiers):
                    year_start = datetime(now.year, 1, 1, tzinfo=UTC)
                    total = await db.fetchval(
                        """SELECT SUM(base_points - base_points_reversed) FROM purchase
                           WHERE member_id = $1 AND created_at >= $2 AND created_at <= $3""",
                        member["id"], year_start, now,
                    )
                    reached = max((t for t in tiers if t["threshold"] <= (total or 0)), key=lambda t: t["rank"], default=None)
                    if reached is not None and held is not None and reached["rank"] <= held["rank"]:
                        reached = None
                if reached is not None:
                    # The member moves up, as in Wallet: lock the member and their tier row,
                    # write the new tier and the change.
                    await db.fetchval("SELECT id FROM member WHERE id = $1 FOR NO KEY UPDATE", member["id"])
                    row = await db.fetchrow("SELECT id FROM member_tier WHERE member_id = $1 FOR UPDATE", member["id"])
                    period_end = datetime(now.year + 1, 1, 1, tzinfo=UTC)
                    if row is None:
                        await db.execute(
                            """INSERT INTO member_tier (member_id, tier_id, period_start, period_end, updated_at)
                               VALUES ($1, $2, $3, $4, $5)""",
                            member["id"], reached["id"], year_start, period_end, now,
                        )
                    else:
                        await db.execute(
                            """UPDATE member_tier SET tier_id = $1, period_start = $2, period_end = $3,
                                   updated_at = $4 WHERE id = $5""",
                            reached["id"], year_start, period_end, now, row["id"],
                        )
                    await db.execute(
                        """INSERT INTO tier_change (member_id, from_tier_id, to_tier_id, reason, period_end,
                               created_at) VALUES ($1, $2, $3, $4, NULL, $5)""",
                        member["id"], held["id"] if held else None, reached["id"],
                        f"Qualified: {total} points this period", now,
                    )
                # The member is told what they earned (Wallet's points_earned notification).
                await tell(
                    db, member["id"], "balance_changed", f"You earned {points} points",
                    f"For your purchase {body['reference']}.",
                    {"reason": "purchase", "points": points, "purchaseId": str(purchase_id), "reference": body["reference"]},
                    now,
                )
                if reached is not None:
                    await tell(
                        db, member["id"], "tier_up", "Welcome to the next tier", "You reached a new tier.",
                        {"tierId": str(reached["id"])}, now,
                    )
                await db.execute(
                    """INSERT INTO audit_record (actor_kind, actor_id, role, store_id, action, target_type,
                           target_id, member_id, after, created_at)
                       VALUES ('staff', $1, 'cashier', $2, 'purchase.record', 'purchase', $3, $4, $5, $6)""",
                    staff_id, store_id, str(purchase_id), member["id"], json.dumps({"amount": amount}), now,
                )
                result = {"purchaseId": str(purchase_id), "pointsEarned": points}
                await db.execute(
                    "UPDATE idempotency_record SET result = $1 WHERE id = $2", json.dumps(result), record_id
                )
                await notify(db, ["points", {"m": str(member["id"]), "a": entry_id, "b": entry_id}])
        return JSONResponse({**result, "member": {"points": {"available": available}}})

    async def me(request: Request) -> Response:
        member_id = uuid.UUID(actor(request)["sub"].split(":", 1)[1])
        async with state["pool"].acquire() as db:
            await db.fetchrow("SELECT id, is_active FROM member WHERE id = $1", member_id)
            account = await db.fetchrow(
                "SELECT available, pending, lifetime FROM points_account WHERE member_id = $1", member_id
            )
            program = await db.fetchrow("SELECT tier_period, timezone, qualifying_measure FROM program LIMIT 1")
            status = await db.fetchrow("SELECT tier_id, period_start, period_end FROM member_tier WHERE member_id = $1", member_id)
            tiers = await db.fetch("SELECT id, name, rank, threshold FROM tier WHERE is_active ORDER BY rank")
            period_start = datetime(datetime.now(UTC).year, 1, 1, tzinfo=UTC)
            qualifying = await db.fetchval(
                """SELECT coalesce(sum(base_points - base_points_reversed), 0) FROM purchase
                   WHERE member_id = $1 AND created_at >= $2""",
                member_id, period_start,
            )
            entries = await db.fetch(
                """SELECT e.id, e.kind, e.amount, e.reason, e.reference, e.created_at FROM ledger_entry e
                   JOIN points_account a ON a.id = e.account_id WHERE a.member_id = $1
                   ORDER BY e.id DESC LIMIT 21""",
                member_id,
            )
        return JSONResponse(
            {
                "points": dict(account),
                "tier": str(status["tier_id"]) if status else None,
                "program": program["tier_period"],
                "tiers": [t["name"] for t in tiers],
                "qualifying": int(qualifying),
                "activity": [
                    {**dict(e), "created_at": e["created_at"].isoformat()} for e in entries[:20]
                ],
            }
        )

    async def redeem(request: Request) -> Response:
        member_id = uuid.UUID(actor(request)["sub"].split(":", 1)[1])
        body = await request.json()
        now = datetime.now(UTC)
        async with state["pool"].acquire() as db, db.transaction():
            record_id = await db.fetchval(
                """INSERT INTO idempotency_record (actor, key, operation, request_hash, result, created_at)
                   VALUES ($1, $2, 'redeemReward', $3, '{}', $4) RETURNING id""",
                f"member:{member_id}", body["idempotencyKey"], body["rewardId"], now,
            )
            reward = await db.fetchrow(
                "SELECT id, cost_points, stock, voucher_valid_days FROM reward WHERE id = $1 AND is_active FOR UPDATE",
                uuid.UUID(body["rewardId"]),
            )
            await db.fetchrow(
                "SELECT t.rank FROM member_tier m JOIN tier t ON t.id = m.tier_id WHERE m.member_id = $1", member_id
            )
            account = await db.fetchrow(
                "SELECT id, available FROM points_account WHERE member_id = $1 FOR UPDATE", member_id
            )
            cost = reward["cost_points"]
            if account["available"] < cost:
                return JSONResponse({"error": "INSUFFICIENT_POINTS"})
            voucher_id = uuid.uuid4()
            await db.execute(
                """INSERT INTO voucher (id, code, quantity, points_spent, status, expires_at, created_at,
                       member_id, reward_id) VALUES ($1, $2, 1, $3, 'issued', NULL, $4, $5, $6)""",
                voucher_id, uuid.uuid4().hex[:19], cost, now, member_id, reward["id"],
            )
            entry_id = await db.fetchval(
                """INSERT INTO ledger_entry (kind, bucket, amount, balance_after, reason, reference, actor_kind,
                       actor_id, created_at, account_id) VALUES ('redeem', 'available', $1, $2, 'Reward', $3,
                       'member', $4, $5, $6) RETURNING id""",
                -cost, account["available"] - cost, str(voucher_id), str(member_id), now, account["id"],
            )
            lot = await db.fetchrow(
                """SELECT id, remaining FROM points_lot WHERE account_id = $1 AND remaining > 0
                   ORDER BY earned_at, id LIMIT 1 FOR UPDATE""",
                account["id"],
            )
            await db.execute("UPDATE points_lot SET remaining = remaining - $1 WHERE id = $2", cost, lot["id"])
            await db.execute(
                "INSERT INTO lot_spend (entry_id, lot_id, amount) VALUES ($1, $2, $3)", entry_id, lot["id"], cost
            )
            await db.execute(
                """UPDATE points_account SET available = available - $1, updated_at = $2, last_activity_at = $2
                   WHERE id = $3 AND available = $4""",
                cost, now, account["id"], account["available"],
            )
            result = {"voucherId": str(voucher_id)}
            await db.execute("UPDATE idempotency_record SET result = $1 WHERE id = $2", json.dumps(result), record_id)
            await notify(db, ["points", {"m": str(member_id), "a": entry_id, "b": entry_id}])
        return JSONResponse(result)

    async def scan(request: Request) -> Response:
        claims = actor(request)
        staff_id = uuid.UUID(claims["sub"].split(":", 1)[1])
        body = await request.json()
        now = datetime.now(UTC)
        try:
            read = codes.read(body["code"], now)
        except ScanCodeError as exc:
            return JSONResponse({"error": exc.code.value})
        store_id = uuid.UUID(body["storeId"])
        async with state["pool"].acquire() as db:
            async with db.transaction():
                await db.fetchrow("SELECT id FROM store WHERE id = $1 AND is_active", store_id)
                await db.fetchval(
                    "SELECT count(*) FROM staff_store WHERE staff_id = $1 AND store_id = $2", staff_id, store_id
                )
                await db.fetchval(
                    "SELECT count(*) FROM scan_failure WHERE staff_id = $1 AND created_at > $2", staff_id, now
                )
                await db.execute(
                    """INSERT INTO scan_claim (nonce, member_id, staff_id, store_id, expires_at, claimed_at)
                       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING""",
                    read.nonce, read.member_id, staff_id, store_id, read.expires_at, now,
                )
                await db.fetchrow("SELECT staff_id, store_id FROM scan_claim WHERE nonce = $1", read.nonce)
                member = await db.fetchrow("SELECT id, name FROM member WHERE id = $1 AND is_active", read.member_id)
                await db.execute(
                    """INSERT INTO audit_record (actor_kind, actor_id, role, store_id, action, target_type,
                           target_id, member_id, after, created_at)
                       VALUES ('staff', $1, 'cashier', $2, 'member.scan', 'member', $3, $4, '{}', $5)""",
                    str(staff_id), store_id, str(member["id"]), member["id"], now,
                )
                await notify(db, ["scan", {"s": str(store_id), "m": str(member["id"]), "at": now.isoformat()}])
            account = await db.fetchrow(
                "SELECT available, pending FROM points_account WHERE member_id = $1", member["id"]
            )
            tier = await db.fetchrow(
                "SELECT t.name FROM member_tier m JOIN tier t ON t.id = m.tier_id WHERE m.member_id = $1",
                member["id"],
            )
            vouchers = await db.fetch(
                """SELECT v.code, r.name FROM voucher v JOIN reward r ON r.id = v.reward_id
                   WHERE v.member_id = $1 AND v.status = 'issued' ORDER BY v.created_at DESC LIMIT 50""",
                member["id"],
            )
        return JSONResponse(
            {
                "member": {"name": member["name"], "points": dict(account), "tier": tier["name"] if tier else None},
                "vouchers": [dict(v) for v in vouchers],
            }
        )

    return Starlette(
        routes=[
            Route("/ref/purchase", purchase, methods=["POST"]),
            Route("/ref/me", me, methods=["GET"]),
            Route("/ref/redeem", redeem, methods=["POST"]),
            Route("/ref/scan", scan, methods=["POST"]),
        ],
        lifespan=lifespan,
    )


# Statements each endpoint runs, for the "queries per request" column (without BEGIN/COMMIT,
# with pg_notify; a sale to a member with no tier above theirs skips the qualifying sum, one
# that moves its member up runs five more).
QUERIES = {"purchase": 21, "me": 7, "redeem": 12, "scan": 11}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pool-size", type=int, default=20)
    args = parser.parse_args()
    app = build(args.database_url, args.secret, args.pool_size)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
