"""Sales without a member, recorded at the till so the program's figures can set members'
purchases against everyone else's.

- Staff only, at a store they may act at (a cashier at their assigned stores; admins anywhere).
- The amount follows the purchase rules (positive, two decimals, at most
  WALLET_MAX_PURCHASE_AMOUNT) in the program's currency; no points, no member, no ledger entry.
- The receipt `reference` is unique among non-member sales, and may not be a member
  purchase's receipt already (the sale would count twice): `DUPLICATE`.
- Idempotent on the client's key (a retry replays the first answer), audited as
  `non_member_sale.record`, in one transaction.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError

from wallet import clock, db, validation
from wallet.actors import Actor
from wallet.audit import service as audit
from wallet.errors import Duplicate
from wallet.idempotency.service import run_once
from wallet.program.service import get_program
from wallet.sales.models import NonMemberSale
from wallet.staff.service import store_for

MAX_REFERENCE_LENGTH = 100


@dataclass(frozen=True)
class NonMemberSaleRecorded:
    sale_id: str
    store_id: str
    amount: Decimal
    currency: str
    reference: str
    created_at: datetime
    replayed: bool


async def record_non_member_sale(
    *,
    actor: Actor,
    store_id: str,
    amount: Decimal | str,
    currency: str | None,
    reference: str,
    idempotency_key: str,
    max_amount: Decimal,
) -> NonMemberSaleRecorded:
    """Record a sale without a member at `store_id`; `currency` defaults to the program's."""
    amount = validation.money(amount, "amount", maximum=max_amount)
    reference = validation.text(reference, "reference", max_length=MAX_REFERENCE_LENGTH)
    request = {
        "storeId": store_id,
        "amount": str(amount),
        "currency": (currency or "").strip().upper() or None,
        "reference": reference,
    }

    async def write() -> dict[str, Any]:
        program = await get_program()
        sale_currency = validation.currency(currency or program.currency, program.currency)
        store = await store_for(actor, store_id)
        if await db.fetch_rows("SELECT 1 AS found FROM purchase WHERE reference = $1", reference):
            raise Duplicate("A member's purchase with this reference was already recorded.", field="reference")
        now = clock.now()
        try:
            sale = await NonMemberSale.create(
                id=uuid.uuid4(),
                store_id=store.id,
                staff_id=actor.id,
                reference=reference,
                amount=amount,
                currency=sale_currency,
                created_at=now,
            )
        except IntegrityError as exc:
            raise Duplicate("A sale with this reference was already recorded.", field="reference") from exc
        await audit.record(
            actor,
            "non_member_sale.record",
            target_type="non_member_sale",
            target_id=str(sale.id),
            after={"reference": reference, "amount": amount, "currency": sale_currency},
            store_id=store.id,
        )
        return {
            "saleId": str(sale.id),
            "storeId": str(store.id),
            "amount": str(amount),
            "currency": sale_currency,
            "reference": reference,
            "createdAt": now.isoformat(),
        }

    result, replayed = await run_once(actor, idempotency_key, "recordNonMemberSale", request, write)
    return NonMemberSaleRecorded(
        sale_id=result["saleId"],
        store_id=result["storeId"],
        amount=Decimal(result["amount"]),
        currency=result["currency"],
        reference=result["reference"],
        created_at=datetime.fromisoformat(result["createdAt"]),
        replayed=replayed,
    )
