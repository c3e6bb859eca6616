"""Delivery by the pluggable sender: only after the transaction commits, never for a change
that rolled back, and a failing sender never fails the change."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.ledger.test_purchases import record
from tests.notifications.conftest import stored
from tests.rewards.conftest import give_points, make_reward, redeem
from wallet import db
from wallet.app import create_app
from wallet.config import ConfigError, Settings
from wallet.ledger.models import PointsAccount
from wallet.notifications import delivery, service
from wallet.notifications.delivery import LogSender
from wallet.notifications.models import Notification, NotificationKind


async def test_a_refused_redemption_sends_nothing_and_a_successful_one_sends_one(api, sender):
    member = await api.sign_up()
    await give_points(api, member, 100)
    reward = await make_reward(name="Tote bag", cost_points=150)
    sender.sent.clear()
    before = await stored(member.id)
    # when the redemption is refused (100 points for a 150-point reward)
    refused = await redeem(api, member, reward.id)
    assert (refused["__typename"], refused["available"], refused["requested"]) == ("InsufficientPointsError", 100, 150)
    # then no notification is stored and the sender got nothing
    assert await stored(member.id) == before
    assert sender.sent == []
    # when they can afford it
    await give_points(api, member, 50)
    sender.sent.clear()
    done = await redeem(api, member, reward.id)
    assert done["__typename"] == "RedeemRewardSuccess"
    # then the sender got exactly that one message, as stored
    [message] = sender.sent
    [row] = await Notification.filter(member_id=member.id, title="You spent 150 points")
    assert (message.notification_id, message.member_id, message.kind, message.data) == (
        row.id, member.id, "balance_changed", {"reason": "redemption", "points": -150, "voucherId": done["voucher"]["id"]}
    )


async def test_a_replayed_purchase_sends_nothing_again(api, sender):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    await record(api, cashier, member.id, store, "10.00", key="till-1", reference="R-1")
    replay = await record(api, cashier, member.id, store, "10.00", key="till-1", reference="R-1")
    assert replay["replayed"] is True
    assert [m.title for m in sender.sent] == ["You earned 10 points"]
    assert len(await stored(member.id)) == 1


async def test_nothing_leaves_before_commit_nor_after_a_rollback(api, sender):
    member = await api.sign_up()
    # a transaction that fails after notifying sends nothing and keeps nothing
    with pytest.raises(RuntimeError):
        async with db.transaction():
            await service.notify(member.id, NotificationKind.MESSAGE, "Rolled back")
            raise RuntimeError("the business change failed")
    # a savepoint that rolls back inside a transaction that commits: its message is dropped,
    # the others wait for the outer commit
    async with db.transaction():
        await service.notify(member.id, NotificationKind.MESSAGE, "Outer")
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await service.notify(member.id, NotificationKind.MESSAGE, "Inner, rolled back")
                raise RuntimeError("savepoint")
        async with db.transaction():
            await service.notify(member.id, NotificationKind.MESSAGE, "Inner, kept")
        assert sender.sent == []  # not committed yet
    assert [m.title for m in sender.sent] == ["Outer", "Inner, kept"]
    assert [title for _, title, _, _ in await stored(member.id)] == ["Outer", "Inner, kept"]


async def test_a_failing_sender_never_fails_the_sale_and_the_failure_is_recorded(api, sender):
    member, cashier, store = await api.sign_up(), await api.staff(), await api.store()
    sender.failing = True
    # when the push service is down at the sale
    result = await record(api, cashier, member.id, store, "30.00")
    # then the sale stands, its notification is in the wallet, and the failure is recorded
    assert (result["__typename"], result["pointsEarned"]) == ("RecordPurchaseSuccess", 30)
    assert (await PointsAccount.get(member_id=member.id)).available == 30
    [failed] = await Notification.filter(member_id=member.id)
    assert (failed.delivered_at, failed.delivery_error) == (None, "ConnectionError('push service down')")
    # and once it is back, deliveries are recorded as delivered
    sender.failing = False
    await record(api, cashier, member.id, store, "5.00")
    delivered = await Notification.filter(member_id=member.id).order_by("-id").first()
    assert delivered.delivered_at is not None and delivered.delivery_error == ""


async def test_the_log_sender_is_the_default_and_logs_one_line(api, database, caplog):
    member = await api.sign_up()
    # given the default setting (WALLET_NOTIFICATION_SENDER unset: log)
    assert database.notification_sender == "log"
    assert isinstance(delivery.configure(database), LogSender)
    with caplog.at_level("INFO", logger="wallet.notifications"):
        notification_id = await service.notify(member.id, NotificationKind.MESSAGE, "Hello")
    assert [r.getMessage() for r in caplog.records if r.name == "wallet.notifications"] == [
        f"notification {notification_id} to member {member.id} (message): Hello"
    ]
    # and it records no delivery (no statement after commit)
    assert (await Notification.get(id=notification_id)).delivered_at is None


def test_an_unknown_sender_stops_the_start(database: Settings):
    with pytest.raises(ConfigError, match="WALLET_NOTIFICATION_SENDER"):
        create_app(replace(database, notification_sender="carrier-pigeon"), manage_database=False)
    with pytest.raises(ConfigError, match="cannot load"):
        create_app(replace(database, notification_sender="no.such.module:factory"), manage_database=False)
    delivery.configure(database)


def test_a_sender_can_be_named_as_module_and_factory(database: Settings):
    sender = delivery.build_sender(replace(database, notification_sender="tests.notifications.test_delivery:make_sender"))
    assert isinstance(sender, _ModuleSender)


class _ModuleSender(LogSender):
    pass


def make_sender(settings: Settings) -> _ModuleSender:
    return _ModuleSender()


def test_retention_must_outlast_the_expiry_notice():
    with pytest.raises(ConfigError, match="WALLET_NOTIFICATION_RETENTION_DAYS"):
        Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_NOTIFICATION_RETENTION_DAYS": "30"})
    settings = Settings.from_env({"WALLET_SECRET": "s" * 40, "WALLET_NOTIFICATION_SENDER": "log"})
    assert (settings.notification_sender, settings.notification_retention_days, settings.points_expiring_notice_days) == (
        "log", 90, 30
    )


async def test_a_renewal_rolled_back_by_a_later_failure_sends_nothing(api, app, sender, frozen_clock):
    from tests.memberships.conftest import join, make_plan, utc
    from wallet.jobs import run_jobs
    from wallet.memberships.models import Membership
    from wallet.payments.gateway import Charge, GatewayError

    member = await api.sign_up()
    await join(api, member, (await make_plan()).id)
    gateways = app.state.gateways
    gateway = gateways.get("manual")
    charges: list[str] = []

    async def pays_once_then_unreachable(request):  # the payment provider, not our code
        charges.append(request.period_start)
        if len(charges) == 1:
            return Charge(paid=True, payment_id="manual_py_1")
        raise GatewayError("gateway unreachable")

    gateway.charge_renewal = pays_once_then_unreachable
    sender.sent.clear()
    # when a job two periods late renews the first (notifying the member) and then cannot
    # reach the gateway for the second: the membership's transaction rolls back
    frozen_clock.set(utc(2026, 5, 16, 12))
    results = await run_jobs(gateways=gateways, grace_days=7)
    assert (results["memberships_renewed"], results["membership_gateway_errors"]) == (1, 1)
    assert len(charges) == 2
    # then the renewal is not stored, and neither is its notification, and nothing was sent
    assert (await Membership.get(member_id=member.id)).current_period_end == utc(2026, 4, 15, 12)
    assert [n for n in await stored(member.id) if n[0] == "membership_renewal"] == []
    assert sender.sent == []
