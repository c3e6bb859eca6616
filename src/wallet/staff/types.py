"""The GraphQL face of staff accounts and stores."""
from __future__ import annotations

import strawberry

from wallet.staff import models

StaffRole = strawberry.enum(models.StaffRole, description="What a staff account may do.")


@strawberry.type(name="Staff", description="A person acting for the business.")
class Staff:
    id: strawberry.ID = strawberry.field(description="The staff account's id.")
    email: str = strawberry.field(description="Their email.")
    name: str = strawberry.field(description="Their name.")
    role: StaffRole = strawberry.field(description="admin or cashier.")

    @classmethod
    def from_model(cls, staff: models.Staff) -> "Staff":
        return cls(
            id=strawberry.ID(str(staff.id)),
            email=staff.email,
            name=staff.name,
            role=StaffRole(staff.role),
        )


@strawberry.type(name="Store", description="A place where staff act.")
class Store:
    id: strawberry.ID = strawberry.field(description="The store's id, sent with staff actions.")
    name: str = strawberry.field(description="The store's name.")

    @classmethod
    def from_model(cls, store: models.Store) -> "Store":
        return cls(id=strawberry.ID(str(store.id)), name=store.name)
