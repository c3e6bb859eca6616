"""The audit log, read by admins: newest first, paged, and narrowed by actor, member,
action (exact or prefix), store and time."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tests.staff.conftest import ADJUST, REFUND, adjust_input, record, refund_input, top_level_code
from wallet import clock
from wallet.jobs import run_jobs

AUDIT_LOG = """query($first: Int, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id at actorKind actorId role storeId action targetType targetId memberId
                          before after requestId } }
    pageInfo { hasNextPage endCursor }
  } }"""

T0 = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def at(hours: int) -> datetime:
    return T0 + timedelta(hours=hours)


@dataclass
class Story:
    admin: object
    cashier: object  # at A and B
    other_cashier: object  # at B only
    ann: object  # a member
    bob: object  # another member
    store_a: str
    store_b: str
    ann_sale: str  # purchase ids
    bob_sale: str


@pytest.fixture
async def story(api, frozen_clock) -> Story:
    """At 12:00 the system sets up an admin, stores A and B and two cashiers; then, an hour
    apart: 13:00 the cashier sells to Ann at A; 14:00 the other cashier sells to Bob at B;
    15:00 the cashier refunds Ann at A; 16:00 the admin adjusts Bob; 17:00 the jobs run."""
    admin = await api.staff("admin")
    store_a = await api.store("A")
    store_b = await api.store("B")
    cashier = await api.staff("cashier")
    other_cashier = await api.staff("cashier", stores=[store_b])
    ann, bob = await api.sign_up("Ann"), await api.sign_up("Bob")
    frozen_clock.set(at(1))
    ann_sale = (await record(api, cashier, ann.id, store_a, "30.00", reference="ANN-1"))["purchaseId"]
    frozen_clock.set(at(2))
    bob_sale = (await record(api, other_cashier, bob.id, store_b, "12.00", reference="BOB-1"))["purchaseId"]
    frozen_clock.set(at(3))
    refunded = await api.ok(REFUND, refund_input("ANN-1", "10.00", store_a), cashier.token)
    assert refunded["refundPurchase"]["pointsReversed"] == 10
    frozen_clock.set(at(4))
    adjusted = await api.ok(ADJUST, adjust_input(bob.id, 5), admin.token)
    assert adjusted["adjustPoints"]["amount"] == 5
    frozen_clock.set(at(5))
    await run_jobs()
    return Story(admin, cashier, other_cashier, ann, bob, store_a, store_b, ann_sale, bob_sale)


async def log(api, token, filter=None, first=None, after=None) -> dict:
    variables = {"filter": filter, "after": after}
    if first is not None:
        variables["first"] = first
    return (await api.ok(AUDIT_LOG, variables, token))["auditLog"]


def rows(page: dict) -> list[tuple]:
    return [(e["node"]["action"], e["node"]["targetId"]) for e in page["edges"]]


def expected_all(s: Story) -> list[tuple]:
    """Every record of the story, newest first."""
    return [
        ("jobs.run", None),
        ("points.adjust", s.bob.id),
        ("purchase.refund", s.ann_sale),
        ("purchase.record", s.bob_sale),
        ("purchase.record", s.ann_sale),
        ("staff.create", s.other_cashier.id),
        ("staff.create", s.cashier.id),
        ("store.create", s.store_b),
        ("store.create", s.store_a),
        ("staff.create", s.admin.id),
    ]


# --- who may read it ----------------------------------------------------------------------


async def test_only_admins_read_the_audit_log(api, story):
    member = await api.sign_up()
    assert await top_level_code(api, AUDIT_LOG, None, story.cashier.token) == "FORBIDDEN"
    assert await top_level_code(api, AUDIT_LOG, None, member.token) == "FORBIDDEN"
    assert await top_level_code(api, AUDIT_LOG, None, None) == "UNAUTHENTICATED"


# --- the records and their pages ----------------------------------------------------------


async def test_the_log_lists_every_record_newest_first_with_its_details(api, story):
    page = await log(api, story.admin.token)
    assert rows(page) == expected_all(story)
    assert page["pageInfo"] == {"hasNextPage": False, "endCursor": page["edges"][-1]["cursor"]}
    refund = page["edges"][2]["node"]
    assert len(refund.pop("requestId")) == 32
    assert int(refund.pop("id")) > int(page["edges"][3]["node"]["id"])
    refund_id = refund["after"].pop("refundId")
    assert refund == {
        "at": "2026-03-15T15:00:00+00:00",
        "actorKind": "staff",
        "actorId": story.cashier.id,
        "role": "cashier",
        "storeId": story.store_a,
        "action": "purchase.refund",
        "targetType": "purchase",
        "targetId": story.ann_sale,
        "memberId": story.ann.id,
        "before": {"refundedAmount": "0.00", "pointsReversed": 0},
        "after": {"refundedAmount": "10.00", "pointsReversed": 10, "pointsOwed": 0},
    }
    assert len(refund_id) == 36
    jobs = page["edges"][0]["node"]
    assert (jobs["actorKind"], jobs["actorId"], jobs["role"], jobs["requestId"]) == ("system", None, None, None)


async def test_pages_follow_one_another_without_gaps_or_repeats(api, story):
    seen, after, pages = [], None, []
    while True:
        page = await log(api, story.admin.token, first=4, after=after)
        pages.append((len(page["edges"]), page["pageInfo"]["hasNextPage"]))
        seen += rows(page)
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == [(4, True), (4, True), (2, False)]
    assert seen == expected_all(story)


async def test_a_filtered_log_pages_within_the_filter(api, story):
    first = await log(api, story.admin.token, {"action": "purchase."}, first=2)
    assert rows(first) == [("purchase.refund", story.ann_sale), ("purchase.record", story.bob_sale)]
    assert first["pageInfo"]["hasNextPage"] is True
    second = await log(api, story.admin.token, {"action": "purchase."}, first=2, after=first["pageInfo"]["endCursor"])
    assert rows(second) == [("purchase.record", story.ann_sale)]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_a_page_that_ends_exactly_at_the_last_record_has_no_next_page(api, story):
    page = await log(api, story.admin.token, {"action": "purchase."}, first=3)
    assert len(page["edges"]) == 3
    assert page["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize(
    "variables",
    [{"first": 0}, {"first": -1}, {"first": 10_000}, {"after": "not-a-cursor"}],
    ids=["zero", "negative", "too-many", "bad-cursor"],
)
async def test_bad_paging_is_invalid_input(api, story, variables):
    assert await top_level_code(api, AUDIT_LOG, variables, story.admin.token) == "INVALID_INPUT"


# --- filters ------------------------------------------------------------------------------


async def test_filter_by_staff_actor(api, story):
    assert rows(await log(api, story.admin.token, {"actor": story.cashier.id})) == [
        ("purchase.refund", story.ann_sale),
        ("purchase.record", story.ann_sale),
    ]
    assert rows(await log(api, story.admin.token, {"actor": story.other_cashier.id})) == [
        ("purchase.record", story.bob_sale),
    ]
    assert rows(await log(api, story.admin.token, {"actor": story.admin.id})) == [("points.adjust", story.bob.id)]
    # an id typed in upper case is the same id
    assert rows(await log(api, story.admin.token, {"actor": story.admin.id.upper()})) == [
        ("points.adjust", story.bob.id)
    ]


async def test_filter_by_the_system(api, story):
    assert rows(await log(api, story.admin.token, {"actor": "system"})) == [
        ("jobs.run", None),
        ("staff.create", story.other_cashier.id),
        ("staff.create", story.cashier.id),
        ("store.create", story.store_b),
        ("store.create", story.store_a),
        ("staff.create", story.admin.id),
    ]


async def test_filter_by_member(api, story):
    assert rows(await log(api, story.admin.token, {"member": story.ann.id})) == [
        ("purchase.refund", story.ann_sale),
        ("purchase.record", story.ann_sale),
    ]
    assert rows(await log(api, story.admin.token, {"member": story.bob.id})) == [
        ("points.adjust", story.bob.id),
        ("purchase.record", story.bob_sale),
    ]
    assert rows(await log(api, story.admin.token, {"member": story.bob.id.upper()})) == rows(
        await log(api, story.admin.token, {"member": story.bob.id})
    )
    assert rows(await log(api, story.admin.token, {"member": str(uuid.uuid4())})) == []


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("purchase.record", ["bob_sale", "ann_sale"]),
        ("purchase.refund", ["ann_sale"]),
        ("purchase.", ["ann_sale", "bob_sale", "ann_sale"]),
        ("store.", ["store_b", "store_a"]),
        ("purchase", []),  # without the dot: an exact action, and there is none
        ("purchase.rec", []),  # a prefix only with a trailing dot
    ],
)
async def test_filter_by_action_exact_or_by_prefix_with_a_trailing_dot(api, story, action, expected):
    found = await log(api, story.admin.token, {"action": action})
    assert [target for _, target in rows(found)] == [getattr(story, name) for name in expected]


async def test_filter_by_store(api, story):
    assert rows(await log(api, story.admin.token, {"store": story.store_a})) == [
        ("purchase.refund", story.ann_sale),
        ("purchase.record", story.ann_sale),
        ("store.create", story.store_a),
    ]
    assert rows(await log(api, story.admin.token, {"store": story.store_b})) == [
        ("purchase.record", story.bob_sale),
        ("store.create", story.store_b),
    ]


async def test_filters_combine(api, story):
    both = {"actor": story.cashier.id, "action": "purchase.record"}
    assert rows(await log(api, story.admin.token, both)) == [("purchase.record", story.ann_sale)]
    assert rows(await log(api, story.admin.token, {"member": story.bob.id, "store": story.store_a})) == []


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({"from": "2026-03-15T14:00:00Z"}, ["jobs.run", "points.adjust", "purchase.refund", "purchase.record"]),
        (
            {"to": "2026-03-15T13:00:00Z"},
            ["staff.create", "staff.create", "store.create", "store.create", "staff.create"],
        ),
        ({"from": "2026-03-15T13:00:00Z", "to": "2026-03-15T15:00:00Z"}, ["purchase.record", "purchase.record"]),
        ({"from": "2026-03-15T15:00:00+01:00", "to": "2026-03-15T16:00:00+01:00"}, ["purchase.record"]),
        ({"from": "2026-03-15T09:30:00-05:00", "to": "2026-03-15T10:30:00-05:00"}, ["purchase.refund"]),
        ({"from": "2026-03-15T16:00:00Z", "to": "2026-03-15T16:00:00Z"}, []),
        ({"from": "2026-03-15T16:00:00.000001Z"}, ["jobs.run"]),
    ],
    ids=["from", "to", "from-to", "offset-plus", "offset-minus", "empty", "just-after"],
)
async def test_filter_by_time_from_inclusive_to_exclusive(api, story, window, expected):
    found = await log(api, story.admin.token, window)
    assert [action for action, _ in rows(found)] == expected


@pytest.mark.parametrize(
    "bad",
    [
        {"from": "2026-03-15T14:00:00"},
        {"to": "2026-03-15T14:00:00"},
        {"actor": "someone"},
        {"member": "not-a-member-id"},
        {"store": "not-a-store-id"},
        {"action": "   "},
        {"action": "x" * 65},
    ],
    ids=["naive-from", "naive-to", "actor", "member", "store", "blank-action", "long-action"],
)
async def test_malformed_filters_are_invalid_input(api, story, bad):
    assert await top_level_code(api, AUDIT_LOG, {"filter": bad}, story.admin.token) == "INVALID_INPUT"


async def test_the_clock_placed_the_records(story):
    """Guards the story: the records sit at the hours the filters above rely on."""
    from wallet.audit.models import AuditRecord

    placed = [(r.action, r.created_at) for r in await AuditRecord.filter(actor_kind="staff").order_by("id")]
    assert placed == [
        ("purchase.record", at(1)),
        ("purchase.record", at(2)),
        ("purchase.refund", at(3)),
        ("points.adjust", at(4)),
    ]
    assert clock.now() == at(5)
