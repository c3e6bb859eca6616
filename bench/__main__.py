"""The benchmark: `python -m bench` (from the repository, in its .venv).

Empties the PostgreSQL database it is given (or starts a throw-away server with
.ci/postgres.sh), loads a realistic program, serves Wallet (one process) and the reference
path (bench/reference.py) on loopback, and drives each scenario from a separate process
with many concurrent clients for a fixed time. Prints a table and writes JSON.

    .venv/bin/python -m bench [--database-url postgres://…] [--clients 64] [--seconds 10]
                              [--rounds 3] [--members 10000] [--entries 1000000]
                              [--scenarios purchase,me,…] [--reuse]

`--reuse` keeps the data a previous run loaded into --database-url (for iterating on one
change; the runs' own sales and redemptions stay in it, so README figures come from a
fresh load).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {
    "purchase": "recordPurchase by scan code (the till)",
    "me": "me { points tierProgress activity(first: 20) } (the wallet)",
    "redeem": "redeemReward, 5 contended rewards",
    "scan": "scanMember (the till)",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_url(given: str | None) -> str:
    if given:
        return given
    print("bench: starting a throw-away PostgreSQL with .ci/postgres.sh", file=sys.stderr)
    out = subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh")], check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


async def _reset_and_load(url: str, secret: str, args: argparse.Namespace) -> dict[str, Any]:
    import asyncpg

    from bench.load import load
    from wallet import db
    from wallet.config import Settings

    raw = await asyncpg.connect(url)
    try:
        await raw.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await raw.close()
    settings = Settings.from_env({"WALLET_DATABASE_URL": url, "WALLET_SECRET": secret})
    await db.migrate(settings)
    await db.init_orm(settings)
    try:
        loaded = await load(
            members=args.members, entries=args.entries, rewards_count=args.rewards,
            settings_program=settings.program, dialect="postgres",
        )
    finally:
        await db.close_orm()
    return loaded.__dict__


async def _loaded(url: str) -> dict[str, Any]:
    """The ids a previous load left in the database (see --reuse)."""
    import asyncpg

    from bench.load import CASHIER_EMAIL

    raw = await asyncpg.connect(url)
    try:
        cashier = await raw.fetchrow(
            "SELECT s.id, a.store_id FROM staff s JOIN staff_store a ON a.staff_id = s.id WHERE s.email = $1",
            CASHIER_EMAIL,
        )
        if cashier is None:
            raise SystemExit("bench: --reuse found no bench data in that database")
        members = await raw.fetch("SELECT id FROM member WHERE email LIKE '%@bench.wallet' ORDER BY id")
        rewards = await raw.fetch("SELECT id FROM reward WHERE is_active ORDER BY name")
    finally:
        await raw.close()
    return {
        "cashier_id": str(cashier["id"]), "store_id": str(cashier["store_id"]),
        "member_ids": [str(r["id"]) for r in members], "reward_ids": [str(r["id"]) for r in rewards],
    }


class Server:
    def __init__(self, argv: list[str], env: dict[str, str], port: int) -> None:
        self.port = port
        started = time.perf_counter()
        self.process = subprocess.Popen(argv, env=env, cwd=ROOT)
        self.startup_seconds = self._wait(started)

    def _wait(self, started: float) -> float:
        while time.perf_counter() - started < 60:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: server exited with {self.process.returncode}")
            try:
                response = httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1)
                if response.status_code in (200, 404):
                    return time.perf_counter() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
        raise SystemExit("bench: server did not start in 60 s")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def _drive(plan: dict[str, Any]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.drive"], input=json.dumps(plan), cwd=ROOT, check=True,
        capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--database-url", default=os.environ.get("WALLET_BENCH_DATABASE_URL"))
    parser.add_argument(
        "--empty-database", action="store_true",
        help="confirm that the database given by --database-url may be emptied",
    )
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rewards", type=int, default=100)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10, help="of each path, in each round")
    parser.add_argument("--rounds", type=int, default=3, help="turns of Wallet, then the reference, per scenario")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--reuse", action="store_true", help="keep the data a previous run loaded")
    args = parser.parse_args()
    scenarios = [s for s in args.scenarios.split(",") if s]
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")

    if args.reuse and not args.database_url:
        parser.error("--reuse needs the --database-url of a previous run")
    if args.database_url and not args.empty_database and not args.reuse:
        parser.error("the bench empties the database it loads: add --empty-database to confirm")
    url = _postgres_url(args.database_url)
    secret = secrets.token_urlsafe(48)
    started = time.perf_counter()
    if args.reuse:
        loaded = asyncio.run(_loaded(url))
    else:
        print(f"bench: loading {args.members:,} members and {args.entries:,} ledger entries…", file=sys.stderr)
        loaded = asyncio.run(_reset_and_load(url, secret, args))
    load_seconds = time.perf_counter() - started

    env = {
        **os.environ,
        "WALLET_ENV": "production",
        "WALLET_DATABASE_URL": url + ("&" if "?" in url else "?") + "maxsize=20",
        "WALLET_SECRET": secret,
        "WALLET_SCAN_CODE_TTL_SECONDS": "3600",
    }
    results: list[dict[str, Any]] = []
    base = {k: loaded[k] for k in ("cashier_id", "store_id", "member_ids", "reward_ids")}

    def plan(target: str, scenario: str, port: int, **extra: Any) -> dict[str, Any]:
        return {
            "target": target, "scenario": scenario, "base_url": f"http://127.0.0.1:{port}",
            "clients": args.clients, "seconds": args.seconds, "secret": secret, **base, **extra,
        }

    # Queries per request, in a pass of its own (counting slows the server).
    port = _free_port()
    counting = Server([sys.executable, "-m", "bench.serve", "--port", str(port), "--count-queries"], env, port)
    query_counts = {}
    try:
        for scenario in scenarios:
            figures = _drive(plan("wallet", scenario, port, clients=4, seconds=2, count_queries=True))
            query_counts[scenario] = figures["queries_per_request"]
    finally:
        counting.stop()

    from bench.reference import QUERIES

    wallet_port, reference_port = _free_port(), _free_port()
    wallet = Server([sys.executable, "-m", "bench.serve", "--port", str(wallet_port)], env, wallet_port)
    reference = Server(
        [sys.executable, "-m", "bench.reference", "--database-url", url, "--secret", secret,
         "--port", str(reference_port), "--pool-size", "20"],
        env, reference_port,
    )
    try:
        for scenario in scenarios:
            # Wallet and the reference take turns, round after round: a virtual machine's
            # speed drifts by a fifth from minute to minute, and drift between one long run
            # of each would show as a difference between them. The round with the median
            # throughput ratio is reported.
            rounds = []
            for _ in range(args.rounds):
                ours = _drive(plan("wallet", scenario, wallet_port))
                ref = _drive(plan("reference", scenario, reference_port))
                ours["throughput_ratio"] = round(ours["requests_per_second"] / ref["requests_per_second"], 2)
                ours["p99_ratio"] = round(ours["latency_ms_p99"] / ref["latency_ms_p99"], 2)
                rounds.append((ours, ref))
                print(f"bench: {scenario}: {ours['requests_per_second']} req/s vs {ref['requests_per_second']}",
                      file=sys.stderr)
            ours, ref = sorted(rounds, key=lambda pair: pair[0]["throughput_ratio"])[len(rounds) // 2]
            ours["queries_per_request"] = query_counts[scenario]
            ref["queries_per_request"] = QUERIES[scenario]
            ours["round_ratios"] = [pair[0]["throughput_ratio"] for pair in rounds]
            results += [ours, ref]
    finally:
        wallet.stop()
        reference.stop()

    sqlite_startup = _sqlite_startup(secret)
    report = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "data": {"members": args.members, "ledger_entries": args.entries, "rewards": args.rewards,
                 "load_seconds": round(load_seconds, 1)},
        "clients": args.clients,
        "seconds_per_round": args.seconds,
        "rounds": args.rounds,
        "wallet_startup_seconds": round(wallet.startup_seconds, 2),
        "sqlite_startup_seconds": sqlite_startup,
        "results": results,
    }
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(_table(report))
    print(
        f"\nStart-up to first answer: PostgreSQL {report['wallet_startup_seconds']} s; SQLite "
        f"{sqlite_startup['new_database']} s on a new database (migrations, demo data), "
        f"{sqlite_startup['restart']} s on a restart."
    )
    print(f"\nJSON: {args.json}")
    return 0


def _sqlite_startup(secret: str) -> dict[str, float]:
    """Seconds from `wallet serve --demo` to its first answered request on SQLite: on a new
    database (migrations and demo data) and on a restart of the same one."""
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "WALLET_ENV": "development",
            "WALLET_DATABASE_URL": f"sqlite:///{folder}/wallet.db",
            "WALLET_SECRET": secret,
        }
        # As an installed Wallet starts: with Python's cache of compiled modules, filled by
        # an earlier start (some environments, this one among them, turn the cache off,
        # and compiling our modules then adds a quarter of a second to every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-c", "import wallet.app, wallet.demo"], env=env, cwd=ROOT, check=True)
        for label in ("new_database", "restart"):
            port = _free_port()
            wallet_bin = str(Path(sys.executable).parent / "wallet")
            server = Server([wallet_bin, "serve", "--demo", "--port", str(port), "--log-level", "warning"], env, port)
            figures[label] = round(server.startup_seconds, 2)
            server.stop()
    return figures


def _table(report: dict[str, Any]) -> str:
    rows = [
        "| scenario | path | req/s | p50 ms | p95 ms | p99 ms | errors | queries/req | × reference (req/s, p99) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in report["results"]:
        ratio = f"{r['throughput_ratio']}, {r['p99_ratio']}" if "throughput_ratio" in r else ""
        if len(r.get("round_ratios", [])) > 1:
            ratio += f" (rounds: {' '.join(str(x) for x in r['round_ratios'])})"
        rows.append(
            f"| {r['scenario']} | {r['target']} | {r['requests_per_second']} | {r['latency_ms_p50']} | "
            f"{r['latency_ms_p95']} | {r['latency_ms_p99']} | {r['errors']} | {r['queries_per_request']} | {ratio} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
