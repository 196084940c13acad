"""The census in columnar form: what the streaming reader produces and the indicators read.

The reader (reader.py) turns one or more Children in Need census files into these tables,
one row per element, child-level but never kept (unless retention is switched on) and never
shown. The indicator SQL (sql/*.sql) runs over exactly these tables in DuckDB, loaded by
`tables.load_into_duckdb`. Dates are `datetime.date` or None; a child is known by LAchildID across
every file read together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# table name → (column, DuckDB type) in order. A referral is one CINdetails element;
# `referral_id` numbers them across all the files read, so its children can point at it.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "referrals": (
        ("referral_id", "INTEGER"),
        ("child_id", "VARCHAR"),
        ("referral_date", "DATE"),
        ("referral_nfa", "BOOLEAN"),
        ("closure_date", "DATE"),
    ),
    "assessments": (
        ("referral_id", "INTEGER"),
        ("child_id", "VARCHAR"),
        ("start_date", "DATE"),
        ("authorisation_date", "DATE"),
    ),
    "section47": (
        ("referral_id", "INTEGER"),
        ("child_id", "VARCHAR"),
        ("start_date", "DATE"),
        ("icpc_date", "DATE"),
    ),
    "cp_plans": (
        ("referral_id", "INTEGER"),
        ("child_id", "VARCHAR"),
        ("start_date", "DATE"),
        ("end_date", "DATE"),
        ("previous_plans", "INTEGER"),
    ),
}


@dataclass(frozen=True)
class RecordProblem:
    """A child's record that cannot be used as it stands (left out if the user goes on)."""

    child_id: str
    element: str
    value: str
    problem: str


@dataclass
class CensusExtract:
    """Everything the indicators need from the files, and what was wrong in them."""

    reference_date: datetime.date | None = None  # the latest ReferenceDate of the files
    files: list[str] = field(default_factory=list)
    children: int = 0
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in TABLES})
    problems: list[RecordProblem] = field(default_factory=list)
    # Children whose records had problems, left out of the tables when the user chose to go on.
    children_left_out: int = 0

    @property
    def period_start(self) -> datetime.date | None:
        """1 April of the year ending at the reference date (31 March)."""
        if self.reference_date is None:
            return None
        return datetime.date(self.reference_date.year - 1, 4, 1)
