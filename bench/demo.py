"""(c) Building the demo partnership, against the floor of writing as many bare rows.

The baseline writes the same number of rows the demo writes (domain records and their
history), as plain inserts into a scratch table: what the database alone costs. The ratio
is the price of the services, validation and history on top.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, transaction

from .timing import Result, median_seconds

RUNS = 3
SAFEBOARD_APPS = (
    "accounts",
    "partnership",
    "meetings",
    "actions",
    "priorities",
    "risks",
    "challenges",
    "scorecard",
)


class _RollBack(Exception):
    pass


def _rows_written() -> int:
    return sum(
        model.objects.count()
        for label in SAFEBOARD_APPS
        for model in apps.get_app_config(label).get_models()
    )


def _build_and_roll_back(count_rows: list[int] | None = None) -> None:
    from safeboard.demo.build import build_demo

    try:
        with transaction.atomic():
            build_demo()
            if count_rows is not None:
                count_rows.append(_rows_written())
            raise _RollBack
    except _RollBack:
        pass


def _bare_rows(total: int) -> None:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE bench_bare_rows (id integer PRIMARY KEY, payload varchar(200))"
            )
            cursor.executemany(
                "INSERT INTO bench_bare_rows (id, payload) VALUES (%s, %s)",
                [(number, f"row {number}") for number in range(total)],
            )
            raise _RollBack
    except _RollBack:
        pass


def bench_demo_build() -> Result:
    counted: list[int] = []
    _build_and_roll_back(counted)
    rows = counted[0]
    seconds = median_seconds(_build_and_roll_back, RUNS, warm_up=False)
    baseline = median_seconds(lambda: _bare_rows(rows), RUNS)
    return Result(f"build the demo partnership ({rows:,} rows)", RUNS, seconds, baseline)
