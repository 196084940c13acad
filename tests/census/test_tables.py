"""The census tables in DuckDB hold exactly the extract's rows, however many chunks they take."""

from __future__ import annotations

import datetime

import duckdb

from safeboard.census import tables
from safeboard.census.extract import TABLES, CensusExtract

D = datetime.date


def extract_of(referrals: int) -> CensusExtract:
    extract = CensusExtract(reference_date=D(2025, 3, 31))
    for number in range(1, referrals + 1):
        day = D(2024, 4, 1) + datetime.timedelta(days=number)
        extract.rows["referrals"].append((number, f"C{number}", day, number % 2 == 0, None))
        extract.rows["cp_plans"].append((number, f"C{number}", day, None, number % 3))
    return extract


def loaded(extract: CensusExtract) -> dict[str, list[tuple]]:
    with duckdb.connect() as connection:
        tables.load_into_duckdb(extract, connection)
        return {
            name: connection.execute(f"SELECT * FROM {name} ORDER BY referral_id").fetchall()  # noqa: S608
            for name in TABLES
        }


def test_a_table_loaded_in_chunks_holds_every_row_in_order(monkeypatch):
    extract = extract_of(7)
    monkeypatch.setattr(tables, "CHUNK_ROWS", 3)

    assert loaded(extract) == {name: extract.rows[name] for name in TABLES}


def test_an_empty_table_is_created_with_its_columns():
    with duckdb.connect() as connection:
        tables.load_into_duckdb(CensusExtract(reference_date=D(2025, 3, 31)), connection)
        described = connection.execute("DESCRIBE cp_plans").fetchall()
        count = connection.execute("SELECT count(*) FROM cp_plans").fetchone()

    assert [(row[0], row[1]) for row in described] == list(TABLES["cp_plans"])
    assert count == (0,)
