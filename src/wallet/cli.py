"""`wallet …` commands."""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from wallet.config import ConfigError, Settings, sqlite_path


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        print(f"wallet: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc


async def _with_database(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    from wallet import db
    from wallet.program.service import ensure_program

    await db.migrate(settings)
    await db.init_orm(settings)
    try:
        await ensure_program(settings.program)
        return await work()
    finally:
        await db.close_orm()


def serve(args: argparse.Namespace) -> int:
    settings = _settings()
    on_ready = None
    if args.demo:
        if settings.is_production:
            print("wallet: --demo is refused when WALLET_ENV=production", file=sys.stderr)
            return 2
        on_ready = _demo_seeder(settings, args.host, args.port)
    # Imported after the demo's password hashing started, which runs meanwhile.
    import uvicorn

    from wallet.app import create_app

    app = create_app(settings, on_ready=on_ready)
    uvicorn.run(app, **server_options(settings, args.host, args.port, args.log_level))
    return 0


def server_options(settings: Settings, host: str, port: int, log_level: str) -> dict[str, object]:
    """uvicorn's options for `serve`. The client address (the abuse limits count by it) is
    the TCP peer's, unless the peer is a proxy listed in WALLET_FORWARDED_ALLOW_IPS: then it
    is the client that proxy names in X-Forwarded-For. Any other X-Forwarded-For is ignored,
    so a client cannot choose the address it is counted under."""
    trusted = settings.forwarded_allow_ips
    return {
        "host": host,
        "port": port,
        "log_level": log_level,
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or None,
        # A WebSocket message (a subscription) is held to the request body's limit: uvicorn
        # refuses a larger frame (1009) before it is buffered whole.
        "ws_max_size": settings.limits.max_body_bytes,
    }


def _demo_seeder(settings: Settings, host: str, port: int) -> Callable[[], Awaitable[None]]:
    from wallet.passwords import Passwords

    passwords = Passwords(settings.password_memory_kib, settings.password_time_cost)
    hashing = None
    path = sqlite_path(settings.database_url) if settings.dialect == "sqlite" else None
    if path is not None and not path.exists():
        # A new demo database: its accounts' passwords will be hashed, so start now.
        from wallet.demo_accounts import hash_in_background

        hashing = hash_in_background(passwords)

    async def seed() -> None:
        from wallet.demo import seed as seed_demo

        credentials = await seed_demo(passwords, settings.max_purchase_amount, hashing)
        print("\nWallet demo is ready.", flush=True)
        print(f"  Wallet:   http://{host}:{port}/", flush=True)
        print(f"  Till:     http://{host}:{port}/pos", flush=True)
        print(f"  Insight:  http://{host}:{port}/admin", flush=True)
        print(f"  GraphiQL: http://{host}:{port}/graphql", flush=True)
        for line in credentials.lines:
            print(f"  {line}", flush=True)
        print(flush=True)

    return seed


def migrate(args: argparse.Namespace) -> int:
    from wallet import db

    settings = _settings()
    applied = asyncio.run(db.migrate(settings))
    print("\n".join(applied) if applied else "The database is up to date.")
    return 0


def export_schema(args: argparse.Namespace) -> int:
    from wallet.graphql.schema import export_schema as export

    text = export()
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)
    return 0


def create_staff(args: argparse.Namespace) -> int:
    from wallet.errors import DomainError
    from wallet.passwords import Passwords
    from wallet.staff import service

    if not args.password_stdin:
        print("wallet: pass the password on standard input with --password-stdin", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\r\n")
    settings = _settings()

    async def work() -> int:
        passwords = Passwords(settings.password_memory_kib, settings.password_time_cost)
        try:
            staff = await service.create_staff(
                passwords, email=args.email, password=password, role=args.role, name=args.name
            )
        except DomainError as exc:
            print(f"wallet: {exc.code}: {exc.message}", file=sys.stderr)
            return 1
        print(f"created {staff.role} {staff.email} ({staff.id})")
        return 0

    return asyncio.run(_with_database(settings, work))


def check_ledger(args: argparse.Namespace) -> int:
    from wallet.ledger.service import check_ledger as check

    settings = _settings()

    async def work() -> int:
        mismatches = await check()
        for mismatch in mismatches:
            for problem in mismatch.problems:
                print(
                    f"account {mismatch.account_id} (member {mismatch.member_id}): {problem}",
                    file=sys.stderr,
                )
        if mismatches:
            print(f"ledger check FAILED: {len(mismatches)} account(s) do not add up", file=sys.stderr)
            return 1
        print("ledger check passed: every balance equals the sum of its entries")
        return 0

    return asyncio.run(_with_database(settings, work))


def run_jobs(args: argparse.Namespace) -> int:
    from wallet.jobs import run_jobs as run

    settings = _settings()

    async def work() -> int:
        from wallet.notifications import delivery
        from wallet.payments.registry import build_gateways

        delivery.configure(settings)
        results = await run(
            gateways=build_gateways(settings),
            grace_days=settings.membership_grace_days,
            notification_retention_days=settings.notification_retention_days,
            points_expiring_notice_days=settings.points_expiring_notice_days,
        )
        for name, count in results.items():
            print(f"{name}: {count}")
        return 0

    return asyncio.run(_with_database(settings, work))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="wallet", description="Wallet loyalty platform")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("serve", help="serve the API (applies pending migrations first)")
    p.add_argument("--demo", action="store_true", help="seed demo data on an empty database")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--log-level", default="info")
    p.set_defaults(run=serve)

    p = commands.add_parser("migrate", help="apply pending database migrations")
    p.set_defaults(run=migrate)

    p = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    p.add_argument("--output", "-o", help="write to this file instead of standard output")
    p.set_defaults(run=export_schema)

    p = commands.add_parser("create-staff", help="create an admin or cashier account")
    p.add_argument("--email", required=True)
    p.add_argument("--role", required=True, choices=["admin", "cashier"])
    p.add_argument("--name", default="")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(run=create_staff)

    p = commands.add_parser("check-ledger", help="verify every balance equals its entries' sum")
    p.set_defaults(run=check_ledger)

    p = commands.add_parser(
        "run-jobs", help="release pending points, expire points and vouchers, end tier periods, renew memberships"
    )
    p.set_defaults(run=run_jobs)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
