"""The one source of the current time, so tests can move it.

Services call `clock.now()` (timezone-aware UTC), never `datetime.now()`. Tests freeze or
advance it with `clock.set(...)` / `clock.advance(...)` and `clock.reset()`.
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

_fixed: datetime | None = None


def now() -> datetime:
    return _fixed if _fixed is not None else datetime.now(UTC)


def set(moment: datetime) -> None:  # noqa: A001 - reads well as clock.set(...)
    global _fixed
    if moment.tzinfo is None:
        raise ValueError("the clock takes timezone-aware times")
    _fixed = moment.astimezone(UTC)


def advance(delta: timedelta) -> datetime:
    set(now() + delta)
    return now()


def reset() -> None:
    global _fixed
    _fixed = None
