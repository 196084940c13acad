"""(e) The balanced scorecard page with SPC, against the same page without it.

Over the demo partnership's scorecard (40 or more indicators of its agencies, three years of
figures each), the page is rendered with every indicator's XmR chart, signals and target
assurance, and again with SPC switched off (`ScorecardGridView.with_spc = False`): the
same queries, filters, RAG status, sparklines and template. The ratio is the price of SPC
on the page. Both are rendered by calling the view, as the business manager.
"""

from __future__ import annotations

import random

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .timing import Result, median_seconds

RUNS = 11
SEED = 2019


def ensure_demo_scorecard() -> int:
    """Build the demo's scorecard into the demo partnership unless it is there already."""
    from safeboard.demo.people import AGENCIES
    from safeboard.demo.scorecard import build_scorecard
    from safeboard.partnership.models import Agency
    from safeboard.scorecard.models import Indicator

    if not Indicator.objects.exists():
        by_name = {agency.name: agency for agency in Agency.objects.all()}
        agencies = {spec.key: by_name[spec.name] for spec in AGENCIES if spec.name in by_name}
        build_scorecard(
            rng=random.Random(f"{SEED}-scorecard"), agencies=agencies, today=timezone.localdate()
        )
    return Indicator.objects.filter(is_active=True).count()


def _grid_page(*, manager, with_spc: bool):
    from safeboard.scorecard.grid.views import ScorecardGridView

    view = ScorecardGridView.as_view(with_spc=with_spc)
    factory = RequestFactory()

    def render() -> None:
        request = factory.get("/scorecard/grid/")
        request.user = manager
        response = view(request)
        assert response.status_code == 200, response.status_code

    return render


def _query_count(render) -> int:
    # With DEBUG on, building the demo has filled the connection's bounded query log; a full
    # log stays the same length, so the capture would count nothing.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as context:
        render()
    return len(context.captured_queries)


def bench_scorecard_grid() -> Result:
    from safeboard.accounts.models import User
    from safeboard.accounts.roles import Role
    from safeboard.scorecard.models import Figure

    indicators = ensure_demo_scorecard()
    figures = Figure.objects.count()
    manager = User.objects.filter(role_assignments__role=Role.BUSINESS_MANAGER).first()
    with_spc = _grid_page(manager=manager, with_spc=True)
    without_spc = _grid_page(manager=manager, with_spc=False)
    with_spc()  # warm the caches both pages share: the manager's roles, templates
    without_spc()
    queries_with, queries_without = _query_count(with_spc), _query_count(without_spc)
    return Result(
        f"balanced scorecard page, {indicators} indicators, {figures:,} figures: "
        f"with SPC ({queries_with} queries) vs without ({queries_without} queries)",
        RUNS,
        median_seconds(with_spc, RUNS),
        median_seconds(without_spc, RUNS),
    )


def bench_scorecard_grid_rows() -> Result:
    """The grid's rows alone (no template), with and without SPC: SPC's own cost."""
    from safeboard.scorecard.grid.selectors import scorecard_grid

    ensure_demo_scorecard()
    return Result(
        "balanced scorecard rows alone: with SPC vs without",
        RUNS,
        median_seconds(lambda: scorecard_grid(with_spc=True), RUNS),
        median_seconds(lambda: scorecard_grid(with_spc=False), RUNS),
    )
