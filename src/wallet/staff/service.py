"""Staff accounts and stores."""
from __future__ import annotations

import asyncio
import uuid

from tortoise.exceptions import IntegrityError

from wallet import validation
from wallet.errors import Duplicate, InvalidInput, NotFound
from wallet.passwords import Passwords
from wallet.staff.models import Staff, StaffRole, Store


async def create_staff(
    passwords: Passwords, *, email: str, password: str, role: str, name: str = ""
) -> Staff:
    email = validation.email(email)
    password = validation.password(password)
    name = validation.text(name, "name", max_length=200, required=False)
    try:
        staff_role = StaffRole(role)
    except ValueError as exc:
        raise InvalidInput("role must be admin or cashier.", field="role") from exc
    if await Staff.exists(email=email):
        raise Duplicate("A staff account with this email already exists.", field="email")
    password_hash = await asyncio.to_thread(passwords.hash, password)
    try:
        return await Staff.create(
            id=uuid.uuid4(), email=email, name=name, password_hash=password_hash, role=staff_role
        )
    except IntegrityError as exc:
        raise Duplicate("A staff account with this email already exists.", field="email") from exc


async def create_store(*, name: str) -> Store:
    return await Store.create(id=uuid.uuid4(), name=validation.text(name, "name", max_length=200))


async def get_active_store(store_id: str) -> Store:
    try:
        key = uuid.UUID(str(store_id))
    except ValueError as exc:
        raise NotFound("No store with this id.", field="storeId") from exc
    store = await Store.get_or_none(id=key, is_active=True)
    if store is None:
        raise NotFound("No store with this id.", field="storeId")
    return store
