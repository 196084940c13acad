"""Load a CensusExtract into DuckDB: the four census tables and the working-day calendar.

Rows go through a temporary CSV file read by DuckDB's `read_csv` with the column types of
`extract.TABLES`: for a large county (about a million rows) this is far faster than inserting
row by row, and needs neither pandas nor pyarrow at run time.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable
from pathlib import Path

import duckdb

from safeboard.core.workdays import calendar_rows

from .extract import TABLES, CensusExtract

# Working days matter only within a year of a date in the period (45 working days at most
# are ever compared), so the calendar runs from a year before the period to its end. A start
# date before the calendar is further than that from any date in the period; one after the
# end date is handled in the SQL.
CALENDAR_LEAD = datetime.timedelta(days=366)
CALENDAR_COLUMNS = (("day", "DATE"), ("working_day_index", "INTEGER"))


def load_into_duckdb(extract: CensusExtract, connection: duckdb.DuckDBPyConnection) -> None:
    """Create and fill `referrals`, `assessments`, `section47`, `cp_plans` and `calendar`."""
    with tempfile.TemporaryDirectory(prefix="safeboard-census-") as folder:
        for name, columns in TABLES.items():
            _load_table(connection, Path(folder), name, columns, extract.rows[name])
        if extract.reference_date is not None and extract.period_start is not None:
            calendar = calendar_rows(extract.period_start - CALENDAR_LEAD, extract.reference_date)
        else:
            calendar = iter(())
        _load_table(connection, Path(folder), "calendar", CALENDAR_COLUMNS, calendar)


def _load_table(
    connection: duckdb.DuckDBPyConnection,
    folder: Path,
    name: str,
    columns: tuple[tuple[str, str], ...],
    rows: Iterable[tuple],
) -> None:
    path = folder / f"{name}.csv"
    # Dates write as YYYY-MM-DD, booleans as True/False and None as an empty field (NULL).
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    types = ", ".join(f"'{column}': '{column_type}'" for column, column_type in columns)
    # Table and column names come from extract.TABLES and CALENDAR_COLUMNS, never from input.
    connection.execute(f"DROP TABLE IF EXISTS {name}")
    connection.execute(
        f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = false, "  # noqa: S608
        f"columns = {{{types}}}, auto_detect = false, quote = '\"', escape = '\"')",
        [str(path)],
    )
