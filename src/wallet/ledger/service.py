"""The points ledger: every change of a balance is an append-only entry.

Rules written down here (and in the README):

- Earning: a purchase earns amount × earn rate, rounded down to a whole point
  (`wallet.program.service.points_for`): these are its base points. With a tier
  multiplier m it earns floor(amount × earn rate × m) in all; the difference is written as
  a separate `bonus` entry. The multiplier is the member's tier before the purchase: the
  purchase that crosses a threshold earns at the old rate.
- Multipliers combine by multiplying: with a tier multiplier t and a paid plan's
  multiplier p (while the membership is trialing, active or past due), a purchase earns
  floor(amount × earn rate × t × p) in all, rounded once; the base points stay
  floor(amount × earn rate) and everything above them is one `bonus` entry naming both.
  Gold (×1.5) with Plus (×2) on 100.00 at 1 point per 1.00 earns 300 points.
- Earning rules (`wallet.earning.service`, where their rules are written down) add to a
  purchase: each rule that applies is its own `bonus` entry naming it, computed on the base
  points only (rules never compound with the tier and plan multipliers or each other).
  Its points are part of the purchase's `points_earned`: pending with the purchase inside
  the return window, and taken back in proportion by refunds like the rest.
- At a partner's store the partner's earn rate replaces the program's for the base points;
  tier and plan multipliers apply as above, earning rules do not, and the base points are
  settled with the partner (`wallet.partners.service`, where those rules are written down).
- Return window: with `return_window_days` > 0, purchase points are pending until the
  window ends (`wallet run-jobs` releases them); owed points are paid back at release.
- Lots: every credit to the available balance is a lot; every debit spends the oldest lots
  first (FIFO). Under the `after_earning` expiry policy a lot lapses at the end of the day,
  in the program's time zone, N months after it was earned; under `after_inactivity` all
  available points lapse N months (end of day) after the member's last purchase or
  redemption. Lapsed points are written as `expire` entries by the job.
- Refunds reverse points in proportion to the money refunded. After refunds totalling R
  of a purchase of amount A that earned P points, floor(P × R / A) points are reversed in
  all; each refund reverses the difference from what earlier refunds reversed, so partial
  refunds never reverse more than the purchase earned and a full refund reverses exactly P.
- A refund takes its points first from that purchase's points still pending, then from
  the available balance. What was already spent is carried
  as owed points (never a negative balance); later purchase earnings pay owed points back
  first, with `recover` entries. Bonuses and adjustments are not used to pay them back.
- Lifetime points add earn, bonus and positive adjustment entries, less points reversed by
  refunds. Spending, expiry and negative adjustments do not lower them.
- Offers (`wallet.offers.service`, where their rules are written down): a sale counts
  toward the member's activated offers and credits the reward of each it completes as an
  available `bonus` entry, in its transaction; these are not part of `points_earned` and
  refunds do not take them back.
- Cashback (wallet credit in currency, not points) is credited with each purchase and
  taken back in proportion by refunds: the rules are in `wallet.credit.service`.
- Balances are changed only with the account row locked (`SELECT … FOR UPDATE` on
  PostgreSQL; SQLite runs one write transaction at a time) and by a compare-and-set update.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from tortoise.exceptions import DoesNotExist, IntegrityError
from tortoise.expressions import F

from wallet import clock, db, validation
from wallet.actors import Actor, ActorKind
from wallet.audit import service as audit
from wallet.db import connection
from wallet.errors import Duplicate, InvalidInput, NotFound
from wallet.idempotency.service import run_once
from wallet.live import service as live
from wallet.ledger.errors import InsufficientPoints, RefundExceedsPurchase
from wallet.ledger.models import (
    Bucket,
    EntryKind,
    LedgerEntry,
    LotSpend,
    PendingCredit,
    PointsAccount,
    PointsLot,
    Purchase,
    Refund,
)
from wallet.program.models import Program
from wallet.partners import service as partners
from wallet.partners.models import SettlementKind
from wallet.members import service as members
from wallet.credit import service as wallet_credit
from wallet.earning import service as earning
from wallet.offers import service as offers
from wallet.members.models import Member
from wallet.notifications import service as notifications
from wallet.memberships.benefits import plan_with_benefits
from wallet.program.service import get_program, lot_expires_at, points_for
from wallet.referrals import service as referrals
from wallet.scan import service as scan
from wallet.scan.service import ScanPolicy
from wallet.staff.service import store_for
from wallet.tiers import service as tiers

MAX_ADJUSTMENT = 10_000_000

# Entries whose amounts add up to lifetime points (see the module's docstring).
_LIFETIME_SQL = """
    CASE
        WHEN e.kind IN ('earn', 'bonus') THEN e.amount
        WHEN e.kind = 'adjust' AND e.amount > 0 THEN e.amount
        WHEN e.kind = 'refund' AND e.bucket = 'owed' THEN -e.amount
        WHEN e.kind = 'refund' THEN e.amount
        ELSE 0
    END
"""


@dataclass(frozen=True)
class Posting:
    kind: EntryKind
    bucket: Bucket
    amount: int
    reason: str = ""
    reference: str = ""
    purchase_id: uuid.UUID | None = None
    corrects_id: int | None = None  # the entry this one undoes
    lot_id: int | None = None  # for `expire`: the lot that lapses (else debits spend FIFO)


async def lock_account(member_id: uuid.UUID | str) -> PointsAccount:
    found = await db.fetch(
        PointsAccount,
        f"SELECT {db.columns(PointsAccount)} FROM points_account WHERE member_id = $1{db.for_update()}",
        uuid.UUID(str(member_id)),
    )
    if not found:
        raise DoesNotExist(PointsAccount)
    return found[0]


async def post(
    account: PointsAccount,
    postings: list[Posting],
    *,
    actor: Actor,
    store_id: uuid.UUID | None = None,
    lifetime_change: int = 0,
    program: Program | None = None,
) -> list[LedgerEntry]:
    """Apply postings to a locked account and write their entries, all or nothing.

    Credits to the available balance open lots; debits spend lots oldest first.
    Raises `InsufficientPoints` when the available balance would go below zero.
    """
    now = clock.now()
    balances = {bucket: account.balance(bucket) for bucket in Bucket}
    entries: list[LedgerEntry] = []
    for posting in postings:
        after = balances[posting.bucket] + posting.amount
        if after < 0:
            if posting.bucket is Bucket.AVAILABLE:
                raise InsufficientPoints(
                    available=balances[Bucket.AVAILABLE], requested=-posting.amount
                )
            raise RuntimeError(f"{posting.bucket} balance of account {account.id} would go negative")
        balances[posting.bucket] = after
        # Made as the ORM makes rows it read (every column given), not through the model's
        # constructor: every change of points makes its entries here, and the constructor
        # (defaults, checks, an attribute hook per field) cost 2 % of a sale.
        entries.append(
            db.from_row(
                LedgerEntry,
                {
                    "id": None,
                    "account_id": account.id,
                    "kind": posting.kind,
                    "bucket": posting.bucket,
                    "amount": posting.amount,
                    "balance_after": after,
                    "reason": posting.reason,
                    "reference": posting.reference,
                    "actor_kind": actor.kind.value,
                    "actor_id": actor.id,
                    "store_id": store_id,
                    "purchase_id": posting.purchase_id,
                    "corrects_id": posting.corrects_id,
                    "created_at": now,
                },
            )
        )
    active = any(p.kind in _ACTIVITY_KINDS for p in postings)
    # Compare-and-set: the row must still hold what we read under the lock. Written out:
    # every change of points runs it (see wallet.db).
    changed = await db.fetch_rows(
        """UPDATE points_account
           SET available = $1, pending = $2, owed = $3, lifetime = $4,
               last_activity_at = COALESCE($5, last_activity_at), updated_at = $6
           WHERE id = $7 AND available = $8 AND pending = $9 AND owed = $10
           RETURNING id""",
        balances[Bucket.AVAILABLE], balances[Bucket.PENDING], balances[Bucket.OWED],
        account.lifetime + lifetime_change, now if active else None, now,
        account.id, account.available, account.pending, account.owed,
    )
    if len(changed) != 1:
        raise RuntimeError(f"account {account.id} changed while locked")
    await _insert_entries(entries)
    lots: list[tuple[Any, ...]] = []
    for posting, entry in zip(postings, entries, strict=True):
        if posting.bucket is Bucket.AVAILABLE and posting.amount > 0:
            if posting.corrects_id is not None and await _restore_lots(
                posting.corrects_id, posting.amount
            ):
                continue
            if program is None:
                program = await get_program()
            lots.append(
                (account.id, entry.id, posting.amount, posting.amount, now, lot_expires_at(program, now))
            )
        elif posting.bucket is Bucket.AVAILABLE and posting.amount < 0:
            await _open_lots(lots)  # a debit spends the lots credited before it
            lots = []
            await _spend_lots(account.id, entry.id, -posting.amount, posting.lot_id)
    await _open_lots(lots)
    account.available = balances[Bucket.AVAILABLE]
    account.pending = balances[Bucket.PENDING]
    account.owed = balances[Bucket.OWED]
    account.lifetime += lifetime_change
    if active:
        account.last_activity_at = now
    if entries:
        # Every change of points passes here: the member's live balance hears of it at commit.
        await live.points_changed(account.member_id, entries[0].id, entries[-1].id)
    return entries


_ENTRY_COLUMNS = (
    "account_id", "kind", "bucket", "amount", "balance_after", "reason", "reference",
    "actor_kind", "actor_id", "store_id", "purchase_id", "corrects_id", "created_at",
)


def _rows(count: int, width: int) -> str:
    """`($1, $2), ($3, $4)` for a multi-row VALUES list."""
    return ", ".join(f"({db.placeholders(width, 1 + n * width)})" for n in range(count))


async def _open_lots(lots: list[tuple[Any, ...]]) -> None:
    """Insert lots, given as (account_id, entry_id, amount, remaining, earned_at, expires_at)."""
    if lots:
        await db.fetch_rows(
            "INSERT INTO points_lot (account_id, entry_id, amount, remaining, earned_at, expires_at)"
            f" VALUES {_rows(len(lots), 6)}",
            *(value for lot in lots for value in lot),
        )


async def _insert_entries(entries: list[LedgerEntry]) -> None:
    """Write a posting's entries in one statement (a sale with a tier bonus has two).

    Ids come from one sequence in VALUES order, so the returned ids, sorted, match the
    entries in order on both databases.
    """
    values = [
        getattr(entry, column).value if column in ("kind", "bucket") else getattr(entry, column)
        for entry in entries
        for column in _ENTRY_COLUMNS
    ]
    rows = await db.fetch_rows(
        f"INSERT INTO ledger_entry ({', '.join(_ENTRY_COLUMNS)})"
        f" VALUES {_rows(len(entries), len(_ENTRY_COLUMNS))} RETURNING id",
        *values,
    )
    for entry, entry_id in zip(entries, sorted(row["id"] for row in rows), strict=True):
        entry.id = entry_id
        entry._saved_in_db = True


# Postings that count as the member's activity, for expiry after inactivity.
_ACTIVITY_KINDS = {EntryKind.EARN, EntryKind.REDEEM, EntryKind.DONATE}


async def _spend_lots(account_id: int, entry_id: int, amount: int, lot_id: int | None) -> None:
    """Take `amount` from the account's lots (the named lot, or the oldest first) and
    remember which, so the debit can be undone lot by lot."""
    if lot_id is not None:
        changed = await PointsLot.filter(
            id=lot_id, account_id=account_id, remaining__gte=amount
        ).update(remaining=F("remaining") - amount)
        if changed != 1:
            raise RuntimeError(f"lot {lot_id} does not hold {amount} points")
        return
    lots = await PointsLot.filter(account_id=account_id, remaining__gt=0).order_by("id")
    for lot in lots:
        if amount <= 0:
            break
        taken = min(lot.remaining, amount)
        await PointsLot.filter(id=lot.id).update(remaining=lot.remaining - taken)
        await LotSpend.create(entry_id=entry_id, lot_id=lot.id, amount=taken)
        amount -= taken
    if amount > 0:
        raise RuntimeError(f"lots of account {account_id} hold less than its available balance")


async def _restore_lots(corrected_entry_id: int, amount: int) -> bool:
    """Give back to the lots a debit spent (each keeps its own expiry, so cancelling a
    redemption cannot push expiry back). False when that debit spent no lots."""
    spends = await LotSpend.filter(entry_id=corrected_entry_id).order_by("id")
    if sum(spend.amount for spend in spends) != amount:
        return False
    for spend in spends:
        changed = await PointsLot.filter(
            id=spend.lot_id, remaining__lte=F("amount") - spend.amount
        ).update(remaining=F("remaining") + spend.amount)
        if changed != 1:
            raise RuntimeError(f"lot {spend.lot_id} cannot take back {spend.amount} points")
    return True


async def _refund_postings(
    account: PointsAccount, purchase: Purchase, to_reverse: int
) -> tuple[list[Posting], int]:
    """Take back `to_reverse` points: the purchase's pending points first, then available
    points; what was already spent is owed. Returns the postings and the points owed."""
    reference, postings, left = purchase.reference, [], to_reverse
    credits = await PendingCredit.filter(
        purchase_id=purchase.id, released_at=None, remaining__gt=0
    ).order_by("id")
    for credit in credits:
        taken = min(credit.remaining, left)
        if taken:
            await PendingCredit.filter(id=credit.id).update(remaining=credit.remaining - taken)
            postings.append(
                Posting(EntryKind.REFUND, Bucket.PENDING, -taken, "Refund", reference, purchase.id)
            )
            left -= taken
    taken = min(left, account.available)
    if taken:
        postings.append(
            Posting(EntryKind.REFUND, Bucket.AVAILABLE, -taken, "Refund", reference, purchase.id)
        )
    owed = left - taken
    if owed:
        postings.append(
            Posting(
                EntryKind.REFUND,
                Bucket.OWED,
                owed,
                "Refund of points already spent, owed",
                reference,
                purchase.id,
            )
        )
    return postings, owed


def recovery_postings(account: PointsAccount, earned: int, reference: str) -> list[Posting]:
    """Owed points paid back out of what was just earned."""
    recovered = min(account.owed, earned)
    if recovered <= 0:
        return []
    reason = "Owed points from an earlier refund paid back"
    return [
        Posting(EntryKind.RECOVER, Bucket.AVAILABLE, -recovered, reason, reference),
        Posting(EntryKind.RECOVER, Bucket.OWED, -recovered, reason, reference),
    ]


# --- purchases --------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseRecorded:
    purchase_id: str
    member_id: str
    points_earned: int
    base_points: int
    bonus_points: int
    pending: bool
    replayed: bool
    cashback: Decimal = Decimal("0.00")
    # Each earning rule that gave points: {"name", "points"} (see wallet.earning.service).
    applied_rules: tuple[dict[str, Any], ...] = ()
    # Each offer the sale completed: {"offerId", "title", "points"} (see wallet.offers.service).
    completed_offers: tuple[dict[str, Any], ...] = ()
    # The member and their account as the sale left them (not on a replay): the answer
    # shows them without reading them again.
    member: Member | None = None
    account: PointsAccount | None = None


async def record_purchase(
    *,
    actor: Actor,
    member_id: str | None,
    card_number: str | None,
    amount: Decimal | str,
    currency: str,
    reference: str,
    store_id: str,
    idempotency_key: str,
    max_amount: Decimal,
    scan_code: str | None = None,
    scan_policy: ScanPolicy | None = None,
    lines: list[dict[str, Any]] | None = None,
    surprise_key: bytes | None = None,
    purchased_at: datetime | None = None,
) -> PurchaseRecorded:
    """Record a sale for a member and credit the points it earns.

    The member is named by exactly one of `member_id`, `card_number` (typed at the till)
    or `scan_code` (scanned from the member's phone; claimed for this till). `lines`
    ({sku, category, quantity, amount}, adding up to `amount`) feed category and SKU rules;
    `surprise_key` (`wallet.earning.service.surprise_key(settings.secret)`) draws the
    surprise bonuses: without it (the demo seed) no surprise is drawn. `purchased_at`
    (an approved missing-points claim, `wallet.care`) records a sale made earlier: it is
    dated then and earns by the purchase rules and cashback promotions of that time.
    """
    if sum(1 for given in (member_id, card_number, scan_code) if given) != 1:
        raise InvalidInput("Give exactly one of memberId, cardNumber or scanCode.", field="memberId")
    if (card_number or scan_code) and scan_policy is None:
        raise RuntimeError("identifying a member by card or scan code needs the scan policy")
    if actor.kind is ActorKind.API_KEY and not member_id:
        # Card look-ups and scan claims are counted and held per cashier and till.
        raise InvalidInput("API keys name the member by memberId.", field="memberId")
    amount = validation.money(amount, "amount", maximum=max_amount)
    reference = validation.text(reference, "reference", max_length=100)
    items = earning.purchase_lines(lines, amount, max_amount)
    request = {
        "memberId": member_id,
        "cardNumber": card_number,
        "scanCode": scan_code,
        "amount": str(amount),
        "currency": (currency or "").upper(),
        "reference": reference,
        "storeId": store_id,
        **({"lines": [[i.sku, i.category, i.quantity, str(i.amount)] for i in items]} if items else {}),
        **({"purchasedAt": purchased_at.isoformat()} if purchased_at else {}),
    }

    async def write() -> dict[str, Any]:
        # The program and its purchase rules in one read (see wallet.earning.service).
        sold_at = purchased_at or clock.now()
        program, rules = await earning.program_and_purchase_rules(sold_at)
        purchase_currency = validation.currency(currency, program.currency)
        store = await store_for(actor, store_id)
        # At a partner's store: its earn rate, no program promotions (wallet.partners). The
        # program's stores read nothing more: the partner is on the store row.
        partner = await partners.partner_of_store(store)
        earn_rate = Decimal(partner.earn_rate) if partner else program.earn_rate
        purchase_rules = [] if partner else rules
        member: Member
        if scan_code:
            assert scan_policy is not None
            member = await scan.member_by_code(scan_policy, actor, store.id, scan_code)
        else:
            member = await members.get_member(member_id or by_card_id or "")
        # Locked before the tier is read: concurrent purchases of one member run in turn,
        # each at the tier the previous one left.
        account = await lock_account(member.id)
        written.update(member=member, account=account)
        tier_view = await tiers.tier_view(member.id)
        multiplier, tier_name = await tiers.earn_multiplier(member.id, tier_view)
        plan = await plan_with_benefits(member.id)
        plan_multiplier = Decimal(plan.earn_multiplier) if plan is not None else Decimal(1)
        base = points_for(amount, earn_rate)
        total = points_for(amount, earn_rate, multiplier * plan_multiplier)
        bonus = total - base
        purchase_id = uuid.uuid4()
        tier = tier_view.tiers.held(tier_view.status)
        applied = await earning.rules_for_purchase(
            purchase_rules,
            program=program,
            earner=earning.Earner(member.id, str(tier.id) if tier else None, str(plan.id) if plan else None),
            amount=amount,
            lines=items,
            purchase_id=purchase_id,
            reference=reference,
            key=surprise_key,
            now=sold_at,
        )
        rule_points = sum(a.points for a in applied)
        cashback_percent = await wallet_credit.cashback_percent(program, member.id, sold_at, plan)
        cashback = wallet_credit.cashback_for(amount, cashback_percent)
        # From the program and the locked account already read: no statement (wallet.referrals).
        referral_due = referrals.qualifies(program, account, amount)
        try:
            purchase = await _insert_purchase(
                id=purchase_id,
                member_id=member.id,
                store_id=store.id,
                staff_id=actor.id if actor.kind is ActorKind.STAFF else None,
                partner_id=partner.id if partner else None,
                reference=reference,
                amount=amount,
                currency=purchase_currency,
                points_earned=total + rule_points,
                base_points=base,
                cashback_amount=cashback,
                qualified_referral=referral_due,
                created_at=sold_at,
            )
        except IntegrityError as exc:
            raise Duplicate(
                "A purchase with this reference was already recorded.", field="reference"
            ) from exc
        if total + rule_points > 0:
            rule_entries = await _credit_purchase(
                program, account, purchase, base, bonus, _bonus_reason(tier_name, multiplier, plan), actor, applied
            )
            await earning.record_grants(
                applied, rule_entries, member_id=member.id, reference=reference, purchase_id=purchase.id
            )
        referral = await referrals.reward(program, account, purchase, actor) if referral_due else None
        # Activated offers: no statement unless the account says the member has one open.
        completed = await offers.after_purchase(account, purchase, items, actor, program)
        if partner is not None:
            await partners.settle(partner, SettlementKind.ISSUE, base, purchase_id=purchase.id)
        await wallet_credit.credit_cashback(purchase, cashback, actor, program.currency)
        moved = await tiers.after_purchase(member.id, actor, tier_view, program)
        # The sale's one extra statement (none when it earned nothing); a move up adds one.
        if total + rule_points > 0:
            await notifications.points_earned(
                member.id, total + rule_points, pending=program.return_window_days > 0,
                reference=reference, purchase_id=purchase.id,
            )
        if moved is not None:
            await notifications.tier_up(member.id, moved.to_tier.name, tier_id=moved.to_tier.id)
        await audit.record(
            actor,
            "purchase.record",
            target_type="purchase",
            target_id=str(purchase.id),
            after={
                "reference": reference,
                "amount": amount,
                "currency": purchase_currency,
                "pointsEarned": total + rule_points,
                "bonusPoints": bonus,
                **({"rules": [{"ruleId": a.rule_id, "name": a.name, "points": a.points} for a in applied]} if applied else {}),
                "via": "memberId" if member_id else "scanCode" if scan_code else "cardNumber",
                # Cashback is named only when there is some: programs without it keep their records as they were.
                **({"cashback": cashback} if cashback else {}),
                **({"referral": referral.for_audit()} if referral else {}),
                **({"offers": [{"offerId": c.offer_id, "title": c.title, "points": c.points} for c in completed]} if completed else {}),
            },
            store_id=store.id,
            member_id=member.id,
        )
        return {
            "purchaseId": str(purchase.id),
            "memberId": str(member.id),
            "pointsEarned": total + rule_points,
            "basePoints": base,
            "bonusPoints": bonus,
            "pending": program.return_window_days > 0,
            "cashback": str(cashback),
            "appliedRules": [{"name": a.name, "points": a.points} for a in applied],
            "completedOffers": [{"offerId": c.offer_id, "title": c.title, "points": c.points} for c in completed],
        }

    written: dict[str, Any] = {}
    by_card_id: str | None = None
    if card_number:
        # Card look-ups count against the cashier and must commit before the purchase's
        # transaction (see wallet.scan.service); the store is checked first.
        assert scan_policy is not None
        await store_for(actor, store_id)
        by_card = await scan.member_by_card(
            scan_policy, actor, card_number, field="cardNumber", store_id=store_id
        )
        by_card_id = str(by_card.id)
    async with scan.counting_refusals(actor, store_id):
        result, replayed = await run_once(actor, idempotency_key, "recordPurchase", request, write)
    return PurchaseRecorded(
        purchase_id=result["purchaseId"],
        member_id=result["memberId"],
        points_earned=result["pointsEarned"],
        base_points=result["basePoints"],
        bonus_points=result["bonusPoints"],
        pending=result["pending"],
        replayed=replayed,
        cashback=Decimal(result.get("cashback", "0.00")),
        applied_rules=tuple(result.get("appliedRules", ())),
        completed_offers=tuple(result.get("completedOffers", ())),
        member=None if replayed else written.get("member"),
        account=None if replayed else written.get("account"),
    )


_PURCHASE_DEFAULTS = {
    "staff_id": None, "partner_id": None, "base_points_reversed": 0, "refunded_amount": Decimal(0),
    "points_reversed": 0, "cashback_reversed": Decimal(0), "qualified_referral": False,
}


async def _insert_purchase(**values: Any) -> Purchase:
    """Write a sale's purchase row, written out (the ORM's create cost about 5 % of a sale's
    Python work building the statement); the columns a sale does not set take the model's
    defaults."""
    return await db.insert(Purchase, {**_PURCHASE_DEFAULTS, **values})


def _bonus_reason(tier_name: str | None, tier_multiplier: Decimal, plan: Any) -> str:
    """Names what the bonus of a purchase comes from: the tier, the plan, or both."""
    sources = []
    if tier_name is not None and tier_multiplier != 1:
        sources.append(f"{tier_name} tier")
    if plan is not None and Decimal(plan.earn_multiplier) != 1:
        sources.append(f"{plan.name} membership")
    return " and ".join(sources) + " bonus" if sources else "Bonus"


async def _credit_purchase(
    program: Program,
    account: PointsAccount,
    purchase: Purchase,
    base: int,
    bonus: int,
    bonus_reason: str,
    actor: Actor,
    applied: list[earning.AppliedRule],
) -> list[int]:
    """Credit base, bonus and rule points to the locked account: pending inside the return
    window, else available. Returns the ids of the rules' entries, in their order."""
    bucket = Bucket.PENDING if program.return_window_days > 0 else Bucket.AVAILABLE
    reference = purchase.reference
    postings = [Posting(EntryKind.EARN, bucket, base, "Purchase", reference, purchase.id)] if base else []
    if bonus:
        postings.append(
            Posting(EntryKind.BONUS, bucket, bonus, bonus_reason, reference, purchase.id)
        )
    first_rule = len(postings)
    postings += [Posting(EntryKind.BONUS, bucket, a.points, a.reason, reference, purchase.id) for a in applied]
    rules = sum(a.points for a in applied)
    if bucket is Bucket.AVAILABLE:
        postings += recovery_postings(account, base + bonus, reference)
    else:
        await PendingCredit.create(
            account_id=account.id,
            purchase_id=purchase.id,
            amount=base + bonus + rules,
            remaining=base + bonus + rules,
            available_at=clock.now() + timedelta(days=program.return_window_days),
        )
    entries = await post(
        account,
        postings,
        actor=actor,
        store_id=purchase.store_id,
        lifetime_change=base + bonus + rules,
        program=program,
    )
    return [entry.id for entry in entries[first_rule : first_rule + len(applied)]]


@dataclass(frozen=True)
class PurchaseRefunded:
    refund_id: str
    member_id: str
    points_reversed: int
    points_owed: int
    replayed: bool
    cashback_reversed: Decimal = Decimal("0.00")
    cashback_owed: Decimal = Decimal("0.00")


async def refund_purchase(
    *,
    actor: Actor,
    reference: str,
    amount: Decimal | str,
    store_id: str | None,
    idempotency_key: str,
    max_amount: Decimal,
) -> PurchaseRefunded:
    """Give back part or all of a purchase and take back its points in proportion."""
    amount = validation.money(amount, "amount", maximum=max_amount)
    reference = validation.text(reference, "reference", max_length=100)
    request = {"reference": reference, "amount": str(amount), "storeId": store_id}

    async def write() -> dict[str, Any]:
        store = await store_for(actor, store_id) if store_id else None
        purchase = await Purchase.select_for_update().get_or_none(reference=reference)
        if purchase is None:
            raise NotFound("No purchase with this reference.", field="reference")
        if store is None:
            # Refunded where it was bought: that store must be open and the cashier's.
            store = await store_for(actor, str(purchase.store_id))
        refundable = purchase.amount - purchase.refunded_amount
        if amount > refundable:
            raise RefundExceedsPurchase(refundable=refundable)
        refunded = purchase.refunded_amount + amount
        reversed_in_all = int(
            (Decimal(purchase.points_earned) * refunded / purchase.amount).to_integral_value(
                rounding="ROUND_FLOOR"
            )
        )
        to_reverse = reversed_in_all - purchase.points_reversed
        base_reversed_in_all = int(
            (Decimal(purchase.base_points) * refunded / purchase.amount).to_integral_value(
                rounding="ROUND_FLOOR"
            )
        )
        account = await lock_account(purchase.member_id)
        postings, owed = await _refund_postings(account, purchase, to_reverse)
        store_uuid = store.id if store else purchase.store_id
        if postings:
            await post(account, postings, actor=actor, store_id=store_uuid, lifetime_change=-to_reverse)
        await offers.after_refund(purchase, refunded)
        await Purchase.filter(id=purchase.id).update(
            refunded_amount=refunded,
            points_reversed=reversed_in_all,
            base_points_reversed=base_reversed_in_all,
        )
        cashback_reversed, cashback_owed, cashback_in_all = await wallet_credit.reverse_cashback(
            purchase, refunded, actor, store_uuid
        )
        if cashback_reversed:
            await Purchase.filter(id=purchase.id).update(cashback_reversed=cashback_in_all)
        referral = await referrals.reverse_if_no_longer_qualifying(purchase, refunded, actor, store_uuid, account)
        partner_points_back = base_reversed_in_all - purchase.base_points_reversed
        if purchase.partner_id is not None and partner_points_back > 0:
            # The partner's base points taken back, valued as they were issued.
            await partners.settle(
                purchase.partner_id, SettlementKind.REVERSE, partner_points_back,
                purchase_id=purchase.id, point_value=await partners.settled_point_value(SettlementKind.ISSUE, purchase_id=purchase.id),
            )
        refund = await Refund.create(
            id=uuid.uuid4(),
            purchase_id=purchase.id,
            amount=amount,
            points_reversed=to_reverse,
            points_owed=owed,
            staff_id=actor.id if actor.kind is ActorKind.STAFF else None,
            store_id=store_uuid,
            created_at=clock.now(),
        )
        await audit.record(
            actor,
            "purchase.refund",
            target_type="purchase",
            target_id=str(purchase.id),
            before={"refundedAmount": purchase.refunded_amount, "pointsReversed": purchase.points_reversed},
            after={
                "refundId": str(refund.id),
                "refundedAmount": refunded,
                "pointsReversed": reversed_in_all,
                "pointsOwed": owed,
                **(
                    {"cashbackReversed": cashback_reversed, "cashbackOwed": cashback_owed}
                    if cashback_reversed
                    else {}
                ),
                **({"referralReversed": referral.for_audit()} if referral else {}),
            },
            store_id=store_uuid,
            member_id=purchase.member_id,
        )
        if to_reverse:
            await notifications.points_refunded(
                purchase.member_id, to_reverse, owed, reference=purchase.reference, refund_id=refund.id
            )
        return {
            "refundId": str(refund.id),
            "memberId": str(purchase.member_id),
            "pointsReversed": to_reverse,
            "pointsOwed": owed,
            "cashbackReversed": str(cashback_reversed),
            "cashbackOwed": str(cashback_owed),
        }

    result, replayed = await run_once(actor, idempotency_key, "refundPurchase", request, write)
    return PurchaseRefunded(
        result["refundId"],
        result["memberId"],
        result["pointsReversed"],
        result["pointsOwed"],
        replayed,
        Decimal(result.get("cashbackReversed", "0.00")),
        Decimal(result.get("cashbackOwed", "0.00")),
    )


# --- adjustments ------------------------------------------------------------------------


@dataclass(frozen=True)
class PointsAdjusted:
    entry_id: int
    member_id: str
    amount: int
    replayed: bool


async def adjust_points(
    *, actor: Actor, member_id: str, amount: int, reason: str, idempotency_key: str
) -> PointsAdjusted:
    """An admin's correction of a member's available points, always with a reason."""
    if amount == 0 or abs(amount) > MAX_ADJUSTMENT:
        raise InvalidInput(
            f"amount must be a non-zero number of points up to {MAX_ADJUSTMENT:,}.", field="amount"
        )
    reason = validation.text(reason, "reason", max_length=500)
    request = {"memberId": member_id, "amount": amount, "reason": reason}

    async def write() -> dict[str, Any]:
        member = await members.get_member(member_id)
        account = await lock_account(member.id)
        available_before = account.available
        [entry] = await post(
            account,
            [Posting(EntryKind.ADJUST, Bucket.AVAILABLE, amount, reason)],
            actor=actor,
            lifetime_change=max(amount, 0),
        )
        await audit.record(
            actor,
            "points.adjust",
            target_type="member",
            target_id=str(member.id),
            before={"available": available_before},
            after={"available": account.available, "amount": amount, "reason": reason, "entryId": entry.id},
            member_id=member.id,
        )
        await notifications.points_adjusted(member.id, amount, reason, entry_id=entry.id)
        return {"entryId": entry.id, "memberId": str(member.id), "amount": amount}

    result, replayed = await run_once(actor, idempotency_key, "adjustPoints", request, write)
    return PointsAdjusted(result["entryId"], result["memberId"], result["amount"], replayed)


# --- reading ----------------------------------------------------------------------------


@dataclass(slots=True)
class Activity:
    """A ledger entry as the member's history shows it (not frozen: a frozen dataclass sets
    each field through object.__setattr__, and a wallet screen makes twenty)."""

    id: int
    kind: EntryKind
    bucket: Bucket
    amount: int
    balance_after: int
    reason: str
    reference: str
    created_at: datetime


_ACTIVITY_COLUMNS = "e.id, e.kind, e.bucket, e.amount, e.balance_after, e.reason, e.reference, e.created_at"
# Stored values to members, by dictionary (calling an Enum class looks its value up slowly).
_KINDS = {kind.value: kind for kind in EntryKind}
_BUCKETS = {bucket.value: bucket for bucket in Bucket}


async def activity_page(
    member_id: uuid.UUID | str, *, first: int, before_id: int | None
) -> tuple[list[Activity], bool]:
    """A member's entries, newest first; `before_id` is the last id of the previous page."""
    # The wallet's first screen: written out rather than built by the ORM (see wallet.db),
    # and read into plain rows: an ORM object per entry was a sixth of a `me` request.
    params: list[Any] = [uuid.UUID(str(member_id)), first + 1]
    before = ""
    if before_id is not None:
        params.append(before_id)
        before = "AND e.id < $3"
    sql = f"""
        SELECT {_ACTIVITY_COLUMNS} FROM ledger_entry e
        JOIN points_account a ON a.id = e.account_id
        WHERE a.member_id = $1 {before}
        ORDER BY e.id DESC LIMIT $2
    """
    rows = await db.fetch_rows(sql, *params)
    entries = [
        Activity(
            id=row["id"],
            kind=_KINDS[row["kind"]],
            bucket=_BUCKETS[row["bucket"]],
            amount=row["amount"],
            balance_after=row["balance_after"],
            reason=row["reason"],
            reference=row["reference"],
            created_at=db.orm_time(row["created_at"]),
        )
        for row in rows[:first]
    ]
    return entries, len(rows) > first


async def entries_between(member_id: uuid.UUID | str, first_id: int, last_id: int) -> list[LedgerEntry]:
    """The member's entries with ids `first_id` to `last_id`, oldest first: one change of
    their points (written under the account's lock, so no other entry falls between)."""
    sql = f"""
        SELECT {db.columns(LedgerEntry, "e")} FROM ledger_entry e
        JOIN points_account a ON a.id = e.account_id
        WHERE a.member_id = $1 AND e.id BETWEEN $2 AND $3
        ORDER BY e.id LIMIT 1000
    """
    return await db.fetch(LedgerEntry, sql, uuid.UUID(str(member_id)), first_id, last_id)


@dataclass(frozen=True)
class LedgerMismatch:
    account_id: int
    member_id: str
    problems: list[str]


async def check_ledger() -> list[LedgerMismatch]:
    """Every account whose balances differ from the sums of its entries, or are negative."""
    sql = f"""
        SELECT a.id AS account_id, a.member_id AS member_id,
               a.available AS available, a.pending AS pending, a.owed AS owed,
               a.lifetime AS lifetime,
               COALESCE(SUM(CASE WHEN e.bucket = 'available' THEN e.amount ELSE 0 END), 0) AS available_sum,
               COALESCE(SUM(CASE WHEN e.bucket = 'pending' THEN e.amount ELSE 0 END), 0) AS pending_sum,
               COALESCE(SUM(CASE WHEN e.bucket = 'owed' THEN e.amount ELSE 0 END), 0) AS owed_sum,
               COALESCE(SUM({_LIFETIME_SQL}), 0) AS lifetime_sum
        FROM points_account a
        LEFT JOIN ledger_entry e ON e.account_id = a.id
        GROUP BY a.id, a.member_id, a.available, a.pending, a.owed, a.lifetime
        ORDER BY a.id
    """
    rows = await connection().execute_query_dict(sql)
    lots = await _sums_by_account(
        "SELECT account_id, SUM(remaining) AS total FROM points_lot GROUP BY account_id"
    )
    credits = await _sums_by_account(
        "SELECT account_id, SUM(remaining) AS total FROM pending_credit"
        " WHERE released_at IS NULL GROUP BY account_id"
    )
    mismatches = []
    for row in rows:
        problems = []
        for name in ("available", "pending", "owed", "lifetime"):
            balance, total = int(row[name]), int(row[f"{name}_sum"])
            if balance != total:
                problems.append(f"{name} is {balance} but its entries add up to {total}")
            if balance < 0:
                problems.append(f"{name} is negative ({balance})")
        account_id = int(row["account_id"])
        if lots.get(account_id, 0) != int(row["available"]):
            problems.append(f"available is {row['available']} but its lots hold {lots.get(account_id, 0)}")
        if credits.get(account_id, 0) != int(row["pending"]):
            problems.append(
                f"pending is {row['pending']} but unreleased credits hold {credits.get(account_id, 0)}"
            )
        if problems:
            mismatches.append(LedgerMismatch(int(row["account_id"]), str(row["member_id"]), problems))
    # Wallet credit keeps the same invariant (its problems say "credit").
    for account_id, member_id, problems in await wallet_credit.check_credit():
        mismatches.append(LedgerMismatch(account_id, member_id, problems))
    return mismatches


async def _sums_by_account(sql: str) -> dict[int, int]:
    rows = await connection().execute_query_dict(sql)
    return {int(row["account_id"]): int(row["total"] or 0) for row in rows}
