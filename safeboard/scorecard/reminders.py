"""The scorecard's reminders, to the owning agency's leads: queries waiting for an answer,
and figures due or late."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.partnership.models import Agency
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import DUE_SOON_DAYS, Due, agency_leads

from .models import Indicator, IndicatorQuery, Period
from .periods import Frequency, PeriodKey, last_periods
from .selectors import missing_submissions


def query_reminders(today: datetime.date) -> Iterator[Due]:
    """Scorecard queries waiting for the owning agency's answer, to the agency's leads."""
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    queries = list(
        IndicatorQuery.objects.filter(
            status=IndicatorQuery.Status.OPEN, response_due_on__lte=horizon
        ).select_related("indicator", "period")
    )
    leads = agency_leads(query.agency_id for query in queries)
    for query in queries:
        overdue = query.response_due_on < today
        kind = ReminderKind.QUERY_OVERDUE if overdue else ReminderKind.QUERY_ANSWER_DUE
        when = "was due on" if overdue else "is due on"
        text = (
            f"Query on {query.indicator.code} {query.indicator.name} for {query.period.label}: "
            f"the answer {when} {long_date(query.response_due_on)}."
        )
        for user in leads.get(query.agency_id, []):
            yield Due(kind, user, query, query.response_due_on, text)


# Late figures are chased for this long after their due date; older gaps are left to the
# submission pages, so that a new indicator does not chase a year of history.
FIGURES_LATE_CHASE_DAYS = 91
# Enough periods back to cover the chase: months, quarters and years.
_PERIODS_BACK = {Frequency.MONTHLY: 5, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 2}
_CODES_NAMED = 5


@dataclass(frozen=True)
class _Outstanding:
    """An agency's indicators with no figure yet for one period."""

    period: PeriodKey
    due_on: datetime.date
    codes: list[str]

    def describe(self) -> str:
        named = ", ".join(self.codes[:_CODES_NAMED])
        if len(self.codes) > _CODES_NAMED:
            named += f" and {len(self.codes) - _CODES_NAMED} more"
        count = len(self.codes)
        return (
            f"{self.period.label}, due on {long_date(self.due_on)} "
            f"({count} indicator{'s' if count != 1 else ''}: {named})"
        )


def _outstanding_figures(today: datetime.date) -> dict[Agency, list[_Outstanding]]:
    """Each agency's periods, due within the week or late within the chase, with gaps."""
    earliest = today - datetime.timedelta(days=FIGURES_LATE_CHASE_DAYS)
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    frequencies = set(
        Indicator.objects.filter(is_active=True).values_list("frequency", flat=True).distinct()
    )
    keys = [
        key
        for frequency in sorted(frequencies)
        for key in last_periods(frequency, count=_PERIODS_BACK[frequency], ending=today)
    ]
    # The business manager may have moved a period's due date; otherwise the default holds.
    due_dates = {
        period.key: period.submissions_due_on
        for period in Period.objects.filter(starts_on__in={key.starts_on for key in keys})
    }
    outstanding: dict[Agency, list[_Outstanding]] = {}
    for key in keys:
        due_on = due_dates.get(key, key.default_due_on)
        if not earliest <= due_on <= horizon:
            continue
        by_agency: dict[Agency, list[str]] = {}
        for indicator in missing_submissions(period=key):
            # An indicator added after the figures were due was not expected for the period.
            if timezone.localtime(indicator.created_at).date() <= due_on:
                by_agency.setdefault(indicator.owning_agency, []).append(indicator.code)
        for agency, codes in by_agency.items():
            outstanding.setdefault(agency, []).append(_Outstanding(key, due_on, codes))
    return outstanding


def figures_reminders(today: datetime.date) -> Iterator[Due]:
    """Figures an agency has not yet submitted, to its leads: due soon, then late weekly.

    One line per agency and kind, naming every period, and linking to the agency's own
    submission page (which lists its recent periods): the record reminded about is the
    agency, as a period has no page of its own and may not be held yet.
    """
    outstanding = _outstanding_figures(today)
    leads = agency_leads(agency.pk for agency in outstanding)
    link = reverse("scorecard:submission_periods")
    for agency, periods in outstanding.items():
        late = [item for item in periods if item.due_on < today]
        soon = [item for item in periods if item.due_on >= today]
        lines = []
        if soon:
            # The latest due date: a period coming into the week is reminded afresh.
            due_on = max(item.due_on for item in soon)
            text = f"Scorecard figures due from {agency.name}: " + "; ".join(
                item.describe() for item in soon
            )
            lines.append((ReminderKind.FIGURES_DUE, due_on, text))
        if late:
            due_on = min(item.due_on for item in late)
            text = f"Scorecard figures not yet submitted by {agency.name}: " + "; ".join(
                item.describe() for item in late
            )
            lines.append((ReminderKind.FIGURES_LATE, due_on, text))
        for user in leads.get(agency.pk, []):
            for kind, due_on, text in lines:
                yield Due(kind, user, agency, due_on, text, link=link)
