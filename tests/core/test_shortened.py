"""A long table cut for print: the rows kept, and one row adding up all the others."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeboard.core.shortened import shortened


def _rows(*counts: int) -> list[dict]:
    return [{"name": f"Agency {n}", "count": count} for n, count in enumerate(counts)]


def test_a_table_short_enough_is_kept_whole():
    rows = _rows(5, 4, 3)
    table = shortened(rows, sums=("count",), keep=2)  # a row for one other saves nothing
    assert table.rows == rows
    assert table.others is None
    assert table.left_out == 0


def test_without_a_ranking_the_first_rows_are_kept():
    table = shortened(_rows(1, 2, 3, 4, 5), sums=("count",), keep=2)
    assert [row["name"] for row in table.rows] == ["Agency 0", "Agency 1"]
    assert table.others == {"count": 12}
    assert (table.total_rows, table.left_out) == (5, 3)


def test_the_rows_ranked_first_are_kept_in_the_tables_own_order():
    table = shortened(_rows(1, 9, 3, 8, 5), sums=("count",), rank=lambda r: -r["count"], keep=2)
    assert [row["name"] for row in table.rows] == ["Agency 1", "Agency 3"]
    assert table.others == {"count": 9}


def test_a_missing_figure_adds_nothing():
    rows = [*_rows(7, 6), {"name": "Agency 2", "count": None}, *_rows(1)]
    assert shortened(rows, sums=("count",), keep=1).others == {"count": 7}


def test_a_table_keeps_at_least_one_row():
    with pytest.raises(ValueError, match="at least one row"):
        shortened(_rows(1, 2, 3), sums=("count",), keep=0)


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=60), st.integers(1, 15))
def test_the_shortened_table_adds_up_to_the_whole(counts, keep):
    rows = _rows(*counts)
    table = shortened(rows, sums=("count",), rank=lambda r: -r["count"], keep=keep)
    others = table.others["count"] if table.others else 0
    assert sum(row["count"] for row in table.rows) + others == sum(counts)
    assert len(table.rows) <= max(keep, len(rows)) and table.left_out != 1
    kept = [row["count"] for row in table.rows]
    dropped = sorted(set(range(len(rows))) - {rows.index(row) for row in table.rows})
    assert all(rows[i]["count"] <= min(kept) for i in dropped)
