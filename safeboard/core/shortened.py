"""A long table cut for print: its first rows by some ranking, and one row for all the others.

The printed yearly report gives a county's forty-odd agencies a line each in its web version
only; on paper a table that runs over pages is read less, and every cell is text the PDF must
lay out and tag. The rows kept stay in the table's own order, so a table read lowest-first is
still read lowest-first, and the row for the others adds up their counts, so the table's
totals do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

PRINTED_ROWS = 10  # rows a printed table keeps before the one for all the others


@dataclass(frozen=True)
class Shortened:
    rows: list[dict]
    others: dict | None  # None when the table was short enough to keep whole
    total_rows: int

    @property
    def left_out(self) -> int:
        return self.total_rows - len(self.rows)


def shortened(
    rows: Sequence[dict],
    *,
    sums: Sequence[str],
    rank: Callable[[dict], Any] | None = None,
    keep: int = PRINTED_ROWS,
) -> Shortened:
    """The `keep` rows that come first by `rank` (by the table's own order without one), in
    the table's order, and one row adding up the `sums` columns of all the rest."""
    if keep < 1:
        raise ValueError("A shortened table keeps at least one row.")
    if len(rows) <= keep + 1:  # one row for "all the others" would save nothing
        return Shortened(rows=list(rows), others=None, total_rows=len(rows))
    order = range(len(rows))
    ranked = sorted(order, key=lambda i: rank(rows[i])) if rank else list(order)
    kept = set(ranked[:keep])
    others = [row for i, row in enumerate(rows) if i not in kept]
    return Shortened(
        rows=[row for i, row in enumerate(rows) if i in kept],
        others={column: sum(row[column] or 0 for row in others) for column in sums},
        total_rows=len(rows),
    )
