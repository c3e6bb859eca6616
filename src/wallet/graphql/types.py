"""Small types every domain's schema uses."""
from __future__ import annotations

import strawberry
from strawberry.types import Info as StrawberryInfo

from wallet.graphql.context import Context

Info = StrawberryInfo[Context, None]


@strawberry.type(description="Where a page of a connection stands.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow this page.")
    end_cursor: str | None = strawberry.field(
        description="Pass as `after` to fetch the next page; null on an empty page."
    )
