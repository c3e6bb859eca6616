"""The schema: each domain contributes its queries and mutations, merged here."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import DocumentNode, GraphQLError
from strawberry.extensions import ParserCache
from strawberry.schema.schema import validate_document
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.tools import merge_types

from wallet.analytics.schema import AnalyticsQueries
from wallet.audit.schema import AuditQueries
from wallet.care.schema import CareMutations, CareQueries
from wallet.config import Settings
from wallet.graphql.errors import ALL_ERROR_TYPES, ErrorPolicy
from wallet.graphql import inputs
from wallet.graphql.hooks import HookRunner
from wallet.graphql.execution import FastExecutor, field_plans
from wallet.graphql.limits import limit_extensions
from wallet.credit.schema import CreditMutations, CreditQueries
from wallet.earning.schema import EarningMutations, EarningQueries
from wallet.ledger.schema import LedgerMutations
from wallet.live.schema import LiveSubscriptions
from wallet.members.schema import MemberMutations, MemberQueries
from wallet.memberships.schema import MembershipMutations, MembershipQueries
from wallet.offers.schema import OfferMutations, OfferQueries
from wallet.partners.schema import PartnerMutations, PartnerQueries
from wallet.notifications.schema import NotificationMutations
from wallet.program.schema import ProgramMutations, ProgramQueries
from wallet.rewards.schema import RewardMutations, RewardQueries
from wallet.sales.schema import SalesMutations
from wallet.scan.schema import ScanMutations
from wallet.staff.schema import StaffMutations, StaffQueries
from wallet.tiers.schema import TierMutations, TierQueries

Query = merge_types(
    "Query",
    (MemberQueries, StaffQueries, ProgramQueries, RewardQueries, TierQueries, AuditQueries, MembershipQueries, CreditQueries, AnalyticsQueries, EarningQueries, CareQueries, OfferQueries, PartnerQueries),
)
Mutation = merge_types(
    "Mutation",
    (
        MemberMutations,
        LedgerMutations,
        ScanMutations,
        StaffMutations,
        ProgramMutations,
        RewardMutations,
        TierMutations,
        MembershipMutations,
        CreditMutations,
        EarningMutations,
        CareMutations,
        OfferMutations,
        PartnerMutations,
        SalesMutations,
        NotificationMutations,
    ),
)

Subscription = merge_types("Subscription", (LiveSubscriptions,))


class CachedDocuments(ParserCache):
    """Parsed and validated documents, cached (bounded LRUs) in one extension: each
    extension costs its hooks on every request, and clients send the same few operations.

    A document that fails to parse is left to Strawberry's own parse step, which reports it
    like any request error (with our error codes).

    Validations are kept by the document object, as the parse cache hands it out, not by its
    value: Strawberry's ValidationCache hashes the whole syntax tree on every request (about
    2 % of a `me` request's CPU)."""

    VALIDATIONS_KEPT = 128
    _validations: OrderedDict[tuple[int, Any, Any], tuple[DocumentNode, list[GraphQLError]]] = OrderedDict()

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query:
            try:
                context.graphql_document = self.cached_parse_document(context.query, **context.parse_options)
            except GraphQLError:
                pass
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.validation_rules:
            kept = self._validations
            key = (id(document), context.schema._schema, tuple(context.validation_rules))
            found = kept.get(key)
            if found is not None and found[0] is document:
                kept.move_to_end(key)
                errors = found[1]
            else:
                errors = validate_document(context.schema._schema, document, context.validation_rules)
                # The document is held with its errors, so its id is not reused while kept.
                kept[key] = (document, errors)
                if len(kept) > self.VALIDATIONS_KEPT:
                    kept.popitem(last=False)
            context.pre_execution_errors = errors
        yield


class WalletSchema(strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, execution_context_class=FastExecutor, **kwargs)
        # The plain fields, read the short way by the executor (wallet.graphql.execution).
        self.field_plans = field_plans(self._schema, self.config.default_resolver)
        # Input objects built from plans worked out once (wallet.graphql.inputs).
        inputs.install(
            concrete.definition
            for concrete in self.schema_converter.type_map.values()
            if isinstance(concrete.definition, StrawberryObjectDefinition)
        )

    def create_extensions_runner(self, execution_context: Any, extensions: list[Any]) -> HookRunner:
        return HookRunner(execution_context=execution_context, extensions=extensions)

    def process_errors(self, errors, execution_context=None) -> None:  # type: ignore[no-untyped-def]
        # ErrorPolicy logs the unexpected errors (with the request id); expected ones are
        # answers, not incidents, and are not logged.
        return None


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with its request guards; without settings, the bare schema (for export)."""
    extensions: list[type] = [ErrorPolicy]
    if settings is not None:
        # Parsed and validated documents are cached (bounded LRU, keyed on the query text,
        # the token limit and the validation rules): clients send the same few operations,
        # and parsing plus validating them was a third of a `me` request's CPU time.
        guards = limit_extensions(settings.limits, introspection=not settings.is_production)
        extensions = [*guards, CachedDocuments, ErrorPolicy]
    return WalletSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=list(ALL_ERROR_TYPES),
        extensions=extensions,
    )


def export_schema() -> str:
    return build_schema().as_str() + "\n"
