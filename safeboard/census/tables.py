"""Load a CensusExtract into DuckDB: the four census tables and the working-day calendar.

Each table's columns are handed to DuckDB as NumPy arrays, which DuckDB scans where they lie:
no file is written and read again, no row is inserted on its own, and no value is converted
one Python object at a time (passing the columns as lists of Python values took a second at
200,000 children, about a quarter of the whole command). A date goes as its ordinal and is
turned back into a date in DuckDB; a column with missing values goes with a mask of them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import numpy

from safeboard.core.workdays import calendar_rows

from .collector import cycle_collector_paused
from .extract import TABLES, CensusExtract

# Working days matter only within a year of a date in the period (45 working days at most
# are ever compared), so the calendar runs from a year before the period to its end. A start
# date before the calendar is further than that from any date in the period; one after the
# end date is handled in the SQL.
CALENDAR_LEAD = datetime.timedelta(days=366)
CALENDAR_COLUMNS = (("day", "DATE"), ("working_day_index", "INTEGER"))
# The NumPy type each DuckDB type is handed over as (text stays Python strings).
_ARRAY_TYPES = {"DATE": numpy.int32, "INTEGER": numpy.int64, "BOOLEAN": numpy.bool_}
_NULL_MASK = "{}__missing"  # the mask column of a column with missing values
_LOADED = "loaded_columns"  # the name the arrays are scanned by, while a table is filled


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
    cells = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    arrays: dict[str, Any] = {}
    stored = []
    for (column, column_type), values in zip(columns, cells, strict=True):
        array, missing = _array(column_type, values)
        arrays[column] = array
        value = f"DATE '0001-01-01' + ({column} - 1)" if column_type == "DATE" else column
        if missing is not None:
            arrays[_NULL_MASK.format(column)] = missing
            value = f"CASE WHEN {_NULL_MASK.format(column)} THEN NULL ELSE {value} END"
        stored.append(f"CAST({value} AS {column_type})")
    # Table and column names and types come from extract.TABLES and CALENDAR_COLUMNS, never
    # from input; the values are the arrays.
    defined = ", ".join(f"{column} {column_type}" for column, column_type in columns)
    connection.execute(f"DROP TABLE IF EXISTS {name}")
    connection.execute(f"CREATE TABLE {name} ({defined})")
    connection.register(_LOADED, arrays)
    try:
        connection.execute(f"INSERT INTO {name} SELECT {', '.join(stored)} FROM {_LOADED}")  # noqa: S608
    finally:
        connection.unregister(_LOADED)


def _array(column_type: str, values: Sequence[Any]) -> tuple[Any, Any]:
    """The column as a NumPy array (dates as ordinals), and a mask of its missing values, or
    None when none is missing."""
    if column_type not in _ARRAY_TYPES:
        return numpy.array(values, dtype=object), None
    if column_type == "DATE":
        values = _ordinals(values)
    missing = numpy.fromiter((value is None for value in values), numpy.bool_, len(values))
    if not missing.any():
        return numpy.array(values, dtype=_ARRAY_TYPES[column_type]), None
    filled = [0 if value is None else value for value in values]
    return numpy.array(filled, dtype=_ARRAY_TYPES[column_type]), missing


def _ordinals(days: Sequence[datetime.date | None]) -> list[int | None]:
    """Each day's proleptic ordinal (1 January of year 1 is 1), None for None."""
    ordinals: dict[datetime.date | None, int | None] = {
        day: day.toordinal() for day in set(days) if day is not None
    }
    ordinals[None] = None
    return list(map(ordinals.__getitem__, days))
