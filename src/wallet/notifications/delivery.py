"""Delivery of notifications beyond the wallet (e-mail, push) through a pluggable sender.

A sender receives each notification after the transaction that wrote it has committed, so
nothing is sent for a change that rolled back. A sender that fails (or takes longer than
`SEND_TIMEOUT_SECONDS`) is logged and, for senders that deliver, recorded on the
notification (`delivery_error`); the business change it describes stands either way.

Senders are chosen by name with `WALLET_NOTIFICATION_SENDER`: `log` (the default) writes
one log line per notification. Others are registered with `register_sender(name, factory)`
before the app starts, or named as `package.module:factory` (a callable taking the
settings and returning a sender).
"""
from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from wallet.config import ConfigError, Settings

log = logging.getLogger("wallet.notifications")

SEND_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Message:
    """What a sender gets: the stored notification, as plain values."""

    notification_id: int
    member_id: str
    kind: str
    title: str
    body: str
    data: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


class Sender(Protocol):
    """Delivers notifications by e-mail, push or anything else."""

    # Whether `delivered_at` / `delivery_error` are written after each send: False for
    # senders that deliver nothing (the log sender), which then cost no statement.
    records_delivery: bool

    async def send(self, message: Message) -> None:
        """Deliver one message; raise when it could not be delivered."""


class LogSender:
    """The default: one log line per notification, nothing delivered."""

    records_delivery = False

    async def send(self, message: Message) -> None:
        log.info(
            "notification %s to member %s (%s): %s",
            message.notification_id, message.member_id, message.kind, message.title,
        )


SenderFactory = Callable[[Settings], Sender]
_factories: dict[str, SenderFactory] = {"log": lambda settings: LogSender()}
_sender: Sender = LogSender()


def register_sender(name: str, factory: SenderFactory) -> None:
    """Make a sender available as WALLET_NOTIFICATION_SENDER=`name`."""
    _factories[name] = factory


def build_sender(settings: Settings) -> Sender:
    name = settings.notification_sender
    factory = _factories.get(name)
    if factory is None and ":" in name:
        module, _, attribute = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"WALLET_NOTIFICATION_SENDER: cannot load {name!r}: {exc}") from exc
    if factory is None:
        known = ", ".join(sorted(_factories))
        raise ConfigError(
            f"WALLET_NOTIFICATION_SENDER must be one of {known} or a module:factory, got {name!r}"
        )
    return factory(settings)


def configure(settings: Settings) -> Sender:
    """Use the sender the settings name from now on (the app and `wallet run-jobs` call it)."""
    global _sender
    _sender = build_sender(settings)
    return _sender


async def deliver(messages: list[Message]) -> None:
    """Hand committed notifications to the sender, one by one; never raises."""
    sender = _sender
    delivered: list[int] = []
    failed: dict[int, str] = {}
    for message in messages:
        try:
            await asyncio.wait_for(sender.send(message), SEND_TIMEOUT_SECONDS)
        except Exception as exc:  # noqa: BLE001 - a failed delivery never fails the change
            log.warning("notification %s not delivered: %r", message.notification_id, exc)
            failed[message.notification_id] = (repr(exc) or "failed")[:200]
        else:
            delivered.append(message.notification_id)
    if getattr(sender, "records_delivery", True):
        from wallet.notifications import service

        await service.record_delivery(delivered, failed)
