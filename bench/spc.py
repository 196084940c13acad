"""(d) XmR charts with the four special-cause rules, for every indicator of a large scorecard.

The baseline computes only the mean and the mean moving range of the same series with
`statistics.fmean`: the least an XmR chart costs. The ratio is the price of the rules,
the classification and the target assessment on top.
"""

from __future__ import annotations

import random
import statistics
from itertools import pairwise

from .timing import Result, median_seconds

INDICATORS = 1_000
POINTS = 36  # three years of monthly figures
RUNS = 5


def indicator_series(
    indicators: int = INDICATORS, points: int = POINTS, seed: int = 7
) -> list[list[float]]:
    """Monthly figures around a level, a third with a step change, a quarter drifting."""
    rng = random.Random(seed)
    series = []
    for _ in range(indicators):
        level, spread = rng.uniform(10, 90), rng.uniform(1, 8)
        step_at, step = rng.randrange(points), rng.choice([0, 0, spread * 2])
        drift = rng.choice([0, 0, 0, spread / 4])
        levels = [
            level + drift * month + (step if month >= step_at else 0) for month in range(points)
        ]
        series.append([round(rng.gauss(mean, spread), 1) for mean in levels])
    return series


def bench_spc() -> Result:
    from safeboard.scorecard.spc.xmr import Polarity, xmr_chart

    series = indicator_series()

    def charts() -> None:
        for values in series:
            xmr_chart(values, polarity=Polarity.UP, target=50.0)

    def baseline() -> None:
        for values in series:
            statistics.fmean(values)
            statistics.fmean(abs(later - earlier) for earlier, later in pairwise(values))

    return Result(
        f"XmR charts, 4 rules: {INDICATORS:,} indicators x {POINTS} points",
        RUNS,
        median_seconds(charts, RUNS),
        median_seconds(baseline, RUNS),
    )
