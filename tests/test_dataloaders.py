"""The request's DataLoader (wallet.graphql.dataloaders): batches, reads each key once."""
from __future__ import annotations

import asyncio

import pytest
from strawberry.dataloader import WrongNumberOfResultsReturned

from wallet.graphql.dataloaders import DataLoader


class Reads:
    """A load function that records the batches it is given."""

    def __init__(self, fail: Exception | None = None, short: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.fail = fail
        self.short = short

    async def __call__(self, keys: list[str]) -> list[str]:
        self.batches.append(list(keys))
        await asyncio.sleep(0)
        if self.fail is not None:
            raise self.fail
        return [key.upper() for key in keys][: -1 if self.short else None]


async def test_loads_asked_together_are_read_in_one_batch_each_key_once():
    reads = Reads()
    loader = DataLoader(reads)

    async def field(key: str) -> str:
        return await loader.load(key)

    answers = await asyncio.gather(field("ada"), field("bob"), field("ada"), loader.load_many(["cy", "bob"]))
    assert answers == ["ADA", "BOB", "ADA", ["CY", "BOB"]]
    assert reads.batches == [["ada", "bob", "cy"]]
    assert await loader.load("bob") == "BOB" and reads.batches == [["ada", "bob", "cy"]]  # kept


async def test_a_load_asked_once_a_batch_has_started_goes_in_the_next():
    reads = Reads()
    loader = DataLoader(reads)
    first = loader.load("ada")
    await asyncio.sleep(0)
    await asyncio.sleep(0)  # the batch has started reading
    assert await loader.load("bob") == "BOB"
    assert await first == "ADA"
    assert reads.batches == [["ada"], ["bob"]]


async def test_a_failed_read_fails_every_load_of_its_batch():
    loader = DataLoader(Reads(fail=RuntimeError("database down")))
    results = await asyncio.gather(loader.load("ada"), loader.load("bob"), return_exceptions=True)
    assert [str(r) for r in results] == ["database down", "database down"]

    with pytest.raises(WrongNumberOfResultsReturned):
        await DataLoader(Reads(short=True)).load_many(["ada", "bob"])


async def test_a_primed_key_is_not_read_even_when_already_asked_for():
    reads = Reads()
    loader = DataLoader(reads)
    loader.prime("ada", "primed")
    asked = loader.load("bob")
    loader.prime("bob", "primed too")  # asked for, its batch not yet read
    assert await loader.load("ada") == "primed"
    assert await asked == "primed too"
    await asyncio.sleep(0.01)
    assert reads.batches in ([], [["bob"]])  # read or not, the primed answer stands
    assert await loader.load("bob") == "primed too"
