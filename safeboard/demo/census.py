"""The demo's Children in Need census: the figures of the census indicators are computed by
the census import from a census the local authority uploaded for each year, never typed.

Each year's file is written by SafeBoard's synthetic generator (`safeboard census synth`)
from a fixed seed, so the same demo has the same figures; it is uploaded through the census
import's own service and checked by the service the queued task calls. The demo is built in
one transaction, so the task queued on upload runs only after it commits, if a worker runs at
all: it then finds the import checked and leaves it as it is.

A census is returned to the Department for Education in the summer after its year ends, and
the local authority imports it then: the import, its figures and any queries the figures
raised are dated to that day (never after the demo's today), and the queries about earlier
years were answered a fortnight later.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.accounts.models import User
from safeboard.census import services as census_services
from safeboard.census.models import CensusImport
from safeboard.census.synth import SUPPORTED_YEARS, write_census
from safeboard.partnership.models import Agency
from safeboard.scorecard.models import Figure, IndicatorQuery
from safeboard.scorecard.periods import PeriodKey
from safeboard.scorecard.queries.services import query_answer, response_due_on

from .timeline import Backdater, Clock, date_every_entry, date_latest_entry

# Enough children for steady percentages, few enough that three years build in a second or two.
CHILDREN = 2000
POPULATION = 118_000  # the county's children aged 0 to 17, for the rate per 10,000
# A year's file comes from SEED and the year: fixed, so tests over the demo are stable.
SEED = 2021  # the plans lasting two years or more rise, as the challenge log says (impact.py)
IMPORTED_AFTER_DAYS = 100  # early July: the census has gone to the Department by then
MINUTES_TO_CHECK = 2
ANSWER_AFTER_DAYS = 14
CHECK_FAILED = "The demo's census for {year} did not import: {status} {message}"
ANSWER = (
    "We checked the census return against the case management system before it went to the "
    "Department: the figure is right. The performance subgroup will look at the children "
    "behind it."
)


def census_file(year: int, *, seed: int = SEED, children: int = CHILDREN) -> SimpleUploadedFile:
    """The synthetic census for the year ending 31 March `year`, as the upload form gets it."""
    content = io.BytesIO()
    write_census(content, children=children, seed=seed * 10_000 + year, year=year)
    return SimpleUploadedFile(
        f"cin-census-{year}.xml", content.getvalue(), content_type="application/xml"
    )


def census_years(periods: Sequence[PeriodKey]) -> list[int]:
    """The census years of the scorecard's yearly periods (the year each ends in), oldest
    first; a year the generator has no schema for yet has no census in the demo."""
    return sorted(
        period.ends_on.year for period in periods if period.ends_on.year in SUPPORTED_YEARS
    )


def import_census_years(
    *,
    agency: Agency,
    periods: Sequence[PeriodKey],
    today: datetime.date,
    uploaded_by: User | None = None,
) -> list[CensusImport]:
    """Upload and check the census of each of `periods`, oldest first, as each year's summer
    came; the imports, each DONE."""
    clock = Clock(today)
    imports = []
    years = census_years(periods)
    for year in years:
        census_import = census_services.census_import_upload(
            agency=agency, upload=census_file(year), population=POPULATION, uploaded_by=uploaded_by
        )
        # The check queued on upload waits for the demo's transaction to commit: check now.
        census_import = census_services.census_import_check(census_import=census_import)
        if census_import.status != CensusImport.Status.DONE:
            raise RuntimeError(
                CHECK_FAILED.format(
                    year=year, status=census_import.status, message=census_import.error_message
                )
            )
        imported = clock.at(_import_day(year, today))
        _date_import(census_import, imported, uploaded_by, answered=year != years[-1])
        imports.append(census_import)
    return imports


def _import_day(year: int, today: datetime.date) -> datetime.date:
    ended = datetime.date(year, 3, 31)
    return min(Clock.weekday_on_or_after(ended + datetime.timedelta(IMPORTED_AFTER_DAYS)), today)


def _date_import(
    census_import: CensusImport, imported: datetime.datetime, user: User | None, *, answered: bool
) -> None:
    """Date the import, its figures and the queries they raised to the day it was made; the
    queries about an earlier year's census were answered a fortnight later."""
    checked = imported + datetime.timedelta(minutes=MINUTES_TO_CHECK)
    answered_at = checked + datetime.timedelta(days=ANSWER_AFTER_DAYS)
    figures = list(
        Figure.objects.filter(
            period=census_import.period, indicator__code__in=census_import.figures
        )
    )
    queries = list(
        IndicatorQuery.objects.filter(
            period=census_import.period,
            indicator__code__in=census_import.figures,
            status=IndicatorQuery.Status.OPEN,
        )
    )
    if answered:
        for query in queries:
            query_answer(query=query, explanation=ANSWER, answered_by=user)
    dater = Backdater()
    dater.stamp(census_import, when=imported, user=user, field="uploaded_at")
    dater.stamp(census_import, when=imported, user=user, field="started_at")
    dater.stamp(census_import, when=checked, user=user, field="finished_at")
    for figure in figures:
        dater.stamp(figure, when=checked, user=user, field="submitted_at")
    for query in queries:
        dater.stamp(query, when=checked, user=None, field="opened_on")
    dater.apply()
    # Moved after opened_on, so that no answer is ever due before its query was opened.
    later = Backdater()
    for query in queries:
        due_on = response_due_on(checked.date())
        later.stamp(query, when=Clock(due_on).at(due_on), user=None, field="response_due_on")
        if answered:
            later.stamp(query, when=answered_at, user=user, field="answered_on")
    later.apply()
    date_every_entry(census_import, imported, user)
    for record in [*figures, *queries]:
        date_every_entry(record, checked, None if isinstance(record, IndicatorQuery) else user)
    if answered:
        for query in queries:
            date_latest_entry(query, answered_at, user)
