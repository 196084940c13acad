"""The census tables in DuckDB hold exactly the extract's rows: every type, missing values,
first and last dates, and no rows at all."""

from __future__ import annotations

import datetime

import duckdb
from hypothesis import given
from hypothesis import strategies as st

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


def test_a_table_holds_every_row_in_order():
    extract = extract_of(7)

    assert loaded(extract) == {name: extract.rows[name] for name in TABLES}


dates = st.none() | st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))
referral_rows = st.lists(
    st.tuples(st.text(min_size=1, max_size=12), dates, st.none() | st.booleans(), dates),
    max_size=40,
)
plan_rows = st.lists(
    st.tuples(st.text(min_size=1, max_size=12), dates, dates, st.none() | st.integers(0, 99)),
    max_size=40,
)


@given(referrals=referral_rows, plans=plan_rows)
def test_any_rows_come_back_as_they_went_in(referrals, plans):
    extract = CensusExtract(reference_date=D(2025, 3, 31))
    extract.rows["referrals"] = [(number, *row) for number, row in enumerate(referrals, 1)]
    extract.rows["cp_plans"] = [(number, *row) for number, row in enumerate(plans, 1)]

    assert loaded(extract) == {name: extract.rows[name] for name in TABLES}


def test_an_empty_table_is_created_with_its_columns():
    with duckdb.connect() as connection:
        tables.load_into_duckdb(CensusExtract(reference_date=D(2025, 3, 31)), connection)
        described = connection.execute("DESCRIBE cp_plans").fetchall()
        count = connection.execute("SELECT count(*) FROM cp_plans").fetchone()

    assert [(row[0], row[1]) for row in described] == list(TABLES["cp_plans"])
    assert count == (0,)
