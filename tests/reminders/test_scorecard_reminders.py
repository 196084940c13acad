"""Scorecard reminders: queries waiting for an answer, and figures due or late."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import IndicatorQuery, QueryTrigger
from safeboard.scorecard.periods import Frequency, PeriodKey

from .builders import TODAY, Role, account, days

pytestmark = pytest.mark.django_db

OCTOBER_2026 = PeriodKey(datetime.date(2026, 10, 1), Frequency.MONTHLY)  # due 20 November


def sent(user, kind=None) -> list[tuple[datetime.date, str]]:
    items = ReminderItem.objects.filter(recipient=user)
    if kind:
        items = items.filter(kind=kind)
    return sorted(items.values_list("day", "kind"))


def run(*offsets: int) -> None:
    for offset in offsets:
        send_daily_reminders(today=days(offset))


@pytest.fixture
def police():
    """An agency's lead, a colleague and its board member, and another agency's lead."""
    lead = account(Role.AGENCY_LEAD)
    agency = lead.person.agency
    return {
        "agency": agency,
        "lead": lead,
        "colleague": account(Role.PRACTITIONER, agency=agency),
        "board_member": account(Role.BOARD_MEMBER, agency=agency),
        "other_lead": account(Role.AGENCY_LEAD),
    }


# Queries -------------------------------------------------------------------------------------


def query_due(agency, due_on: datetime.date, **fields) -> IndicatorQuery:
    indicator = IndicatorFactory(owning_agency=agency)
    return IndicatorQuery.objects.create(
        indicator=indicator,
        period=PeriodFactory(key=OCTOBER_2026),
        agency=agency,
        trigger=QueryTrigger.CONCERN,
        question="Why did re-referrals rise?",
        opened_on=min(due_on, TODAY) - datetime.timedelta(days=20),
        response_due_on=due_on,
        **fields,
    )


def test_a_query_is_chased_with_the_asked_agencys_leads_only(police):
    query_due(police["agency"], days(4))
    query_due(police["agency"], days(-2))
    query_due(police["agency"], days(-5), status=IndicatorQuery.Status.ANSWERED)

    run(0)

    assert sent(police["lead"]) == [
        (TODAY, ReminderKind.QUERY_ANSWER_DUE),
        (TODAY, ReminderKind.QUERY_OVERDUE),
    ]
    for other in ("colleague", "board_member", "other_lead"):
        assert sent(police[other]) == []


def test_an_answer_due_is_reminded_once_and_an_overdue_one_weekly(police):
    soon = query_due(police["agency"], days(5))
    late = query_due(police["agency"], days(-1))

    run(*range(15))

    def days_sent(query, kind):
        items = ReminderItem.objects.filter(item_id=query.pk, kind=kind)
        return [(item.day - TODAY).days for item in items.order_by("day")]

    assert days_sent(soon, ReminderKind.QUERY_ANSWER_DUE) == [0]
    assert days_sent(soon, ReminderKind.QUERY_OVERDUE) == [6, 13]
    assert days_sent(late, ReminderKind.QUERY_OVERDUE) == [0, 7, 14]


def test_a_challenged_query_is_reminded_of_its_new_due_date(police):
    query = query_due(police["agency"], days(3))
    run(0)
    IndicatorQuery.objects.filter(pk=query.pk).update(response_due_on=days(6))

    run(1)

    assert sent(police["lead"], ReminderKind.QUERY_ANSWER_DUE) == [
        (TODAY, ReminderKind.QUERY_ANSWER_DUE),
        (days(1), ReminderKind.QUERY_ANSWER_DUE),
    ]


def test_a_querys_reminder_links_to_the_query(police):
    query = query_due(police["agency"], days(2))
    run(0)
    item = ReminderItem.objects.get(recipient=police["lead"])
    assert item.url == query.get_absolute_url()
    assert item.text.startswith(f"Query on {query.indicator.code}")


# Figures -------------------------------------------------------------------------------------


def monthly_indicator(agency, code: str, *, added_on=datetime.date(2026, 10, 25)):
    """Added after September's figures were due: October is the first month it owes."""
    added = timezone.make_aware(datetime.datetime.combine(added_on, datetime.time(9)))
    return IndicatorFactory(owning_agency=agency, code=code, created_at=added)


def test_figures_due_are_reminded_once_then_chased_weekly_once_late(police):
    monthly_indicator(police["agency"], "POL-01")
    # October's figures are due on 20 November: 23 November is TODAY, so day -9 is the 14th.
    run(*range(-9, 8))

    assert sent(police["lead"]) == [
        (days(-9), ReminderKind.FIGURES_DUE),
        (days(-2), ReminderKind.FIGURES_LATE),
        (days(5), ReminderKind.FIGURES_LATE),
    ]
    for other in ("colleague", "board_member", "other_lead"):
        assert sent(police[other]) == []


def test_running_twice_a_day_sends_figures_reminders_once(police):
    monthly_indicator(police["agency"], "POL-01")
    run(0, 0)
    assert sent(police["lead"]) == [(TODAY, ReminderKind.FIGURES_LATE)]


def test_submitted_figures_are_not_chased(police):
    indicator = monthly_indicator(police["agency"], "POL-01")
    FigureFactory(indicator=indicator, period=PeriodFactory(key=OCTOBER_2026))
    run(-5, 0)
    assert sent(police["lead"]) == []


def test_a_due_date_moved_by_the_business_manager_is_the_one_chased(police):
    monthly_indicator(police["agency"], "POL-01")
    PeriodFactory(key=OCTOBER_2026, submissions_due_on=days(3))
    run(0)
    assert sent(police["lead"]) == [(TODAY, ReminderKind.FIGURES_DUE)]


def test_an_indicator_added_after_the_figures_were_due_is_not_chased_for_them(police):
    monthly_indicator(police["agency"], "POL-01", added_on=datetime.date(2026, 11, 21))
    run(0)
    assert sent(police["lead"]) == []


def test_late_figures_are_chased_for_three_months_at_most(police):
    monthly_indicator(police["agency"], "POL-01")
    run(0, 91)
    texts = dict(ReminderItem.objects.filter(recipient=police["lead"]).values_list("day", "text"))
    assert "October 2026" in texts[TODAY]
    assert "October 2026" not in texts[days(91)] and "January 2027" in texts[days(91)]


def test_a_figures_reminder_names_the_periods_and_links_to_the_submission_page(police):
    monthly_indicator(police["agency"], "POL-01")
    monthly_indicator(police["agency"], "POL-02")
    run(0)
    item = ReminderItem.objects.get(recipient=police["lead"])
    assert item.url == reverse("scorecard:submission_periods")
    assert item.item == police["agency"]
    assert item.text == (
        f"Scorecard figures not yet submitted by {police['agency'].name}: October 2026, "
        "due on 20 November 2026 (2 indicators: POL-01, POL-02)"
    )
