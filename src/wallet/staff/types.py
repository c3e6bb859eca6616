"""The GraphQL face of staff accounts and stores."""
from __future__ import annotations

from datetime import datetime

import strawberry

from wallet.graphql.types import Info
from wallet.staff import models

StaffRole = strawberry.enum(models.StaffRole, description="What a staff account may do.")


@strawberry.type(name="Store", description="A place where staff act.")
class Store:
    id: strawberry.ID = strawberry.field(description="The store's id, sent with staff actions.")
    name: str = strawberry.field(description="The store's name.")
    is_active: bool = strawberry.field(description="False once closed: no one acts there.")

    @classmethod
    def from_model(cls, store: models.Store) -> "Store":
        return cls(id=strawberry.ID(str(store.id)), name=store.name, is_active=store.is_active)


@strawberry.type(name="Staff", description="A person acting for the business.")
class Staff:
    id: strawberry.ID = strawberry.field(description="The staff account's id.")
    email: str = strawberry.field(description="Their email.")
    name: str = strawberry.field(description="Their name.")
    phone: str = strawberry.field(description="Their phone number, for members they look after; empty when not given.")
    role: StaffRole = strawberry.field(description="admin or cashier.")
    is_active: bool = strawberry.field(description="False once deactivated: their tokens stop working.")
    created_at: datetime = strawberry.field(description="When the account was created (UTC).")

    @classmethod
    def from_model(cls, staff: models.Staff) -> "Staff":
        return cls(
            id=strawberry.ID(str(staff.id)),
            email=staff.email,
            name=staff.name,
            phone=staff.phone,
            role=StaffRole(staff.role),
            is_active=staff.is_active,
            created_at=staff.created_at,
        )

    @strawberry.field(description="The stores a cashier may act at (admins act at every store).")
    async def stores(self, info: Info) -> list[Store]:
        return [Store.from_model(s) for s in await info.context.loaders.stores_by_staff_id.load(str(self.id))]
