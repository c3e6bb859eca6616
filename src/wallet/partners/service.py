"""Partners of the coalition: their stores, API keys, and what they settle with the program.

Rules written down here (and in the README):

- A partner has a name, an earn rate (points per unit of currency spent at its stores) and
  a point value (what it pays per point issued at its stores and is paid per point redeemed
  on its rewards). Admins register and change them; every change is audited.
- A store may belong to a partner (`store.partner_id`). A sale there earns base points at the
  partner's earn rate instead of the program's; the member's tier and plan multipliers
  apply on top as everywhere (their bonus is the program's: status is honoured across the
  coalition), and the program's earning rules (its own promotions: happy hours, baskets,
  categories, surprises) do not apply at partner stores.
- Settlement. The partner funds the *base* points of its sales: each sale writes an
  `issue` entry of its base points, each refund a `reverse` entry of the base points it
  took back. The program pays the partner for points spent on the partner's rewards: each
  redemption writes a `redeem` entry, each cancelled redemption a `cancel` entry. Every
  entry is valued when it happens: points × the partner's point value then, rounded half up
  to the cent, and never changes (a later change of the point value applies to later
  movements only); a `reverse` or `cancel` entry is valued at the point value of the
  `issue` or `redeem` it undoes. Entries are append-only. Offers and referral bonuses
  count at partners' stores as anywhere; they are the program's, not settled.
- A statement over [from, to) adds the entries in SQL, per UTC day: points issued (issue
  less reverse) and their value, which the partner owes; points redeemed (redeem less
  cancel) and their value, which the program owes; the net (partner owes − program owes):
  positive, the partner pays the program; negative, the program pays the partner.
- API keys: `wk_<prefix>_<secret>`, the secret 256 random bits. Only SHA-256 of the whole
  key is stored (a slow hash buys nothing against a 256-bit secret); the prefix finds the
  row and the hash is compared in constant time. The key is shown once, at creation.
  Revoking takes effect at the next request. A key of a deactivated partner is refused.
  `last_used_at` is written at most once a minute per key.
- Scopes: `purchases` (recordPurchase at the partner's own stores), `events` (recordEvent),
  `statements` (partnerStatement of the key's own partner). Internal keys (no partner) may
  hold `events` only.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

from tortoise.exceptions import IntegrityError

from wallet import clock, db, validation
from wallet.actors import Actor, ActorKind, Role
from wallet.audit import service as audit
from wallet.db import transaction
from wallet.errors import Duplicate, InvalidInput, NotFound, Unauthenticated
from wallet.partners.models import ApiKey, Partner, SettlementEntry, SettlementKind
from wallet.staff.models import Store

KEY_PREFIX = "wk_"
SCOPES = ("purchases", "events", "statements")
INTERNAL_SCOPES = ("events",)
MAX_RATE = Decimal(1000)
MAX_STATEMENT_DAYS = 400
LAST_USED_EVERY = timedelta(minutes=1)
_CENT = Decimal("0.01")


def _uuid(raw: Any, field: str, thing: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc


def _rate(raw: Any, field: str) -> Decimal:
    value = validation.decimal(raw, field)
    if value <= 0 or value > MAX_RATE:
        raise InvalidInput(f"{field} must be above 0 and at most {MAX_RATE}.", field=field)
    if value != value.quantize(Decimal("0.0001")):
        raise InvalidInput(f"{field} has at most 4 decimal places.", field=field)
    return value.quantize(Decimal("0.0001"))


def _snapshot(partner: Partner) -> dict[str, Any]:
    return {
        "name": partner.name,
        "earnRate": str(Decimal(partner.earn_rate).quantize(Decimal("0.0001"))),
        "pointValue": str(Decimal(partner.point_value).quantize(Decimal("0.0001"))),
        "isActive": partner.is_active,
    }


# --- partners -----------------------------------------------------------------------------


async def create_partner(actor: Actor, *, name: str, earn_rate: Any, point_value: Any) -> Partner:
    name = validation.text(name, "name", max_length=200)
    values = {"earn_rate": _rate(earn_rate, "earnRate"), "point_value": _rate(point_value, "pointValue")}
    try:
        async with transaction():
            partner = await Partner.create(id=uuid.uuid4(), name=name, **values)
            await audit.record(actor, "partner.create", target_type="partner", target_id=str(partner.id), after=_snapshot(partner))
    except IntegrityError as exc:
        raise Duplicate("A partner with this name already exists.", field="name") from exc
    return partner


async def update_partner(
    actor: Actor,
    partner_id: str,
    *,
    name: str | None = None,
    earn_rate: Any = None,
    point_value: Any = None,
    is_active: bool | None = None,
) -> Partner:
    """Change a partner (admin); audited. Deactivating refuses its keys and its stores' sales."""
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = validation.text(name, "name", max_length=200)
    if earn_rate is not None:
        changes["earn_rate"] = _rate(earn_rate, "earnRate")
    if point_value is not None:
        changes["point_value"] = _rate(point_value, "pointValue")
    if is_active is not None:
        changes["is_active"] = is_active
    try:
        async with transaction():
            partner = await Partner.select_for_update().get_or_none(id=_uuid(partner_id, "partnerId", "partner"))
            if partner is None:
                raise NotFound("No partner with this id.", field="partnerId")
            before = _snapshot(partner)
            for field, value in changes.items():
                setattr(partner, field, value)
            if _snapshot(partner) == before:
                return partner
            await partner.save(update_fields=list(changes))
            await audit.record(
                actor, "partner.update", target_type="partner", target_id=str(partner.id),
                before=before, after=_snapshot(partner),
            )
    except IntegrityError as exc:
        raise Duplicate("A partner with this name already exists.", field="name") from exc
    return partner


async def get_partner(partner_id: str) -> Partner:
    partner = await Partner.get_or_none(id=_uuid(partner_id, "partnerId", "partner"))
    if partner is None:
        raise NotFound("No partner with this id.", field="partnerId")
    return partner


async def list_partners() -> list[Partner]:
    return await Partner.all().order_by("name")


async def set_store_partner(actor: Actor, store_id: str, partner_id: str | None) -> Store:
    """Give a store to a partner, or back to the program (None); audited. Past sales keep
    the partner they were made for."""
    async with transaction():
        store = await Store.select_for_update().get_or_none(id=_uuid(store_id, "storeId", "store"))
        if store is None:
            raise NotFound("No store with this id.", field="storeId")
        partner = await get_partner(partner_id) if partner_id is not None else None
        before = {"partnerId": str(store.partner_id) if store.partner_id else None}
        after = {"partnerId": str(partner.id) if partner else None}
        if before == after:
            return store
        store.partner_id = partner.id if partner else None  # type: ignore[assignment]
        await store.save(update_fields=["partner_id"])
        await audit.record(
            actor, "partner.store", target_type="store", target_id=str(store.id),
            before=before, after=after, store_id=store.id,
        )
    return store


async def partner_of_store(store: Store) -> Partner | None:
    """The active partner owning `store`, None for the program's stores (read nothing then)."""
    if store.partner_id is None:
        return None
    partner = await Partner.get_or_none(id=store.partner_id)
    if partner is None or not partner.is_active:
        raise NotFound("This store's partner is not active.", field="storeId")
    return partner


# --- API keys -----------------------------------------------------------------------------


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A new key and its visible prefix."""
    prefix = secrets.token_hex(4)  # 8 hex characters: shown in lists, finds the row
    return f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}", prefix


def _scopes(raw: Iterable[str], internal: bool) -> list[str]:
    scopes = sorted({str(s).strip() for s in raw})
    allowed = INTERNAL_SCOPES if internal else SCOPES
    unknown = [s for s in scopes if s not in allowed]
    if unknown or not scopes:
        raise InvalidInput(
            f"scopes must be one or more of {', '.join(allowed)}"
            + (" (keys without a partner)." if internal else "."),
            field="scopes",
        )
    return scopes


def _key_snapshot(key: ApiKey) -> dict[str, Any]:
    return {
        "prefix": key.prefix,
        "name": key.name,
        "partnerId": str(key.partner_id) if key.partner_id else None,
        "scopes": list(key.scopes),
        "revoked": key.revoked_at is not None,
    }


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    secret: str  # the whole key: shown once, never stored


async def create_api_key(actor: Actor, *, partner_id: str | None, name: str, scopes: Iterable[str]) -> CreatedKey:
    """A new key for a partner (or, without one, for a trusted internal system); audited."""
    name = validation.text(name, "name", max_length=200)
    scope_list = _scopes(list(scopes)[:20], internal=partner_id is None)
    async with transaction():
        partner = await get_partner(partner_id) if partner_id is not None else None
        secret, prefix = new_key()
        key = await ApiKey.create(
            id=uuid.uuid4(), prefix=prefix, secret_hash=hash_key(secret), name=name,
            partner_id=partner.id if partner else None, scopes=scope_list, created_at=clock.now(),
        )
        await audit.record(
            actor, "api_key.create", target_type="api_key", target_id=str(key.id), after=_key_snapshot(key)
        )
    return CreatedKey(key, secret)


async def revoke_api_key(actor: Actor, key_id: str) -> ApiKey:
    """Revoke a key (admin): refused from its next request on; audited once."""
    async with transaction():
        key = await ApiKey.select_for_update().get_or_none(id=_uuid(key_id, "keyId", "API key"))
        if key is None:
            raise NotFound("No API key with this id.", field="keyId")
        if key.revoked_at is not None:
            return key
        before = _key_snapshot(key)
        key.revoked_at = clock.now()
        await key.save(update_fields=["revoked_at"])
        await audit.record(
            actor, "api_key.revoke", target_type="api_key", target_id=str(key.id),
            before=before, after=_key_snapshot(key),
        )
    return key


async def list_api_keys(partner_id: str | None) -> list[ApiKey]:
    query = ApiKey.all()
    if partner_id is not None:
        query = query.filter(partner_id=_uuid(partner_id, "partnerId", "partner"))
    return await query.order_by("-created_at", "id")


def looks_like_key(token: str) -> bool:
    return token.startswith(KEY_PREFIX)


async def authenticate(token: str) -> Actor:
    """The actor an API key speaks for; `Unauthenticated` for anything else, revoked keys
    and keys of inactive partners included (one message: nothing tells which)."""
    refused = Unauthenticated("The API key is not valid.")
    prefix, _, secret = token[len(KEY_PREFIX):].partition("_")
    if not prefix or not secret or len(prefix) > 16:
        raise refused
    rows = await db.fetch_rows(
        """SELECT k.id AS id, k.secret_hash AS secret_hash, k.partner_id AS partner_id, k.scopes AS scopes,
                  k.revoked_at AS revoked_at, k.last_used_at AS last_used_at, p.is_active AS partner_active
           FROM api_key k LEFT JOIN partner p ON p.id = k.partner_id WHERE k.prefix = $1""",
        prefix,
    )
    # Compared even when no row matched, so timing does not tell a known prefix.
    stored = rows[0]["secret_hash"] if rows else "0" * 64
    if not hmac.compare_digest(hash_key(token), stored) or not rows:
        raise refused
    row = rows[0]
    if row["revoked_at"] is not None:
        raise refused
    if row["partner_id"] is not None and not row["partner_active"]:
        raise refused
    now = clock.now()
    last_used = row["last_used_at"]
    if isinstance(last_used, str):
        last_used = datetime.fromisoformat(last_used)
    if last_used is None or last_used.astimezone(UTC) < now - LAST_USED_EVERY:
        await db.fetch_rows("UPDATE api_key SET last_used_at = $1 WHERE id = $2 RETURNING id", now, row["id"])
    scopes = row["scopes"]
    if isinstance(scopes, str):
        import json

        scopes = json.loads(scopes)
    partner_id = row["partner_id"]
    return Actor(
        ActorKind.API_KEY,
        str(row["id"]),
        Role.PARTNER if partner_id is not None else Role.INTEGRATION,
        partner_id=str(partner_id) if partner_id is not None else None,
        scopes=frozenset(scopes),
    )


# --- settlement ---------------------------------------------------------------------------


def value_of(points: int, point_value: Decimal) -> Decimal:
    return (Decimal(points) * Decimal(point_value)).quantize(_CENT, rounding=ROUND_HALF_UP)


async def settle(
    partner: Partner | uuid.UUID | str,
    kind: SettlementKind,
    points: int,
    *,
    purchase_id: uuid.UUID | None = None,
    voucher_id: uuid.UUID | None = None,
    point_value: Decimal | None = None,
) -> None:
    """Write one settlement entry inside the caller's transaction (nothing for 0 points).
    A partner given by id is read for its point value, unless `point_value` is given."""
    if points <= 0:
        return
    if not isinstance(partner, Partner):
        if point_value is None:
            partner = await Partner.get(id=partner)
        else:
            partner_id = uuid.UUID(str(partner))
    if isinstance(partner, Partner):
        partner_id, point_value = partner.id, Decimal(partner.point_value)
    assert point_value is not None
    await SettlementEntry.create(
        partner_id=partner_id, kind=kind, points=points, point_value=point_value,
        amount=value_of(points, point_value), purchase_id=purchase_id, voucher_id=voucher_id,
        created_at=clock.now(),
    )


async def settled_point_value(
    kind: SettlementKind, *, purchase_id: uuid.UUID | None = None, voucher_id: uuid.UUID | None = None
) -> Decimal | None:
    """The point value a sale (or redemption) was settled at: its refunds (or cancellation)
    are valued the same, whatever the partner's point value is now."""
    found = SettlementEntry.filter(kind=kind)
    found = found.filter(purchase_id=purchase_id) if purchase_id else found.filter(voucher_id=voucher_id)
    entry = await found.first()
    return Decimal(entry.point_value) if entry else None


@dataclass(frozen=True)
class StatementLine:
    day: str  # YYYY-MM-DD, UTC
    points_issued: int
    issued_value: Decimal
    points_redeemed: int
    redeemed_value: Decimal

    @property
    def net(self) -> Decimal:
        return self.issued_value - self.redeemed_value


@dataclass(frozen=True)
class Statement:
    partner: Partner
    since: datetime
    until: datetime
    currency: str
    lines: list[StatementLine]

    @property
    def points_issued(self) -> int:
        return sum(line.points_issued for line in self.lines)

    @property
    def issued_value(self) -> Decimal:
        return sum((line.issued_value for line in self.lines), Decimal("0.00"))

    @property
    def points_redeemed(self) -> int:
        return sum(line.points_redeemed for line in self.lines)

    @property
    def redeemed_value(self) -> Decimal:
        return sum((line.redeemed_value for line in self.lines), Decimal("0.00"))

    @property
    def net(self) -> Decimal:
        """Positive: the partner owes the program; negative: the program owes the partner."""
        return self.issued_value - self.redeemed_value


def _day_sql(column: str) -> str:
    if db.dialect() == "sqlite":
        return f"substr({column}, 1, 10)"
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"


# Signed sums of a settlement entry, in points and whole cents (SQLite keeps decimals as
# text and would sum them as floats).
SIGNED_SQL = """
    SUM(CASE kind WHEN 'issue' THEN points WHEN 'reverse' THEN -points ELSE 0 END) AS points_issued,
    SUM(CASE kind WHEN 'issue' THEN {cents} WHEN 'reverse' THEN -{cents} ELSE 0 END) AS issued_cents,
    SUM(CASE kind WHEN 'redeem' THEN points WHEN 'cancel' THEN -points ELSE 0 END) AS points_redeemed,
    SUM(CASE kind WHEN 'redeem' THEN {cents} WHEN 'cancel' THEN -{cents} ELSE 0 END) AS redeemed_cents
""".format(cents="CAST(ROUND(amount * 100) AS BIGINT)")


def money(cents: Any) -> Decimal:
    return (Decimal(int(cents or 0)) / 100).quantize(_CENT)


def window(since: datetime, until: datetime) -> tuple[datetime, datetime]:
    since = validation.aware(since, "from").astimezone(UTC)
    until = validation.aware(until, "to").astimezone(UTC)
    if since >= until:
        raise InvalidInput("from must be before to.", field="from")
    if until - since > timedelta(days=MAX_STATEMENT_DAYS):
        raise InvalidInput(f"A statement spans at most {MAX_STATEMENT_DAYS} days.", field="to")
    return since, until


async def statement(partner_id: str, since: datetime, until: datetime) -> Statement:
    """The partner's settlement over [since, until), one line per UTC day with movements."""
    from wallet.program.service import get_program

    since, until = window(since, until)
    partner = await get_partner(partner_id)
    day = _day_sql("created_at")
    rows = await db.fetch_rows(
        f"""SELECT {day} AS day, {SIGNED_SQL} FROM partner_settlement
            WHERE partner_id = $1 AND created_at >= $2 AND created_at < $3
            GROUP BY {day} ORDER BY {day}""",
        partner.id, since, until,
    )
    lines = [
        StatementLine(
            str(row["day"])[:10], int(row["points_issued"] or 0), money(row["issued_cents"]),
            int(row["points_redeemed"] or 0), money(row["redeemed_cents"]),
        )
        for row in rows
    ]
    program = await get_program()
    return Statement(partner, since, until, program.currency, lines)
