from pathlib import Path

from wallet.graphql.schema import export_schema

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_the_code():
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == export_schema(), (
        "schema.graphql is out of date: run `wallet export-schema -o schema.graphql` and commit it"
    )
