"""The database's query planner after a bulk load."""

from __future__ import annotations

from django.db import connection


def refresh_statistics() -> None:
    """Tell PostgreSQL's planner how big the tables now are, after thousands of rows at once.

    Its statistics are otherwise those of the last automatic analysis, which may have seen
    the tables nearly empty (and cannot see rows of a transaction still open): it then
    chooses nested loops over tens of thousands of rows, and a page that takes milliseconds
    takes hours. Run inside the loading transaction, ANALYZE counts that transaction's own
    rows. SQLite plans from its indexes alone, so it is left as it is."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
