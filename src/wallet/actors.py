"""Who acts: a member, a staff account, an API key or the system. Services take an `Actor`,
not a request."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    SYSTEM = "system"
    # A partner's systems, or a trusted internal one, with an API key (wallet.partners):
    # `id` is the key's id (audit records name it), `role` PARTNER or INTEGRATION.
    API_KEY = "api_key"


class Role(StrEnum):
    MEMBER = "member"
    CASHIER = "cashier"
    ADMIN = "admin"
    # API keys only (never a staff account's role): every permission check that names staff
    # roles refuses them; they pass only where a scope is asked for (Context.key_or_staff).
    PARTNER = "partner"
    INTEGRATION = "integration"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: str | None
    role: Role | None = None
    # API keys: the partner the key acts for (None for internal keys) and its scopes.
    partner_id: str | None = None
    scopes: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        """A stable name for this actor, used to scope idempotency keys."""
        return f"{self.kind}:{self.id or '-'}"

    @classmethod
    def system(cls) -> "Actor":
        return cls(ActorKind.SYSTEM, None, None)
