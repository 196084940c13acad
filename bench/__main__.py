"""`python -m bench`: set up a throwaway SafeBoard, build the demo, time, print a table."""

from __future__ import annotations

import shutil
import sys

from .environment import set_up_django


def main() -> None:
    folder = set_up_django()
    if sys.argv[1:] == ["load"]:
        from . import load
        from .timing import table

        print(table(load.bench_load()))
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        from . import actions, census, demo, learning, reminders, scorecard, spc
        from .timing import table

        results = [demo.bench_demo_build()]

        from safeboard.demo.build import build_demo

        build_demo()
        actions.scale_actions()
        results += [actions.bench_action_list(), actions.bench_action_export()]
        results.append(reminders.bench_daily_reminders())
        results.append(spc.bench_spc())
        results += census.bench_census()
        results += [scorecard.bench_scorecard_grid(), scorecard.bench_scorecard_grid_rows()]
        results += learning.bench_learning()  # it leaves ten times the training behind
        print(table(results))
        from . import load  # a production server of its own, with its own database

        results += load.bench_load()
        print(table(results))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
