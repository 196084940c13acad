"""`python -m bench`: set up a throwaway SafeBoard, build the demo, time, print a table."""

from __future__ import annotations

import os
import shutil
import sys

from .environment import set_up_django
from .load import DEMO_SIGN_IN


def main() -> None:
    folder = set_up_django()
    if sys.argv[1:] == ["load"]:
        from . import load
        from .timing import table

        print(table(load.bench_load()))
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        from . import actions, census, demo, learning, pages, reminders, report_pdf, scorecard, spc
        from .timing import table

        results = [demo.bench_demo_build()]

        from safeboard.demo.build import build_demo

        build_demo()
        results += pages.bench_pages(DEMO_SIGN_IN)  # on the demo as it is built
        actions.scale_actions()
        results.append(actions.bench_action_list())
        results += actions.bench_action_export()
        results.append(reminders.bench_daily_reminders())
        results.append(spc.bench_spc())
        results += census.bench_census()
        results += [scorecard.bench_scorecard_grid(), scorecard.bench_scorecard_grid_rows()]
        results += report_pdf.bench_report_pdf()  # it leaves ten years of a county behind
        results += learning.bench_learning()  # it leaves ten times the training behind
        print(table(results))
        from . import load  # a production server of its own, with its own database

        results += load.bench_load()
        print(f"\nAll of it, on {os.cpu_count()} cores:")
        print(table(results))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
