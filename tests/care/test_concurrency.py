"""Member care under concurrency. On SQLite write transactions run one at a time; on
PostgreSQL (WALLET_TEST_DATABASE_URL) they really race, and the claim's row lock and
guarded update, the accounts' locks and the unique index decide."""
from __future__ import annotations

import asyncio

from tests.care.conftest import approve, available, file_claim, gift, give_points
from wallet.audit.models import AuditRecord
from wallet.care.models import MissingPointsClaim, PointsGift
from wallet.ledger.models import LedgerEntry, Purchase


async def test_two_staff_approving_one_claim_at_once_grant_its_points_once(api, frozen_clock):
    # given an open claim and two staff members of its store
    admin = await api.staff("admin")
    cashier = await api.staff("cashier")
    store = await api.store()
    member = await api.sign_up()
    claims = [(await file_claim(api, member, store, f"R-{n}", amount="25.00"))["claim"]["id"] for n in range(5)]
    # when both approve each claim at the same moment
    results = await asyncio.gather(*(approve(api, staff, claim) for claim in claims for staff in (admin, cashier)))
    # then each claim is approved once: one success and one CLAIM_NOT_OPEN per claim
    for n in range(len(claims)):
        pair = sorted(r["__typename"] for r in results[2 * n : 2 * n + 2])
        assert pair == ["ClaimNotOpenError", "MissingPointsClaimSuccess"], results
    assert await Purchase.all().count() == 5
    assert await LedgerEntry.filter(kind="earn").count() == 5
    assert await available(api, member) == 125
    assert await AuditRecord.filter(action="claim.approve").count() == 5
    assert await MissingPointsClaim.filter(status="approved").count() == 5


async def test_two_members_claiming_one_receipt_at_once_make_one_claim(api, frozen_clock):
    store = await api.store()
    members = [await api.sign_up() for _ in range(4)]
    results = await asyncio.gather(*(file_claim(api, m, store, "RCPT-SAME") for m in members))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["ClaimExistsError"] * 3 + ["MissingPointsClaimSuccess"], results
    assert await MissingPointsClaim.all().count() == 1


async def test_concurrent_gifts_beyond_the_balance_are_refused(api, frozen_clock):
    # given Sam with 300 points and two members to give to
    admin = await api.staff("admin")
    sam, alex, kim = await api.sign_up("Sam"), await api.sign_up("Alex"), await api.sign_up("Kim")
    await give_points(api, admin, sam, 300)
    # when Sam gives 200 to each at the same moment
    results = await asyncio.gather(
        gift(api, sam, 200, to_card=alex.card_number), gift(api, sam, 200, to_card=kim.card_number)
    )
    # then one gift is made and the other is refused: the balance never goes negative
    assert sorted(r["__typename"] for r in results) == ["GiftPointsSuccess", "InsufficientPointsError"]
    assert await available(api, sam) == 100
    assert sorted([await available(api, alex), await available(api, kim)]) == [0, 200]
    assert await PointsGift.all().count() == 1


async def test_concurrent_gifts_never_pass_the_monthly_limit(api, frozen_clock):
    # given a limit of 500 a month and Sam with plenty of points
    admin = await api.staff("admin")
    sam, alex = await api.sign_up("Sam"), await api.sign_up("Alex")
    await give_points(api, admin, sam, 5000)
    # when Sam sends six gifts of 150 at once
    results = await asyncio.gather(*(gift(api, sam, 150, to_card=alex.card_number) for _ in range(6)))
    # then three fit in the month, three are refused
    kinds = [r["__typename"] for r in results]
    assert (kinds.count("GiftPointsSuccess"), kinds.count("GiftLimitExceededError")) == (3, 3), results
    assert await available(api, alex) == 450
    assert await PointsGift.all().count() == 3


async def test_members_giving_each_other_points_at_once_do_not_deadlock(api, frozen_clock):
    admin = await api.staff("admin")
    sam, alex = await api.sign_up("Sam"), await api.sign_up("Alex")
    await give_points(api, admin, sam, 100)
    await give_points(api, admin, alex, 100)
    results = await asyncio.gather(
        *(gift(api, a, 10, to_card=b.card_number) for a, b in [(sam, alex), (alex, sam)] * 4)
    )
    assert [r["__typename"] for r in results] == ["GiftPointsSuccess"] * 8
    assert (await available(api, sam), await available(api, alex)) == (100, 100)
