"""The rewards catalogue, redemptions and vouchers.

Rules written down here (and in the README):

- Catalogue: members see active rewards inside their availability window (and, for
  experiences, not yet past), cheapest first. `affordable` means the member's available
  points cover one unit; `unlocked` means their tier rank reaches the reward's minimum
  and, for a members-only reward, that their membership gives benefits now (trialing,
  active or past due) on a plan with exclusive rewards. Both gates must pass.
  A member without a tier counts as the entry tier (rank 0), so a minimum of null or 0
  is open to every member. Anonymous and staff callers have no balance and no tier: for
  them both are null, and filtering on them is refused.
- Redemption: in one transaction, the reward row is locked, checked (active, in window,
  tier, then members-only) and its stock taken with a guarded update
  (`stock >= quantity`); the member's account is locked and debited with a `redeem` entry
  (`donate` for a donation) whose reference is the voucher code. Quantity is 1 to 10; the cost is cost × quantity. Any
  error writes nothing, the idempotency key included.
- Vouchers: a code of 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
  grouped by four: about 79 random bits from `secrets`. A voucher expires
  `voucher_valid_days` after redemption; an experience's voucher at the experience.
  A donation's voucher is `used` at once and the donation is recorded at
  points × point value, rounded half up to the cent.
- Use at the till: only an `issued` voucher whose expiry has not come is used, by a
  guarded update, so two tills cannot both use it. A failed use changes nothing (an
  overdue voucher is marked `expired` by the job, not by the refused use).
- Cancellation (the member, or an admin): only an `issued`, unexpired voucher of another
  reward than a donation. The points come back with a `reverse` entry pointing at the
  `redeem` entry; the stock comes back; the voucher is `cancelled`.
- Expiry (`expire_vouchers`, run by the job): issued vouchers past their expiry become
  `expired`. Their points are NOT returned and their stock is NOT restored: the member
  chose not to use what they redeemed (an admin may still compensate with an adjustment).
  Until the job runs, an overdue voucher already reads, and behaves, as `expired`.
"""
from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from tortoise.expressions import F, Q

from wallet.referrals.codes import CODE_ALPHABET  # no 0/O, 1/I/L; shared with referral codes
from wallet import clock, validation
from wallet.actors import Actor, ActorKind
from wallet.partners import service as partners
from wallet.partners.models import SettlementKind
from wallet.audit import service as audit
from wallet.db import transaction
from wallet.errors import InvalidInput, NotFound
from wallet.idempotency.service import run_once
from wallet.ledger.models import Bucket, EntryKind, LedgerEntry
from wallet.ledger.service import Posting, lock_account, post
from wallet.notifications import service as notifications
from wallet.memberships.benefits import has_exclusive_rewards
from wallet.program.service import get_program
from wallet.rewards.errors import (
    AlreadyUsed,
    MembersOnly,
    NotAvailable,
    NotCancellable,
    OutOfStock,
    TierLocked,
    VoucherCancelled,
    VoucherExpired,
)
from wallet.rewards.models import Donation, Reward, RewardKind, Voucher, VoucherStatus
from wallet.staff.service import store_for
from wallet.tiers.models import MemberTier

MAX_QUANTITY = 10
MAX_COST_POINTS = 10_000_000
MAX_STOCK = 1_000_000
MAX_TIER_RANK = 1_000
MAX_VALID_DAYS = 3_650
MAX_DISCOUNT_AMOUNT = Decimal("1000000")
MAX_SEARCH_LENGTH = 100

CODE_LENGTH = 16
CODE_GROUP = 4


# --- tiers ------------------------------------------------------------------------------


async def member_tier_ranks(member_ids: Iterable[uuid.UUID | str]) -> dict[str, int | None]:
    """Each member's tier rank; None when they hold no tier.

    Kept here, in one place, until `wallet.tiers` provides it.
    """
    ids = [str(i) for i in member_ids]
    rows = await MemberTier.filter(member_id__in=ids, tier_id__isnull=False).values(
        "member_id", "tier__rank"
    )
    found = {str(row["member_id"]): int(row["tier__rank"]) for row in rows}
    return {i: found.get(i) for i in ids}


async def member_tier_rank(member_id: uuid.UUID | str) -> int | None:
    return (await member_tier_ranks([member_id]))[str(member_id)]


def is_unlocked(
    min_tier_rank: int | None,
    member_rank: int | None,
    *,
    members_only: bool = False,
    exclusive_rewards: bool = False,
) -> bool:
    """Both gates: the tier (without a tier a member counts as the entry tier, rank 0) and,
    for a members-only reward, a membership whose plan gives exclusive rewards now."""
    tier_open = min_tier_rank is None or min_tier_rank <= max(member_rank or 0, 0)
    return tier_open and (not members_only or exclusive_rewards)


# --- admin: creating and editing rewards ---------------------------------------------------

EDITABLE = (
    "name",
    "description",
    "kind",
    "cost_points",
    "discount_amount",
    "discount_percent",
    "charity_name",
    "min_tier_rank",
    "members_only",
    "stock",
    "experience_at",
    "available_from",
    "available_until",
    "voucher_valid_days",
    "image_url",
    "is_active",
    "partner_id",
)
_DEFAULTS: dict[str, Any] = {
    "description": "",
    "discount_amount": None,
    "discount_percent": None,
    "charity_name": "",
    "min_tier_rank": None,
    "members_only": False,
    "stock": None,
    "experience_at": None,
    "available_from": None,
    "available_until": None,
    "voucher_valid_days": 90,
    "image_url": "",
    "is_active": True,
    "partner_id": None,
}
# Fields that mean something for one kind only.
_KIND_ONLY = {
    "discount_amount": RewardKind.FIXED_DISCOUNT,
    "discount_percent": RewardKind.PERCENT_DISCOUNT,
    "charity_name": RewardKind.DONATION,
    "experience_at": RewardKind.EXPERIENCE,
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _int(value: Any, name: str, low: int, high: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{_camel(name)} must be a whole number from {low} to {high:,}.", field=_camel(name))
    return value


def _moment(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{_camel(name)} must be a date-time with a time zone.", field=_camel(name))
    return validation.in_range(value, _camel(name))


def _image_url(value: Any) -> str:
    url = (value or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if (
        len(url) > 500
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or re.search(r"[\s\x00-\x1f]", url)
    ):
        raise InvalidInput("imageUrl must be an http or https URL of at most 500 characters.", field="imageUrl")
    return url


def _description(value: Any) -> str:
    text = (value or "").strip()
    if len(text) > 2000 or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text):
        raise InvalidInput("description must be at most 2000 characters of text.", field="description")
    return text


def _validated(values: dict[str, Any], given: set[str], now: datetime) -> dict[str, Any]:
    """The reward's fields checked for its kind. `given` names the fields the admin sent:
    a field of another kind is refused when sent, and cleared when only left over."""
    out = dict(values)
    try:
        kind = RewardKind(out["kind"])
    except ValueError as exc:
        raise InvalidInput("kind is not a reward kind.", field="kind") from exc
    out["kind"] = kind
    out["name"] = validation.text(out["name"], "name", max_length=200)
    out["description"] = _description(out["description"])
    out["cost_points"] = _int(out["cost_points"], "cost_points", 1, MAX_COST_POINTS)
    for name, owner in _KIND_ONLY.items():
        if kind is not owner:
            if out[name] not in (None, "") and name in given:
                raise InvalidInput(
                    f"{_camel(name)} applies only to {owner.value} rewards.", field=_camel(name)
                )
            # Left over, or cleared with null: the field's empty value (charityName's is "").
            out[name] = _DEFAULTS[name]
    if kind is RewardKind.FIXED_DISCOUNT:
        if out["discount_amount"] is None:
            raise InvalidInput("A fixed discount needs discountAmount.", field="discountAmount")
        out["discount_amount"] = validation.money(
            out["discount_amount"], "discountAmount", maximum=MAX_DISCOUNT_AMOUNT
        )
    if kind is RewardKind.PERCENT_DISCOUNT:
        out["discount_percent"] = _percent(out["discount_percent"])
    if kind is RewardKind.DONATION:
        out["charity_name"] = validation.text(out["charity_name"], "charityName", max_length=200)
    out["stock"] = _int(out["stock"], "stock", 0, MAX_STOCK, optional=True)
    out["experience_at"] = _moment(out["experience_at"], "experience_at")
    if kind is RewardKind.EXPERIENCE:
        if out["experience_at"] is None:
            raise InvalidInput("An experience needs experienceAt.", field="experienceAt")
        if "experience_at" in given and out["experience_at"] <= now:
            raise InvalidInput("experienceAt must be in the future.", field="experienceAt")
        if out["stock"] is None:
            raise InvalidInput("An experience needs its number of places in stock.", field="stock")
    out["min_tier_rank"] = _int(out["min_tier_rank"], "min_tier_rank", 0, MAX_TIER_RANK, optional=True)
    out["available_from"] = _moment(out["available_from"], "available_from")
    out["available_until"] = _moment(out["available_until"], "available_until")
    if out["available_from"] and out["available_until"] and out["available_from"] >= out["available_until"]:
        raise InvalidInput("availableUntil must be after availableFrom.", field="availableUntil")
    out["voucher_valid_days"] = _int(out["voucher_valid_days"], "voucher_valid_days", 1, MAX_VALID_DAYS)
    out["image_url"] = _image_url(out["image_url"])
    for flag in ("members_only", "is_active"):
        if not isinstance(out[flag], bool):
            raise InvalidInput(f"{_camel(flag)} must be true or false.", field=_camel(flag))
    if out["partner_id"] is not None:
        try:
            out["partner_id"] = uuid.UUID(str(out["partner_id"]))
        except ValueError as exc:
            raise InvalidInput("No partner with this id.", field="partnerId") from exc
    return out


async def _check_partner(values: dict[str, Any]) -> None:
    """A partner's reward names an existing partner (whose redemptions it is paid for)."""
    from wallet.partners.models import Partner

    if values["partner_id"] is not None and not await Partner.exists(id=values["partner_id"]):
        raise InvalidInput("No partner with this id.", field="partnerId")


def _percent(value: Any) -> Decimal:
    try:
        percent = Decimal(str(value)) if value is not None else None
    except (InvalidOperation, ValueError):
        percent = None
    if (
        percent is None
        or not percent.is_finite()
        or not Decimal(0) < percent <= Decimal(100)
        or percent != percent.quantize(Decimal("0.01"))
    ):
        raise InvalidInput(
            "discountPercent must be more than 0 and at most 100, with at most two decimals.",
            field="discountPercent",
        )
    return percent.quantize(Decimal("0.01"))


def _snapshot(reward: Reward) -> dict[str, Any]:
    return {name: getattr(reward, name) for name in EDITABLE}


def _audited(snapshot: dict[str, Any]) -> dict[str, Any]:
    # The partner is named only for partners' rewards: other records stay as they were.
    return {k: v for k, v in snapshot.items() if k != "partner_id" or v is not None}


def _check_names(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not reward fields: {sorted(unknown)}")


async def create_reward(actor: Actor, **fields: Any) -> Reward:
    """Add a reward to the catalogue (admin). Fields are the model's; see `EDITABLE`."""
    _check_names(fields)
    for required in ("name", "kind", "cost_points"):
        if fields.get(required) is None:
            raise InvalidInput(f"{_camel(required)} is required.", field=_camel(required))
    values = _validated({**_DEFAULTS, **fields}, set(fields), clock.now())
    await _check_partner(values)
    async with transaction():
        reward = await Reward.create(id=uuid.uuid4(), **values)
        await audit.record(
            actor, "reward.create", target_type="reward", target_id=str(reward.id), after=_audited(_snapshot(reward))
        )
    return reward


async def update_reward(actor: Actor, reward_id: str, **changes: Any) -> Reward:
    """Change some of a reward's fields (admin); the result is checked as a whole.

    `changes` holds only the fields to change; None clears an optional field.
    """
    _check_names(changes)
    async with transaction():
        reward = await Reward.select_for_update().get_or_none(id=_uuid(reward_id, "id"))
        if reward is None:
            raise NotFound("No reward with this id.", field="id")
        before = _snapshot(reward)
        for required in ("name", "kind", "cost_points", "voucher_valid_days", "members_only", "is_active"):
            if required in changes and changes[required] is None:
                raise InvalidInput(f"{_camel(required)} cannot be null.", field=_camel(required))
        values = _validated({**before, **changes}, set(changes), clock.now())
        if "partner_id" in changes:
            await _check_partner(values)
        for name, value in values.items():
            setattr(reward, name, value)
        await reward.save(update_fields=[*EDITABLE, "updated_at"])
        await audit.record(
            actor,
            "reward.update",
            target_type="reward",
            target_id=str(reward.id),
            before=_audited(before),
            after=_audited(_snapshot(reward)),
        )
    return reward


# --- the catalogue --------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """What decides, for one member, whether a reward is affordable and unlocked."""

    points_available: int
    tier_rank: int | None
    # Whether their membership gives benefits now on a plan with exclusive rewards.
    exclusive_rewards: bool = False


def _on_offer(now: datetime) -> Q:
    return Q(
        Q(is_active=True),
        Q(available_from__isnull=True) | Q(available_from__lte=now),
        Q(available_until__isnull=True) | Q(available_until__gt=now),
        Q(experience_at__isnull=True) | Q(experience_at__gt=now),
    )


async def get_reward(reward_id: str, *, include_off_offer: bool = False) -> Reward:
    """A reward on offer now; admins (`include_off_offer`) see every reward."""
    query = Reward.filter(id=_uuid(reward_id, "id"))
    if not include_off_offer:
        query = query.filter(_on_offer(clock.now()))
    reward = await query.first()
    if reward is None:
        raise NotFound("No reward with this id.", field="id")
    return reward


async def catalogue_page(
    *,
    first: int,
    after: tuple[int, uuid.UUID] | None,
    viewer: Viewer | None,
    kind: RewardKind | None = None,
    search: str | None = None,
    affordable: bool | None = None,
    unlocked: bool | None = None,
) -> tuple[list[Reward], bool]:
    """One page of rewards on offer, cheapest first; `after` is the last (cost, id) seen."""
    if viewer is None and (affordable is not None or unlocked is not None):
        raise InvalidInput(
            "Only a member can filter on affordable or unlocked.", field="filter"
        )
    query = Reward.filter(_on_offer(clock.now()))
    if kind is not None:
        query = query.filter(kind=kind)
    if search is not None and search.strip():
        term = validation.text(search, "search", max_length=MAX_SEARCH_LENGTH)
        query = query.filter(Q(name__icontains=term) | Q(description__icontains=term))
    if viewer is not None and affordable is not None:
        within = Q(cost_points__lte=viewer.points_available)
        query = query.filter(within if affordable else ~within)
    if viewer is not None and unlocked is not None:
        open_to = Q(min_tier_rank__isnull=True) | Q(min_tier_rank__lte=max(viewer.tier_rank or 0, 0))
        if not viewer.exclusive_rewards:
            open_to = open_to & Q(members_only=False)
        query = query.filter(open_to if unlocked else ~open_to)
    if after is not None:
        cost, last_id = after
        query = query.filter(Q(cost_points__gt=cost) | Q(cost_points=cost, id__gt=last_id))
    rows = await query.order_by("cost_points", "id").limit(first + 1)
    return rows[:first], len(rows) > first


# --- redemption ----------------------------------------------------------------------------


def new_voucher_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(raw: str | None) -> str | None:
    """A code as typed at the till (any case, with or without dashes or spaces), or None."""
    chars = [c for c in (raw or "").upper() if c not in " -"]
    if len(chars) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in chars):
        return None
    return "-".join("".join(chars[i : i + CODE_GROUP]) for i in range(0, CODE_LENGTH, CODE_GROUP))


def _uuid(raw: str, field: str, thing: str = "reward") -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc


def _check_on_offer(reward: Reward, now: datetime) -> None:
    if not reward.is_active:
        raise NotAvailable("This reward is not offered any more.")
    if reward.available_from is not None and now < reward.available_from:
        raise NotAvailable("This reward is not available yet.")
    if reward.available_until is not None and now >= reward.available_until:
        raise NotAvailable("This reward is no longer available.")
    if reward.experience_at is not None and now >= reward.experience_at:
        raise NotAvailable("This experience has already taken place.")


def donation_amount(points: int, point_value: Decimal) -> Decimal:
    """What `points` are worth in money, rounded half up to the cent."""
    return (Decimal(points) * point_value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Redeemed:
    voucher_id: str
    member_id: str
    points_spent: int
    replayed: bool


async def redeem_reward(
    *, actor: Actor, reward_id: str, quantity: int, idempotency_key: str
) -> Redeemed:
    """Spend a member's points on a reward; returns the voucher that proves it."""
    if actor.kind is not ActorKind.MEMBER or actor.id is None:
        raise RuntimeError("only a member redeems rewards")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(f"quantity must be from 1 to {MAX_QUANTITY}.", field="quantity")
    request = {"rewardId": str(reward_id), "quantity": quantity}
    member_id = actor.id

    async def write() -> dict[str, Any]:
        now = clock.now()
        reward = await Reward.select_for_update().get_or_none(id=_uuid(reward_id, "rewardId"))
        if reward is None:
            raise NotFound("No reward with this id.", field="rewardId")
        _check_on_offer(reward, now)
        if reward.min_tier_rank is not None:
            rank = await member_tier_rank(member_id)
            if not is_unlocked(reward.min_tier_rank, rank):
                raise TierLocked(required_rank=reward.min_tier_rank, member_rank=rank)
        # Read, not locked: a membership that lapses while this commits is a race of
        # milliseconds against a state that was true when the member asked.
        if reward.members_only and not await has_exclusive_rewards(member_id):
            raise MembersOnly()
        if reward.stock is not None:
            # The guard is the condition: it holds however many redemptions race for the row.
            taken = await Reward.filter(id=reward.id, stock__gte=quantity).update(
                stock=F("stock") - quantity
            )
            if taken != 1:
                raise OutOfStock()
        points = reward.cost_points * quantity
        is_donation = reward.kind is RewardKind.DONATION
        code = new_voucher_code()
        account = await lock_account(member_id)
        await post(
            account,
            [
                Posting(
                    EntryKind.DONATE if is_donation else EntryKind.REDEEM,
                    Bucket.AVAILABLE,
                    -points,
                    (f"Donation to {reward.charity_name}" if is_donation else f"Redeemed: {reward.name}")[:500],
                    code,
                )
            ],
            actor=actor,
        )
        if is_donation:
            expires_at = None
        elif reward.kind is RewardKind.EXPERIENCE and reward.experience_at is not None:
            expires_at = reward.experience_at
        else:
            expires_at = now + timedelta(days=reward.voucher_valid_days)
        voucher = await Voucher.create(
            id=uuid.uuid4(),
            code=code,
            member_id=member_id,
            reward_id=reward.id,
            quantity=quantity,
            points_spent=points,
            status=VoucherStatus.USED if is_donation else VoucherStatus.ISSUED,
            expires_at=expires_at,
            used_at=now if is_donation else None,
            created_at=now,
        )
        if reward.partner_id is not None:
            # The partner's reward: the program pays the partner for these points.
            await partners.settle(reward.partner_id, SettlementKind.REDEEM, points, voucher_id=voucher.id)
        if is_donation:
            program = await get_program()
            await Donation.create(
                id=uuid.uuid4(),
                voucher_id=voucher.id,
                member_id=member_id,
                charity_name=reward.charity_name,
                points=points,
                amount=donation_amount(points, program.point_value),
                currency=program.currency,
                created_at=now,
            )
        await notifications.points_spent(
            member_id, points, reward.charity_name if is_donation else reward.name,
            voucher_id=voucher.id, donation=is_donation,
        )
        return {"voucherId": str(voucher.id), "memberId": str(member_id), "pointsSpent": points}

    result, replayed = await run_once(actor, idempotency_key, "redeemReward", request, write)
    return Redeemed(result["voucherId"], result["memberId"], result["pointsSpent"], replayed)


# --- vouchers ------------------------------------------------------------------------------


def voucher_status(voucher: Voucher, now: datetime | None = None) -> VoucherStatus:
    """The status as members and staff see it: overdue issued vouchers read as expired."""
    status = VoucherStatus(voucher.status)
    moment = now or clock.now()
    if status is VoucherStatus.ISSUED and voucher.expires_at is not None and voucher.expires_at <= moment:
        return VoucherStatus.EXPIRED
    return status


def _usable(now: datetime) -> Q:
    return Q(status=VoucherStatus.ISSUED) & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))


async def member_vouchers(
    member_id: uuid.UUID | str, *, status: VoucherStatus | None, limit: int
) -> list[Voucher]:
    """A member's vouchers, newest first, filtered on the status they read as."""
    now = clock.now()
    query = Voucher.filter(member_id=member_id)
    if status is VoucherStatus.ISSUED:
        query = query.filter(_usable(now))
    elif status is VoucherStatus.EXPIRED:
        query = query.filter(
            Q(status=VoucherStatus.EXPIRED)
            | Q(status=VoucherStatus.ISSUED, expires_at__isnull=False, expires_at__lte=now)
        )
    elif status is not None:
        query = query.filter(status=status)
    return await query.order_by("-created_at", "-id").limit(limit)


async def voucher_by_code(code: str) -> Voucher | None:
    normalised = normalise_code(code)
    return await Voucher.get_or_none(code=normalised) if normalised else None


def _refusal(voucher: Voucher, now: datetime) -> Exception:
    status = voucher_status(voucher, now)
    if status is VoucherStatus.USED:
        return AlreadyUsed(used_at=voucher.used_at)
    if status is VoucherStatus.CANCELLED:
        return VoucherCancelled()
    if status is VoucherStatus.EXPIRED:
        return VoucherExpired(expires_at=voucher.expires_at)
    return RuntimeError(f"voucher {voucher.id} is usable but was not used")


async def use_voucher(*, actor: Actor, code: str, store_id: str) -> Voucher:
    """Mark a voucher used at a till (staff)."""
    normalised = normalise_code(code)
    async with transaction():
        store = await store_for(actor, store_id)
        voucher = await Voucher.get_or_none(code=normalised) if normalised else None
        if voucher is None:
            raise NotFound("No voucher with this code.", field="code")
        now = clock.now()
        used = await Voucher.filter(_usable(now), id=voucher.id).update(
            status=VoucherStatus.USED, used_at=now, used_by_id=actor.id, used_store_id=store.id
        )
        if used != 1:
            raise _refusal(await Voucher.get(id=voucher.id), now)
        await audit.record(
            actor,
            "voucher.use",
            target_type="voucher",
            target_id=str(voucher.id),
            before={"status": VoucherStatus.ISSUED.value},
            after={"status": VoucherStatus.USED.value, "code": voucher.code, "usedAt": now},
            store_id=store.id,
            member_id=voucher.member_id,
        )
        return await Voucher.get(id=voucher.id)


@dataclass(frozen=True)
class Cancelled:
    voucher_id: str
    member_id: str
    points_returned: int
    replayed: bool


async def cancel_redemption(*, actor: Actor, voucher_id: str, idempotency_key: str) -> Cancelled:
    """Undo a redemption: the points and the stock come back (the member, or an admin)."""
    request = {"voucherId": str(voucher_id)}

    async def write() -> dict[str, Any]:
        now = clock.now()
        voucher = (
            await Voucher.filter(id=_uuid(voucher_id, "voucherId", "voucher"))
            .select_related("reward")
            .first()
        )
        if voucher is None or (actor.kind is ActorKind.MEMBER and str(voucher.member_id) != actor.id):
            raise NotFound("No voucher with this id.", field="voucherId")
        reward: Reward = voucher.reward
        if reward.kind is RewardKind.DONATION:
            raise NotCancellable("A donation cannot be cancelled.")
        cancelled = await Voucher.filter(_usable(now), id=voucher.id).update(
            status=VoucherStatus.CANCELLED, cancelled_at=now
        )
        if cancelled != 1:
            status = voucher_status(await Voucher.get(id=voucher.id), now)
            raise NotCancellable(f"Only issued vouchers can be cancelled; this one is {status.value}.")
        await Reward.filter(id=reward.id, stock__isnull=False).update(stock=F("stock") + voucher.quantity)
        account = await lock_account(voucher.member_id)
        redeemed = await LedgerEntry.filter(
            account_id=account.id, kind=EntryKind.REDEEM, reference=voucher.code
        ).first()
        await post(
            account,
            [
                Posting(
                    EntryKind.REVERSE,
                    Bucket.AVAILABLE,
                    voucher.points_spent,
                    "Redemption cancelled",
                    voucher.code,
                    corrects_id=redeemed.id if redeemed else None,
                )
            ],
            actor=actor,
        )
        if reward.partner_id is not None:
            await partners.settle(
                reward.partner_id, SettlementKind.CANCEL, voucher.points_spent, voucher_id=voucher.id,
                point_value=await partners.settled_point_value(SettlementKind.REDEEM, voucher_id=voucher.id),
            )
        if actor.kind is ActorKind.STAFF:
            await audit.record(
                actor,
                "voucher.cancel",
                target_type="voucher",
                target_id=str(voucher.id),
                before={"status": VoucherStatus.ISSUED.value},
                after={"status": VoucherStatus.CANCELLED.value, "pointsReturned": voucher.points_spent},
                member_id=voucher.member_id,
            )
        return {
            "voucherId": str(voucher.id),
            "memberId": str(voucher.member_id),
            "pointsReturned": voucher.points_spent,
        }

    result, replayed = await run_once(actor, idempotency_key, "cancelRedemption", request, write)
    return Cancelled(result["voucherId"], result["memberId"], result["pointsReturned"], replayed)


async def expire_vouchers(now: datetime | None = None) -> int:
    """Mark issued vouchers past their expiry `expired`; returns how many. For the job.

    Points are not returned and stock is not restored (see the module's docstring).
    Safe to run twice and safe to run late: one set-based update of what is due.
    """
    moment = now or clock.now()
    return await Voucher.filter(
        status=VoucherStatus.ISSUED, expires_at__isnull=False, expires_at__lte=moment
    ).update(status=VoucherStatus.EXPIRED)


# --- demo data --------------------------------------------------------------------------------


async def seed_demo_rewards() -> list[Reward]:
    """A dozen rewards of every kind for the demo; does nothing when rewards exist."""
    if await Reward.exists():
        return []
    now = clock.now()
    system = Actor.system()
    base = "https://images.demo.wallet/rewards/"
    specs: list[dict[str, Any]] = [
        dict(name="Travel-size moisturiser", kind=RewardKind.PRODUCT, cost_points=100, stock=200),
        dict(name="Signature tote bag", kind=RewardKind.PRODUCT, cost_points=250, stock=50),
        dict(name="Limited-edition palette", kind=RewardKind.PRODUCT, cost_points=750, stock=10, min_tier_rank=2),
        dict(name="5.00 off your next purchase", kind=RewardKind.FIXED_DISCOUNT, cost_points=500,
             discount_amount=Decimal("5.00"), voucher_valid_days=60),
        dict(name="15.00 off your next purchase", kind=RewardKind.FIXED_DISCOUNT, cost_points=1400,
             discount_amount=Decimal("15.00"), voucher_valid_days=60, min_tier_rank=1),
        dict(name="10% off one order", kind=RewardKind.PERCENT_DISCOUNT, cost_points=300,
             discount_percent=Decimal("10"), voucher_valid_days=30),
        dict(name="20% off one order", kind=RewardKind.PERCENT_DISCOUNT, cost_points=900,
             discount_percent=Decimal("20"), voucher_valid_days=30, min_tier_rank=2),
        dict(name="Free shipping", kind=RewardKind.FREE_SHIPPING, cost_points=150),
        dict(name="Masterclass with our make-up artist", kind=RewardKind.EXPERIENCE, cost_points=2000,
             stock=12, experience_at=now + timedelta(days=30), min_tier_rank=1),
        dict(name="Spring launch party", kind=RewardKind.EXPERIENCE, cost_points=3500, stock=40,
             experience_at=now + timedelta(days=60), min_tier_rank=2),
        dict(name="Engraving on any product", kind=RewardKind.CUSTOMISATION, cost_points=200),
        dict(name="Monogrammed gift wrap", kind=RewardKind.CUSTOMISATION, cost_points=120,
             available_until=now + timedelta(days=90)),
        dict(name="Donate to Clean Water Fund", kind=RewardKind.DONATION, cost_points=500,
             charity_name="Clean Water Fund"),
        dict(name="Donate to the Children's Book Bank", kind=RewardKind.DONATION, cost_points=1000,
             charity_name="Children's Book Bank"),
    ]
    rewards = []
    for number, spec in enumerate(specs, start=1):
        spec.setdefault("description", f"Demo reward: {spec['name']}.")
        spec.setdefault("image_url", f"{base}{number}.png")
        rewards.append(await create_reward(system, **spec))
    return rewards
