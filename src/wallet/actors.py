"""Who acts: a member, a staff account or the system. Services take an `Actor`, not a request."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    SYSTEM = "system"


class Role(StrEnum):
    MEMBER = "member"
    CASHIER = "cashier"
    ADMIN = "admin"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: str | None
    role: Role | None = None

    @property
    def key(self) -> str:
        """A stable name for this actor, used to scope idempotency keys."""
        return f"{self.kind}:{self.id or '-'}"

    @classmethod
    def system(cls) -> "Actor":
        return cls(ActorKind.SYSTEM, None, None)
