"""The census indicators over a large county's synthetic census: time and peak memory.

Three programs read the same synthetic file of CENSUS_CHILDREN children, each in its own
process so that its peak resident memory (from os.wait4) is its own:
(a) `safeboard census indicators FILE --population N`, the real pipeline;
(b) a bare lxml iterparse pass that reads the file and clears each element (the floor);
(c) the straightforward pandas implementation in bench/census_pandas.py.
Goals: (a) within 2× (b), at least 5× faster than (c), peak memory under 1 GB.

`python -m bench.census` runs this alone (with Django set up) and prints the table.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .timing import Result

CENSUS_CHILDREN = 200_000
POPULATION = 250_000
SEED = 2025
RUNS = 3
MEMORY_GOAL_BYTES = 1024**3


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int


def run_measured(command: list[str]) -> Run:
    """Wall time and peak resident memory of one run of `command`.

    The command is started by a small launcher process (`measure`), not by this one: Linux
    carries the peak of the memory a process had before it exec'd into its ru_maxrss, so a
    child forked straight from a process holding Django would report Django's memory too.
    """
    launcher = [sys.executable, "-m", "bench.census", "measure", *command]
    finished = subprocess.run(launcher, capture_output=True, text=True, check=True)
    seconds, peak_bytes = finished.stdout.split()
    return Run(float(seconds), int(peak_bytes))


def measure(command: list[str]) -> None:
    """Run `command` (its output discarded); print its wall time and peak memory (bytes)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{' '.join(command)} failed with status {os.waitstatus_to_exitcode(status)}")
    print(seconds, usage.ru_maxrss * 1024)  # Linux reports ru_maxrss in KiB


def median_run(command: list[str], runs: int = RUNS) -> Run:
    measured = [run_measured(command) for _ in range(runs)]
    return Run(
        statistics.median(run.seconds for run in measured),
        max(run.peak_bytes for run in measured),
    )


def bare_read(path: str) -> None:
    """The floor: every element parsed and cleared, nothing kept."""
    from lxml import etree

    for _, element in etree.iterparse(path, events=("end",), resolve_entities=False):
        if element.tag == "Child":
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def write_synthetic_census(folder: Path, children: int = CENSUS_CHILDREN) -> Path:
    from safeboard.census.synth import write_census

    path = folder / f"census-{children}.xml"
    write_census(path, children=children, seed=SEED, year=2025)
    return path


def commands(path: Path) -> dict[str, list[str]]:
    safeboard = str(Path(sys.executable).with_name("safeboard"))
    population = ["--population", str(POPULATION)]
    return {
        "pipeline": [safeboard, "census", "indicators", str(path), *population],
        "bare": [sys.executable, "-m", "bench.census", "bare", str(path)],
        "pandas": [sys.executable, "-m", "bench.census_pandas", str(path), *population],
    }


def _mb(peak_bytes: int) -> str:
    return f"{peak_bytes / 1024**2:,.0f} MB"


def bench_census(children: int = CENSUS_CHILDREN, runs: int = RUNS) -> list[Result]:
    """(a) against the bare read and (c) against (a); peak memory in each benchmark's name."""
    folder = Path(tempfile.mkdtemp(prefix="safeboard-census-bench-"))
    try:
        path = write_synthetic_census(folder, children)
        size = path.stat().st_size / 1024**2
        measured = {name: median_run(command, runs) for name, command in commands(path).items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    pipeline, bare, pandas = measured["pipeline"], measured["bare"], measured["pandas"]
    goal = "under" if pipeline.peak_bytes < MEMORY_GOAL_BYTES else "OVER"
    return [
        Result(
            f"census indicators, {children:,} children, {size:,.0f} MB "
            f"(peak {_mb(pipeline.peak_bytes)}, {goal} 1 GB) vs bare read "
            f"(peak {_mb(bare.peak_bytes)})",
            runs,
            pipeline.seconds,
            bare.seconds,
        ),
        Result(
            f"census indicators in pandas (peak {_mb(pandas.peak_bytes)}) vs SafeBoard's",
            runs,
            pandas.seconds,
            pipeline.seconds,
        ),
    ]


def main() -> None:
    if sys.argv[1:2] == ["bare"]:
        bare_read(sys.argv[2])
        return
    if sys.argv[1:2] == ["measure"]:
        measure(sys.argv[2:])
        return
    from .environment import set_up_django
    from .timing import table

    folder = set_up_django()
    try:
        children = int(sys.argv[1]) if len(sys.argv) > 1 else CENSUS_CHILDREN
        print(table(bench_census(children)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
