"""Staff accounts, stores and which cashier may act at which store.

Rules:
- Admins act at every active store; a cashier acts only at the stores they are assigned to.
- Deactivating a staff account, or changing its role, raises its token version: every
  token issued before is refused, and reactivating the account does not revive them.
- An admin cannot deactivate or demote their own account (no locking oneself out), and the
  last active admin cannot be deactivated or demoted.
- Every change is audited with before and after.
"""
from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable
from typing import Any

from tortoise.exceptions import IntegrityError

from wallet import db, validation
from wallet.audit import service as audit
from wallet.actors import Actor, ActorKind, Role
from wallet.db import transaction
from wallet.errors import Duplicate, Forbidden, InvalidInput, NotFound
from wallet.passwords import Passwords
from wallet.staff.models import Staff, StaffRole, StaffStore, Store

MAX_STORES_PER_STAFF = 500


def _role(role: str) -> StaffRole:
    try:
        return StaffRole(role)
    except ValueError as exc:
        raise InvalidInput("role must be admin or cashier.", field="role") from exc


def _uuid(raw: Any, field: str, thing: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise NotFound(f"No {thing} with this id.", field=field) from exc


def _staff_snapshot(staff: Staff, store_ids: Iterable[uuid.UUID | str] = ()) -> dict[str, Any]:
    return {
        "email": staff.email,
        "name": staff.name,
        **({"phone": staff.phone} if staff.phone else {}),
        "role": staff.role.value,
        "isActive": staff.is_active,
        "storeIds": sorted(str(s) for s in store_ids),
    }


def _store_id_list(store_ids: Iterable[str]) -> list[str]:
    """The ids as a list, refused when longer than any staff account may have: counted
    first, before any id is read, a password hashed or a row written."""
    listed = list(store_ids)
    if len(listed) > MAX_STORES_PER_STAFF:
        raise InvalidInput(f"At most {MAX_STORES_PER_STAFF} stores per staff account.", field="storeIds")
    return listed


async def _stores_by_ids(store_ids: Iterable[str]) -> list[Store]:
    keys = {_uuid(raw, "storeIds", "store") for raw in _store_id_list(store_ids)}
    stores = await Store.filter(id__in=list(keys), is_active=True)
    if len(stores) != len(keys):
        raise NotFound("No active store with one of these ids.", field="storeIds")
    return stores


async def create_staff(
    passwords: Passwords,
    *,
    email: str,
    password: str,
    role: str,
    name: str = "",
    store_ids: Iterable[str] = (),
    actor: Actor | None = None,
) -> Staff:
    """A new staff account (admin; also `wallet create-staff`, where `actor` is the system)."""
    store_ids = _store_id_list(store_ids)
    email = validation.email(email)
    password = validation.password(password)
    name = validation.text(name, "name", max_length=200, required=False)
    staff_role = _role(role)
    if await Staff.exists(email=email):
        raise Duplicate("A staff account with this email already exists.", field="email")
    password_hash = await asyncio.to_thread(passwords.hash, password)
    try:
        async with transaction():
            stores = await _stores_by_ids(store_ids)
            staff = await Staff.create(
                id=uuid.uuid4(), email=email, name=name, password_hash=password_hash, role=staff_role
            )
            await StaffStore.bulk_create([StaffStore(staff_id=staff.id, store_id=s.id) for s in stores])
            await audit.record(
                actor or Actor.system(),
                "staff.create",
                target_type="staff",
                target_id=str(staff.id),
                after=_staff_snapshot(staff, [s.id for s in stores]),
            )
    except IntegrityError as exc:
        raise Duplicate("A staff account with this email already exists.", field="email") from exc
    return staff


async def store_ids_of(staff_id: uuid.UUID | str) -> list[uuid.UUID]:
    return [row[0] for row in await StaffStore.filter(staff_id=staff_id).values_list("store_id")]


async def _locked_staff(staff_id: str) -> Staff:
    staff = await Staff.select_for_update().get_or_none(id=_uuid(staff_id, "staffId", "staff account"))
    if staff is None:
        raise NotFound("No staff account with this id.", field="staffId")
    return staff


async def _check_admins_left(staff: Staff, actor: Actor) -> None:
    """Refuse to take away the last admin, or the acting admin's own rights."""
    if str(staff.id) == actor.id:
        raise InvalidInput("You cannot deactivate or demote your own account.", field="staffId")
    if staff.role is StaffRole.ADMIN and staff.is_active:
        others = await Staff.filter(role=StaffRole.ADMIN, is_active=True).exclude(id=staff.id).count()
        if others == 0:
            raise InvalidInput("The last active admin cannot be deactivated or demoted.", field="staffId")


async def update_staff(
    actor: Actor,
    staff_id: str,
    *,
    name: str | None = None,
    role: str | None = None,
    is_active: bool | None = None,
    store_ids: Iterable[str] | None = None,
    phone: str | None = None,
) -> Staff:
    """Change a staff account's name, role, active flag or stores (admin); audited.

    `store_ids` replaces the account's assignments. A change that changes nothing writes
    nothing.
    """
    if store_ids is not None:
        store_ids = _store_id_list(store_ids)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = validation.text(name, "name", max_length=200, required=False)
    if phone is not None:
        changes["phone"] = validation.text(phone, "phone", max_length=40, required=False)
    if role is not None:
        changes["role"] = _role(role)
    if is_active is not None:
        changes["is_active"] = is_active
    async with transaction():
        if changes.get("is_active") is False or "role" in changes:
            # Lock the active admins first (in id order, like every such change), so two
            # admins demoting each other at once cannot both see the other still in place.
            await Staff.select_for_update().filter(role=StaffRole.ADMIN, is_active=True).order_by("id")
        staff = await _locked_staff(staff_id)
        current_stores = await store_ids_of(staff.id)
        before = _staff_snapshot(staff, current_stores)
        new_stores = current_stores
        if store_ids is not None:
            new_stores = [s.id for s in await _stores_by_ids(store_ids)]
        losing_rights = changes.get("is_active") is False or (
            "role" in changes and changes["role"] is not StaffRole.ADMIN
        )
        if losing_rights and (staff.is_active or staff.role is StaffRole.ADMIN):
            await _check_admins_left(staff, actor)
        revoke_tokens = (changes.get("is_active") is False and staff.is_active) or (
            "role" in changes and changes["role"] is not staff.role
        )
        for field, value in changes.items():
            setattr(staff, field, value)
        after = _staff_snapshot(staff, new_stores)
        if after == before:
            return staff
        if revoke_tokens:
            staff.token_version += 1
        await staff.save(update_fields=[*changes, "token_version"])
        if set(new_stores) != set(current_stores):
            await StaffStore.filter(staff_id=staff.id).exclude(store_id__in=new_stores).delete()
            missing = set(new_stores) - set(current_stores)
            await StaffStore.bulk_create([StaffStore(staff_id=staff.id, store_id=s) for s in missing])
        await audit.record(
            actor, "staff.update", target_type="staff", target_id=str(staff.id), before=before, after=after
        )
    return staff


# --- stores -----------------------------------------------------------------------------


def _store_snapshot(store: Store) -> dict[str, Any]:
    return {"name": store.name, "isActive": store.is_active}


async def create_store(*, name: str, actor: Actor | None = None) -> Store:
    name = validation.text(name, "name", max_length=200)
    async with transaction():
        store = await Store.create(id=uuid.uuid4(), name=name)
        await audit.record(
            actor or Actor.system(),
            "store.create",
            target_type="store",
            target_id=str(store.id),
            after=_store_snapshot(store),
            store_id=store.id,
        )
    return store


async def update_store(
    actor: Actor, store_id: str, *, name: str | None = None, is_active: bool | None = None
) -> Store:
    """Rename or (de)activate a store (admin); audited. No one acts at an inactive store."""
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = validation.text(name, "name", max_length=200)
    if is_active is not None:
        changes["is_active"] = is_active
    async with transaction():
        store = await Store.select_for_update().get_or_none(id=_uuid(store_id, "storeId", "store"))
        if store is None:
            raise NotFound("No store with this id.", field="storeId")
        before = _store_snapshot(store)
        for field, value in changes.items():
            setattr(store, field, value)
        if _store_snapshot(store) == before:
            return store
        await store.save(update_fields=list(changes))
        await audit.record(
            actor,
            "store.update",
            target_type="store",
            target_id=str(store.id),
            before=before,
            after=_store_snapshot(store),
            store_id=store.id,
        )
    return store


async def get_active_store(store_id: str) -> Store:
    store = await Store.get_or_none(id=_uuid(store_id, "storeId", "store"), is_active=True)
    if store is None:
        raise NotFound("No store with this id.", field="storeId")
    return store


async def check_store_access(actor: Actor, store_id: uuid.UUID | str) -> None:
    """Admins act at any store; a cashier only at the stores assigned to them."""
    if actor.role is Role.ADMIN:
        return
    if actor.role is Role.CASHIER and await StaffStore.exists(staff_id=actor.id, store_id=store_id):
        return
    raise Forbidden("You are not assigned to this store.", field="storeId")


async def store_for(actor: Actor, store_id: str) -> Store:
    """The active store `store_id`, if `actor` may act there."""
    if actor.role is Role.CASHIER:
        # Every till operation asks: the store and the cashier's assignment in one statement;
        # only a refusal takes the two look-ups that tell which error it is.
        assigned = await db.fetch(
            Store,
            f"""SELECT {db.columns(Store, "s")} FROM store s
                JOIN staff_store a ON a.store_id = s.id AND a.staff_id = $2
                WHERE s.id = $1 AND s.is_active""",
            _uuid(store_id, "storeId", "store"), uuid.UUID(str(actor.id)),
        )
        if assigned:
            return assigned[0]
    store = await get_active_store(store_id)
    if actor.kind is ActorKind.API_KEY:
        # A partner's key acts only at its partner's own stores (wallet.partners).
        if actor.partner_id is None or str(store.partner_id) != actor.partner_id:
            raise Forbidden("This API key may not act at this store.", field="storeId")
        return store
    await check_store_access(actor, store.id)
    return store
