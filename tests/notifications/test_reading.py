"""A member's notifications: paged newest first, unread count, marking read, muting, and
nobody else reads or marks them."""
from __future__ import annotations

from datetime import timedelta

from tests.notifications.conftest import MARK, inbox
from wallet import clock
from wallet.jobs import run_jobs
from wallet.notifications import service
from wallet.notifications.models import Notification, NotificationKind

MUTE = """mutation($input: MuteNotificationKindsInput!) { muteNotificationKinds(input: $input) {
  __typename
  ... on MuteNotificationKindsSuccess { mutedKinds }
  ... on Error { code message } } }"""


async def _five(member_id: str) -> None:
    for n in range(1, 6):
        await service.notify(member_id, NotificationKind.MESSAGE, f"Message {n}", data={"n": n})


async def test_notifications_are_paged_newest_first(api):
    member = await api.sign_up()
    await _five(member.id)
    first = await inbox(api, member, first=2)
    assert first["unreadNotificationCount"] == 5
    page = first["notifications"]
    assert [e["node"]["title"] for e in page["edges"]] == ["Message 5", "Message 4"]
    assert page["edges"][0]["node"]["kind"] == "MESSAGE"
    assert page["edges"][0]["node"]["data"] == {"n": 5}
    assert page["pageInfo"]["hasNextPage"] is True
    second = (await inbox(api, member, first=2, after=page["pageInfo"]["endCursor"]))["notifications"]
    assert [e["node"]["title"] for e in second["edges"]] == ["Message 3", "Message 2"]
    last = (await inbox(api, member, first=2, after=second["pageInfo"]["endCursor"]))["notifications"]
    assert [e["node"]["title"] for e in last["edges"]] == ["Message 1"]
    assert last["pageInfo"] == {"hasNextPage": False, "endCursor": last["edges"][0]["cursor"]}


async def test_page_size_is_bounded(api):
    member = await api.sign_up()
    body = await api.raw("{ me { notifications(first: 101) { edges { cursor } } } }", token=member.token)
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


async def test_marking_some_read_then_all(api, frozen_clock):
    member = await api.sign_up()
    await _five(member.id)
    ids = [e["node"]["id"] for e in (await inbox(api, member))["notifications"]["edges"]]
    # when two are marked read (twice: a retry changes nothing)
    marked = await api.ok(MARK, {"input": {"ids": ids[:2]}}, member.token)
    again = await api.ok(MARK, {"input": {"ids": ids[:2]}}, member.token)
    assert marked["markNotificationsRead"] == {"__typename": "MarkNotificationsReadSuccess", "marked": 2, "unreadCount": 3}
    assert again["markNotificationsRead"]["marked"] == 0
    # then only three are unread, and the read ones keep their first read time
    unread = await inbox(api, member, unreadOnly=True)
    assert unread["unreadNotificationCount"] == 3
    assert [e["node"]["id"] for e in unread["notifications"]["edges"]] == ids[2:]
    read = [e["node"] for e in (await inbox(api, member))["notifications"]["edges"][:2]]
    assert [n["readAt"] for n in read] == ["2026-03-15T12:00:00+00:00"] * 2
    # and all: true marks the rest
    frozen_clock.advance(timedelta(minutes=5))
    rest = await api.ok(MARK, {"input": {"all": True}}, member.token)
    assert rest["markNotificationsRead"] == {"__typename": "MarkNotificationsReadSuccess", "marked": 3, "unreadCount": 0}


async def test_ids_or_all_not_both(api):
    member = await api.sign_up()
    await _five(member.id)
    for payload in ({}, {"ids": ["1"], "all": True}):
        result = (await api.ok(MARK, {"input": payload}, member.token))["markNotificationsRead"]
        assert result["code"] == "INVALID_INPUT"
    assert await Notification.filter(read_at__isnull=False).count() == 0


async def test_a_member_cannot_mark_another_members_notifications(api):
    owner, other = await api.sign_up(), await api.sign_up()
    await _five(owner.id)
    await service.notify(other.id, NotificationKind.MESSAGE, "Theirs")
    owners = [e["node"]["id"] for e in (await inbox(api, owner))["notifications"]["edges"]]
    theirs = [e["node"]["id"] for e in (await inbox(api, other))["notifications"]["edges"]]
    # when the other member names one of the owner's ids (with one of their own)
    result = (await api.ok(MARK, {"input": {"ids": [theirs[0], owners[0]]}}, other.token))["markNotificationsRead"]
    # then it is not found, and nothing is marked: neither theirs nor the owner's
    assert (result["__typename"], result["code"]) == ("NotFoundError", "NOT_FOUND")
    assert await Notification.filter(read_at__isnull=False).count() == 0
    # and all: true marks only their own
    result = (await api.ok(MARK, {"input": {"all": True}}, other.token))["markNotificationsRead"]
    assert result["marked"] == 1
    assert (await inbox(api, owner))["unreadNotificationCount"] == 5


async def test_nobody_else_reads_a_members_notifications(api):
    member = await api.sign_up()
    await _five(member.id)
    admin = await api.staff("admin")
    query = """query($id: ID!) { member(id: $id) { name notifications { edges { node { title } } } } }"""
    assert await api.error_code(query, {"id": member.id}, admin.token) == "FORBIDDEN"
    count = """query($id: ID!) { member(id: $id) { unreadNotificationCount } }"""
    assert await api.error_code(count, {"id": member.id}, admin.token) == "FORBIDDEN"
    # marking read is for members only
    assert await api.error_code(MARK, {"input": {"all": True}}, admin.token) == "FORBIDDEN"
    assert await api.error_code(MARK, {"input": {"all": True}}) == "UNAUTHENTICATED"
    assert await Notification.filter(read_at__isnull=False).count() == 0


async def test_a_muted_kind_is_neither_stored_nor_sent(api, sender):
    member = await api.sign_up()
    muted = (await api.ok(MUTE, {"input": {"kinds": ["BALANCE_CHANGED", "TIER_UP"]}}, member.token))[
        "muteNotificationKinds"
    ]
    assert muted == {"__typename": "MuteNotificationKindsSuccess", "mutedKinds": ["BALANCE_CHANGED", "TIER_UP"]}
    assert await service.notify(member.id, NotificationKind.BALANCE_CHANGED, "You earned 5 points") is None
    assert await service.notify(member.id, NotificationKind.MESSAGE, "Hello") is not None
    assert [(n.kind, n.title) for n in await Notification.filter(member_id=member.id)] == [("message", "Hello")]
    assert [m.title for m in sender.sent] == ["Hello"]
    # unmuting brings them back
    await api.ok(MUTE, {"input": {"kinds": ["TIER_UP"]}}, member.token)
    assert (await api.ok("{ me { mutedNotificationKinds } }", token=member.token))["me"] == {
        "mutedNotificationKinds": ["TIER_UP"]
    }
    assert await service.notify(member.id, NotificationKind.BALANCE_CHANGED, "You earned 6 points") is not None


async def test_payment_failures_cannot_be_muted(api):
    member = await api.sign_up()
    result = (await api.ok(MUTE, {"input": {"kinds": ["MEMBERSHIP_PAYMENT_FAILED"]}}, member.token))[
        "muteNotificationKinds"
    ]
    assert result["code"] == "INVALID_INPUT"
    assert (await api.ok("{ me { mutedNotificationKinds } }", token=member.token))["me"]["mutedNotificationKinds"] == []


async def test_read_notifications_are_purged_after_the_retention_period(api, frozen_clock):
    member = await api.sign_up()
    await _five(member.id)
    ids = [e["node"]["id"] for e in (await inbox(api, member))["notifications"]["edges"]]
    await api.ok(MARK, {"input": {"ids": ids[:2]}}, member.token)  # Message 5 and 4 read
    # 90 days on, nothing is old enough yet
    frozen_clock.set(clock.now() + timedelta(days=90))
    assert (await run_jobs(notification_retention_days=90))["notifications_purged"] == 0
    # a second later the read ones go; the unread stay
    frozen_clock.advance(timedelta(seconds=1))
    assert (await run_jobs(notification_retention_days=90))["notifications_purged"] == 2
    assert (await run_jobs(notification_retention_days=90))["notifications_purged"] == 0
    titles = await Notification.filter(member_id=member.id).order_by("id").values_list("title", flat=True)
    assert titles == ["Message 1", "Message 2", "Message 3"]


async def test_ids_that_cannot_exist_are_not_found(api):
    member = await api.sign_up()
    await _five(member.id)
    for bad in ("abc", "0", "-3", str(2**63), "9" * 40):
        result = (await api.ok(MARK, {"input": {"ids": [bad]}}, member.token))["markNotificationsRead"]
        assert (result["__typename"], result["code"]) == ("NotFoundError", "NOT_FOUND"), bad
    too_many = [str(n) for n in range(1, 102)]
    result = (await api.ok(MARK, {"input": {"ids": too_many}}, member.token))["markNotificationsRead"]
    assert result["code"] == "INVALID_INPUT"
    assert await Notification.filter(read_at__isnull=False).count() == 0
