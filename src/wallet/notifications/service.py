"""Notifications: what the program tells a member, kept in their wallet and delivered by
e-mail or push through the configured sender.

Rules written down here (and in the README):

- **One call.** `notify(member_id, kind, title, body, data)` writes the notification in the
  caller's transaction (one INSERT) and hands it to the sender only once that transaction
  has committed: a change that rolls back (a refused redemption) sends nothing, and a
  sender that fails never undoes the change. The message helpers below build the texts of
  the program's own notifications (balance changes, tier up, memberships).
- **Once-only.** With `once_key`, a member gets at most one notification per key, however
  often the caller runs (the expiring-points job warns once per batch of points).
- **Muting.** A member may mute any kind except `membership_payment_failed` (it asks them
  to act): a muted kind is neither stored nor sent. The check is part of the INSERT, so it
  costs no statement.
- **Reading.** A member reads and marks read only their own notifications. Marking read
  is safe to retry: a notification keeps the time it was first read.
- **Retention.** `wallet run-jobs` deletes read notifications older than
  `WALLET_NOTIFICATION_RETENTION_DAYS`; unread ones stay.
- **Texts are cheap.** Built with f-strings from values the caller already holds: a sale
  reads nothing more for its notification.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from wallet import clock, db
from wallet.errors import InvalidInput, NotFound
from wallet.notifications import delivery
from wallet.notifications.models import Notification, NotificationKind, NotificationMute

K = NotificationKind

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 1000
MAX_DATA_CHARACTERS = 1000  # data holds ids and small figures, not documents
MAX_IDS_PER_CALL = 100
MAX_ID = 2**63 - 1  # BIGINT
UNMUTABLE = frozenset({K.MEMBERSHIP_PAYMENT_FAILED})

_INSERT = """
    INSERT INTO notification (member_id, kind, title, body, data, once_key, created_at, delivery_error)
    SELECT $1, $2, $3, $4, $5, $6, $7, ''
    WHERE NOT EXISTS (SELECT 1 FROM notification_mute m WHERE m.member_id = $8 AND m.kind = $9)
    ON CONFLICT DO NOTHING
    RETURNING id
"""


def _clip(text: str, limit: int) -> str:
    # A long reward or plan name must not fail the sale or redemption it is about.
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def notify(
    member_id: uuid.UUID | str,
    kind: NotificationKind,
    title: str,
    body: str = "",
    data: dict[str, Any] | None = None,
    *,
    once_key: str | None = None,
) -> int | None:
    """Write a notification for the member in the current transaction and deliver it after
    commit. Returns its id, or None when the member muted the kind or `once_key` was used
    before for them. `data` is a small JSON object (ids, figures) for the client to link."""
    kind, title, body, encoded = _prepared(kind, title, body, data)
    member = uuid.UUID(str(member_id))
    now = clock.now()
    rows = await db.fetch_rows(
        _INSERT, member, kind.value, title, body, encoded, once_key, now, member, kind.value
    )
    if not rows:
        return None
    message = delivery.Message(int(rows[0]["id"]), str(member), kind.value, title, body, json.loads(encoded), now)
    await _deliver_after_commit([message])
    return message.notification_id


def _prepared(
    kind: NotificationKind, title: str, body: str, data: dict[str, Any] | None
) -> tuple[NotificationKind, str, str, str]:
    """The kind, the clipped title and body, and the data as stored (JSON, size-checked)."""
    kind = NotificationKind(kind)
    encoded = json.dumps(dict(data or {}), separators=(",", ":"), default=str)
    if len(encoded) > MAX_DATA_CHARACTERS:
        raise ValueError(f"notification data is {len(encoded)} characters; at most {MAX_DATA_CHARACTERS}")
    return kind, _clip(title.strip() or kind.value, MAX_TITLE_LENGTH), _clip(body.strip(), MAX_BODY_LENGTH), encoded


async def _deliver_after_commit(messages: list[delivery.Message]) -> None:
    async def send() -> None:
        await delivery.deliver(messages)

    await db.on_commit(send)


async def notify_members_where(
    condition: str,
    params: Sequence[Any],
    kind: NotificationKind,
    title: str,
    body: str,
    data: dict[str, Any],
    *,
    once_key: str,
) -> int:
    """One notification for each member matching `condition` (SQL over `member m` with
    `$n` placeholders for `params`), in one INSERT … SELECT: an audience of any size is one
    statement. Members who muted the kind, or already had `once_key`, are skipped; the
    others' notifications are delivered after commit. Returns how many were written."""
    kind, title, body, encoded = _prepared(kind, title, body, data)
    now = clock.now()
    n = len(params)
    rows = await db.fetch_rows(
        f"""INSERT INTO notification (member_id, kind, title, body, data, once_key, created_at, delivery_error)
            SELECT m.id, ${n + 1}, ${n + 2}, ${n + 3}, ${n + 4}, ${n + 5}, ${n + 6}, '' FROM member m
            WHERE {condition}
              AND NOT EXISTS (SELECT 1 FROM notification_mute mu WHERE mu.member_id = m.id AND mu.kind = ${n + 7})
            ON CONFLICT DO NOTHING
            RETURNING id, member_id""",
        # The kind twice: PostgreSQL types a value in the SELECT list as text and one
        # compared with the column as varchar, and one parameter cannot be both.
        *params, kind.value, title, body, encoded, once_key, now, kind.value,
    )
    if not rows:
        return 0
    await _deliver_after_commit([
        delivery.Message(int(row["id"]), str(row["member_id"]), kind.value, title, body, json.loads(encoded), now)
        for row in rows
    ])
    return len(rows)


async def record_delivery(delivered: Sequence[int], failed: dict[int, str]) -> None:
    """What the sender did (after commit, outside the business transaction)."""
    if delivered:
        await Notification.filter(id__in=list(delivered)).update(delivered_at=clock.now(), delivery_error="")
    for notification_id, error in failed.items():
        await Notification.filter(id=notification_id).update(delivery_error=error[:200])


# --- the program's messages --------------------------------------------------------------


def _points(amount: int) -> str:
    return f"{amount:,} point" + ("" if abs(amount) == 1 else "s")


async def points_earned(
    member_id: uuid.UUID | str, points: int, *, pending: bool, reference: str, purchase_id: uuid.UUID | str
) -> int | None:
    body = f"For your purchase {reference}."
    if pending:
        body += " They become available when the return window ends."
    return await notify(
        member_id, K.BALANCE_CHANGED, f"You earned {_points(points)}", body,
        {"reason": "purchase", "points": points, "purchaseId": str(purchase_id), "reference": reference},
    )


async def points_refunded(
    member_id: uuid.UUID | str, points: int, owed: int, *, reference: str, refund_id: uuid.UUID | str
) -> int | None:
    body = f"A refund of your purchase {reference} took back the points it earned."
    if owed:
        body += f" {_points(owed)} you had already spent will come out of your next purchases."
    return await notify(
        member_id, K.BALANCE_CHANGED, f"{_points(points)} taken back", body,
        {"reason": "refund", "points": -points, "owed": owed, "refundId": str(refund_id), "reference": reference},
    )


async def points_adjusted(member_id: uuid.UUID | str, amount: int, reason: str, *, entry_id: int) -> int | None:
    title = f"{_points(amount)} added" if amount > 0 else f"{_points(-amount)} removed"
    return await notify(
        member_id, K.BALANCE_CHANGED, title, reason,
        {"reason": "adjustment", "points": amount, "entryId": entry_id},
    )


async def points_spent(
    member_id: uuid.UUID | str, points: int, reward_name: str, *, voucher_id: uuid.UUID | str, donation: bool
) -> int | None:
    body = f"Donated: {reward_name}." if donation else f"On {reward_name}: your voucher is in your wallet."
    return await notify(
        member_id, K.BALANCE_CHANGED, f"You spent {_points(points)}", body,
        {"reason": "redemption", "points": -points, "voucherId": str(voucher_id)},
    )


async def tier_up(member_id: uuid.UUID | str, tier_name: str, *, tier_id: uuid.UUID | str) -> int | None:
    return await notify(
        member_id, K.TIER_UP, f"Welcome to {tier_name}", f"You reached the {tier_name} tier: see its benefits in your wallet.",
        {"tierId": str(tier_id)},
    )


async def membership_renewed(
    member_id: uuid.UUID | str, plan_name: str, price: Decimal, currency: str, period_end: datetime,
    *, membership_id: uuid.UUID | str,
) -> int | None:
    return await notify(
        member_id, K.MEMBERSHIP_RENEWAL, f"Your {plan_name} membership was renewed",
        f"Paid {price} {currency}; this period ends on {period_end:%d %B %Y}.",
        {"membershipId": str(membership_id), "periodEnd": period_end.isoformat()},
    )


async def membership_payment_failed(
    member_id: uuid.UUID | str, plan_name: str, reason: str, *, membership_id: uuid.UUID | str, renewal: bool
) -> int | None:
    body = (
        f"We could not take the payment for your {plan_name} membership ({reason}). "
        + ("Update your payment details to keep its benefits." if renewal else "Choose a plan again to retry.")
    )
    return await notify(
        member_id, K.MEMBERSHIP_PAYMENT_FAILED, "Your membership payment failed", body,
        {"membershipId": str(membership_id)},
    )


async def points_expiring(member_id: str, points: int, expires_at: datetime, last_day: str) -> int | None:
    """Once per member and expiry time (the job runs often; the warning is sent once)."""
    return await notify(
        member_id, K.POINTS_EXPIRING, f"{_points(points)} expire soon",
        f"Use them by {last_day}: after that day they lapse.",
        {"points": points, "expiresAt": expires_at.isoformat()},
        once_key=expiring_key(expires_at),
    )


def expiring_key(expires_at: datetime) -> str:
    return f"points_expiring:{expires_at.astimezone(UTC).isoformat()}"


# --- reading and marking read ------------------------------------------------------------


async def notifications_page(
    member_id: uuid.UUID | str, *, first: int, before_id: int | None, unread_only: bool
) -> tuple[list[Notification], bool]:
    """A member's notifications, newest first; `before_id` is the last id of the previous page."""
    query = Notification.filter(member_id=member_id)
    if unread_only:
        query = query.filter(read_at=None)
    if before_id is not None:
        query = query.filter(id__lt=min(before_id, MAX_ID))
    rows = await query.order_by("-id").limit(first + 1)
    return rows[:first], len(rows) > first


async def unread_count(member_id: uuid.UUID | str) -> int:
    return await Notification.filter(member_id=member_id, read_at=None).count()


def _ids(raw: Sequence[str]) -> list[int]:
    if len(raw) > MAX_IDS_PER_CALL:
        raise InvalidInput(f"Mark at most {MAX_IDS_PER_CALL} notifications at once, or all.", field="ids")
    ids = []
    for value in raw:
        try:
            number = int(str(value))
        except ValueError as exc:
            raise NotFound("No notification with this id.", field="ids") from exc
        if not 1 <= number <= MAX_ID:  # no such row, and past what the id column holds
            raise NotFound("No notification with this id.", field="ids")
        ids.append(number)
    return sorted(set(ids))


async def mark_read(member_id: uuid.UUID | str, *, ids: Sequence[str] | None, all: bool) -> int:
    """Mark the member's notifications read: the listed ones, or all. Returns how many were
    unread. An id that is not one of theirs is NOT_FOUND, and nothing is marked."""
    if all == (ids is not None):
        raise InvalidInput("Give either ids or all: true.", field="ids")
    now = clock.now()
    async with db.transaction():
        query = Notification.filter(member_id=member_id)
        if ids is not None:
            wanted = _ids(ids)
            if not wanted:
                return 0
            owned = await query.filter(id__in=wanted).values_list("id", flat=True)
            if len(owned) != len(wanted):
                raise NotFound("No notification with this id.", field="ids")
            query = query.filter(id__in=wanted)
        return await query.filter(read_at=None).update(read_at=now)


async def muted_kinds(member_id: uuid.UUID | str) -> list[NotificationKind]:
    rows = await NotificationMute.filter(member_id=member_id).order_by("kind").values_list("kind", flat=True)
    return [NotificationKind(k) for k in rows]


async def set_muted_kinds(member_id: uuid.UUID | str, kinds: Sequence[NotificationKind | str]) -> list[NotificationKind]:
    """Replace the kinds the member muted. Refuses the kinds that cannot be muted."""
    wanted = sorted({NotificationKind(k) for k in kinds})
    refused = [k for k in wanted if k in UNMUTABLE]
    if refused:
        raise InvalidInput(f"{refused[0].value} cannot be muted: it asks you to act.", field="kinds")
    async with db.transaction():
        await NotificationMute.filter(member_id=member_id).exclude(kind__in=wanted).delete()
        held = set(await NotificationMute.filter(member_id=member_id).values_list("kind", flat=True))
        now = clock.now()
        await NotificationMute.bulk_create(
            [NotificationMute(member_id=member_id, kind=k, created_at=now) for k in wanted if k.value not in held]
        )
    return wanted


# --- retention ---------------------------------------------------------------------------


async def purge_read(now: datetime, retention_days: int) -> int:
    """Delete read notifications created more than `retention_days` ago; returns how many."""
    return await Notification.filter(
        read_at__isnull=False, created_at__lt=now - timedelta(days=retention_days)
    ).delete()


# --- demo data ---------------------------------------------------------------------------


async def seed_demo_notifications(member_id: uuid.UUID | str, program_name: str) -> None:
    """A welcome message (read) and a tip (unread) beside the notifications the demo's
    purchases wrote; does nothing when the member already has messages."""
    if await Notification.exists(member_id=member_id, kind=K.MESSAGE):
        return
    welcome = await notify(
        member_id, K.MESSAGE, f"Welcome to {program_name}",
        "Show your card at the till to earn points on every purchase.",
    )
    await Notification.filter(id=welcome).update(read_at=clock.now())
    await notify(
        member_id, K.MESSAGE, "Your rewards are waiting",
        "See what your points buy in Rewards: vouchers appear in your wallet.",
    )
