"""Every change to the scorecard goes through these functions, each in one transaction.

Figures arrive by web form, Excel template, CSV file or the census import; all of them land
in `figures_record`, which checks the whole batch first and saves all of it or none of it.
A figure already held changes only by a revision with a reason, and every revision is kept.
Figures recorded or revised may open queries to the owning agency (queries/services.py).
The catalogue itself changes through catalogue/services.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency

from .figure_checks import (
    UNKNOWN_INDICATOR,
    indicator_problems,
    ownership_problem,
    value_problem,
)
from .models import Figure, FigureRevision, Indicator, IndicatorQuery, Period, normalise_code
from .periods import PeriodKey
from .queries.services import open_queries_for_new_figures
from .uploads import VALUE_HEADING, UploadError, UploadRejected, read_submission
from .values import ValueProblem, read_value

PERIOD_NOT_ENDED = "Figures for {period} can be submitted once it has ended, after {ends_on}."
REVISION_NEEDS_REASON = (
    "{code} already has a figure of {current} for {period}: give a reason to revise it."
)
REASON_REQUIRED = "Give a reason for revising the figure."
SAME_VALUE = "The new figure is the same as the current one."
FIGURE_EXISTS = "{code} already has a figure for {period}: revise it instead."
NO_FIGURES = "There are no figures to save."


@transaction.atomic
def period_get_or_create(*, key: PeriodKey) -> Period:
    """The period row for `key`, made with its default due date the first time it is needed."""
    period, _ = Period.objects.get_or_create(
        frequency=key.frequency,
        starts_on=key.starts_on,
        defaults={"ends_on": key.ends_on, "submissions_due_on": key.default_due_on},
    )
    return period


@transaction.atomic
def period_set_due_date(*, period: Period, submissions_due_on: datetime.date) -> Period:
    period.submissions_due_on = submissions_due_on
    period.full_clean()
    period.save(update_fields=["submissions_due_on"])
    return period


def _period_row(period: Period | PeriodKey) -> Period:
    return period if isinstance(period, Period) else period_get_or_create(key=period)


@dataclass
class RecordResult:
    """What `figures_record` did, indicator code by indicator code."""

    period: Period
    created: list[Figure] = field(default_factory=list)
    revised: list[Figure] = field(default_factory=list)
    unchanged: list[Figure] = field(default_factory=list)
    # Queries the new figures opened to the owning agency (see queries/services.py).
    queries: list[IndicatorQuery] = field(default_factory=list)

    @property
    def saved(self) -> int:
        return len(self.created) + len(self.revised)


@dataclass(frozen=True)
class PlannedFigure:
    """A figure a batch would save: new when `current` is None, else a revision of it."""

    indicator: Indicator
    value: Decimal
    current: Figure | None


def check_figures(
    *,
    agency: Agency,
    period: PeriodKey,
    values: Mapping[str, object],
    reason: str = "",
    today: datetime.date | None = None,
) -> tuple[list[PlannedFigure], dict[str, list[str]]]:
    """Check a batch of figures without saving: the plan, and every error by indicator code."""
    today = today or timezone.localdate()
    by_code = {normalise_code(code): raw for code, raw in values.items()}
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.select_related("owning_agency").filter(code__in=by_code)
    }
    current = {
        figure.indicator.code: figure
        for figure in Figure.objects.select_related("indicator").filter(
            indicator__code__in=by_code,
            indicator__owning_agency=agency,
            period__frequency=period.frequency,
            period__starts_on=period.starts_on,
        )
    }
    errors: dict[str, list[str]] = {}
    plan = []
    if period.ends_on >= today:
        message = PERIOD_NOT_ENDED.format(period=period.label, ends_on=long_date(period.ends_on))
        errors["period"] = [message]
    for code, raw in by_code.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = [UNKNOWN_INDICATOR.format(code=code)]
            continue
        planned, problems = _check_figure(
            indicator, raw, agency=agency, period=period, current=current.get(code), reason=reason
        )
        if problems:
            errors[code] = problems
        else:
            plan.append(planned)
    return plan, errors


def _check_figure(
    indicator: Indicator,
    raw: object,
    *,
    agency: Agency,
    period: PeriodKey,
    current: Figure | None,
    reason: str,
) -> tuple[PlannedFigure | None, list[str]]:
    not_owned = ownership_problem(indicator, agency=agency)
    if not_owned:
        return None, [not_owned]
    problems = indicator_problems(
        indicator, agency=agency, period=period, has_figure=current is not None
    )
    value, problem = value_problem(indicator, raw)
    if value is None:
        return None, [*problems, problem]
    if current is not None and current.value != value and not reason:
        shown = indicator.display(current.value)
        problems.append(
            REVISION_NEEDS_REASON.format(code=indicator.code, current=shown, period=period)
        )
    if problems:
        return None, problems
    return PlannedFigure(indicator, value, current), []


@transaction.atomic
def figures_record(
    *,
    agency: Agency,
    period: Period | PeriodKey,
    values: Mapping[str, object],
    source: str,
    submitted_by=None,
    reason: str = "",
) -> RecordResult:
    """Record an agency's figures for a period, {indicator code: value}: all or none.

    New figures are created; a figure already held with a different value is revised (which
    needs `reason`), and one with the same value is left as it is. Every problem with the
    batch is raised together as a ValidationError keyed by indicator code ("period" for the
    period), before anything is saved.
    """
    key = period.key if isinstance(period, Period) else period
    reason = (reason or "").strip()
    if not values:
        raise ValidationError(NO_FIGURES)
    plan, errors = check_figures(agency=agency, period=key, values=values, reason=reason)
    if errors:
        raise ValidationError(errors)
    period_row = _period_row(period)
    result = RecordResult(period=period_row)
    now = timezone.now()
    for planned in plan:
        if planned.current is None:
            figure = Figure(
                indicator=planned.indicator,
                period=period_row,
                value=planned.value,
                source=source,
                submitted_by=submitted_by,
                submitted_at=now,
            )
            figure.full_clean(validate_unique=False, validate_constraints=False)
            figure.save()
            result.created.append(figure)
        elif planned.current.value == planned.value:
            result.unchanged.append(planned.current)
        else:
            _revise(
                planned.current,
                value=planned.value,
                source=source,
                reason=reason,
                revised_by=submitted_by,
                now=now,
            )
            result.revised.append(planned.current)
    result.queries = open_queries_for_new_figures(
        figures=[*result.created, *result.revised], today=timezone.localdate()
    )
    return result


@transaction.atomic
def figures_upload(
    *,
    agency: Agency,
    period: PeriodKey,
    upload: UploadedFile,
    submitted_by=None,
    reason: str = "",
) -> RecordResult:
    """Record the figures of an uploaded Excel template or CSV file: all of them or none.

    Raises UploadRejected listing every problem in the file, each with its sheet, row and
    column, when anything in it is wrong.
    """
    reason = (reason or "").strip()
    submission = read_submission(upload, agency=agency, period=period)
    errors = list(submission.errors)
    if submission.values:
        _, problems = check_figures(
            agency=agency, period=period, values=submission.values, reason=reason
        )
        for code, messages in problems.items():
            row = submission.rows.get(code)
            errors += [
                UploadError(row.sheet, row.row, row.columns[VALUE_HEADING], message)
                if row is not None
                else UploadError("", None, None, message)
                for message in messages
            ]
    if errors:
        raise UploadRejected(errors)
    source = Figure.Source.EXCEL if submission.file_format == "xlsx" else Figure.Source.CSV
    return figures_record(
        agency=agency,
        period=period,
        values=submission.values,
        source=source,
        submitted_by=submitted_by,
        reason=reason,
    )


@transaction.atomic
def figure_submit(
    *, indicator: Indicator, period: Period | PeriodKey, value, source: str, submitted_by=None
) -> Figure:
    """Submit one new figure; a figure already held is changed by figure_revise."""
    key = period.key if isinstance(period, Period) else period
    exists = Figure.objects.filter(
        indicator=indicator, period__frequency=key.frequency, period__starts_on=key.starts_on
    ).exists()
    if exists:
        raise ValidationError(FIGURE_EXISTS.format(code=indicator.code, period=key))
    result = figures_record(
        agency=indicator.owning_agency,
        period=period,
        values={indicator.code: value},
        source=source,
        submitted_by=submitted_by,
    )
    return result.created[0]


@transaction.atomic
def figure_revise(
    *, figure: Figure, value, reason: str, revised_by=None, source: str = Figure.Source.FORM
) -> FigureRevision:
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = REASON_REQUIRED
    try:
        new_value = read_value(value, figure.indicator.unit)
    except ValueProblem as problem:
        errors["value"] = str(problem)
    else:
        if new_value == figure.value:
            errors["value"] = SAME_VALUE
    if errors:
        raise ValidationError(errors)
    figure = Figure.objects.select_for_update().get(pk=figure.pk)
    revision = _revise(
        figure,
        value=new_value,
        source=source,
        reason=reason,
        revised_by=revised_by,
        now=timezone.now(),
    )
    open_queries_for_new_figures(figures=[figure], today=timezone.localdate())
    return revision


def _revise(
    figure: Figure, *, value: Decimal, source: str, reason: str, revised_by, now
) -> FigureRevision:
    revision = FigureRevision(
        figure=figure,
        previous_value=figure.value,
        new_value=value,
        previous_source=figure.source,
        new_source=source,
        reason=reason,
        revised_by=revised_by,
        revised_at=now,
    )
    revision.full_clean()
    revision.save()
    figure.value = value
    figure.source = source
    figure.revision_count += 1
    figure.revised_by = revised_by
    figure.revised_at = now
    save_with_reason(figure, reason)
    return revision
