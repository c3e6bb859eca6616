"""The typed context of one GraphQL request: settings, the viewer and the DataLoaders."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import Response

from wallet.actors import Actor, ActorKind, Role
from wallet.audit.service import current_request_id
from wallet.auth import read_token
from wallet.config import Settings
from wallet.errors import DomainError, Forbidden, Unauthenticated
from wallet.graphql.dataloaders import Loaders
from wallet.members.models import Member
from wallet.partners import service as partners
from wallet.passwords import Passwords
from wallet.payments.gateway import Gateways
from wallet.scan.service import ScanPolicy
from wallet.staff.models import Staff


@dataclass
class Context:
    """One HTTP request's, or one WebSocket connection's (then `response` is None)."""

    request: HTTPConnection
    response: Response | None
    settings: Settings
    passwords: Passwords
    request_id: str = field(default_factory=lambda: current_request_id.get() or uuid.uuid4().hex)
    loaders: Loaders = field(default_factory=Loaders)
    # graphql-transport-ws: the payload of the connection's `connection_init`.
    connection_params: dict[str, Any] | None = None
    _actor: Actor | None = None
    _token_version: int = 0
    _token_error: DomainError | None = None
    _api_key: str | None = None  # an API key sent as the bearer token, checked on first use
    token_expires_at: datetime | None = None

    @classmethod
    def for_request(
        cls, request: HTTPConnection, response: Response | None, settings: Settings, passwords: Passwords
    ) -> "Context":
        context = cls(request=request, response=response, settings=settings, passwords=passwords)
        context.use_authorization(request.headers.get("authorization", ""))
        return context

    def use_authorization(self, header: str) -> None:
        """Authenticate with `header` ("Bearer <token>"); an empty one leaves things as they are."""
        scheme, _, token = header.partition(" ")
        if header and (scheme.lower() != "bearer" or not token.strip()):
            self._actor, self._token_error = None, Unauthenticated(
                "Send the token as 'Authorization: Bearer <token>'."
            )
        elif token and partners.looks_like_key(token.strip()):
            self._actor, self._token_error, self._api_key = None, None, token.strip()
        elif token:
            try:
                verified = read_token(self.settings, token.strip())
                self._actor, self._token_error = verified.actor, None
                self._token_version = verified.version
                self.token_expires_at = verified.expires_at
            except Unauthenticated as exc:
                self._actor, self._token_error = None, exc

    def fresh_loaders(self) -> None:
        """Forget what was read: a WebSocket connection reads afresh for each event."""
        self.loaders = Loaders()

    async def actor(self) -> Actor:
        """The authenticated, still active actor; raises `Unauthenticated` otherwise."""
        if self._token_error is not None:
            raise self._token_error
        if self._api_key is not None:
            if self._actor is None:
                try:
                    self._actor = await partners.authenticate(self._api_key)
                except Unauthenticated as exc:
                    self._token_error = exc
                    raise
            return self._actor
        if self._actor is None:
            raise Unauthenticated("Log in first: this needs an access token.")
        account = await self._account()
        if account is None or not account.is_active:
            # Deactivated accounts lose access at once, whatever their tokens say.
            raise Unauthenticated("This account is not active.")
        if self._actor.kind is ActorKind.STAFF:
            if Role(account.role.value) != self._actor.role:
                raise Unauthenticated("This token's role is out of date; log in again.")
            if account.token_version != self._token_version:
                raise Unauthenticated("This token was revoked; log in again.")
        return self._actor

    async def _account(self) -> Member | Staff | None:
        assert self._actor is not None and self._actor.id is not None
        if self._actor.kind is ActorKind.MEMBER:
            return await self.loaders.member_by_id.load(self._actor.id)
        return await self.loaders.staff_by_id.load(self._actor.id)

    async def member(self) -> Member:
        """The logged-in member (for `me`)."""
        actor = await self.actor()
        if actor.kind is not ActorKind.MEMBER:
            raise Forbidden("Only members have this.")
        member = await self.loaders.member_by_id.load(actor.id or "")
        assert member is not None
        return member

    @property
    def gateways(self) -> Gateways:
        """The app's payment gateways (built once, at start-up, from the settings)."""
        return self.request.app.state.gateways

    @property
    def client_address(self) -> str | None:
        """The client's host as the server saw it: the TCP peer, or the client a trusted
        proxy names (uvicorn's proxy headers, WALLET_FORWARDED_ALLOW_IPS)."""
        client = self.request.client
        return client.host if client is not None else None

    @property
    def scan_policy(self) -> ScanPolicy:
        return ScanPolicy.from_settings(self.settings)

    async def key_or_staff(self, scope: str, *roles: Role) -> Actor:
        """An API key holding `scope`, or a staff actor whose role is one of `roles`."""
        actor = await self.actor()
        if actor.kind is ActorKind.API_KEY:
            if scope not in actor.scopes:
                raise Forbidden(f"This API key lacks the '{scope}' scope.")
            return actor
        return await self.staff(*roles)

    async def staff(self, *roles: Role) -> Actor:
        """The logged-in staff actor, if their role is one of `roles`."""
        actor = await self.actor()
        if actor.kind is not ActorKind.STAFF or (roles and actor.role not in roles):
            raise Forbidden("Your role does not allow this.")
        return actor
