"""Per-request DataLoaders: built for each request in the context, never shared."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from wallet.ledger.models import PointsAccount
from wallet.members.models import Member
from wallet.staff.models import Staff


def _by_id(rows: Iterable, keys: list, attribute: str = "id") -> list:
    found = {str(getattr(row, attribute)): row for row in rows}
    return [found.get(str(key)) for key in keys]


def _uuids(keys: list[str]) -> list[uuid.UUID]:
    valid = []
    for key in keys:
        try:
            valid.append(uuid.UUID(str(key)))
        except ValueError:
            continue
    return valid


async def _members(keys: list[str]) -> list[Member | None]:
    return _by_id(await Member.filter(id__in=_uuids(keys)), keys)


async def _staff(keys: list[str]) -> list[Staff | None]:
    return _by_id(await Staff.filter(id__in=_uuids(keys)), keys)


async def _points_accounts(keys: list[str]) -> list[PointsAccount | None]:
    rows = await PointsAccount.filter(member_id__in=_uuids(keys))
    return _by_id(rows, keys, "member_id")


@dataclass
class Loaders:
    member_by_id: DataLoader[str, Member | None] = field(
        default_factory=lambda: DataLoader(load_fn=_members)
    )
    staff_by_id: DataLoader[str, Staff | None] = field(
        default_factory=lambda: DataLoader(load_fn=_staff)
    )
    points_account_by_member_id: DataLoader[str, PointsAccount | None] = field(
        default_factory=lambda: DataLoader(load_fn=_points_accounts)
    )
