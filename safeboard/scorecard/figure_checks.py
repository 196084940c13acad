"""The rules one figure must meet, whichever way it arrives: web form, Excel template, CSV
file or census import. services.figures_record and the upload checks both apply them, so
a figure is refused for the same reason, in the same words, every way."""

from __future__ import annotations

from decimal import Decimal

from safeboard.partnership.models import Agency

from .models import Indicator
from .periods import PeriodKey
from .values import ValueProblem, read_value

UNKNOWN_INDICATOR = "There is no indicator with the code \u201c{code}\u201d."
# Says nothing about the indicator beyond that: not its owner, its unit, its frequency, nor
# whether it holds a figure, none of which the submitter may see.
NOT_THE_AGENCYS_INDICATOR = "{code} is not one of your agency\u2019s indicators."
WRONG_FREQUENCY = "{code} is reported {frequency}, so it has no figure for {period}."
INDICATOR_RETIRED = "{code} is retired and takes no new figures."
BAD_VALUE = "{code}: {problem}"


def ownership_problem(indicator: Indicator, *, agency: Agency) -> str | None:
    """Why this agency may not give this indicator a figure, if it is another agency's.

    Checked before anything else about the indicator or the figures it holds, and alone: an
    indicator the agency does not own answers only this, so a submission cannot be used to
    learn anything about another agency's indicator or figures.
    """
    if indicator.owning_agency_id != agency.pk:
        return NOT_THE_AGENCYS_INDICATOR.format(code=indicator.code)
    return None


def indicator_problems(
    indicator: Indicator, *, agency: Agency, period: PeriodKey, has_figure: bool
) -> list[str]:
    """Why this agency may not give this indicator a figure for this period, if it may not.

    Another agency's indicator answers only that it is not the agency's (ownership_problem).
    A retired indicator takes no new figures, but one already held may still be revised.
    """
    not_owned = ownership_problem(indicator, agency=agency)
    if not_owned:
        return [not_owned]
    code = indicator.code
    problems = []
    if indicator.frequency != period.frequency:
        frequency = indicator.get_frequency_display().lower()
        problems.append(WRONG_FREQUENCY.format(code=code, frequency=frequency, period=period))
    if not has_figure and not indicator.is_active:
        problems.append(INDICATOR_RETIRED.format(code=code))
    return problems


def value_problem(indicator: Indicator, raw: object) -> tuple[Decimal | None, str | None]:
    """The figure read for the indicator's unit, or why it cannot be."""
    try:
        return read_value(raw, indicator.unit), None
    except ValueProblem as problem:
        return None, BAD_VALUE.format(code=indicator.code, problem=problem)
