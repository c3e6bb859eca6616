"""Wallet credit and cashback.

Rules written down here (and in the README):

- **Cashback percent** of a purchase = the program's `cashbackPercent` + the member's plan's
  `cashbackPercent` (while the membership gives benefits: trialing, active, past due) +
  the largest active cashback promotion whose window [startsAt, endsAt) holds the moment
  of the purchase (promotions do not stack with each other), at most 100.
- **Cashback** = amount × percent / 100, rounded *down* to the cent, credited to the
  member's wallet credit (in the program's currency) in the purchase's transaction: a
  `cashback` entry. Owed credit is paid back from it first (`recover` entries). Cashback
  is spendable at once, even while a return window keeps the purchase's points pending; a
  refund takes it back like any other (owed when already spent).
- **Refunds** take cashback back in proportion: after refunds totalling R of a purchase of
  A that earned C, floor-to-the-cent(C × R / A) is taken back in all, each refund the
  difference (so a full refund takes back exactly C). What was already spent is carried as
  **owed** credit (never a negative balance), like points; later cashback pays it first.
- **Spending** (`applyCredit`) takes credit at a till with the account row locked and a
  compare-and-set update; it never goes below zero (`INSUFFICIENT_CREDIT`), is idempotent
  by the client's key, scoped to the cashier's stores, and audited (`credit.apply`).
- For each account and bucket the entries add up to the balance; entries are never
  changed (database triggers), and a CHECK refuses a negative balance.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

from wallet import clock, db, validation
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.credit.errors import InsufficientCredit
from wallet.credit.models import CashbackPromotion, CreditAccount, CreditBucket, CreditEntry, CreditKind
from wallet.db import connection, transaction
from wallet.errors import InvalidInput, NotFound
from wallet.idempotency.service import run_once
from wallet.ledger.models import Purchase
from wallet.members import service as members
from wallet.memberships.benefits import plan_with_benefits
from wallet.memberships.models import MembershipPlan
from wallet.program.models import Program
from wallet.program.service import get_program
from wallet.scan import service as scan
from wallet.scan.service import ScanPolicy
from wallet.staff.service import store_for

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


_UNREAD: Any = object()


async def cashback_percent(
    program: Program, member_id: uuid.UUID | str, at: datetime, plan: MembershipPlan | None = _UNREAD
) -> Decimal:
    """Program + plan + the largest promotion on now, capped at 100. Pass `plan` (the
    member's plan with benefits, or None) when the caller has already read it."""
    percent = Decimal(program.cashback_percent)
    if plan is _UNREAD:
        plan = await plan_with_benefits(member_id)
    if plan is not None:
        percent += Decimal(plan.cashback_percent)
    # Read on every purchase: written out rather than built by the ORM (see wallet.db).
    # Promotions on at once are few; the largest is taken here (exact with SQLite's text decimals).
    promotions = await db.fetch(
        CashbackPromotion,
        f"""SELECT {db.columns(CashbackPromotion)} FROM cashback_promotion
            WHERE is_active AND starts_at <= $1 AND ends_at > $1""",
        at,
    )
    if promotions:
        percent += max(Decimal(p.extra_percent) for p in promotions)
    return min(percent, HUNDRED)


def cashback_for(amount: Decimal, percent: Decimal) -> Decimal:
    return cents(amount * percent / HUNDRED)


@dataclass(frozen=True)
class CreditPosting:
    kind: CreditKind
    bucket: CreditBucket
    amount: Decimal
    reason: str


async def _post(
    account: CreditAccount,
    postings: list[CreditPosting],
    *,
    actor: Actor,
    reference: str = "",
    purchase_id: uuid.UUID | None = None,
    store_id: uuid.UUID | None = None,
) -> list[CreditEntry]:
    """Apply postings to a locked account: all or nothing, never below zero."""
    balances = {CreditBucket.AVAILABLE: Decimal(account.balance), CreditBucket.OWED: Decimal(account.owed)}
    entries = []
    now = clock.now()
    for posting in postings:
        after = balances[posting.bucket] + posting.amount
        if after < 0:
            if posting.bucket is CreditBucket.AVAILABLE:
                raise InsufficientCredit(available=balances[posting.bucket], requested=-posting.amount)
            raise RuntimeError(f"owed credit of account {account.id} would go negative")
        balances[posting.bucket] = after
        entries.append(
            CreditEntry(
                account_id=account.id, kind=posting.kind, bucket=posting.bucket, amount=posting.amount,
                balance_after=after, reason=posting.reason, reference=reference, purchase_id=purchase_id,
                store_id=store_id, actor_kind=actor.kind.value, actor_id=actor.id, created_at=now,
            )
        )
    # Compare-and-set: the row must still hold what we read under the lock.
    changed = await CreditAccount.filter(id=account.id, balance=account.balance, owed=account.owed).update(
        balance=balances[CreditBucket.AVAILABLE], owed=balances[CreditBucket.OWED]
    )
    if changed != 1:
        raise RuntimeError(f"credit account {account.id} changed while locked")
    for entry in entries:
        await entry.save()
    account.balance = balances[CreditBucket.AVAILABLE]
    account.owed = balances[CreditBucket.OWED]
    return entries


async def _locked_account(member_id: uuid.UUID | str, currency: str | None = None) -> CreditAccount | None:
    """The member's credit account, locked; created when `currency` is given and there is
    none (callers hold the member's points-account lock, so two cannot create it at once)."""
    account = await CreditAccount.select_for_update().get_or_none(member_id=member_id)
    if account is None and currency is not None:
        await CreditAccount.create(member_id=member_id, currency=currency)
        account = await CreditAccount.select_for_update().get(member_id=member_id)
    return account


async def credit_cashback(
    purchase: Purchase, cashback: Decimal, actor: Actor, currency: str
) -> Decimal:
    """Credit a purchase's cashback; pays owed credit back first. Returns the amount credited."""
    if cashback <= 0:
        return Decimal(0)
    account = await _locked_account(purchase.member_id, currency)
    assert account is not None
    postings = [CreditPosting(CreditKind.CASHBACK, CreditBucket.AVAILABLE, cashback, "Cashback")]
    recovered = min(Decimal(account.owed), cashback)
    if recovered > 0:
        reason = "Owed credit from an earlier refund paid back"
        postings += [
            CreditPosting(CreditKind.RECOVER, CreditBucket.AVAILABLE, -recovered, reason),
            CreditPosting(CreditKind.RECOVER, CreditBucket.OWED, -recovered, reason),
        ]
    await _post(account, postings, actor=actor, reference=purchase.reference, purchase_id=purchase.id,
                store_id=purchase.store_id)
    return cashback


async def reverse_cashback(
    purchase: Purchase, refunded_in_all: Decimal, actor: Actor, store_id: uuid.UUID | None
) -> tuple[Decimal, Decimal, Decimal]:
    """Take back the refunded share of a purchase's cashback. Returns (taken back by this
    refund, of which owed, taken back in all)."""
    cashback = Decimal(purchase.cashback_amount)
    in_all = cents(cashback * refunded_in_all / Decimal(purchase.amount)) if cashback else Decimal(0)
    to_reverse = in_all - Decimal(purchase.cashback_reversed)
    if to_reverse <= 0:
        return Decimal(0), Decimal(0), Decimal(purchase.cashback_reversed)
    account = await _locked_account(purchase.member_id)
    assert account is not None  # the purchase's cashback opened it
    taken = min(Decimal(account.balance), to_reverse)
    owed = to_reverse - taken
    postings = []
    if taken > 0:
        postings.append(CreditPosting(CreditKind.REFUND, CreditBucket.AVAILABLE, -taken, "Refund: cashback taken back"))
    if owed > 0:
        postings.append(CreditPosting(CreditKind.REFUND, CreditBucket.OWED, owed, "Refund of cashback already spent, owed"))
    await _post(account, postings, actor=actor, reference=purchase.reference, purchase_id=purchase.id,
                store_id=store_id)
    return to_reverse, owed, in_all


@dataclass(frozen=True)
class CreditApplied:
    entry_id: int
    member_id: str
    amount: Decimal
    balance: Decimal
    replayed: bool


async def apply_credit(
    *,
    actor: Actor,
    member_id: str | None,
    card_number: str | None,
    scan_code: str | None,
    amount: Decimal | str,
    reference: str,
    store_id: str,
    idempotency_key: str,
    max_amount: Decimal,
    scan_policy: ScanPolicy | None = None,
) -> CreditApplied:
    """Spend a member's credit at a till (staff, at one of their stores)."""
    if sum(1 for given in (member_id, card_number, scan_code) if given) != 1:
        raise InvalidInput("Give exactly one of memberId, cardNumber or scanCode.", field="memberId")
    amount = validation.money(amount, "amount", maximum=max_amount)
    reference = validation.text(reference, "reference", max_length=100)
    request = {"memberId": member_id, "cardNumber": card_number, "scanCode": scan_code,
               "amount": str(amount), "reference": reference, "storeId": store_id}

    async def write() -> dict[str, Any]:
        store = await store_for(actor, store_id)
        if member_id:
            member = await members.get_member(member_id)
        elif scan_code:
            assert scan_policy is not None
            member = await scan.member_by_code(scan_policy, actor, store.id, scan_code)
        else:
            assert scan_policy is not None
            member = await scan.member_by_card(scan_policy, actor, card_number or "", field="cardNumber")
        account = await _locked_account(member.id)
        if account is None:
            raise InsufficientCredit(available=Decimal("0.00"), requested=amount)
        before = Decimal(account.balance)
        [entry] = await _post(
            account, [CreditPosting(CreditKind.SPEND, CreditBucket.AVAILABLE, -amount, "Spent at the till")],
            actor=actor, reference=reference, store_id=store.id,
        )
        await audit.record(
            actor, "credit.apply", target_type="member", target_id=str(member.id),
            before={"balance": before}, after={"balance": account.balance, "amount": amount,
                                               "reference": reference, "entryId": entry.id},
            store_id=store.id, member_id=member.id,
        )
        return {"entryId": entry.id, "memberId": str(member.id), "amount": str(amount),
                "balance": str(account.balance)}

    async with scan.counting_refusals(actor, store_id):
        result, replayed = await run_once(actor, idempotency_key, "applyCredit", request, write)
    return CreditApplied(result["entryId"], result["memberId"], Decimal(result["amount"]),
                         Decimal(result["balance"]), replayed)


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditBalance:
    balance: Decimal
    owed: Decimal
    currency: str


async def balance_of(member_id: uuid.UUID | str) -> CreditBalance:
    account = await CreditAccount.get_or_none(member_id=member_id)
    if account is None:
        program = await get_program()
        return CreditBalance(Decimal("0.00"), Decimal("0.00"), program.currency)
    return CreditBalance(Decimal(account.balance).quantize(CENT), Decimal(account.owed).quantize(CENT), account.currency)


async def history(member_id: uuid.UUID | str, *, first: int) -> list[CreditEntry]:
    return await CreditEntry.filter(account__member_id=member_id).order_by("-id").limit(first)


async def check_credit() -> list[tuple[int, str, list[str]]]:
    """Every credit account whose balances differ from their entries' sums, or are negative.
    Summed as Decimal in Python: SQLite stores decimals as text."""
    sums: dict[tuple[int, str], Decimal] = {}
    rows = await connection().execute_query_dict("SELECT account_id, bucket, amount FROM credit_entry")
    for row in rows:
        key = (int(row["account_id"]), str(row["bucket"]))
        sums[key] = sums.get(key, Decimal(0)) + Decimal(str(row["amount"]))
    mismatches = []
    for account in await CreditAccount.all().order_by("id"):
        problems = []
        for bucket, balance in (("available", account.balance), ("owed", account.owed)):
            total = sums.get((account.id, bucket), Decimal(0))
            if Decimal(balance) != total:
                problems.append(f"credit {bucket} is {balance} but its entries add up to {total}")
            if Decimal(balance) < 0:
                problems.append(f"credit {bucket} is negative ({balance})")
        if problems:
            mismatches.append((account.id, str(account.member_id), problems))
    return mismatches


# --- promotions (admin) -----------------------------------------------------------------


def _promotion_snapshot(p: CashbackPromotion) -> dict[str, object]:
    return {"name": p.name, "extraPercent": str(p.extra_percent), "startsAt": p.starts_at.isoformat(),
            "endsAt": p.ends_at.isoformat(), "isActive": p.is_active}


def _percent(raw: Any, field: str) -> Decimal:
    try:
        value = Decimal(str(raw))
    except Exception as exc:  # noqa: BLE001 - any unparsable value is invalid input
        raise InvalidInput(f"{field} must be a decimal number.", field=field) from exc
    if not value.is_finite() or not 0 < value <= 100 or value != value.quantize(CENT):
        raise InvalidInput(f"{field} must be above 0 and at most 100, two decimals at most.", field=field)
    return value


async def create_promotion(
    actor: Actor, *, name: str, extra_percent: Decimal, starts_at: datetime, ends_at: datetime
) -> CashbackPromotion:
    name = validation.text(name, "name", max_length=100)
    percent = _percent(extra_percent, "extraPercent")
    starts_at, ends_at = validation.aware(starts_at, "startsAt"), validation.aware(ends_at, "endsAt")
    if ends_at <= starts_at:
        raise InvalidInput("endsAt must be after startsAt.", field="endsAt")
    async with transaction():
        promotion = await CashbackPromotion.create(
            id=uuid.uuid4(), name=name, extra_percent=percent, starts_at=starts_at, ends_at=ends_at
        )
        await audit.record(actor, "cashback_promotion.create", target_type="cashback_promotion",
                           target_id=str(promotion.id), after=_promotion_snapshot(promotion))
    return promotion


async def set_promotion_active(actor: Actor, promotion_id: str, is_active: bool) -> CashbackPromotion:
    try:
        key = uuid.UUID(str(promotion_id))
    except ValueError as exc:
        raise NotFound("No promotion with this id.", field="id") from exc
    async with transaction():
        promotion = await CashbackPromotion.select_for_update().get_or_none(id=key)
        if promotion is None:
            raise NotFound("No promotion with this id.", field="id")
        before = _promotion_snapshot(promotion)
        promotion.is_active = is_active
        await promotion.save()
        await audit.record(actor, "cashback_promotion.update", target_type="cashback_promotion",
                           target_id=str(promotion.id), before=before, after=_promotion_snapshot(promotion))
    return promotion


async def promotions() -> list[CashbackPromotion]:
    return await CashbackPromotion.all().order_by("-starts_at")
