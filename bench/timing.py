"""Median timings and the table they are printed in."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    runs: int
    median: float
    baseline: float | None = None

    @property
    def ratio(self) -> str:
        return f"{self.median / self.baseline:.1f}x" if self.baseline else "-"


def median_seconds(work: Callable[[], object], runs: int, warm_up: bool = True) -> float:
    if warm_up:
        work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def medians_in_turn(works: list[Callable[[], object]], runs: int) -> list[float]:
    """The median of each of `works`, each warmed up, then run in turn `runs` times: a
    machine busier in one part of the run than another moves them all alike."""
    for work in works:
        work()
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for work, taken in zip(works, times, strict=True):
            started = time.perf_counter()
            work()
            taken.append(time.perf_counter() - started)
    return [statistics.median(taken) for taken in times]


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f} ms"


def table(results: list[Result]) -> str:
    rows = [("benchmark", "runs", "median", "baseline", "ratio")]
    rows += [(r.name, str(r.runs), _ms(r.median), _ms(r.baseline), r.ratio) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
