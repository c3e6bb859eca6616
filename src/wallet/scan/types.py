"""The GraphQL face of scan codes."""
from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.type(description="A signed, short-lived code for the till; shown as a QR code.")
class ScanCode:
    payload: str = strawberry.field(
        description="What the QR code holds. Opaque: it names the member to the server only."
    )
    expires_at: datetime = strawberry.field(
        description="When the till stops accepting it (UTC); fetch a new one before."
    )
