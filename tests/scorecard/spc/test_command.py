"""`safeboard spc`: a JSON list of numbers in, the XmR chart as JSON out, bad input exits 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SAFEBOARD = Path(sys.executable).parent / "safeboard"
STEP_UP = [10, 11, 10, 11, 10, 11, 10, 20, 21, 20, 21, 20, 21, 20]


def run_spc(text: str, *args: str) -> dict:
    out = io.StringIO()
    call_command("spc", *args, stdin=io.StringIO(text), stdout=out)
    return json.loads(out.getvalue())


def spc_error(text: str, *args: str) -> CommandError:
    with pytest.raises(CommandError) as raised:
        run_spc(text, *args)
    return raised.value


def test_prints_mean_limits_and_every_point_with_its_signals():
    chart = run_spc("[1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1]")
    assert round(chart["mean"], 2) == 1.94
    assert round(chart["lower_limit"], 2) == -3.06
    assert round(chart["upper_limit"], 2) == 6.95
    assert len(chart["points"]) == 18
    assert chart["points"][4] == {
        "value": 10,
        "signals": ["outside_limits"],
        "classification": "neither",
    }
    assert all(point["signals"] == [] for i, point in enumerate(chart["points"]) if i != 4)


def test_every_point_of_a_run_carries_the_runs_signal():
    chart = run_spc(json.dumps(STEP_UP), "--polarity", "up")
    assert all("shift" in point["signals"] for point in chart["points"])
    assert [point["classification"] for point in chart["points"]] == ["concern"] * 7 + [
        "improvement"
    ] * 7


def test_screening_moving_ranges_narrows_the_limits():
    chart = run_spc("[1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1]", "--screen-moving-ranges")
    assert round(chart["lower_limit"], 2) == -0.72
    assert round(chart["upper_limit"], 2) == 4.6


def test_baseline_options_choose_the_points_the_limits_come_from():
    chart = run_spc(json.dumps(STEP_UP), "--baseline-end", "7")
    assert chart["mean"] == pytest.approx(73 / 7)
    assert chart["baseline"] == {"start": 0, "end": 7}
    assert all("outside_limits" in point["signals"] for point in chart["points"][7:])


def test_a_target_is_assessed_against_the_limits():
    chart = run_spc("[95, 96, 95, 97, 96]", "--polarity", "up", "--target", "90")
    assert chart["target"] == 90
    assert chart["target_assessment"] == "reliably_meets"


def test_no_target_no_assessment():
    assert "target_assessment" not in run_spc("[95, 96]")


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("one, two", (), "Standard input is not JSON"),
        ("", (), "Standard input is not JSON"),
        ('{"values": [1, 2]}', (), "Expected a JSON list of numbers"),
        ('[1, "2"]', (), 'Point 2 is not a number: "2"'),
        ("[1, true]", (), "Point 2 is not a number: true"),
        ("[1, null]", (), "Point 2 is not a number: null"),
        ("[1, [2]]", (), "Point 2 is not a number"),
        ("[]", (), "at least 2 points; got 0"),
        ("[3]", (), "at least 2 points; got 1"),
        ("[1, NaN, 3]", (), "Point 2 is not a finite number"),
        ("[1, Infinity]", (), "Point 2 is not a finite number"),
        ("[1, 1e999]", (), "Point 2 is not a finite number"),
        ("[1, " + "9" * 400 + "]", (), "Point 2 is too large"),
        ("[1, 2, 3]", ("--target", "2"), "A target needs a polarity"),
        ("[1, 2, 3]", ("--polarity", "up", "--target", "nan"), "target is not a finite"),
        ("[1, 2, 3]", ("--baseline-start", "2"), "baseline must hold at least 2 points"),
    ],
)
def test_bad_input_is_a_one_line_error_with_status_2(text, args, message):
    error = spc_error(text, *args)
    assert error.returncode == 2
    assert message in str(error)
    assert "\n" not in str(error)


def test_the_console_command_reads_standard_input_and_prints_json():
    done = subprocess.run(
        [str(SAFEBOARD), "spc", "--polarity", "down"],
        input=json.dumps(STEP_UP),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    chart = json.loads(done.stdout)
    assert {"mean", "lower_limit", "upper_limit", "points"} <= chart.keys()
    assert chart["points"][1] == {
        "value": 11,
        "signals": ["shift", "two_of_three"],
        "classification": "improvement",
    }


def test_the_console_command_exits_2_with_one_line_on_standard_error():
    done = subprocess.run(
        [str(SAFEBOARD), "spc"],
        input="[1, NaN]",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert "Point 2 is not a finite number" in done.stderr
