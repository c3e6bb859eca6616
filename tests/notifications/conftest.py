"""Helpers for the notification tests: a sender registered through the plug-in point
(`register_sender` and WALLET_NOTIFICATION_SENDER), and the member's notifications."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from wallet.app import create_app
from wallet.config import Settings
from wallet.notifications import delivery
from wallet.notifications.delivery import Message
from wallet.notifications.models import Notification


class RecordingSender:
    """A sender as a plug-in would write one: it keeps what it was given (an e-mail
    service's outbox), or fails when told to."""

    records_delivery = True

    def __init__(self) -> None:
        self.sent: list[Message] = []
        self.failing = False

    async def send(self, message: Message) -> None:
        if self.failing:
            raise ConnectionError("push service down")
        self.sent.append(message)


@pytest.fixture
def sender() -> RecordingSender:
    recording = RecordingSender()
    delivery.register_sender("recording", lambda settings: recording)
    return recording


@pytest.fixture
def app(database: Settings, sender: RecordingSender) -> Any:
    """The app, configured like a deployment with WALLET_NOTIFICATION_SENDER=recording."""
    app = create_app(replace(database, notification_sender="recording"), manage_database=False)
    yield app
    delivery.configure(database)  # back to the log sender for other tests


NOTIFICATIONS = """query($first: Int, $after: String, $unreadOnly: Boolean) { me {
  unreadNotificationCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind title body data createdAt readAt } }
    pageInfo { hasNextPage endCursor } } } }"""

MARK = """mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
  __typename
  ... on MarkNotificationsReadSuccess { marked unreadCount }
  ... on Error { code message } } }"""


async def stored(member_id: str) -> list[tuple[str, str, str, dict]]:
    """The member's notifications as stored, oldest first: (kind, title, body, data)."""
    rows = await Notification.filter(member_id=member_id).order_by("id")
    return [(str(r.kind), r.title, r.body, r.data) for r in rows]


async def inbox(api, member, **variables) -> dict:
    return (await api.ok(NOTIFICATIONS, variables, member.token))["me"]
