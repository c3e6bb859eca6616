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

import httpx

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


def _failed(response: httpx.Response) -> bool:
    if response.status_code != 200:
        return True
    body = response.json()
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
    limits = httpx.Limits(max_connections=plan.clients, max_keepalive_connections=plan.clients)
    async with httpx.AsyncClient(base_url=plan.base_url, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                method, path, headers, body = requests.next()
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, headers=headers, json=body)
                    failed = _failed(response)
                except httpx.HTTPError:
                    failed, response = True, None
                latencies.append(time.perf_counter() - started)
                errors += failed
                if plan.count_queries and response is not None and "x-query-count" in response.headers:
                    queries.append(int(response.headers["x-query-count"]))

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
