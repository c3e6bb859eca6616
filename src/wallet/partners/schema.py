"""Partners, their stores and API keys, and their settlement statements: thin, the rules
are in the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import ActorKind, Role
from wallet.errors import DomainError, Forbidden
from wallet.graphql.errors import DuplicateError, InvalidInputError, NotFoundError, error_type
from wallet.graphql.types import Info
from wallet.partners import service
from wallet.partners.models import ApiKey as ApiKeyModel
from wallet.partners.models import Partner as PartnerModel


@strawberry.type(description="Another business of the coalition where members earn and redeem points.")
class Partner:
    id: strawberry.ID = strawberry.field(description="The partner's id.")
    name: str = strawberry.field(description="Its name.")
    earn_rate: Decimal = strawberry.field(description="Points per unit of currency spent at its stores.")
    point_value: Decimal = strawberry.field(
        description="What it pays per point issued at its stores, and is paid per point redeemed on its rewards."
    )
    is_active: bool = strawberry.field(description="False: its keys are refused and its stores take no sales.")
    created_at: datetime = strawberry.field(description="When it was registered (UTC).")

    @classmethod
    def from_model(cls, partner: PartnerModel) -> "Partner":
        return cls(
            id=strawberry.ID(str(partner.id)),
            name=partner.name,
            earn_rate=Decimal(partner.earn_rate),
            point_value=Decimal(partner.point_value),
            is_active=partner.is_active,
            created_at=partner.created_at,
        )


@strawberry.type(description="An API key, as listed: never its secret.")
class ApiKey:
    id: strawberry.ID = strawberry.field(description="The key's id (audit records name it).")
    prefix: str = strawberry.field(description="The visible part of the key, after `wk_`.")
    name: str = strawberry.field(description="What the key is for.")
    partner_id: strawberry.ID | None = strawberry.field(description="The partner it acts for; null for an internal system.")
    scopes: list[str] = strawberry.field(description="What it may do: purchases, events, statements.")
    created_at: datetime = strawberry.field(description="When it was created (UTC).")
    last_used_at: datetime | None = strawberry.field(description="When it was last used (UTC, to the minute).")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked (UTC); null while valid.")

    @classmethod
    def from_model(cls, key: ApiKeyModel) -> "ApiKey":
        return cls(
            id=strawberry.ID(str(key.id)),
            prefix=key.prefix,
            name=key.name,
            partner_id=strawberry.ID(str(key.partner_id)) if key.partner_id else None,
            scopes=list(key.scopes),
            created_at=key.created_at,
            last_used_at=key.last_used_at,
            revoked_at=key.revoked_at,
        )


@strawberry.type(description="One UTC day of a partner's statement.")
class PartnerStatementLine:
    day: str = strawberry.field(description="The UTC day, YYYY-MM-DD.")
    points_issued: int = strawberry.field(description="Base points issued at the partner's stores, less refunds.")
    issued_value: Decimal = strawberry.field(description="Their value: what the partner owes.")
    points_redeemed: int = strawberry.field(description="Points spent on the partner's rewards, less cancellations.")
    redeemed_value: Decimal = strawberry.field(description="Their value: what the program owes.")
    net: Decimal = strawberry.field(description="issuedValue − redeemedValue.")


@strawberry.type(description="What a partner and the program owe each other over [from, to).")
class PartnerStatement:
    partner: Partner = strawberry.field(description="The partner.")
    from_: datetime = strawberry.field(name="from", description="The window's start (UTC), included.")
    to: datetime = strawberry.field(description="The window's end (UTC), excluded.")
    currency: str = strawberry.field(description="The currency of the amounts.")
    points_issued: int = strawberry.field(description="Base points issued at the partner's stores, less refunds.")
    issued_value: Decimal = strawberry.field(description="Their value at the point value of each movement.")
    points_redeemed: int = strawberry.field(description="Points spent on the partner's rewards, less cancellations.")
    redeemed_value: Decimal = strawberry.field(description="Their value at the point value of each movement.")
    net: Decimal = strawberry.field(
        description="issuedValue − redeemedValue: positive, the partner pays the program; negative, the program pays."
    )
    partner_owes: Decimal = strawberry.field(description="What the partner pays the program (net if positive, else 0).")
    program_owes: Decimal = strawberry.field(description="What the program pays the partner (−net if negative, else 0).")
    lines: list[PartnerStatementLine] = strawberry.field(description="One line per UTC day with movements.")

    @classmethod
    def from_service(cls, s: service.Statement) -> "PartnerStatement":
        zero = Decimal("0.00")
        return cls(
            partner=Partner.from_model(s.partner),
            from_=s.since,
            to=s.until,
            currency=s.currency,
            points_issued=s.points_issued,
            issued_value=s.issued_value,
            points_redeemed=s.points_redeemed,
            redeemed_value=s.redeemed_value,
            net=s.net,
            partner_owes=max(s.net, zero),
            program_owes=max(-s.net, zero),
            lines=[
                PartnerStatementLine(
                    day=line.day, points_issued=line.points_issued, issued_value=line.issued_value,
                    points_redeemed=line.points_redeemed, redeemed_value=line.redeemed_value, net=line.net,
                )
                for line in s.lines
            ],
        )


@strawberry.input(description="A new partner.")
class CreatePartnerInput:
    name: str = strawberry.field(description="Its name, unique.")
    earn_rate: Decimal = strawberry.field(description="Points per unit of currency spent at its stores (above 0, at most 1000).")
    point_value: Decimal = strawberry.field(description="What it pays per point issued / is paid per point redeemed.")


@strawberry.input(description="Changes to a partner: omitted fields stay as they are.")
class UpdatePartnerInput:
    id: strawberry.ID = strawberry.field(description="The partner.")
    name: str | None = strawberry.field(default=None, description="Its name.")
    earn_rate: Decimal | None = strawberry.field(default=None, description="Points per unit of currency.")
    point_value: Decimal | None = strawberry.field(default=None, description="For movements from now on.")
    is_active: bool | None = strawberry.field(default=None, description="False refuses its keys and its stores' sales.")


@strawberry.type(description="The partner as it now stands.")
class PartnerSuccess:
    partner: Partner = strawberry.field(description="The partner.")


PartnerResult = Annotated[
    PartnerSuccess | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union("PartnerResult", description="The result of changing a partner."),
]


@strawberry.type(description="The store's owner changed.")
class SetStorePartnerSuccess:
    store_id: strawberry.ID = strawberry.field(description="The store.")
    partner_id: strawberry.ID | None = strawberry.field(description="Its partner now; null for the program's own.")


SetStorePartnerResult = Annotated[
    SetStorePartnerSuccess | NotFoundError,
    strawberry.union("SetStorePartnerResult", description="The result of `setStorePartner`."),
]


@strawberry.input(description="A new API key.")
class CreateApiKeyInput:
    partner_id: strawberry.ID | None = strawberry.field(
        default=None, description="The partner it acts for; null for a trusted internal system (events only)."
    )
    name: str = strawberry.field(description="What the key is for.")
    scopes: list[str] = strawberry.field(description="purchases, events, statements.")


@strawberry.type(description="The key was created: its secret is shown here once and never again.")
class CreateApiKeySuccess:
    key: ApiKey = strawberry.field(description="The key as listed.")
    secret: str = strawberry.field(description="The whole key, to send as `Authorization: Bearer <key>`.")


CreateApiKeyResult = Annotated[
    CreateApiKeySuccess | InvalidInputError | NotFoundError,
    strawberry.union("CreateApiKeyResult", description="The result of `createApiKey`."),
]


@strawberry.type(description="The key is revoked: refused from now on.")
class RevokeApiKeySuccess:
    key: ApiKey = strawberry.field(description="The key, with when it was revoked.")


RevokeApiKeyResult = Annotated[
    RevokeApiKeySuccess | NotFoundError,
    strawberry.union("RevokeApiKeyResult", description="The result of `revokeApiKey`."),
]


From = Annotated[datetime, strawberry.argument(name="from", description="The window's start, included.")]
To = Annotated[datetime, strawberry.argument(description="The window's end, excluded (at most 400 days on).")]


@strawberry.type
class PartnerQueries:
    @strawberry.field(description="Every partner, by name (admin only).")
    async def partners(self, info: Info) -> list[Partner]:
        await info.context.staff(Role.ADMIN)
        return [Partner.from_model(p) for p in await service.list_partners()]

    @strawberry.field(description="API keys, newest first, optionally of one partner (admin only).")
    async def api_keys(self, info: Info, partner_id: strawberry.ID | None = None) -> list[ApiKey]:
        await info.context.staff(Role.ADMIN)
        return [ApiKey.from_model(k) for k in await service.list_api_keys(str(partner_id) if partner_id else None)]

    @strawberry.field(
        description="What a partner and the program owe each other over [from, to), per UTC day (admin, "
        "or the partner's own API key with the `statements` scope)."
    )
    async def partner_statement(self, info: Info, partner_id: strawberry.ID, from_: From, to: To) -> PartnerStatement:
        actor = await info.context.key_or_staff("statements", Role.ADMIN)
        if actor.kind is ActorKind.API_KEY and actor.partner_id != str(partner_id):
            raise Forbidden("This key may read its own partner's statement only.")
        return PartnerStatement.from_service(await service.statement(str(partner_id), from_, to))


@strawberry.type
class PartnerMutations:
    @strawberry.mutation(description="Register a partner (admin only).")
    async def create_partner(self, info: Info, input: CreatePartnerInput) -> PartnerResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            partner = await service.create_partner(
                actor, name=input.name, earn_rate=input.earn_rate, point_value=input.point_value
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return PartnerSuccess(partner=Partner.from_model(partner))

    @strawberry.mutation(description="Change a partner (admin only).")
    async def update_partner(self, info: Info, input: UpdatePartnerInput) -> PartnerResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            partner = await service.update_partner(
                actor, str(input.id), name=input.name, earn_rate=input.earn_rate,
                point_value=input.point_value, is_active=input.is_active,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return PartnerSuccess(partner=Partner.from_model(partner))

    @strawberry.mutation(description="Give a store to a partner, or back to the program with null (admin only).")
    async def set_store_partner(
        self,
        info: Info,
        store_id: strawberry.ID,
        partner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The partner; omitted or null: the program.")
        ] = None,
    ) -> SetStorePartnerResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            store = await service.set_store_partner(actor, str(store_id), str(partner_id) if partner_id else None)
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return SetStorePartnerSuccess(
            store_id=strawberry.ID(str(store.id)),
            partner_id=strawberry.ID(str(store.partner_id)) if store.partner_id else None,
        )

    @strawberry.mutation(description="Create an API key; its secret is in this answer only (admin only).")
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            created = await service.create_api_key(
                actor, partner_id=str(input.partner_id) if input.partner_id else None,
                name=input.name, scopes=input.scopes,
            )
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return CreateApiKeySuccess(key=ApiKey.from_model(created.key), secret=created.secret)

    @strawberry.mutation(description="Revoke an API key: refused from its next request on (admin only).")
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> RevokeApiKeyResult:
        actor = await info.context.staff(Role.ADMIN)
        try:
            key = await service.revoke_api_key(actor, str(id))
        except DomainError as exc:
            return error_type(exc)  # type: ignore[return-value]
        return RevokeApiKeySuccess(key=ApiKey.from_model(key))
