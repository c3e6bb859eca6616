"""Missing-points claims: filing, the rules that refuse a claim, the staff queue, approval
through the ledger (earning as a sale of that date) and rejection with a reason."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from tests.care.conftest import APPROVE, FILE, MY_CLAIMS, QUEUE, REJECT, approve, file_claim, reject
from tests.conftest import new_key
from tests.earning.conftest import make_rule, refund
from wallet.actors import Actor
from wallet.audit.models import AuditRecord
from wallet.care.models import MissingPointsClaim
from wallet.idempotency.models import IdempotencyRecord
from wallet.ledger.models import LedgerEntry, Purchase
from wallet.tiers import service as tiers


async def _staff_and_store(api):
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    store = await api.store("Main Street")
    return admin, cashier, store


async def test_a_member_files_a_claim_and_sees_it_open(api, frozen_clock):
    # given a member and a store
    _, _, store = await _staff_and_store(api)
    member = await api.sign_up("Ana")
    # when they claim a purchase of five days ago
    result = await file_claim(api, member, store, "RCPT-77", amount="40.00")
    # then the claim is open, and they see it; no purchase, no points yet
    assert result["__typename"] == "MissingPointsClaimSuccess"
    assert result["replayed"] is False
    assert {k: result["claim"][k] for k in ("status", "amount", "receiptReference", "reason", "pointsEarned")} == {
        "status": "OPEN", "amount": "40.00", "receiptReference": "RCPT-77", "reason": None, "pointsEarned": None,
    }
    mine = (await api.ok(MY_CLAIMS, token=member.token))["me"]["claims"]["edges"]
    assert [e["node"]["status"] for e in mine] == ["OPEN"]
    assert await Purchase.all().count() == 0
    assert await LedgerEntry.all().count() == 0


async def test_a_retry_with_the_same_key_replays_and_other_input_is_refused(api, frozen_clock):
    _, _, store = await _staff_and_store(api)
    member = await api.sign_up()
    key = new_key()
    first = await file_claim(api, member, store, "RCPT-1", key=key)
    again = await file_claim(api, member, store, "RCPT-1", key=key)
    other = await file_claim(api, member, store, "RCPT-2", key=key)
    assert (again["replayed"], again["claim"]["id"]) == (True, first["claim"]["id"])
    assert other["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await MissingPointsClaim.all().count() == 1


async def test_a_second_claim_for_one_receipt_is_refused_whoever_files_it(api, frozen_clock):
    # given a claim for RCPT-5 at Main Street
    _, _, store = await _staff_and_store(api)
    other_store = await api.store("Harbour")
    first, second = await api.sign_up(), await api.sign_up()
    await file_claim(api, first, store, "RCPT-5")
    # when the same member, or another, claims the same receipt there
    again = await file_claim(api, first, store, "RCPT-5")
    by_other = await file_claim(api, second, store, "RCPT-5", amount="12.00")
    # then both are refused and nothing is written; the same reference at another store is another receipt
    assert (again["__typename"], again["code"]) == ("ClaimExistsError", "CLAIM_EXISTS")
    assert (by_other["__typename"], by_other["code"]) == ("ClaimExistsError", "CLAIM_EXISTS")
    assert (await file_claim(api, second, other_store, "RCPT-5"))["__typename"] == "MissingPointsClaimSuccess"
    assert await MissingPointsClaim.all().count() == 2
    assert await IdempotencyRecord.filter(operation="fileClaim").count() == 2


async def test_a_receipt_already_recorded_as_a_purchase_cannot_be_claimed(api, frozen_clock):
    # given a purchase recorded at the till with receipt RCPT-9
    _, cashier, store = await _staff_and_store(api)
    member = await api.sign_up()
    from tests.earning.conftest import buy

    await buy(api, cashier, member.id, store, "10.00", reference="RCPT-9")
    # when the member claims it
    result = await file_claim(api, member, store, "RCPT-9")
    # then it is refused: it earned its points
    assert (result["__typename"], result["code"]) == ("ReceiptAlreadyRecordedError", "RECEIPT_ALREADY_RECORDED")
    assert await MissingPointsClaim.all().count() == 0


async def test_claims_older_than_the_limit_or_in_the_future_are_refused(api, frozen_clock):
    # the clock stands at 2026-03-15 12:00 UTC; claims reach back 30 days by default
    _, _, store = await _staff_and_store(api)
    member = await api.sign_up()
    too_old = await file_claim(api, member, store, "R-OLD", purchased_at="2026-02-13T11:59:00Z")
    future = await file_claim(api, member, store, "R-FUT", purchased_at="2026-03-15T12:01:00Z")
    oldest = await file_claim(api, member, store, "R-30", purchased_at="2026-02-13T12:00:00Z")
    assert (too_old["code"], too_old["maxAgeDays"]) == ("CLAIM_TOO_OLD", 30)
    assert (future["code"], future["field"]) == ("INVALID_INPUT", "purchasedAt")
    assert oldest["__typename"] == "MissingPointsClaimSuccess"
    assert [c.receipt_reference for c in await MissingPointsClaim.all()] == ["R-30"]


async def test_unknown_stores_and_bad_amounts_are_refused(api, frozen_clock):
    _, _, store = await _staff_and_store(api)
    member = await api.sign_up()
    unknown = await file_claim(api, member, "00000000-0000-0000-0000-000000000000", "R-1")
    negative = await file_claim(api, member, store, "R-2", amount="-5.00")
    assert (unknown["code"], unknown["__typename"]) == ("NOT_FOUND", "NotFoundError")
    assert (negative["code"], negative["field"]) == ("INVALID_INPUT", "amount")
    assert await MissingPointsClaim.all().count() == 0


async def test_approval_records_the_purchase_as_a_sale_of_that_date_would_earn(api, frozen_clock):
    # given a Gold member (x1.5) and a double-points day on 10 March, when the purchase was made
    admin, cashier, store = await _staff_and_store(api)
    await tiers.create_tier(Actor.system(), name="Gold", rank=0, threshold=Decimal(0), earn_multiplier=Decimal("1.5"))
    await make_rule(api, admin, name="Double day", kind="PURCHASE", multiplier="2",
                    startsAt="2026-03-10T00:00:00Z", endsAt="2026-03-11T00:00:00Z")
    member = await api.sign_up("Ana")
    claim = (await file_claim(api, member, store, "RCPT-40", amount="40.00"))["claim"]
    # when the store's cashier approves it (on 15 March)
    result = await approve(api, cashier, claim["id"])
    # then it earned as the sale would have on 10 March: 40 + 20 (Gold) + 40 (double day)
    assert result["__typename"] == "MissingPointsClaimSuccess"
    assert (result["claim"]["status"], result["claim"]["pointsEarned"]) == ("APPROVED", 100)
    purchase = await Purchase.get(reference="RCPT-40")
    assert (purchase.amount, purchase.points_earned, str(purchase.store_id), str(purchase.staff_id)) == (
        Decimal("40.00"), 100, store, cashier.id,
    )
    assert purchase.created_at == datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    entries = await LedgerEntry.filter(reference="RCPT-40").order_by("id").values_list("kind", "amount")
    assert entries == [("earn", 40), ("bonus", 20), ("bonus", 40)]
    mine = (await api.ok(MY_CLAIMS, token=member.token))["me"]["claims"]["edges"][0]["node"]
    assert (mine["status"], mine["pointsEarned"]) == ("APPROVED", 100)
    # and it is audited with the member and the store
    record = await AuditRecord.get(action="claim.approve")
    assert (record.actor_id, str(record.member_id), str(record.store_id), record.after["pointsEarned"]) == (
        cashier.id, member.id, store, 100,
    )
    # and the purchase refunds like any other
    refunded = await refund(api, cashier, "RCPT-40", "20.00")
    assert refunded["pointsReversed"] == 50


async def test_a_decided_claim_is_not_decided_again(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    member = await api.sign_up()
    claim = (await file_claim(api, member, store, "RCPT-3", amount="10.00"))["claim"]
    await approve(api, admin, claim["id"])
    again = await approve(api, cashier, claim["id"])
    rejected = await reject(api, cashier, claim["id"], "Not ours")
    assert (again["__typename"], again["code"], again["status"]) == ("ClaimNotOpenError", "CLAIM_NOT_OPEN", "APPROVED")
    assert (rejected["code"], rejected["status"]) == ("CLAIM_NOT_OPEN", "APPROVED")
    assert await Purchase.all().count() == 1
    assert await LedgerEntry.filter(kind="earn").count() == 1
    assert await AuditRecord.filter(action__startswith="claim.").count() == 1


async def test_an_approval_retried_with_its_key_replays(api, frozen_clock):
    _, cashier, store = await _staff_and_store(api)
    member = await api.sign_up()
    claim = (await file_claim(api, member, store, "RCPT-4", amount="10.00"))["claim"]
    key = new_key()
    first = await approve(api, cashier, claim["id"], key=key)
    again = await approve(api, cashier, claim["id"], key=key)
    assert (first["replayed"], again["replayed"], again["claim"]["status"]) == (False, True, "APPROVED")
    assert await LedgerEntry.filter(kind="earn").count() == 1


async def test_a_receipt_recorded_at_the_till_after_the_claim_is_not_approved(api, frozen_clock):
    # given a claim, then the till records the same receipt after all
    _, cashier, store = await _staff_and_store(api)
    member = await api.sign_up()
    claim = (await file_claim(api, member, store, "RCPT-8", amount="10.00"))["claim"]
    from tests.earning.conftest import buy

    await buy(api, cashier, member.id, store, "10.00", reference="RCPT-8")
    # when staff approve the claim: refused, and nothing more is written
    result = await approve(api, cashier, claim["id"])
    assert result["code"] == "RECEIPT_ALREADY_RECORDED"
    assert (await MissingPointsClaim.get(id=claim["id"])).status == "open"
    assert await LedgerEntry.filter(kind="earn").count() == 1
    assert await AuditRecord.filter(action="claim.approve").count() == 0


async def test_rejection_needs_a_reason_and_the_member_sees_it(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    member = await api.sign_up()
    claim = (await file_claim(api, member, store, "RCPT-6"))["claim"]
    empty = await reject(api, cashier, claim["id"], "  ")
    assert (empty["code"], empty["field"]) == ("INVALID_INPUT", "reason")
    result = await reject(api, cashier, claim["id"], "No such receipt on 10 March")
    assert (result["claim"]["status"], result["claim"]["reason"]) == ("REJECTED", "No such receipt on 10 March")
    mine = (await api.ok(MY_CLAIMS, token=member.token))["me"]["claims"]["edges"][0]["node"]
    assert (mine["status"], mine["reason"], mine["pointsEarned"]) == ("REJECTED", "No such receipt on 10 March", None)
    assert await LedgerEntry.all().count() == 0
    record = await AuditRecord.get(action="claim.reject")
    assert (record.actor_id, record.after) == (cashier.id, {"status": "rejected", "reason": "No such receipt on 10 March"})


async def test_the_queue_pages_oldest_first_and_filters_by_status_and_store(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    other = await api.store("Harbour", assign=False)
    member = await api.sign_up("Ana")
    ids = [(await file_claim(api, member, store, f"R-{n}"))["claim"]["id"] for n in range(3)]
    elsewhere = (await file_claim(api, member, other, "R-X"))["claim"]["id"]
    await reject(api, admin, ids[1], "Duplicate of R-0")
    # admins see every open claim, oldest first, paged
    page = (await api.ok(QUEUE, {"status": "OPEN", "first": 2}, admin.token))["missingPointsClaims"]
    assert [e["node"]["id"] for e in page["edges"]] == [ids[0], ids[2]]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = (await api.ok(QUEUE, {"status": "OPEN", "first": 2, "after": page["pageInfo"]["endCursor"]}, admin.token))
    assert [e["node"]["id"] for e in rest["missingPointsClaims"]["edges"]] == [elsewhere]
    assert page["edges"][0]["node"]["store"]["name"] == "Main Street"
    assert page["edges"][0]["node"]["member"]["name"] == "Ana"
    # a cashier sees their stores' claims only, every status when none is given
    mine = (await api.ok(QUEUE, {}, cashier.token))["missingPointsClaims"]["edges"]
    assert [(e["node"]["id"], e["node"]["status"]) for e in mine] == [
        (ids[0], "OPEN"), (ids[1], "REJECTED"), (ids[2], "OPEN"),
    ]
    by_store = (await api.ok(QUEUE, {"storeId": other}, admin.token))["missingPointsClaims"]["edges"]
    assert [e["node"]["id"] for e in by_store] == [elsewhere]


# --- permissions ------------------------------------------------------------------------


async def test_only_members_file_claims(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    payload = {"input": {"storeId": store, "purchasedAt": "2026-03-10T15:00:00Z", "amount": "1.00",
                         "receiptReference": "R", "idempotencyKey": new_key()}}
    assert await api.error_code(FILE, payload, cashier.token) == "FORBIDDEN"
    assert await api.error_code(FILE, payload) == "UNAUTHENTICATED"
    assert await MissingPointsClaim.all().count() == 0


async def test_members_and_cashiers_of_other_stores_see_no_queue(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    other = await api.store("Harbour", assign=False)
    member = await api.sign_up()
    assert await api.error_code(QUEUE, {}, member.token) == "FORBIDDEN"
    assert await api.error_code(QUEUE, {"storeId": other}, cashier.token) == "FORBIDDEN"
    await file_claim(api, member, other, "R-X")
    assert (await api.ok(QUEUE, {}, cashier.token))["missingPointsClaims"]["edges"] == []


async def test_only_cashiers_of_the_claims_store_and_admins_decide_it(api, frozen_clock):
    admin, cashier, store = await _staff_and_store(api)
    other = await api.store("Harbour", assign=False)
    member = await api.sign_up()
    claim = (await file_claim(api, member, other, "R-X"))["claim"]
    approve_input = {"input": {"claimId": claim["id"], "idempotencyKey": new_key()}}
    reject_input = {"input": {"claimId": claim["id"], "reason": "No", "idempotencyKey": new_key()}}
    assert await api.error_code(APPROVE, approve_input, cashier.token) == "FORBIDDEN"
    assert await api.error_code(REJECT, reject_input, cashier.token) == "FORBIDDEN"
    assert await api.error_code(APPROVE, approve_input, member.token) == "FORBIDDEN"
    assert await api.error_code(REJECT, reject_input, member.token) == "FORBIDDEN"
    assert (await MissingPointsClaim.get(id=claim["id"])).status == "open"
    assert await Purchase.all().count() == 0
    assert (await approve(api, admin, claim["id"]))["claim"]["status"] == "APPROVED"


async def test_members_list_the_stores_they_may_claim_at(api, frozen_clock):
    await api.store("Main Street")
    closed = await api.store("Closed")
    from wallet.staff.models import Store

    await Store.filter(id=closed).update(is_active=False)
    member = await api.sign_up()
    data = await api.ok("{ claimStores { name } }", token=member.token)
    assert data["claimStores"] == [{"name": "Main Street"}]
    assert await api.error_code("{ claimStores { name } }") == "UNAUTHENTICATED"
