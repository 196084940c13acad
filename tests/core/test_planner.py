"""After a bulk load the planner knows the tables' sizes, rows of the open transaction too."""

from __future__ import annotations

import pytest
from django.db import connection

from safeboard.core.planner import refresh_statistics
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency

pytestmark = pytest.mark.django_db


def _estimated_rows(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_the_planner_counts_the_rows_loaded_in_the_open_transaction():
    AgencyFactory.create_batch(40)

    refresh_statistics()

    assert _estimated_rows(Agency._meta.db_table) >= 40


def test_refreshing_the_statistics_leaves_the_data_as_it_was():
    AgencyFactory.create_batch(3)
    before = list(Agency.objects.order_by("pk").values())

    refresh_statistics()

    assert list(Agency.objects.order_by("pk").values()) == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics")
def test_sqlite_keeps_the_table_sizes_its_planner_chooses_indexes_by():
    AgencyFactory.create_batch(5)

    refresh_statistics()

    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [Agency._meta.db_table])
        sizes = [int(stat.split()[0]) for (stat,) in cursor.fetchall()]
    assert sizes and all(size >= 5 for size in sizes)
