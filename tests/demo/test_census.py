"""The demo's census indicators carry the figures its census imports computed, never typed ones."""

from __future__ import annotations

import datetime
import tempfile
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from safeboard.census.indicators import compute_indicators
from safeboard.census.models import CensusImport
from safeboard.census.reader import read_census
from safeboard.demo import census
from safeboard.scorecard.models import Figure, Indicator, IndicatorQuery
from safeboard.scorecard.periods import Frequency, PeriodKey, last_periods


def _years_the_scorecard_shows() -> list[int]:
    last_ended = PeriodKey.containing(Frequency.ANNUAL, timezone.localdate()).previous()
    periods = last_periods(Frequency.ANNUAL, count=3, ending=last_ended.starts_on)
    return [period.ends_on.year for period in periods]


def test_the_demo_imported_the_census_of_each_year_the_scorecard_shows(demo_db):
    imports = list(CensusImport.objects.order_by("reference_date"))
    years = _years_the_scorecard_shows()
    assert [i.reference_date for i in imports] == [datetime.date(y, 3, 31) for y in years]
    today = timezone.localdate()
    for census_import in imports:
        assert census_import.status == CensusImport.Status.DONE
        assert census_import.children == census.CHILDREN
        assert census_import.reference_date < timezone.localdate(census_import.uploaded_at)
        assert census_import.uploaded_at <= census_import.finished_at
        assert timezone.localdate(census_import.finished_at) <= today
        assert not census_import.file  # the child-level file is not kept


def test_the_census_indicators_figures_are_those_the_census_computes(demo_db):
    indicators = list(Indicator.objects.exclude(census_key=""))
    assert {indicator.code for indicator in indicators} == {"CIN-01", "CIN-02", "CIN-03", "CIN-04"}
    imports = list(CensusImport.objects.select_related("period"))
    assert imports
    with tempfile.TemporaryDirectory() as folder:
        for census_import in imports:
            year = census_import.reference_date.year
            # The same synthetic census, computed again outside the import.
            path = Path(folder) / f"{year}.xml"
            path.write_bytes(census.census_file(year).read())
            computed = compute_indicators(read_census([path]), population=census_import.population)
            held = {
                figure.indicator.code: figure
                for figure in Figure.objects.filter(
                    period=census_import.period, indicator__in=indicators
                ).select_related("indicator")
            }
            for indicator in indicators:
                figure = held[indicator.code]
                assert figure.value == Decimal(str(computed[indicator.census_key])), indicator
                assert figure.source == Figure.Source.CENSUS
                assert census_import.figures[indicator.code] == str(figure.value)
                assert figure.revisions.count() == 0
    assert Figure.objects.filter(indicator__in=indicators).count() == 4 * len(imports)


def test_the_queries_the_census_figures_raised_were_opened_the_day_it_was_imported(demo_db):
    for census_import in CensusImport.objects.all():
        imported_on = timezone.localdate(census_import.finished_at)
        for query in IndicatorQuery.objects.filter(
            period=census_import.period, indicator__census_key__gt=""
        ):
            assert query.opened_on == imported_on
            assert query.response_due_on >= query.opened_on
            assert query.answered_on is None or query.answered_on >= query.opened_on
