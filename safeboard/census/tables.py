"""Load a CensusExtract into DuckDB: the four census tables and the working-day calendar.

Each table is filled from its columns, passed to DuckDB as lists
(`unnest($1::DATE[]), unnest($2::VARCHAR[]), ...`) a chunk of rows at a time: no file is
written and read again and no row is inserted on its own. It needs neither pandas, NumPy nor pyarrow at run time (none is
a dependency of SafeBoard); with the rows already in memory it is faster than the temporary
CSV file it replaces and uses no disk.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import duckdb

from safeboard.core.workdays import calendar_rows

from .collector import cycle_collector_paused
from .extract import TABLES, CensusExtract

# Working days matter only within a year of a date in the period (45 working days at most
# are ever compared), so the calendar runs from a year before the period to its end. A start
# date before the calendar is further than that from any date in the period; one after the
# end date is handled in the SQL.
CALENDAR_LEAD = datetime.timedelta(days=366)
CALENDAR_COLUMNS = (("day", "DATE"), ("working_day_index", "INTEGER"))
# DuckDB holds a list parameter as one value object per element until its statement ends, a
# few times the size of the rows themselves: a table is loaded this many rows at a time, which
# keeps that bounded (about 100 MB less at 200,000 children) at no cost in time. (Inserting
# straight from the lists is three times slower than creating a table from them.)
CHUNK_ROWS = 65_536
# DuckDB takes a Python int in about half the time it takes a date (a census has a million
# dates): dates are passed as their ordinals and turned back into dates in DuckDB.
_PASSED_AS = {"DATE": "INTEGER"}


def load_into_duckdb(extract: CensusExtract, connection: duckdb.DuckDBPyConnection) -> None:
    """Create and fill `referrals`, `assessments`, `section47`, `cp_plans` and `calendar`."""
    with cycle_collector_paused():  # the columns are a million small objects more
        for name, columns in TABLES.items():
            _load_table(connection, name, columns, extract.rows[name])
    if extract.reference_date is not None and extract.period_start is not None:
        calendar = calendar_rows(extract.period_start - CALENDAR_LEAD, extract.reference_date)
    else:
        calendar = iter(())
    _load_table(connection, "calendar", CALENDAR_COLUMNS, calendar)


def _load_table(
    connection: duckdb.DuckDBPyConnection,
    name: str,
    columns: tuple[tuple[str, str], ...],
    rows: Iterable[tuple],
) -> None:
    rows = rows if isinstance(rows, list) else list(rows)
    # Table and column names and types come from extract.TABLES and CALENDAR_COLUMNS, never
    # from input; the values are parameters.
    defined = ", ".join(f"{column} {column_type}" for column, column_type in columns)
    passed = ", ".join(
        f"unnest(${number}::{_PASSED_AS.get(column_type, column_type)}[]) AS {column}"
        for number, (column, column_type) in enumerate(columns, start=1)
    )
    stored = ", ".join(
        f"DATE '0001-01-01' + ({column} - 1)" if column_type == "DATE" else column
        for column, column_type in columns
    )
    connection.execute(f"DROP TABLE IF EXISTS {name}")
    connection.execute(f"CREATE TABLE {name} ({defined})")
    for start in range(0, len(rows), CHUNK_ROWS):
        values = zip(*rows[start : start + CHUNK_ROWS], strict=True)
        connection.execute(
            f"CREATE OR REPLACE TEMPORARY TABLE chunk AS SELECT {passed}",  # noqa: S608
            [
                _ordinals(column) if column_type == "DATE" else list(column)
                for column, (_name, column_type) in zip(values, columns, strict=True)
            ],
        )
        connection.execute(f"INSERT INTO {name} SELECT {stored} FROM chunk")  # noqa: S608
    connection.execute("DROP TABLE IF EXISTS chunk")


def _ordinals(days: tuple[datetime.date | None, ...]) -> list[int | None]:
    """Each day's proleptic ordinal (1 January of year 1 is 1), None for None."""
    ordinals: dict[datetime.date | None, int | None] = {
        day: day.toordinal() for day in set(days) if day is not None
    }
    ordinals[None] = None
    return list(map(ordinals.__getitem__, days))
