"""Birthday bonuses: `wallet run-jobs` grants the program's `birthday` event rules
(wallet.earning) to each member on their birthday, in the program's time zone.

- Once a year: the grants' reference is `birthday:<year>`, and a rule is granted once per
  reference (its caps apply as for any event).
- Members born on 29 February celebrate on 28 February in other years.
- A birth date must have been given BIRTHDAY_NOTICE_DAYS before: typing in today's date
  earns nothing (and a birth date is given once; see wallet.members.service).
- Late runs catch up within the day only: a birthday missed by a whole day of no runs is
  not granted the day after.
"""
from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from wallet import db
from wallet.actors import Actor

BIRTHDAY_NOTICE_DAYS = 30


def _month_day(column: str) -> str:
    if db.dialect() == "sqlite":
        return f"strftime('%m-%d', {column})"
    return f"to_char({column}, 'MM-DD')"


async def grant_birthday_bonuses(now: datetime) -> int:
    """Grant today's birthday bonuses; returns how many members got one this run."""
    from wallet.earning.service import grant_event
    from wallet.ledger.service import lock_account
    from wallet.notifications.models import NotificationKind
    from wallet.notifications.service import notify
    from wallet.program.service import get_program, local_date

    has_rules = await db.fetch_rows(
        "SELECT id FROM earning_rule WHERE is_active AND kind = 'event' AND event_type = 'birthday' LIMIT 1"
    )
    if not has_rules:
        return 0
    program = await get_program()
    today = local_date(program, now)
    days = [f"{today:%m-%d}"]
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year):
        days.append("02-29")
    placeholders = db.placeholders(len(days), start=2)
    rows = await db.fetch_rows(
        f"""SELECT id FROM member
            WHERE is_active AND birth_date IS NOT NULL AND birth_date_set_at <= $1
              AND {_month_day('birth_date')} IN ({placeholders})
            ORDER BY id""",
        now - timedelta(days=BIRTHDAY_NOTICE_DAYS), *days,
    )
    granted = 0
    for row in rows:
        async with db.transaction():
            account = await lock_account(row["id"])
            applied = await grant_event(Actor.system(), account, "birthday", f"birthday:{today.year}")
            if applied:
                points = sum(a.points for a in applied)
                await notify(
                    account.member_id, NotificationKind.BALANCE_CHANGED, "Happy birthday!",
                    f"{points:,} points from us, in your balance now.", {"points": points},
                )
                granted += 1
    return granted
