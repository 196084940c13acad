"""What is due today, and for whom: every record with a date somebody must meet.

Each source returns `Due` items; the digest job decides which of them have already been
reminded (see `policy.py`) and sends the rest, one email per person.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge, ChallengeEscalation
from safeboard.core.dates import long_date
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.risks.models import Risk
from safeboard.scorecard.models import Indicator, IndicatorQuery, Period
from safeboard.scorecard.periods import Frequency, PeriodKey, last_periods
from safeboard.scorecard.selectors import missing_submissions

from .models import ReminderKind

# How far ahead a due date is reminded.
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Due:
    kind: ReminderKind
    recipient: User
    record: Model
    due_on: datetime.date
    text: str
    link: str = ""  # the page to open, when it is not the record's own page

    @property
    def url(self) -> str:
        return self.link or self.record.get_absolute_url()


def _account(person) -> User | None:
    """The active account of a person, if they have one (people without accounts get none)."""
    user = getattr(person, "user", None) if person is not None else None
    return user if user is not None and user.is_active else None


def action_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    actions = (
        Action.objects.exclude(status=Action.Status.COMPLETE)
        .filter(due_on__lte=horizon)
        .select_related("owner_person__user")
    )
    for action in actions:
        user = _account(action.owner_person)
        if user is None:
            continue
        if action.due_on < today:
            yield Due(
                ReminderKind.ACTION_OVERDUE,
                user,
                action,
                action.due_on,
                f"Action overdue since {long_date(action.due_on)}: {action.title}",
            )
        else:
            yield Due(
                ReminderKind.ACTION_DUE_SOON,
                user,
                action,
                action.due_on,
                f"Action due on {long_date(action.due_on)}: {action.title}",
            )


def _agency_leads(agency_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active agency leads of each agency: the people who answer its challenges."""
    leads: dict[int, list[User]] = {}
    users = (
        User.objects.filter(
            is_active=True,
            person__agency_id__in=set(agency_ids),
            role_assignments__role=Role.AGENCY_LEAD,
        )
        .select_related("person")
        .distinct()
    )
    for user in users:
        leads.setdefault(user.person.agency_id, []).append(user)
    return leads


def challenge_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    challenges = list(
        Challenge.objects.filter(
            status=Challenge.Status.AWAITING_RESPONSE, response_due_on__lte=horizon
        ).select_related("agency")
    )
    leads = _agency_leads(challenge.agency_id for challenge in challenges)
    for challenge in challenges:
        overdue = challenge.response_due_on < today
        kind = ReminderKind.CHALLENGE_OVERDUE if overdue else ReminderKind.CHALLENGE_RESPONSE_DUE
        when = "was due on" if overdue else "is due on"
        text = (
            f"Challenge {challenge.reference} to {challenge.agency}: the response "
            f"{when} {long_date(challenge.response_due_on)}. {challenge.title}"
        )
        for user in leads.get(challenge.agency_id, []):
            yield Due(kind, user, challenge, challenge.response_due_on, text)


def escalation_reminders(today: datetime.date) -> Iterator[Due]:
    """Tell the person a challenge was escalated to, once, within a week of the escalation."""
    since = today - datetime.timedelta(days=DUE_SOON_DAYS)
    escalations = ChallengeEscalation.objects.filter(
        escalated_on__gte=since,
        escalated_on__lte=today,
        challenge__status=Challenge.Status.AWAITING_RESPONSE,
    ).select_related("challenge__agency", "escalated_to__user")
    for escalation in escalations:
        user = _account(escalation.escalated_to)
        if user is None:
            continue
        challenge = escalation.challenge
        yield Due(
            ReminderKind.CHALLENGE_ESCALATED,
            user,
            challenge,
            escalation.escalated_on,
            f"Challenge {challenge.reference} to {challenge.agency} was escalated to you on "
            f"{long_date(escalation.escalated_on)}: {escalation.reason}",
        )


def risk_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    risks = (
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(review_date__lte=horizon)
        .select_related("owner_person__user")
    )
    for risk in risks:
        user = _account(risk.owner_person)
        if user is not None:
            yield Due(
                ReminderKind.RISK_REVIEW_DUE,
                user,
                risk,
                risk.review_date,
                f"Review of risk {risk.reference} due on {long_date(risk.review_date)}: "
                f"{risk.title}",
            )


def priority_reminders(today: datetime.date) -> Iterator[Due]:
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    priorities = Priority.objects.filter(
        status=Priority.Status.ACTIVE, review_date__lte=horizon
    ).select_related("lead_person__user", "plan")
    for priority in priorities:
        user = _account(priority.lead_person)
        if user is not None:
            yield Due(
                ReminderKind.PRIORITY_REVIEW_DUE,
                user,
                priority,
                priority.review_date,
                f"Review of {priority} due on {long_date(priority.review_date)}",
            )


def query_reminders(today: datetime.date) -> Iterator[Due]:
    """Scorecard queries waiting for the owning agency's answer, to the agency's leads."""
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    queries = list(
        IndicatorQuery.objects.filter(
            status=IndicatorQuery.Status.OPEN, response_due_on__lte=horizon
        ).select_related("indicator", "period")
    )
    leads = _agency_leads(query.agency_id for query in queries)
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
    leads = _agency_leads(agency.pk for agency in outstanding)
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


SOURCES: tuple[Callable[[datetime.date], Iterable[Due]], ...] = (
    action_reminders,
    challenge_reminders,
    escalation_reminders,
    risk_reminders,
    priority_reminders,
    query_reminders,
    figures_reminders,
)


Source = Callable[[datetime.date], Iterable[Due]]
_registered_sources: list[Source] = []


def register_source(source: Source) -> Source:
    """Add a later module's source (call it from the module's AppConfig.ready)."""
    if source not in _registered_sources:
        _registered_sources.append(source)
    return source


def everything_due(today: datetime.date) -> Iterator[Due]:
    for source in (*SOURCES, *_registered_sources):
        yield from source(today)
