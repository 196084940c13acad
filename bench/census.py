"""The census indicators over a large county's synthetic census: time and peak memory.

Four programs read the same synthetic file of CENSUS_CHILDREN children (lower it with
SAFEBOARD_BENCH_CENSUS_CHILDREN), each in its own process so that its peak resident memory
(from os.wait4) is its own:
(a) `safeboard census indicators FILE --population N`, the real pipeline: it starts without
    loading the apps, and when the machine has a core to spare it reads a large file as two
    halves at once, the second in a forked process (safeboard/census/halves.py);
(b) a bare lxml iterparse pass that reads the file and clears each element (the floor);
(c) "pandas, read_xml (straightforward)": bench/census_pandas_read_xml.py, what an analyst
    would write, one `pandas.read_xml` a table;
(d) "pandas on a streaming parse": bench/census_pandas.py, the same indicators in pandas over a
    hand-written lxml iterparse.
Goals: (a) within 1.5x (b), (c) at least 6x slower than (a), peak memory under 300 MB. The
peak is the one os.wait4 reports for (a)'s process, which on Linux is the larger of its own
and its second process's, not their sum (the issue note gives the sum, measured apart, each
process counting the pages they share after the fork). Each row
of the table is a comparison, its ratio the subject's median over its baseline's, both run
here. (a), (c) and (d) must print the same indicators: the benchmark fails if they differ.

`python -m bench.census` runs this alone (with Django set up) and prints the table.
"""

from __future__ import annotations

import json
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
CHILDREN_VARIABLE = "SAFEBOARD_BENCH_CENSUS_CHILDREN"
POPULATION = 250_000
SEED = 2025
RUNS = 3
MEMORY_GOAL_BYTES = 300 * 1024**2
BARE_READ_GOAL = 1.5  # (a) at most this many times the bare read
PANDAS_GOAL = 6.0  # the straightforward pandas at least this many times (a)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    output: str


def run_measured(command: list[str]) -> Run:
    """Wall time, peak resident memory and standard output of one run of `command`.

    The command is started by a small launcher process (`measure`), not by this one: Linux
    carries the peak of the memory a process had before it exec'd into its ru_maxrss, so a
    child forked straight from a process holding Django would report Django's memory too.
    """
    with tempfile.NamedTemporaryFile("r", prefix="safeboard-census-out-") as output:
        launcher = [sys.executable, "-m", "bench.census", "measure", output.name, *command]
        finished = subprocess.run(launcher, capture_output=True, text=True, check=True)
        seconds, peak_bytes = finished.stdout.split()
        return Run(float(seconds), int(peak_bytes), output.read())


def measure(output: str, command: list[str]) -> None:
    """Run `command` with its output to the file `output`; print its wall time and peak
    memory (bytes)."""
    with open(output, "wb") as stream:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stream)
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
        measured[0].output,
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
    population = ["--population", str(POPULATION)]
    python = [sys.executable, "-m"]
    # `python -m safeboard.manage`, not the installed `safeboard` script: run from a checkout,
    # it times that checkout's code rather than wherever the package was installed from.
    return {
        "pipeline": [*python, "safeboard.manage", "census", "indicators", str(path), *population],
        "bare": [*python, "bench.census", "bare", str(path)],
        "pandas_read_xml": [*python, "bench.census_pandas_read_xml", str(path), *population],
        "pandas_streaming": [*python, "bench.census_pandas", str(path), *population],
    }


def children_from_environment() -> int:
    return int(os.environ.get(CHILDREN_VARIABLE) or CENSUS_CHILDREN)


def _mb(peak_bytes: int) -> str:
    return f"{peak_bytes / 1024**2:,.0f} MB"


def _check_same_indicators(measured: dict[str, Run]) -> None:
    expected = json.loads(measured["pipeline"].output)
    for name in ("pandas_read_xml", "pandas_streaming"):
        found = json.loads(measured[name].output)
        if found != expected:
            differ = sorted(key for key in expected if found.get(key) != expected[key])
            raise AssertionError(f"{name} disagrees with the command on {', '.join(differ)}")


def bench_census(children: int | None = None, runs: int = RUNS) -> list[Result]:
    """(a) against the bare read, and each pandas implementation against (a); peak memory
    and the goal in each comparison's name."""
    children = children_from_environment() if children is None else children
    folder = Path(tempfile.mkdtemp(prefix="safeboard-census-bench-"))
    try:
        path = write_synthetic_census(folder, children)
        size = path.stat().st_size / 1024**2
        measured = {name: median_run(command, runs) for name, command in commands(path).items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _check_same_indicators(measured)
    pipeline, bare = measured["pipeline"], measured["bare"]
    read_xml, streaming = measured["pandas_read_xml"], measured["pandas_streaming"]
    memory = "under" if pipeline.peak_bytes < MEMORY_GOAL_BYTES else "OVER"
    return [
        Result(
            f"census indicators command, {children:,} children, {size:,.0f} MB file "
            f"(peak {_mb(pipeline.peak_bytes)}, {memory} {_mb(MEMORY_GOAL_BYTES)}) vs bare iterparse read "
            f"(peak {_mb(bare.peak_bytes)}); goal <= {BARE_READ_GOAL:.1f}x",
            runs,
            pipeline.seconds,
            bare.seconds,
        ),
        Result(
            f"pandas, read_xml (straightforward) (peak {_mb(read_xml.peak_bytes)}) "
            f"vs the command; goal >= {PANDAS_GOAL:.1f}x",
            runs,
            read_xml.seconds,
            pipeline.seconds,
        ),
        Result(
            f"pandas on a streaming parse (peak {_mb(streaming.peak_bytes)}) vs the command",
            runs,
            streaming.seconds,
            pipeline.seconds,
        ),
    ]


def main() -> None:
    if sys.argv[1:2] == ["bare"]:
        bare_read(sys.argv[2])
        return
    if sys.argv[1:2] == ["measure"]:
        measure(sys.argv[2], sys.argv[3:])
        return
    from .environment import set_up_django
    from .timing import table

    folder = set_up_django()
    try:
        children = int(sys.argv[1]) if len(sys.argv) > 1 else None
        print(table(bench_census(children)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
