"""(c) Building the demo partnership: an absolute time, rolled back after each run."""

from __future__ import annotations

from django.db import transaction

from .timing import Result, median_seconds

RUNS = 3


class _RollBack(Exception):
    pass


def _build_and_roll_back() -> None:
    from safeboard.demo.build import build_demo

    try:
        with transaction.atomic():
            build_demo()
            raise _RollBack
    except _RollBack:
        pass


def bench_demo_build() -> Result:
    seconds = median_seconds(_build_and_roll_back, RUNS, warm_up=False)
    return Result("build the demo partnership", RUNS, seconds)
