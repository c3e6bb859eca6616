"""Referrals: a member invites another with their code; both are rewarded once.

Rules written down here (and in the README):

- Codes. Every member has a referral code (`wallet.referrals.codes`: 8 random characters
  without look-alikes), given at sign-up; the link is `WALLET_PUBLIC_URL/?ref=CODE`, which
  the wallet's sign-up form reads. Case, spaces and dashes do not matter when it is typed.
- Signing up with a code. `signUp(input: {referralCode})` is refused, and nothing is
  created, when the code is no active member's (REFERRAL_CODE_UNKNOWN), or when the
  invitation is the referrer's own (REFERRAL_REFUSED):
  - the new email is the referrer's own once normalised: case, a `+tag` after the local
    part (any domain), and for Gmail (gmail.com, googlemail.com) the dots of the local part
    and the domain's spelling do not count (`sam.lee+2@googlemail.com` is `samlee@gmail.com`);
  - or the sign-up comes from the client address the referrer signed up from (an IPv6
    client's /64, as the sign-up limits count it) within `SAME_ADDRESS_DAYS` (30) of the
    referrer's sign-up: the same phone or home making a second account to reward itself.
    Later, households and offices sharing an address may invite each other.
  A taken email stays DUPLICATE (checked first): the same email never makes two accounts.
  The refusal does not say which rule refused, so it is no guide to getting round them.
- Once. A member is referred at most once (at sign-up; a unique index), and a referral
  is rewarded at most once.
- Reward. When the invited member's first purchase of at least the program's
  `referralMinAmount` is recorded while the program grants referral points
  (`referralReferrerPoints` or `referralInvitedPoints` above 0), the referrer gets
  `referralReferrerPoints` and the invited member `referralInvitedPoints`, each as a
  `bonus` entry ("Referral bonus: …", reference `referral-<id>`), in the purchase's
  transaction, available at once (like event points; they do not pay back owed points).
  Purchases below the minimum, or made while both amounts are 0, leave the referral
  pending. The purchase's audit record (`purchase.record`) names the referral and both grants.
- Exactly once, under retries and concurrency. The sale locks the invited member's points
  account before anything else it writes; the account row carries `referral_pending`, so
  of two concurrent first purchases the second sees the flag the first cleared. The
  referral's own change is a guarded update (`… WHERE status = 'pending'`), checked. A
  retried sale replays its first answer (idempotency keys). Locks are taken invited member
  first, referrer second: a referrer always joined before the members they invited, so
  the locks always go from newer to older members and two sales never wait on each other.
- Refunds. While what is left of the qualifying purchase (its amount less its refunds)
  still reaches the minimum in force when it qualified (and is above zero), the bonus
  stands. A refund that leaves less takes back both bonuses in full, once, as `refund`
  entries (reason "Referral bonus taken back: …"): from available points, and what was
  already spent is owed, exactly as a purchase's refunded points are. The referral is then
  `reversed` and stays so: a later purchase does not reward it again.
- Cost at the till. A sale for a member without a pending referral reads nothing more
  (the flag rides on the account row the sale locks). A qualifying sale adds the
  referral's guarded update, the flag's reset, the referrer's account lock and one ledger
  posting on each side (balance update, entry, lot): 9 statements, once per member.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from wallet import clock, db
from wallet.actors import Actor
from wallet.attempts.service import UNKNOWN_ADDRESS, address_key
from wallet.ledger.models import Bucket, EntryKind, PointsAccount, Purchase
from wallet.members.models import Member
from wallet.program.models import Program
from wallet.referrals.codes import new_code, normalise_code
from wallet.referrals.errors import ReferralCodeUnknown, ReferralRefused
from wallet.referrals.models import Referral, ReferralStatus

# A sign-up from the address the referrer signed up from counts as the referrer's own
# within this many days of the referrer's sign-up.
SAME_ADDRESS_DAYS = 30
_GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def normalised_email(email: str) -> str:
    """The mailbox an email reaches: lower case, without a `+tag`, and for Gmail without the
    dots of the local part (and googlemail.com as gmail.com)."""
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in _GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def sign_up_address(address: str | None) -> str | None:
    """What is kept of the client address at sign-up (as the sign-up limits count it)."""
    key = address_key(address)
    return None if key == UNKNOWN_ADDRESS else key


async def referrer_for_sign_up(
    raw_code: str | None, *, email: str, address: str | None, now: datetime
) -> Member | None:
    """The member whose code a new member signs up with, checked against the rules of the
    module; None without a code. Raises ReferralCodeUnknown or ReferralRefused."""
    if raw_code is None or not raw_code.strip():
        return None
    code = normalise_code(raw_code)
    referrer = await Member.get_or_none(referral_code=code, is_active=True) if code else None
    if referrer is None:
        raise ReferralCodeUnknown()
    if normalised_email(email) == normalised_email(referrer.email):
        raise ReferralRefused()
    key = sign_up_address(address)
    if (
        key is not None
        and referrer.sign_up_address == key
        and now - referrer.created_at < timedelta(days=SAME_ADDRESS_DAYS)
    ):
        raise ReferralRefused()
    return referrer


async def record_referral(referrer: Member, invited: Member) -> Referral:
    """The invitation, in the sign-up's transaction (the invited member's account is
    created with `referral_pending`)."""
    return await Referral.create(
        referrer_id=referrer.id,
        invited_id=invited.id,
        code=referrer.referral_code,
        status=ReferralStatus.PENDING,
        created_at=clock.now(),
    )


# --- the reward, at the till ------------------------------------------------------------


def qualifies(program: Program, account: PointsAccount, amount: Decimal) -> bool:
    """Whether this sale rewards the member's referral: decided from the rows the sale has
    already read (the program and the locked account), so it costs no statement."""
    return (
        bool(account.referral_pending)
        and (program.referral_referrer_points > 0 or program.referral_invited_points > 0)
        and amount > 0
        and amount >= Decimal(program.referral_min_amount)
    )


@dataclass(frozen=True)
class ReferralReward:
    referral_id: int
    referrer_id: str
    referrer_points: int
    invited_points: int

    def for_audit(self) -> dict[str, Any]:
        return {
            "referralId": self.referral_id,
            "referrerId": self.referrer_id,
            "referrerPoints": self.referrer_points,
            "invitedPoints": self.invited_points,
        }


async def reward(
    program: Program, account: PointsAccount, purchase: Purchase, actor: Actor
) -> ReferralReward:
    """Grant both sides of the invited member's referral for `purchase`, whose sale holds
    the invited member's account locked and found `qualifies`."""
    from wallet.ledger.service import Posting, lock_account, post

    now = clock.now()
    referrer_points = int(program.referral_referrer_points)
    invited_points = int(program.referral_invited_points)
    rows = await db.fetch_rows(
        """UPDATE referral
           SET status = 'rewarded', purchase_id = $1, referrer_points = $2, invited_points = $3,
               min_amount = $4, rewarded_at = $5
           WHERE invited_id = $6 AND status = 'pending'
           RETURNING id, referrer_id""",
        purchase.id, referrer_points, invited_points, Decimal(program.referral_min_amount), now,
        account.member_id,
    )
    if len(rows) != 1:
        # The flag said pending and the account is locked: the two disagree, a bug.
        raise RuntimeError(f"account {account.id} has referral_pending but no pending referral")
    referral_id, referrer_id = int(rows[0]["id"]), uuid.UUID(str(rows[0]["referrer_id"]))
    await db.fetch_rows(
        "UPDATE points_account SET referral_pending = $1 WHERE id = $2 RETURNING id", False, account.id
    )
    account.referral_pending = False
    reference = f"referral-{referral_id}"
    if invited_points:
        await post(
            account,
            [Posting(EntryKind.BONUS, Bucket.AVAILABLE, invited_points,
                     "Referral bonus: your first purchase as an invited member", reference)],
            actor=actor, store_id=purchase.store_id, lifetime_change=invited_points, program=program,
        )
    if referrer_points:
        referrer_account = await lock_account(referrer_id)
        await post(
            referrer_account,
            [Posting(EntryKind.BONUS, Bucket.AVAILABLE, referrer_points,
                     "Referral bonus: a member you invited made their first purchase", reference)],
            actor=actor, store_id=purchase.store_id, lifetime_change=referrer_points, program=program,
        )
    return ReferralReward(referral_id, str(referrer_id), referrer_points, invited_points)


# --- refunds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralReversal:
    referral_id: int
    referrer_id: str
    referrer_points: int
    invited_points: int
    referrer_owed: int
    invited_owed: int

    def for_audit(self) -> dict[str, Any]:
        return {
            "referralId": self.referral_id,
            "referrerId": self.referrer_id,
            "referrerPointsTakenBack": self.referrer_points,
            "invitedPointsTakenBack": self.invited_points,
            "referrerOwed": self.referrer_owed,
            "invitedOwed": self.invited_owed,
        }


async def reverse_if_no_longer_qualifying(
    purchase: Purchase, refunded: Decimal, actor: Actor, store_id: uuid.UUID | None, invited: PointsAccount
) -> ReferralReversal | None:
    """After a refund of `purchase` bringing its refunds to `refunded`: take back the
    referral bonus it earned when what is left no longer reaches the minimum. The refund
    holds the purchase row and the invited member's account locked."""
    if not purchase.qualified_referral:
        return None
    referral = await Referral.get_or_none(purchase_id=purchase.id, status=ReferralStatus.REWARDED)
    if referral is None:
        return None  # already taken back by an earlier refund
    left = Decimal(purchase.amount) - refunded
    if left > 0 and left >= Decimal(referral.min_amount or 0):
        return None
    changed = await Referral.filter(id=referral.id, status=ReferralStatus.REWARDED).update(
        status=ReferralStatus.REVERSED, reversed_at=clock.now()
    )
    if changed != 1:
        return None
    from wallet.ledger.service import lock_account

    reference = f"referral-{referral.id}"
    reason = "Referral bonus taken back: the qualifying purchase was refunded"
    invited_owed = await _take_back(invited, int(referral.invited_points), reason, reference, actor, store_id)
    referrer_owed = 0
    if referral.referrer_points:
        referrer_account = await lock_account(referral.referrer_id)  # type: ignore[attr-defined]
        referrer_owed = await _take_back(
            referrer_account, int(referral.referrer_points), reason, reference, actor, store_id
        )
    return ReferralReversal(
        referral.id, str(referral.referrer_id), int(referral.referrer_points),  # type: ignore[attr-defined]
        int(referral.invited_points), referrer_owed, invited_owed,
    )


async def _take_back(
    account: PointsAccount, points: int, reason: str, reference: str, actor: Actor, store_id: uuid.UUID | None
) -> int:
    """Take `points` back from the available balance; what was spent is owed (as refunds do)."""
    from wallet.ledger.service import Posting, post

    if points <= 0:
        return 0
    taken = min(points, account.available)
    owed = points - taken
    postings = []
    if taken:
        postings.append(Posting(EntryKind.REFUND, Bucket.AVAILABLE, -taken, reason, reference))
    if owed:
        postings.append(Posting(EntryKind.REFUND, Bucket.OWED, owed, reason + " (already spent, owed)", reference))
    await post(account, postings, actor=actor, store_id=store_id, lifetime_change=-points)
    return owed


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralSummary:
    code: str
    invited_count: int
    rewarded_count: int
    points_earned: int


async def summary(member_id: uuid.UUID | str, code: str | None) -> ReferralSummary:
    """A member's code and how their invitations went, in one statement (two for a member
    written outside the app, whose code is given now)."""
    member_uuid = uuid.UUID(str(member_id))
    if code is None:
        code = await _give_code(member_uuid)
    rows = await db.fetch_rows(
        """SELECT COUNT(*) AS invited,
                  COALESCE(SUM(CASE WHEN status = 'rewarded' THEN 1 ELSE 0 END), 0) AS rewarded,
                  COALESCE(SUM(CASE WHEN status = 'rewarded' THEN referrer_points ELSE 0 END), 0) AS points
           FROM referral WHERE referrer_id = $1""",
        member_uuid,
    )
    row = rows[0]
    return ReferralSummary(code, int(row["invited"]), int(row["rewarded"]), int(row["points"]))


async def _give_code(member_id: uuid.UUID) -> str:
    for _ in range(5):
        code = new_code()
        if not await Member.exists(referral_code=code):
            await Member.filter(id=member_id, referral_code=None).update(referral_code=code)
            break
    member = await Member.get(id=member_id)
    if member.referral_code is None:
        raise RuntimeError("could not draw a free referral code")
    return member.referral_code
