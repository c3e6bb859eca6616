"""The schema: each domain contributes its queries and mutations, merged here."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.tools import merge_types

from wallet.analytics.schema import AnalyticsQueries
from wallet.audit.schema import AuditQueries
from wallet.care.schema import CareMutations, CareQueries
from wallet.config import Settings
from wallet.graphql.errors import ALL_ERROR_TYPES, ErrorPolicy
from wallet.graphql.execution import LeafFastExecutor, leaf_plans
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


class CachedDocuments(ParserCache, ValidationCache):
    """Strawberry's parse and validation caches (bounded LRUs) in one extension: each
    extension costs its hooks on every request, and clients send the same few operations.

    A document that fails to parse is left to Strawberry's own parse step, which reports it
    like any request error (with our error codes)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query:
            try:
                context.graphql_document = self.cached_parse_document(context.query, **context.parse_options)
            except GraphQLError:
                pass
        yield


class WalletSchema(strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, execution_context_class=LeafFastExecutor, **kwargs)
        # The plain leaf fields, read the short way by the executor (wallet.graphql.execution).
        self.leaf_plans = leaf_plans(self._schema, self.config.default_resolver)

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
