"""Reads of the scorecard for pages, charts, reminders and reports."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from safeboard.partnership.models import Agency

from .models import Comparator, Figure, FigureRevision, Indicator, Period
from .periods import PeriodKey, last_periods


@dataclass(frozen=True)
class IndicatorFilters:
    agency_id: int | None = None
    perspective: str = ""
    frequency: str = ""
    priority_id: int | None = None
    include_retired: bool = False
    search: str = ""


def indicator_list(*, filters: IndicatorFilters | None = None) -> QuerySet[Indicator]:
    filters = filters or IndicatorFilters()
    indicators = Indicator.objects.select_related("owning_agency")
    if not filters.include_retired:
        indicators = indicators.filter(is_active=True)
    if filters.agency_id:
        indicators = indicators.filter(owning_agency_id=filters.agency_id)
    if filters.perspective:
        indicators = indicators.filter(perspective=filters.perspective)
    if filters.frequency:
        indicators = indicators.filter(frequency=filters.frequency)
    if filters.priority_id:
        indicators = indicators.filter(priorities__id=filters.priority_id)
    if filters.search:
        indicators = indicators.filter(
            Q(code__icontains=filters.search)
            | Q(name__icontains=filters.search)
            | Q(definition__icontains=filters.search)
        )
    return indicators.order_by("code")


def agency_indicators(
    *, agency_id: int, frequency: str = "", include_retired: bool = False
) -> QuerySet[Indicator]:
    """The indicators an agency owns, and so submits figures for."""
    return indicator_list(
        filters=IndicatorFilters(
            agency_id=agency_id, frequency=frequency, include_retired=include_retired
        )
    )


def census_indicators() -> dict[str, Indicator]:
    """The indicators computed from the Children in Need census, by census measure key."""
    indicators = Indicator.objects.select_related("owning_agency").exclude(census_key="")
    return {indicator.census_key: indicator for indicator in indicators}


def priority_indicators(*, priority_id: int) -> QuerySet[Indicator]:
    return indicator_list(filters=IndicatorFilters(priority_id=priority_id))


@dataclass(frozen=True)
class SeriesPoint:
    period: PeriodKey
    value: Decimal
    revision_count: int = 0

    @property
    def label(self) -> str:
        return self.period.label


def _period_filter(prefix: str, since: datetime.date | None, until: datetime.date | None) -> Q:
    condition = Q()
    if since is not None:
        condition &= Q(**{f"{prefix}starts_on__gte": since})
    if until is not None:
        condition &= Q(**{f"{prefix}starts_on__lte": until})
    return condition


def indicator_series(
    *,
    indicator: Indicator,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[SeriesPoint]:
    """An indicator's current figures, oldest period first: the series an XmR chart reads."""
    return series_for_indicators(indicator_ids=[indicator.pk], since=since, until=until).get(
        indicator.pk, []
    )


def series_for_indicators(
    *,
    indicator_ids: Iterable[int] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> dict[int, list[SeriesPoint]]:
    """Every indicator's series of current figures, in one query: {indicator id: points}.

    `since` and `until` bound the periods' first days. Without indicator_ids, every indicator.
    """
    figures = Figure.objects.filter(_period_filter("period__", since, until))
    if indicator_ids is not None:
        figures = figures.filter(indicator_id__in=list(indicator_ids))
    rows = figures.order_by("indicator_id", "period__starts_on").values_list(
        "indicator_id", "period__frequency", "period__starts_on", "value", "revision_count"
    )
    series: dict[int, list[SeriesPoint]] = defaultdict(list)
    for indicator_id, frequency, starts_on, value, revisions in rows:
        series[indicator_id].append(SeriesPoint(PeriodKey(starts_on, frequency), value, revisions))
    return dict(series)


def latest_figures(*, indicator_ids: Iterable[int] | None = None) -> dict[int, Figure]:
    """Each indicator's figure for its most recent period with one, in one query."""
    newest = Figure.objects.filter(indicator_id=OuterRef("indicator_id")).order_by(
        "-period__starts_on"
    )
    figures = Figure.objects.select_related("period").filter(pk=Subquery(newest.values("pk")[:1]))
    if indicator_ids is not None:
        figures = figures.filter(indicator_id__in=list(indicator_ids))
    return {figure.indicator_id: figure for figure in figures}


def period_figures(*, agency_id: int, period: PeriodKey) -> dict[int, Figure]:
    """An agency's figures already held for a period: {indicator id: figure}."""
    figures = Figure.objects.select_related("indicator", "period", "submitted_by__person").filter(
        indicator__owning_agency_id=agency_id,
        period__frequency=period.frequency,
        period__starts_on=period.starts_on,
    )
    return {figure.indicator_id: figure for figure in figures}


def indicator_figures(*, indicator: Indicator) -> QuerySet[Figure]:
    """An indicator's figures, newest period first, with who submitted and revised them."""
    return (
        Figure.objects.filter(indicator=indicator)
        .select_related("indicator", "period", "submitted_by__person", "revised_by__person")
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=FigureRevision.objects.select_related("revised_by__person").order_by(
                    "revised_at", "id"
                ),
            )
        )
        .order_by("-period__starts_on")
    )


@dataclass(frozen=True)
class FigureHistoryEntry:
    value: Decimal
    source: str
    by: object  # a User or None
    at: datetime.datetime
    reason: str  # blank for the first submission


def figure_history(*, figure: Figure) -> list[FigureHistoryEntry]:
    """Every value a figure has had, first submission first, each with who, when and why."""
    revisions = list(
        figure.revisions.select_related("revised_by__person").order_by("revised_at", "id")
    )
    first_value = revisions[0].previous_value if revisions else figure.value
    first_source = revisions[0].previous_source if revisions else figure.source
    entries = [
        FigureHistoryEntry(first_value, first_source, figure.submitted_by, figure.submitted_at, "")
    ]
    entries += [
        FigureHistoryEntry(r.new_value, r.new_source, r.revised_by, r.revised_at, r.reason)
        for r in revisions
    ]
    return entries


def indicator_comparators(*, indicator: Indicator) -> QuerySet[Comparator]:
    return (
        Comparator.objects.filter(indicator=indicator)
        .select_related("period")
        .order_by("-period__starts_on", "source")
    )


def missing_submissions(*, period: PeriodKey) -> QuerySet[Indicator]:
    """Active indicators of the period's frequency with no figure for it yet, by agency."""
    held = Figure.objects.filter(
        indicator_id=OuterRef("pk"),
        period__frequency=period.frequency,
        period__starts_on=period.starts_on,
    )
    return (
        Indicator.objects.select_related("owning_agency")
        .filter(is_active=True, frequency=period.frequency)
        .exclude(Exists(held))
        .order_by("owning_agency__name", "code")
    )


def missing_submissions_by_agency(*, period: PeriodKey) -> dict[Agency, list[Indicator]]:
    missing: dict[Agency, list[Indicator]] = defaultdict(list)
    for indicator in missing_submissions(period=period):
        missing[indicator.owning_agency].append(indicator)
    return dict(missing)


@dataclass(frozen=True)
class SubmissionPeriod:
    period: PeriodKey
    indicators: int
    submitted: int
    due_on: datetime.date

    @property
    def missing(self) -> int:
        return self.indicators - self.submitted


def agency_submission_periods(
    *, agency_id: int, count: int = 6, today: datetime.date | None = None
) -> list[SubmissionPeriod]:
    """The recent ended periods an agency submits for, newest first, with how many are in."""
    today = today or timezone.localdate()
    by_frequency = dict(
        Indicator.objects.filter(owning_agency_id=agency_id, is_active=True)
        .values_list("frequency")
        .annotate(total=Count("pk"))
    )
    keys = []
    for frequency in by_frequency:
        ended = PeriodKey.containing(frequency, today).previous()
        keys += last_periods(frequency, count=count, ending=ended.starts_on)
    if not keys:
        return []
    submitted = dict(
        Figure.objects.filter(
            indicator__owning_agency_id=agency_id,
            period__starts_on__gte=min(key.starts_on for key in keys),
        )
        .values_list("period_id")
        .annotate(total=Count("pk"))
    )
    periods = {
        period.key: period
        for period in Period.objects.filter(starts_on__gte=min(key.starts_on for key in keys))
    }
    rows = []
    for key in keys:
        period = periods.get(key)
        rows.append(
            SubmissionPeriod(
                period=key,
                indicators=by_frequency[key.frequency],
                submitted=submitted.get(period.pk, 0) if period else 0,
                due_on=period.submissions_due_on if period else key.default_due_on,
            )
        )
    return sorted(rows, key=lambda row: (row.period.ends_on, row.period.frequency), reverse=True)
