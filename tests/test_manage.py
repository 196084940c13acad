"""The `safeboard` entry point: commands that need no app start without loading them."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from safeboard.manage import WITHOUT_APPS

from .census.test_census_command import census_file, details

# Runs `safeboard ARGS...` in a fresh process, then says whether the apps were loaded.
ENTRY = """
import sys, django.apps
from safeboard.manage import main
sys.argv = ["safeboard", *sys.argv[1:]]
try:
    main()
finally:
    sys.stderr.write(f"apps loaded: {django.apps.apps.ready}\\n")
"""


def safeboard(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_census_indicators_start_without_loading_the_apps_and_print_what_the_command_prints(
    tmp_path,
):
    path = census_file(tmp_path, 2025, {"A": [details("2024-05-01")], "B": [details("2024-13-45")]})
    expected, expected_errors = StringIO(), StringIO()
    call_command(
        "census",
        "indicators",
        str(path),
        "--population",
        "1000",
        stdout=expected,
        stderr=expected_errors,
    )
    finished = safeboard("census", "indicators", str(path), "--population", "1000")
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout) == json.loads(expected.getvalue())
    assert expected_errors.getvalue().strip() in finished.stderr
    assert "apps loaded: False" in finished.stderr


def test_census_synth_starts_without_loading_the_apps(tmp_path):
    out = tmp_path / "synthetic.xml"
    finished = safeboard("census", "synth", "--children", "3", "--seed", "1", "--out", str(out))
    assert finished.returncode == 0, finished.stderr
    assert out.read_bytes().startswith(b"<?xml")
    assert "apps loaded: False" in finished.stderr


def test_a_census_error_without_the_apps_is_one_line_and_status_2(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Message><Children>", encoding="utf-8")
    finished = safeboard("census", "indicators", str(broken), "--population", "10")
    assert finished.returncode == 2
    assert "CommandError: " in finished.stderr
    assert "broken.xml, line 1" in finished.stderr
    assert finished.stdout == ""


def test_other_commands_still_load_the_apps():
    finished = safeboard("check", "--deploy", "--fail-level", "CRITICAL")
    assert "apps loaded: True" in finished.stderr


def test_every_command_run_without_the_apps_is_a_real_command():
    for name, module in WITHOUT_APPS.items():
        assert module.endswith(f".management.commands.{name}")
        __import__(module)
