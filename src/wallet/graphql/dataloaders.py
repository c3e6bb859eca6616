"""Per-request DataLoaders: built for each request in the context, never shared."""
from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from functools import cached_property, partial
from typing import Generic, TypeVar

from strawberry.dataloader import WrongNumberOfResultsReturned

from wallet import db

from wallet.ledger.models import LedgerEntry, PointsAccount
from wallet.members.models import Member
from wallet.memberships.benefits import plans_with_benefits
from wallet.memberships.models import Membership, MembershipPlan
from wallet.rewards.models import Reward
from wallet.staff.models import Staff, StaffStore, Store
from wallet.tiers import service as tiers


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


# The viewer and their points are read on every request: written out (see wallet.db).
async def _members(keys: list[str]) -> list[Member | None]:
    return _by_id(await db.fetch_where(Member, "id", _uuids(keys)), keys)


async def _staff(keys: list[str]) -> list[Staff | None]:
    return _by_id(await db.fetch_where(Staff, "id", _uuids(keys)), keys)


async def _stores_of_staff(keys: list[str]) -> list[list[Store]]:
    rows = (
        await StaffStore.filter(staff_id__in=_uuids(keys), store__is_active=True)
        .select_related("store")
        .order_by("store__name")
    )
    found: dict[str, list[Store]] = {}
    for row in rows:
        found.setdefault(str(row.staff_id), []).append(row.store)
    return [found.get(str(key), []) for key in keys]


async def _points_accounts(keys: list[str]) -> list[PointsAccount | None]:
    return _by_id(await db.fetch_where(PointsAccount, "member_id", _uuids(keys)), keys, "member_id")


async def _rewards(keys: list[str]) -> list[Reward | None]:
    return _by_id(await Reward.filter(id__in=_uuids(keys)), keys)


async def _memberships(keys: list[str]) -> list[Membership | None]:
    """Each member's live membership, else their latest (what `Member.membership` shows)."""
    rows = await Membership.filter(member_id__in=_uuids(keys)).order_by("created_at", "id")
    found: dict[str, Membership] = {}
    for row in rows:
        held = found.get(str(row.member_id))
        if row.live_member_id is not None or held is None or held.live_member_id is None:
            found[str(row.member_id)] = row
    return [found.get(str(key)) for key in keys]


async def _plans(keys: list[str]) -> list[MembershipPlan | None]:
    return _by_id(await MembershipPlan.filter(id__in=_uuids(keys)), keys)


async def _benefit_plans(keys: list[str]) -> list[MembershipPlan | None]:
    plans = await plans_with_benefits(_uuids(keys))
    return [plans.get(str(key)) for key in keys]


async def _stores(keys: list[str]) -> list[Store | None]:
    return _by_id(await db.fetch_where(Store, "id", _uuids(keys)), keys)


async def _associates(keys: list[str]) -> list[Staff | None]:
    from wallet.care.service import associates_of_members

    found = await associates_of_members(_uuids(keys))
    return [found.get(str(key)) for key in keys]


async def _recent_entries(keys: list[str]) -> list[list[LedgerEntry]]:
    from wallet.care.service import recent_entries

    found = await recent_entries(_uuids(keys))
    return [found.get(str(key), []) for key in keys]


async def _tier_ranks(keys: list[str]) -> list[int | None]:
    from wallet.rewards.service import member_tier_ranks  # the services import much; load late

    ranks = await member_tier_ranks(_uuids(keys))
    return [ranks.get(str(key)) for key in keys]


async def _offer_audiences(keys: list[str]) -> list[int]:
    from wallet.offers import service as offers
    from wallet.offers.models import Offer

    found = {str(o.id): o for o in await Offer.filter(id__in=_uuids(keys))}
    known = [found[str(k)] for k in keys if str(k) in found]
    sizes = dict(zip((str(o.id) for o in known), await offers.audience_sizes(known), strict=True))
    return [sizes.get(str(k), 0) for k in keys]


async def _offer_counts(keys: list[str]) -> list:
    from wallet.offers import service as offers

    return await offers.offer_counts(_uuids(keys))


async def _tier_progress(
    statuses_loader: DataLoader[str, tiers.TierStatus], members_loader: DataLoader[str, Member | None], keys: list[str]
) -> list[tiers.TierProgress]:
    statuses = await statuses_loader.load_many(keys)
    members = await members_loader.load_many(keys)
    joined_at = {str(m.id): m.created_at for m in members if m is not None}
    return await tiers.tier_progress_for(statuses, joined_at)


K = TypeVar("K")
V = TypeVar("V")


class DataLoader(Generic[K, V]):
    """Loads asked for while a batch is waiting to run are read together, in one call of
    `load_fn` (its answers in the order of the keys it was given); each key is read once
    per loader (so once per request).

    As Strawberry's DataLoader, with the same timing (a batch runs in a task scheduled on
    the loop's next turn, so the fields resolving beside each other join it), but with less
    machinery per load: Strawberry's made a batch object, a task record and a done-callback
    per key and a closure per batch, ~1,300 Python operations of a `me` request."""

    __slots__ = ("load_fn", "_cache", "_batch")

    def __init__(self, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> None:
        self.load_fn = load_fn
        self._cache: dict[Hashable, asyncio.Future[V]] = {}
        self._batch: tuple[list[K], list[asyncio.Future[V]]] | None = None  # waiting to run

    def load(self, key: K) -> asyncio.Future[V]:
        future = self._cache.get(key)
        if future is not None:
            return future
        loop = asyncio.get_running_loop()
        future = self._cache[key] = loop.create_future()
        batch = self._batch
        if batch is None:
            batch = self._batch = ([], [])
            loop.call_soon(self._schedule, loop, batch)
        batch[0].append(key)
        batch[1].append(future)
        return future

    async def load_many(self, keys: Iterable[K]) -> list[V]:
        futures = [self.load(key) for key in keys]  # all asked before any is awaited: one batch
        try:
            return [await future for future in futures]
        except Exception:
            for future in futures:  # the others' errors are this one's: seen, not reported as lost
                if future.done() and not future.cancelled():
                    future.exception()
            raise

    def prime(self, key: K, value: V) -> None:
        """What a key reads, known already (a mutation's own answer): not read again."""
        future = self._cache.get(key)
        if future is None:
            future = self._cache[key] = asyncio.get_running_loop().create_future()
        if not future.done():
            future.set_result(value)

    def _schedule(self, loop: asyncio.AbstractEventLoop, batch: tuple[list[K], list[asyncio.Future[V]]]) -> None:
        loop.create_task(self._run(batch))

    async def _run(self, batch: tuple[list[K], list[asyncio.Future[V]]]) -> None:
        if self._batch is batch:
            self._batch = None  # from now on, a load starts the next batch
        keys, futures = batch
        try:
            values = list(await self.load_fn(keys))
            if len(values) != len(keys):
                raise WrongNumberOfResultsReturned(expected=len(keys), received=len(values))
        except Exception as error:  # noqa: BLE001 - every load of the batch fails with it
            for future in futures:
                if not future.done():
                    future.set_exception(error)
            return
        for future, value in zip(futures, values, strict=True):
            if future.done():  # primed meanwhile
                continue
            if isinstance(value, BaseException):
                future.set_exception(value)
            else:
                future.set_result(value)


class _Made(Generic[K, V]):
    """A DataLoader of `load_fn`, made the first time a `Loaders` is asked for it."""

    def __init__(self, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> None:
        self.load_fn = load_fn

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, loaders: object, owner: type | None = None) -> DataLoader[K, V]:
        made = DataLoader(load_fn=self.load_fn)
        loaders.__dict__[self.name] = made  # from now on found on the instance
        return made


class Loaders:
    """One request's DataLoaders, each made on first use: most requests use two or three."""

    member_by_id = _Made(_members)
    staff_by_id = _Made(_staff)
    stores_by_staff_id = _Made(_stores_of_staff)
    points_account_by_member_id = _Made(_points_accounts)
    tier_status_by_member_id = _Made(tiers.tier_statuses)
    reward_by_id = _Made(_rewards)
    tier_rank_by_member_id = _Made(_tier_ranks)
    membership_by_member_id = _Made(_memberships)
    membership_plan_by_id = _Made(_plans)
    # The plan whose benefits apply to the member now (trialing, active, past due), else None.
    benefit_plan_by_member_id = _Made(_benefit_plans)
    # Member care (wallet.care): stores of claims, members' associates, clients' recent entries.
    store_by_id = _Made(_stores)
    associate_by_member_id = _Made(_associates)
    recent_entries_by_member_id = _Made(_recent_entries)
    # Offers (admins): members each is for now, and its activations and completions.
    offer_audience_by_id = _Made(_offer_audiences)
    offer_counts_by_id = _Made(_offer_counts)

    @cached_property
    def tier_progress_by_member_id(self) -> DataLoader[str, tiers.TierProgress]:
        # Reuses this request's tier statuses and members: no query is made twice. Given the
        # two loaders, not this object: a loader holding it would be a reference cycle.
        return DataLoader(load_fn=partial(_tier_progress, self.tier_status_by_member_id, self.member_by_id))
