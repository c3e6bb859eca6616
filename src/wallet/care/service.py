"""Member care: missing-points claims, points gifts between members, assigned associates.

Rules (also in the README, "Member care"):

- Claims. A member files a claim for a purchase that earned nothing: store, when, amount,
  receipt reference. One claim per receipt (store and reference), by anyone, whatever
  became of it (`CLAIM_EXISTS`; a unique index decides between concurrent filings). A
  receipt already recorded as a purchase earned its points (`RECEIPT_ALREADY_RECORDED`:
  purchase references are unique across the program). A purchase older than
  `claim_max_age_days` (or in the future) is refused.
- Approval records the purchase through the ledger (`record_purchase`) as the approving
  staff member at the claim's store, dated when it was made: it earns like any sale
  (base rate, the member's tier and plan multipliers, the purchase rules and cashback of
  that date) and can be refunded like any sale. The claim row is locked and moved from
  open by a guarded update in the same transaction, so two staff approving at once grant
  the points once (the other gets `CLAIM_NOT_OPEN`). Rejection needs a reason the member
  sees. Both are audited (`claim.approve`, `claim.reject`); cashiers decide only claims of
  their stores, admins any.
- Gifts. A member gives available points to another member (by card number or e-mail):
  a `gift_sent` entry on their account and a `gift_received` entry on the recipient's,
  sharing the reference `gift:<id>` and linked by a `points_gift` row. Off unless
  `gifts_enabled`; at most `gift_points_per_month` points sent per member per calendar
  month (in the program's time zone); never to oneself; never beyond the available
  balance. Both accounts are locked in id order, and the month's sum is read with the
  sender's account locked, so concurrent gifts neither overdraw nor pass the limit.
  Gifts are transfers: they change no one's lifetime points.
- Associates. An admin assigns a staff member to a member (or removes them); audited
  (`associate.assign`, `associate.unassign`). The member sees their name, e-mail and
  phone; staff see their clients.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError

from wallet import clock, db, validation
from wallet.actors import Actor, ActorKind, Role
from wallet.audit import service as audit
from wallet.care.errors import (
    ClaimExists,
    ClaimNotOpen,
    ClaimTooOld,
    GiftLimitExceeded,
    GiftsDisabled,
    ReceiptAlreadyRecorded,
)
from wallet.care.models import ClaimStatus, MemberAssociate, MissingPointsClaim, PointsGift
from wallet.errors import Duplicate, Forbidden, InvalidInput, NotFound
from wallet.idempotency.service import run_once
from wallet.ledger import service as ledger
from wallet.ledger.models import Bucket, EntryKind, LedgerEntry, Purchase
from wallet.members import service as members
from wallet.members.models import Member
from wallet.notifications import service as notifications
from wallet.notifications.models import NotificationKind
from wallet.program.service import get_program
from wallet.staff.models import Staff
from wallet.staff.service import get_active_store, store_for, store_ids_of

MAX_GIFT_MESSAGE = 200
RECENT_ENTRIES = 5


def _id(raw: Any, field: str, thing: str) -> int:
    try:
        value = int(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc
    if not 0 < value < 2**63:
        raise NotFound(f"No {thing} with this id.", field=field)
    return value


def _uuid(raw: Any, field: str, thing: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc


# --- missing-points claims ---------------------------------------------------------------


@dataclass(frozen=True)
class ClaimPolicy:
    max_age_days: int
    max_amount: Decimal


async def file_claim(
    actor: Actor,
    policy: ClaimPolicy,
    *,
    store_id: str,
    purchased_at: datetime,
    amount: Decimal | str,
    receipt_reference: str,
    idempotency_key: str,
) -> tuple[MissingPointsClaim, bool]:
    """The member `actor` claims the points of a purchase that earned nothing."""
    if actor.kind is not ActorKind.MEMBER:
        raise Forbidden("Only members file claims.")
    amount = validation.money(amount, "amount", maximum=policy.max_amount)
    reference = validation.text(receipt_reference, "receiptReference", max_length=100)
    purchased_at = validation.in_range(validation.aware(purchased_at, "purchasedAt"), "purchasedAt")
    now = clock.now()
    if purchased_at > now:
        raise InvalidInput("purchasedAt is in the future.", field="purchasedAt")
    if now - purchased_at > timedelta(days=policy.max_age_days):
        raise ClaimTooOld(policy.max_age_days)
    request = {
        "storeId": str(store_id),
        "purchasedAt": purchased_at.isoformat(),
        "amount": str(amount),
        "receiptReference": reference,
    }

    async def write() -> dict[str, Any]:
        store = await get_active_store(str(store_id))
        program = await get_program()
        if await Purchase.exists(reference=reference):
            raise ReceiptAlreadyRecorded()
        if await MissingPointsClaim.exists(store_id=store.id, receipt_reference=reference):
            raise ClaimExists()
        try:
            # A savepoint: a concurrent filing for the same receipt loses here, cleanly.
            async with db.transaction():
                claim = await MissingPointsClaim.create(
                    member_id=uuid.UUID(str(actor.id)),
                    store_id=store.id,
                    purchased_at=purchased_at,
                    amount=amount,
                    currency=program.currency,
                    receipt_reference=reference,
                    status=ClaimStatus.OPEN,
                    created_at=now,
                )
        except IntegrityError as exc:
            raise ClaimExists() from exc
        return {"claimId": claim.id}

    result, replayed = await run_once(actor, idempotency_key, "fileClaim", request, write)
    return await MissingPointsClaim.get(id=result["claimId"]), replayed


async def _locked_open_claim(actor: Actor, claim_id: str) -> MissingPointsClaim:
    """The claim, locked, if `actor` may decide it (cashiers: claims of their stores)."""
    found = await MissingPointsClaim.select_for_update().get_or_none(id=_id(claim_id, "claimId", "claim"))
    if found is None:
        raise NotFound("No claim with this id.", field="claimId")
    await store_for(actor, str(found.store_id))  # FORBIDDEN for a cashier of another store
    if found.status is not ClaimStatus.OPEN:
        raise ClaimNotOpen(found.status.value)
    return found


async def _close_claim(claim: MissingPointsClaim, changes: dict[str, Any]) -> None:
    # Guarded: only an open claim is decided, once.
    changed = await MissingPointsClaim.filter(id=claim.id, status=ClaimStatus.OPEN).update(**changes)
    if changed != 1:
        raise ClaimNotOpen((await MissingPointsClaim.get(id=claim.id)).status.value)


async def approve_claim(
    actor: Actor, *, claim_id: str, idempotency_key: str, max_amount: Decimal
) -> tuple[MissingPointsClaim, bool]:
    """Record the claimed purchase (it earns as a sale of that date would) and close the claim.

    The purchase-amount limit is the larger of `max_amount` and the claim's amount: a claim
    accepted when it was filed stays approvable after the limit is lowered."""
    request = {"claimId": str(claim_id)}

    async def write() -> dict[str, Any]:
        claim = await _locked_open_claim(actor, claim_id)
        try:
            recorded = await ledger.record_purchase(
                actor=actor,
                member_id=str(claim.member_id),
                card_number=None,
                amount=claim.amount,
                currency=claim.currency,
                reference=claim.receipt_reference,
                store_id=str(claim.store_id),
                # One key per claim: with the claim locked and its status guarded, the sale
                # is recorded once whoever approves.
                idempotency_key=f"claim:{claim.id}",
                max_amount=max(max_amount, claim.amount),
                purchased_at=claim.purchased_at,
            )
        except Duplicate as exc:
            # Recorded at a till since the claim was filed: it earned already.
            raise ReceiptAlreadyRecorded() from exc
        now = clock.now()
        await _close_claim(
            claim,
            {
                "status": ClaimStatus.APPROVED,
                "decided_by_id": uuid.UUID(str(actor.id)),
                "decided_at": now,
                "purchase_id": uuid.UUID(recorded.purchase_id),
                "points_earned": recorded.points_earned,
            },
        )
        await notifications.notify(
            claim.member_id, NotificationKind.MESSAGE, "Missing points claim approved",
            f"Receipt {claim.receipt_reference}: {recorded.points_earned:,} points added.",
            {"claimId": claim.id, "points": recorded.points_earned},
        )
        await audit.record(
            actor,
            "claim.approve",
            target_type="claim",
            target_id=str(claim.id),
            before={"status": ClaimStatus.OPEN.value},
            after={
                "status": ClaimStatus.APPROVED.value,
                "purchaseId": recorded.purchase_id,
                "pointsEarned": recorded.points_earned,
                "receiptReference": claim.receipt_reference,
                "amount": claim.amount,
            },
            store_id=claim.store_id,
            member_id=claim.member_id,
        )
        return {"claimId": claim.id}

    result, replayed = await run_once(actor, idempotency_key, "approveClaim", request, write)
    return await MissingPointsClaim.get(id=result["claimId"]), replayed


async def reject_claim(
    actor: Actor, *, claim_id: str, reason: str, idempotency_key: str
) -> tuple[MissingPointsClaim, bool]:
    """Refuse a claim with a reason the member sees."""
    reason = validation.text(reason, "reason", max_length=500)
    request = {"claimId": str(claim_id), "reason": reason}

    async def write() -> dict[str, Any]:
        claim = await _locked_open_claim(actor, claim_id)
        await _close_claim(
            claim,
            {
                "status": ClaimStatus.REJECTED,
                "decision_reason": reason,
                "decided_by_id": uuid.UUID(str(actor.id)),
                "decided_at": clock.now(),
            },
        )
        await notifications.notify(
            claim.member_id, NotificationKind.MESSAGE, "Missing points claim declined",
            f"Receipt {claim.receipt_reference}: {reason}", {"claimId": claim.id},
        )
        await audit.record(
            actor,
            "claim.reject",
            target_type="claim",
            target_id=str(claim.id),
            before={"status": ClaimStatus.OPEN.value},
            after={"status": ClaimStatus.REJECTED.value, "reason": reason},
            store_id=claim.store_id,
            member_id=claim.member_id,
        )
        return {"claimId": claim.id}

    result, replayed = await run_once(actor, idempotency_key, "rejectClaim", request, write)
    return await MissingPointsClaim.get(id=result["claimId"]), replayed


async def claims_queue(
    actor: Actor, *, status: ClaimStatus | None, store_id: str | None, first: int, after_id: int | None
) -> tuple[list[MissingPointsClaim], bool]:
    """Claims for staff, oldest first: a cashier sees their stores' only, an admin all."""
    query = MissingPointsClaim.all()
    if store_id is not None:
        store = await store_for(actor, store_id)
        query = query.filter(store_id=store.id)
    elif actor.role is Role.CASHIER:
        query = query.filter(store_id__in=await store_ids_of(actor.id or ""))
    if status is not None:
        query = query.filter(status=status)
    if after_id is not None:
        query = query.filter(id__gt=after_id)
    rows = await query.order_by("id").limit(first + 1)
    return rows[:first], len(rows) > first


async def member_claims(member_id: str, *, first: int, before_id: int | None) -> tuple[list[MissingPointsClaim], bool]:
    """A member's claims, newest first."""
    query = MissingPointsClaim.filter(member_id=uuid.UUID(str(member_id)))
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    rows = await query.order_by("-id").limit(first + 1)
    return rows[:first], len(rows) > first


# --- points gifts --------------------------------------------------------------------------


@dataclass(frozen=True)
class GiftPolicy:
    enabled: bool
    points_per_month: int


@dataclass(frozen=True)
class GiftSent:
    gift_id: str
    points: int
    recipient_name: str
    replayed: bool
    sender: Member | None = field(default=None)


def month_start(timezone: str, moment: datetime) -> datetime:
    """The start of `moment`'s calendar month in the program's time zone, as an aware time."""
    local = moment.astimezone(ZoneInfo(timezone))
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def give_points(
    actor: Actor,
    policy: GiftPolicy,
    *,
    to_card_number: str | None,
    to_email: str | None,
    points: int,
    message: str | None,
    idempotency_key: str,
) -> GiftSent:
    """The member `actor` gives `points` of their available points to another member."""
    if actor.kind is not ActorKind.MEMBER:
        raise Forbidden("Only members give points.")
    if not policy.enabled:
        raise GiftsDisabled()
    if bool(to_card_number) == bool(to_email):
        raise InvalidInput("Give exactly one of toCardNumber or toEmail.", field="toCardNumber")
    if not 0 < points <= policy.points_per_month:
        raise InvalidInput(f"points must be 1 to {policy.points_per_month}.", field="points")
    note = validation.text(message, "message", max_length=MAX_GIFT_MESSAGE, required=False) if message else ""
    email = validation.email(to_email, "toEmail") if to_email else None
    request = {"toCardNumber": to_card_number, "toEmail": email, "points": points, "message": note}

    async def write() -> dict[str, Any]:
        sender = await members.get_member(actor.id or "")
        if email is not None:
            recipient = await Member.get_or_none(email=email, is_active=True)
            if recipient is None:
                raise NotFound("No member with this email.", field="toEmail")
        else:
            recipient = await members.get_member_by_card(to_card_number or "", field="toCardNumber")
        if recipient.id == sender.id:
            raise InvalidInput(
                "You cannot give points to yourself.", field="toEmail" if email else "toCardNumber"
            )
        # Both accounts locked in one order, the newer member first (then by id): two members
        # giving each other points at once cannot deadlock, nor can a gift and a referral's
        # first sale, which locks the invited member and then their (older) referrer.
        accounts = {}
        newest_first = sorted((sender, recipient), key=lambda m: (m.created_at, str(m.id)), reverse=True)
        for member in newest_first:
            accounts[member.id] = await ledger.lock_account(member.id)
        program = await get_program()
        since = month_start(program.timezone, clock.now())
        sent = await db.fetch_rows(
            "SELECT COALESCE(SUM(points), 0) AS sent FROM points_gift WHERE sender_id = $1 AND created_at >= $2",
            sender.id, since,
        )
        sent_this_month = int(sent[0]["sent"])
        if sent_this_month + points > policy.points_per_month:
            raise GiftLimitExceeded(policy.points_per_month, max(policy.points_per_month - sent_this_month, 0))
        gift_id = uuid.uuid4()
        reference = f"gift:{gift_id}"
        [sent_entry] = await ledger.post(
            accounts[sender.id],
            [ledger.Posting(EntryKind.GIFT_SENT, Bucket.AVAILABLE, -points, f"Gift to {recipient.name}", reference)],
            actor=actor,
            program=program,
        )
        [received_entry] = await ledger.post(
            accounts[recipient.id],
            [ledger.Posting(EntryKind.GIFT_RECEIVED, Bucket.AVAILABLE, points, f"Gift from {sender.name}", reference)],
            actor=actor,
            program=program,
        )
        await PointsGift.create(
            id=gift_id,
            sender_id=sender.id,
            recipient_id=recipient.id,
            points=points,
            message=note,
            sent_entry_id=sent_entry.id,
            received_entry_id=received_entry.id,
            created_at=clock.now(),
        )
        await notifications.notify(
            recipient.id, NotificationKind.BALANCE_CHANGED, f"{sender.name} gave you {points:,} points",
            note or f"They are in your balance now: {accounts[recipient.id].available:,} points.",
            {"giftId": str(gift_id), "points": points},
        )
        written["sender"] = sender
        return {"giftId": str(gift_id), "points": points, "recipientName": recipient.name}

    written: dict[str, Any] = {}
    result, replayed = await run_once(actor, idempotency_key, "giftPoints", request, write)
    return GiftSent(result["giftId"], result["points"], result["recipientName"], replayed, written.get("sender"))


# --- assigned associates ---------------------------------------------------------------------


async def assign_associate(actor: Actor, *, member_id: str, staff_id: str | None) -> MemberAssociate | None:
    """Assign `staff_id` to the member (admins); None removes the assignment. Audited;
    assigning the one already assigned writes nothing."""
    if actor.role is not Role.ADMIN:
        raise Forbidden("Only admins assign associates.")
    member = await members.get_member(member_id)
    staff = None
    if staff_id is not None:
        staff = await Staff.get_or_none(id=_uuid(staff_id, "staffId", "staff account"), is_active=True)
        if staff is None:
            raise NotFound("No active staff account with this id.", field="staffId")
    async with db.transaction():
        current = await MemberAssociate.select_for_update().get_or_none(member_id=member.id)
        before = {"staffId": str(current.staff_id) if current else None}
        if staff is None:
            if current is None:
                return None
            await MemberAssociate.filter(id=current.id).delete()
            await audit.record(
                actor, "associate.unassign", target_type="member", target_id=str(member.id),
                before=before, after={"staffId": None}, member_id=member.id,
            )
            return None
        if current is not None and current.staff_id == staff.id:
            return current
        now = clock.now()
        if current is None:
            try:
                async with db.transaction():
                    current = await MemberAssociate.create(member_id=member.id, staff_id=staff.id, assigned_at=now)
            except IntegrityError:
                # Another admin assigned someone at this very moment: take their row, then ours wins.
                current = await MemberAssociate.select_for_update().get(member_id=member.id)
                before = {"staffId": str(current.staff_id)}
        if current.staff_id != staff.id:
            await MemberAssociate.filter(id=current.id).update(staff_id=staff.id, assigned_at=now)
            current.staff_id, current.assigned_at = staff.id, now
        await audit.record(
            actor, "associate.assign", target_type="member", target_id=str(member.id),
            before=before, after={"staffId": str(staff.id), "staffName": staff.name}, member_id=member.id,
        )
        return current


async def associates_of_members(member_ids: list[str]) -> dict[str, Staff]:
    """Each member's assigned associate (active accounts only), in one statement."""
    ids = [uuid.UUID(str(m)) for m in member_ids]
    if not ids:
        return {}
    rows = await db.fetch_rows(
        f"""SELECT a.member_id AS assigned_member_id, {db.columns(Staff, "s")} FROM member_associate a
            JOIN staff s ON s.id = a.staff_id AND s.is_active
            WHERE a.member_id IN ({db.placeholders(len(ids))})""",
        *ids,
    )
    found = {}
    for row in rows:
        member_id = str(row.pop("assigned_member_id"))
        found[member_id] = db.from_row(Staff, row)
    return found


async def clients_page(actor: Actor, *, first: int, after_id: int | None) -> tuple[list[MemberAssociate], bool]:
    """The members assigned to the staff member `actor`, in order of assignment."""
    if actor.kind is not ActorKind.STAFF:
        raise Forbidden("Only staff have clients.")
    query = MemberAssociate.filter(staff_id=uuid.UUID(str(actor.id)))
    if after_id is not None:
        query = query.filter(id__gt=after_id)
    rows = await query.order_by("id").limit(first + 1)
    return rows[:first], len(rows) > first


async def recent_entries(member_ids: list[str], limit: int = RECENT_ENTRIES) -> dict[str, list[LedgerEntry]]:
    """The newest `limit` ledger entries of each member, newest first, in one statement."""
    ids = [uuid.UUID(str(m)) for m in member_ids]
    if not ids:
        return {}
    n = len(ids)
    rows = await db.fetch_rows(
        f"""SELECT * FROM (
                SELECT {db.columns(LedgerEntry, "e")}, a.member_id AS entry_member_id,
                       ROW_NUMBER() OVER (PARTITION BY e.account_id ORDER BY e.id DESC) AS entry_rank
                FROM ledger_entry e JOIN points_account a ON a.id = e.account_id
                WHERE a.member_id IN ({db.placeholders(n)})
            ) recent WHERE entry_rank <= ${n + 1} ORDER BY id DESC""",
        *ids, limit,
    )
    found: dict[str, list[LedgerEntry]] = {str(m): [] for m in ids}
    for row in rows:
        member_id = str(row.pop("entry_member_id"))
        row.pop("entry_rank")
        found[member_id].append(db.from_row(LedgerEntry, row))
    return found



# --- demo ---------------------------------------------------------------------------------


async def seed_demo_care(store_id: uuid.UUID, cashier_id: uuid.UUID, admin_id: uuid.UUID) -> None:
    """The demo's member care: Ada's associate (the demo cashier, with a phone number), a
    gift from Ada to Grace, and an open claim of Grace's. Seeds each once."""
    ada = await Member.get_or_none(email="ada@demo.wallet")
    grace = await Member.get_or_none(email="grace@demo.wallet")
    if ada is None or grace is None:
        return
    await Staff.filter(id=cashier_id, phone="").update(phone="+1 555 0100")
    admin = Actor(ActorKind.STAFF, str(admin_id), Role.ADMIN)
    if not await MemberAssociate.exists(member_id=ada.id):
        await assign_associate(admin, member_id=str(ada.id), staff_id=str(cashier_id))
    if not await PointsGift.exists(sender_id=ada.id):
        await give_points(
            Actor(ActorKind.MEMBER, str(ada.id), Role.MEMBER),
            GiftPolicy(enabled=True, points_per_month=5000),  # the demo's history, whatever the switch
            to_card_number=grace.card_number,
            to_email=None,
            points=25,
            message="For your next coffee",
            idempotency_key="demo-gift-ada-grace",
        )
    if not await MissingPointsClaim.exists(member_id=grace.id):
        await file_claim(
            Actor(ActorKind.MEMBER, str(grace.id), Role.MEMBER),
            ClaimPolicy(max_age_days=3650, max_amount=Decimal("1000000")),
            store_id=str(store_id),
            purchased_at=clock.now() - timedelta(days=2),
            amount=Decimal("23.40"),
            receipt_reference="DEMO-MISSED-0001",
            idempotency_key="demo-claim-grace",
        )
