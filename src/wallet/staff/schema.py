"""Staff and stores: queries and mutations."""
from __future__ import annotations

from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import InvalidInputError, error_type
from wallet.graphql.types import Info
from wallet.staff import service
from wallet.staff.models import Store as StoreModel
from wallet.staff.types import Staff, Store


@strawberry.input(description="A new store.")
class CreateStoreInput:
    name: str = strawberry.field(description="The store's name.")


@strawberry.type(description="The store was created.")
class CreateStoreSuccess:
    store: Store = strawberry.field(description="The new store.")


CreateStoreResult = Annotated[
    CreateStoreSuccess | InvalidInputError,
    strawberry.union("CreateStoreResult", description="The result of `createStore`."),
]


@strawberry.type
class StaffQueries:
    @strawberry.field(description="The logged-in staff account.")
    async def current_staff(self, info: Info) -> Staff:
        actor = await info.context.staff()
        staff = await info.context.loaders.staff_by_id.load(actor.id or "")
        assert staff is not None
        return Staff.from_model(staff)

    @strawberry.field(description="The active stores (staff only).")
    async def stores(self, info: Info) -> list[Store]:
        await info.context.staff()
        return [Store.from_model(s) for s in await StoreModel.filter(is_active=True).order_by("name")]


@strawberry.type
class StaffMutations:
    @strawberry.mutation(description="Create a store (admin only).")
    async def create_store(self, info: Info, input: CreateStoreInput) -> CreateStoreResult:
        await info.context.staff(Role.ADMIN)
        try:
            store = await service.create_store(name=input.name)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateStoreSuccess(store=Store.from_model(store))
