"""Model instances made from rows by wallet.db are the ones Tortoise makes itself."""
from __future__ import annotations

from datetime import datetime

from tortoise import Tortoise

from wallet import db


async def test_every_model_read_from_its_rows_is_what_the_orm_makes(database, passwords):
    from wallet.demo import seed

    await seed(passwords, database.max_purchase_amount)  # rows in most tables, every column kind
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
    assert compared > 100
