"""`safeboard spc`: the XmR chart and special-cause signals of a series, JSON in and out.

Reads a JSON list of numbers on standard input and prints one JSON object: `mean`,
`lower_limit`, `upper_limit`, `amr`, and `points`, each with its `value`, `signals` (any of
outside_limits, shift, trend, two_of_three) and `classification`; with `--target`, also
`target_assessment`. Bad input is a one-line error on standard error and exit status 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safeboard.scorecard.spc import xmr

USAGE_ERROR = 2
NOT_JSON = "Standard input is not JSON: {error}."
NOT_A_LIST = "Expected a JSON list of numbers on standard input."
NOT_A_NUMBER = "Point {position} is not a number: {item}."
TOO_LARGE = "Point {position} is too large to chart: {item}."


class Command(BaseCommand):
    help = (
        "Read a JSON list of numbers on standard input; print its XmR chart and "
        "special-cause signals (Making Data Count rules) as JSON."
    )
    requires_system_checks: list[str] = []  # arithmetic only: no database to check
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--polarity",
            choices=[polarity.value for polarity in xmr.Polarity],
            default=xmr.Polarity.NONE.value,
            help="Which way is better: up (higher), down (lower) or none (default).",
        )
        parser.add_argument(
            "--target", type=float, help="Say whether the process reliably meets this target."
        )
        parser.add_argument(
            "--baseline-start",
            type=int,
            default=0,
            help="First point of the baseline the limits come from, counting from 0 (default 0).",
        )
        parser.add_argument(
            "--baseline-end",
            type=int,
            help="Point after the last of the baseline (default: the end of the series).",
        )
        parser.add_argument(
            "--screen-moving-ranges",
            action="store_true",
            help="Leave moving ranges of 3.267 × amr or more out of the limits (NHSRplotthedots).",
        )

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        try:
            chart = xmr.xmr_chart(
                read_series(stdin.read()),
                polarity=xmr.Polarity(options["polarity"]),
                target=options["target"],
                baseline_start=options["baseline_start"],
                baseline_end=options["baseline_end"],
                screen_moving_ranges=options["screen_moving_ranges"],
            )
        except ValueError as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error
        self.stdout.write(json.dumps(chart_as_json(chart), indent=2))


def read_series(text: str) -> list[float]:
    """The numbers of a JSON list; ValueError, with a one-line reason, for anything else."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(NOT_JSON.format(error=error)) from error
    if not isinstance(items, list):
        raise ValueError(NOT_A_LIST)
    series = []
    for position, item in enumerate(items, start=1):
        if isinstance(item, bool) or not isinstance(item, int | float):
            raise ValueError(NOT_A_NUMBER.format(position=position, item=json.dumps(item)[:40]))
        try:
            series.append(float(item))
        except OverflowError as error:
            raise ValueError(TOO_LARGE.format(position=position, item=str(item)[:40])) from error
    return series


def chart_as_json(chart: xmr.XmrChart) -> dict[str, Any]:
    result: dict[str, Any] = {
        "mean": chart.mean,
        "lower_limit": chart.lower_limit,
        "upper_limit": chart.upper_limit,
        "amr": chart.amr,
        "polarity": chart.polarity.value,
        "baseline": {"start": chart.baseline.start, "end": chart.baseline.stop},
    }
    if chart.target is not None:
        result["target"] = chart.target
        result["target_assessment"] = str(chart.target_assessment)
    result["points"] = [
        {
            "value": point.value,
            "signals": [signal.value for signal in point.signals],
            "classification": point.classification.value,
        }
        for point in chart.points
    ]
    return result
