"""How long the admin reports take on a large ledger: `python -m bench.analytics`.

Loads bench/load.py's program (10,000 members, a year of purchases: 1,000,000 `earn`
entries) into the PostgreSQL database it is given (emptied first, unless `--reuse`), spreads
the members' joining dates over that year (so there are twelve cohorts), then times each
report called as the API calls it (the service, no HTTP) and prints the seconds. It prints
figures; it asserts nothing.

    .venv/bin/python -m bench.analytics --database-url postgres://…/wallet_bench [--reuse]
                                        [--members 10000] [--entries 1000000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any


async def _prepare(url: str, args: argparse.Namespace) -> None:
    import asyncpg

    from bench.load import load
    from wallet import clock, db
    from wallet.config import Settings

    raw = await asyncpg.connect(url)
    try:
        await raw.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await raw.close()
    settings = Settings.from_env({"WALLET_DATABASE_URL": url, "WALLET_SECRET": "b" * 40})
    await db.migrate(settings)
    await db.init_orm(settings)
    try:
        started = time.perf_counter()
        await load(
            members=args.members, entries=args.entries, rewards_count=10,
            settings_program=settings.program, dialect="postgres",
        )
        # The loader enrols everyone a year ago: spread the joining dates over the year,
        # each member joining before their first purchase.
        year_ago = clock.now() - timedelta(days=365)
        await db.connection().execute_query(
            """UPDATE member m SET created_at = $1::timestamptz
                   + make_interval(secs => (abs(hashtext(m.id::text)) % (300 * 86400))::int)"""
            , [year_ago],
        )
        await db.connection().execute_query("ANALYZE")
        print(f"loaded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        await db.close_orm()


async def _time(repeat: int, call: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


async def _measure(url: str, repeat: int) -> list[tuple[str, float, float]]:
    from wallet import clock, db
    from wallet.analytics import service
    from wallet.config import Settings

    settings = Settings.from_env({"WALLET_DATABASE_URL": url, "WALLET_SECRET": "b" * 40})
    await db.init_orm(settings)
    try:
        entries = (await db.fetch_rows("SELECT COUNT(*) AS n FROM ledger_entry"))[0]["n"]
        members = (await db.fetch_rows("SELECT COUNT(*) AS n FROM member"))[0]["n"]
        print(f"{members:,} members, {entries:,} ledger entries", file=sys.stderr)
        now = clock.now()
        year = (now - timedelta(days=366), now + timedelta(days=1))
        month = (now - timedelta(days=30), now)

        async def export_year() -> None:
            async for _ in service.export_batches("ledger", *year):
                pass

        cases: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
            ("programStats, a year", lambda: service.program_stats(*year)),
            ("programStats, 30 days", lambda: service.program_stats(*month)),
            ("cohortRetention, 13 months", lambda: service.cohort_retention(*year)),
            ("pointsLiability, months of a year", lambda: service.liability_report(*year)),
            ("pointsLiability, days of 90 days",
             lambda: service.liability_report(now - timedelta(days=90), now, service.Interval.DAY)),
            ("ledger export, a year (rows read, not sent)", export_year),
        ]
        results = []
        for name, call in cases:
            best, median = await _time(repeat, call)
            results.append((name, best, median))
            print(f"{name:<46} best {best:7.3f} s   median {median:7.3f} s", flush=True)
        return results
    finally:
        await db.close_orm()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database it may empty")
    parser.add_argument("--reuse", action="store_true", help="keep the data already loaded")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("the bench loads its data on PostgreSQL only")
    if not args.reuse:
        asyncio.run(_prepare(args.database_url, args))
    asyncio.run(_measure(args.database_url, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
