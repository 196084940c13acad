"""The database's query planner after a bulk load."""

from __future__ import annotations

from django.db import connection


def refresh_statistics() -> None:
    """Tell the query planner how big the tables now are, after thousands of rows at once.

    PostgreSQL's statistics are otherwise those of the last automatic analysis, which may
    have seen the tables nearly empty (and cannot see rows of a transaction still open): it
    then chooses nested loops over tens of thousands of rows, and a page that takes
    milliseconds takes hours. Run inside the loading transaction, ANALYZE counts that
    transaction's own rows.

    SQLite keeps no statistics until ANALYZE writes them (its `sqlite_stat1` table), and
    without them guesses every index equally good: the training a case review led to was
    counted by walking every attended booking (0.45 ms on the demo) rather than the few
    sessions of the review's courses (0.09 ms)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def daily_refresh(*, today: object) -> int:
    """The daily run's last step: the statistics keep up with a day's new rows (a census
    import, a term's bookings). It escalates nothing."""
    refresh_statistics()
    return 0
