"""A partner's sale takes a constant number of SQL statements, whatever the member's history."""
from __future__ import annotations

from datetime import timedelta

from tests.conftest import POSTGRES_URL
from tests.partners.conftest import partner_buy
from tests.scan.test_query_counts import counting_queries


async def test_a_partner_sale_takes_a_constant_number_of_statements(api, coalition, frozen_clock):
    async def one_sale() -> int:
        frozen_clock.advance(timedelta(minutes=2))  # the key's last use is written each time
        with counting_queries() as counter:
            result = await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "12.00")
            assert result["__typename"] == "RecordPurchaseSuccess"
        return counter.count

    short = await one_sale()
    for _ in range(10):
        await partner_buy(api, coalition.key, coalition.member.id, coalition.store, "30.00")
    long = await one_sale()
    assert long == short
    # no more than a cashier's sale by scan code: the key (read, and its last use written
    # once a minute), the program, the store, the partner, the member, account, tier (2),
    # plan, promotions, then the writes, the settlement entry and the member's notification
    # among them, and on PostgreSQL the pg_notify of the live balance
    assert long <= (21 if POSTGRES_URL else 20)
