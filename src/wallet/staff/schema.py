"""Staff accounts and stores: queries and mutations (admin, except `currentStaff`/`stores`)."""
from __future__ import annotations

from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.errors import DomainError
from wallet.graphql.errors import DuplicateError, InvalidInputError, NotFoundError, error_type
from wallet.graphql.types import Info
from wallet.staff import service
from wallet.staff.models import Staff as StaffModel
from wallet.staff.models import Store as StoreModel
from wallet.staff.types import Staff, StaffRole, Store


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


@strawberry.input(description="Changes to a store; omitted fields stay as they are.")
class UpdateStoreInput:
    store_id: strawberry.ID = strawberry.field(description="The store.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    is_active: bool | None = strawberry.field(
        default=None, description="False closes the store: no one can act there."
    )


@strawberry.type(description="The store as it is now.")
class UpdateStoreSuccess:
    store: Store = strawberry.field(description="The store.")


UpdateStoreResult = Annotated[
    UpdateStoreSuccess | InvalidInputError | NotFoundError,
    strawberry.union("UpdateStoreResult", description="The result of `updateStore`."),
]


@strawberry.input(description="A new staff account.")
class CreateStaffInput:
    email: str = strawberry.field(description="Their email; they log in with it.")
    password: str = strawberry.field(description="Their first password, at least 10 characters.")
    name: str = strawberry.field(default="", description="Their name.")
    role: StaffRole = strawberry.field(description="admin or cashier.")
    store_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="For a cashier: the stores they may act at (at most 500)."
    )


@strawberry.type(description="The staff account was created.")
class CreateStaffSuccess:
    staff: Staff = strawberry.field(description="The new account.")


CreateStaffResult = Annotated[
    CreateStaffSuccess | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union("CreateStaffResult", description="The result of `createStaff`."),
]


@strawberry.input(description="Changes to a staff account; omitted fields stay as they are.")
class UpdateStaffInput:
    staff_id: strawberry.ID = strawberry.field(description="The staff account.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    phone: str | None = strawberry.field(
        default=None, description="A new phone number, shown to the members they look after (empty removes it)."
    )
    role: StaffRole | None = strawberry.field(
        default=None, description="A new role; their current tokens stop working."
    )
    is_active: bool | None = strawberry.field(
        default=None, description="False deactivates the account: its tokens stop working at once."
    )
    store_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The stores they may act at, replacing the current ones (at most 500)."
    )


@strawberry.type(description="The staff account as it is now.")
class UpdateStaffSuccess:
    staff: Staff = strawberry.field(description="The account.")


UpdateStaffResult = Annotated[
    UpdateStaffSuccess | InvalidInputError | NotFoundError,
    strawberry.union("UpdateStaffResult", description="The result of `updateStaff`."),
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

    @strawberry.field(description="Every staff account, active or not, by email (admin only).")
    async def staff_accounts(self, info: Info) -> list[Staff]:
        await info.context.staff(Role.ADMIN)
        return [Staff.from_model(s) for s in await StaffModel.all().order_by("email")]


@strawberry.type
class StaffMutations:
    @strawberry.mutation(description="Create a store (admin only).")
    async def create_store(self, info: Info, input: CreateStoreInput) -> CreateStoreResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            store = await service.create_store(name=input.name, actor=actor)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateStoreSuccess(store=Store.from_model(store))

    @strawberry.mutation(description="Rename, close or reopen a store (admin only).")
    async def update_store(self, info: Info, input: UpdateStoreInput) -> UpdateStoreResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            store = await service.update_store(
                actor, str(input.store_id), name=input.name, is_active=input.is_active
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateStoreSuccess(store=Store.from_model(store))

    @strawberry.mutation(description="Create a staff account (admin only).")
    async def create_staff(self, info: Info, input: CreateStaffInput) -> CreateStaffResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            staff = await service.create_staff(
                info.context.passwords,
                email=input.email,
                password=input.password,
                name=input.name,
                role=input.role.value,
                store_ids=[str(s) for s in input.store_ids],
                actor=actor,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateStaffSuccess(staff=Staff.from_model(staff))

    @strawberry.mutation(
        description="Change a staff account: name, role, stores, or deactivate it (admin only)."
    )
    async def update_staff(self, info: Info, input: UpdateStaffInput) -> UpdateStaffResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            staff = await service.update_staff(
                actor,
                str(input.staff_id),
                name=input.name,
                phone=input.phone,
                role=input.role.value if input.role is not None else None,
                is_active=input.is_active,
                store_ids=[str(s) for s in input.store_ids] if input.store_ids is not None else None,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return UpdateStaffSuccess(staff=Staff.from_model(staff))
