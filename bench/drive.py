"""The load: many concurrent clients over HTTP on loopback, for a fixed time, in a process
of its own. Prints one JSON object with the figures.

    python -m bench.drive < plan.json
"""
from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from typing import Any

from wallet.actors import Actor, ActorKind, Role
from wallet.auth import issue_token
from wallet.config import Settings
from wallet.scan.codes import ScanCodes

RECORD = """mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename ... on RecordPurchaseSuccess { pointsEarned member { points { available } } }
  ... on Error { code } } }"""
ME = """{ me { points { available pending } tierProgress { current { name } next { name } qualifying needed percent periodEnd }
  activity(first: 20) { edges { node { id kind amount reason reference createdAt } } } } }"""
REDEEM = """mutation($input: RedeemRewardInput!) { redeemReward(input: $input) {
  __typename ... on RedeemRewardSuccess { voucher { code } } ... on Error { code } } }"""
SCAN = """mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
  __typename ... on ScanMemberSuccess { member { name tier { name } points { available } }
  vouchers { code reward { name } } } ... on Error { code } } }"""

CONTENDED_REWARDS = 5  # redemptions all go to these few rewards: their rows are contended


@dataclass
class Plan:
    target: str  # "wallet" or "reference"
    scenario: str
    base_url: str
    clients: int
    seconds: float
    secret: str
    cashier_id: str
    store_id: str
    member_ids: list[str]
    reward_ids: list[str]
    count_queries: bool = False


class Requests:
    """Builds one request of a scenario, for Wallet or for the reference path."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        settings = Settings(secret=plan.secret, token_ttl_seconds=7200)
        self.codes = ScanCodes(plan.secret, 3600)
        cashier = Actor(ActorKind.STAFF, plan.cashier_id, Role.CASHIER)
        self.cashier_token = issue_token(settings, cashier).token
        # Tokens for a sample of members: minting one per request would measure pyjwt.
        sample = random.Random(7).sample(plan.member_ids, min(2000, len(plan.member_ids)))
        self.member_tokens = [
            (m, issue_token(settings, Actor(ActorKind.MEMBER, m, Role.MEMBER)).token) for m in sample
        ]

    def next(self) -> tuple[str, str, dict[str, str], Any]:
        """(method, path, headers, json body)"""
        plan, wallet = self.plan, self.plan.target == "wallet"
        scenario = plan.scenario
        if scenario in ("purchase", "scan"):
            member_id = random.choice(plan.member_ids)
            code = self.codes.issue(member_id, _now()).payload
            headers = {"authorization": f"Bearer {self.cashier_token}"}
            if scenario == "purchase":
                fields = {
                    "scanCode": code,
                    "amount": "12.50",
                    "reference": f"R-{uuid.uuid4().hex[:16]}",
                    "storeId": plan.store_id,
                    "idempotencyKey": uuid.uuid4().hex,
                }
                if wallet:
                    return "POST", "/graphql", headers, {
                        "query": RECORD, "variables": {"input": {**fields, "currency": "USD"}}
                    }
                return "POST", "/ref/purchase", headers, fields
            if wallet:
                return "POST", "/graphql", headers, {
                    "query": SCAN, "variables": {"code": code, "storeId": plan.store_id}
                }
            return "POST", "/ref/scan", headers, {"code": code, "storeId": plan.store_id}
        member_id, token = random.choice(self.member_tokens)
        headers = {"authorization": f"Bearer {token}"}
        if scenario == "me":
            return ("POST", "/graphql", headers, {"query": ME}) if wallet else ("GET", "/ref/me", headers, None)
        reward_id = random.choice(plan.reward_ids[:CONTENDED_REWARDS])
        fields = {"rewardId": reward_id, "idempotencyKey": uuid.uuid4().hex}
        if wallet:
            return "POST", "/graphql", headers, {"query": REDEEM, "variables": {"input": {**fields, "quantity": 1}}}
        return "POST", "/ref/redeem", headers, fields


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


class Connection:
    """A keep-alive HTTP/1.1 connection with the least client work per request: the
    driver shares two cores with the servers and the database, so its own cost must stay
    small (httpx took several milliseconds of CPU per request, more than the reference)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers: dict[str, str], body: Any) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        payload = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"host: {self.host}:{self.port}", f"content-length: {len(payload)}"]
        if body is not None:
            head.append("content-type: application/json")
        head += [f"{name}: {value}" for name, value in headers.items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        try:
            raw = await self.reader.readuntil(b"\r\n\r\n")
            lines = raw.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            response_headers = {}
            for line in lines[1:]:
                if line:
                    name, _, value = line.partition(":")
                    response_headers[name.strip().lower()] = value.strip()
            content = await self.reader.readexactly(int(response_headers.get("content-length", "0")))
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            self.close()
            raise
        if response_headers.get("connection", "").lower() == "close":
            self.close()
        return status, response_headers, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _failed(status: int, content: bytes) -> bool:
    if status != 200:
        return True
    body = json.loads(content)
    if "errors" in body or "error" in body:
        return True
    data = body.get("data")
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, dict) and "code" in value and value.get("__typename", "").endswith("Error"):
                return True
    return False


async def run(plan: Plan) -> dict[str, Any]:
    requests = Requests(plan)
    latencies: list[float] = []
    errors = 0
    queries: list[int] = []
    deadline = time.perf_counter() + plan.seconds
    host, port = plan.base_url.removeprefix("http://").rsplit(":", 1)

    async def worker() -> None:
        nonlocal errors
        connection = Connection(host, int(port))
        while time.perf_counter() < deadline:
            method, path, headers, body = requests.next()
            started = time.perf_counter()
            response_headers: dict[str, str] = {}
            try:
                status, response_headers, content = await asyncio.wait_for(
                    connection.request(method, path, headers, body), 30
                )
                failed = _failed(status, content)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                connection.close()
                failed = True
            latencies.append(time.perf_counter() - started)
            errors += failed
            if plan.count_queries and "x-query-count" in response_headers:
                queries.append(int(response_headers["x-query-count"]))
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(plan.clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 2) if latencies else 0.0

    return {
        "target": plan.target,
        "scenario": plan.scenario,
        "clients": plan.clients,
        "requests": len(latencies),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "latency_ms_p50": pct(0.50),
        "latency_ms_p95": pct(0.95),
        "latency_ms_p99": pct(0.99),
        "errors": errors,
        "queries_per_request": round(statistics.mean(queries), 1) if queries else None,
    }


def main() -> None:
    plan = Plan(**json.loads(sys.stdin.read()))
    print(json.dumps(asyncio.run(run(plan))))


if __name__ == "__main__":
    main()
