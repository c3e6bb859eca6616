"""Model instances made from rows by wallet.db are the ones Tortoise makes itself."""
from __future__ import annotations

from datetime import datetime

import pytest
from tortoise import Tortoise

from tests.conftest import POSTGRES_URL, base_settings
from wallet import db
from wallet.program.service import ensure_program


async def compare_every_model(passwords, max_amount) -> int:
    """Seed the demo, then read up to 20 rows of every table both ways; how many compared."""
    from wallet.demo import seed

    await seed(passwords, max_amount)  # rows in most tables, every column kind
    compared = 0
    for model in Tortoise.apps["models"].values():
        sql = f"SELECT {db.columns(model)} FROM {model._meta.db_table}"
        rows = await db.fetch_rows(sql)
        for row in rows[:20]:
            ours, orm = db.from_row(model, row), model._init_from_db(**row)
            assert type(ours) is type(orm)
            assert vars(ours) == vars(orm), model.__name__
            for attribute, value in vars(orm).items():  # the same kinds of values, too
                assert type(getattr(ours, attribute)) is type(value), (model.__name__, attribute)
                if isinstance(value, datetime):
                    assert getattr(ours, attribute).tzinfo == value.tzinfo, (model.__name__, attribute)
            compared += 1
    return compared


async def test_every_model_read_from_its_rows_is_what_the_orm_makes(database, passwords):
    assert await compare_every_model(passwords, database.max_purchase_amount) > 100


async def test_rows_are_read_right_after_the_process_opened_another_kind_of_database(database, passwords, tmp_path):
    # Which columns need converting depends on the database (SQLite gives decimals as text,
    # PostgreSQL's driver as Decimal): a process that opened one and then the other (the test
    # suite on PostgreSQL does) must not convert the second's rows by the first's rules.
    await compare_every_model(passwords, database.max_purchase_amount)
    other = base_settings(f"sqlite://{tmp_path / 'other.db'}") if POSTGRES_URL else None
    if other is None:
        pytest.skip("needs PostgreSQL as the suite's database, to open SQLite after it")
    await db.close_orm()
    await db.migrate(other)
    await db.init_orm(other)
    try:
        await ensure_program(other.program)
        assert await compare_every_model(passwords, other.max_purchase_amount) > 100
    finally:
        await db.close_orm()
        await db.init_orm(database)  # as the fixture left it, for its own teardown
