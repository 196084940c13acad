"""Who is trained for their role, and who is due a refresher, counted in the database."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeboard.learning.compliance import selectors as compliance
from safeboard.learning.models import Booking, Headcount
from safeboard.partnership.factories import AgencyFactory

from ..needs.helpers import attend, days_ago_for, learner, needed, role, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def police():
    return AgencyFactory(name="Shire Constabulary")


@pytest.fixture
def officer_role():
    return role("Police officer")


def _row(scope=None, **key):
    rows = compliance.figures(scope=scope or compliance.Scope(), today=today()).rows
    return next(row for row in rows if all(getattr(row, k) == v for k, v in key.items()))


def test_a_practitioner_who_attended_every_needed_course_is_trained(police, officer_role):
    basic, core = needed(officer_role, refresher_months=36), needed(officer_role)
    person = learner(police, officer_role)
    attend(person, basic, days_ago=100)
    attend(person, core, days_ago=400)
    assert _row(agency=police).trained == 1


def test_missing_one_needed_course_leaves_a_practitioner_untrained(police, officer_role):
    basic, _core = needed(officer_role), needed(officer_role)
    attend(learner(police, officer_role), basic)
    row = _row(agency=police)
    assert (row.staff, row.trained, row.courses_needed) == (1, 0, 2)


def test_a_no_show_is_not_attendance(police, officer_role):
    basic = needed(officer_role)
    attend(learner(police, officer_role), basic, attendance=Booking.Attendance.NO_SHOW)
    assert _row(agency=police).trained == 0


def test_attendance_older_than_the_refresher_period_no_longer_counts(police, officer_role):
    basic = needed(officer_role, refresher_months=24)
    attend(learner(police, officer_role), basic, days_ago=days_ago_for(24, extra_days=5))
    row = _row(agency=police)
    assert (row.trained, row.refresher_due, row.refresher_overdue) == (0, 1, 1)


def test_a_refresher_within_ninety_days_of_its_date_is_due_but_still_counts(police, officer_role):
    basic = needed(officer_role, refresher_months=24)
    attend(learner(police, officer_role), basic, days_ago=days_ago_for(24, extra_days=-30))
    row = _row(agency=police)
    assert (row.trained, row.refresher_due, row.refresher_overdue) == (1, 1, 0)


def test_taking_the_refresher_clears_what_was_due(police, officer_role):
    basic = needed(officer_role, refresher_months=24)
    person = learner(police, officer_role)
    attend(person, basic, days_ago=days_ago_for(24, extra_days=40))
    attend(person, basic, days_ago=10)
    row = _row(agency=police)
    assert (row.trained, row.refresher_due, row.refresher_overdue) == (1, 0, 0)
    assert not compliance.refresher_list(scope=compliance.Scope(), today=today()).exists()


def test_a_course_without_a_refresher_counts_however_long_ago(police, officer_role):
    core = needed(officer_role, refresher_months=None)
    attend(learner(police, officer_role), core, days_ago=2000)
    row = _row(agency=police)
    assert (row.trained, row.refresher_due) == (1, 0)


def test_a_course_the_role_does_not_need_changes_nothing(police, officer_role):
    needed(officer_role)
    other = needed(role("Teacher"))
    attend(learner(police, officer_role), other)
    assert _row(agency=police).trained == 0


def test_people_who_left_are_not_counted(police, officer_role):
    basic = needed(officer_role)
    attend(learner(police, officer_role, is_active=False), basic)
    learner(police, officer_role)
    row = _row(agency=police)
    assert (row.staff, row.trained) == (1, 0)


def test_the_share_trained_is_of_the_agencys_headcount(police, officer_role):
    basic = needed(officer_role)
    for _ in range(2):
        attend(learner(police, officer_role), basic)
    learner(police, officer_role)
    assert _row(agency=police).percent_trained == 67
    Headcount.objects.create(agency=police, job_role=officer_role, headcount=8, as_of=today())
    row = _row(agency=police)
    assert (row.headcount, row.percent_trained) == (8, 25)


def test_an_agency_with_a_headcount_but_nobody_registered_shows(police, officer_role):
    needed(officer_role)
    Headcount.objects.create(agency=police, job_role=officer_role, headcount=40, as_of=today())
    row = _row(agency=police)
    assert (row.headcount, row.staff, row.trained, row.percent_trained) == (40, 0, 0, 0)


def test_roles_that_need_nothing_have_no_row(police, officer_role):
    learner(police, officer_role)
    assert compliance.figures(scope=compliance.Scope(), today=today()).rows == []


def test_an_agency_scope_counts_only_that_agency(police, officer_role):
    basic = needed(officer_role)
    health = AgencyFactory(name="Shire Health")
    attend(learner(police, officer_role), basic)
    attend(learner(health, officer_role), basic)
    rows = compliance.figures(scope=compliance.Scope(agency_id=police.pk), today=today()).rows
    assert [(row.agency, row.trained) for row in rows] == [(police, 1)]


def test_a_managers_scope_counts_only_their_staff(police, officer_role):
    basic = needed(officer_role)
    manager = learner(police, role("Team manager"))
    attend(learner(police, officer_role, manager=manager), basic)
    attend(learner(police, officer_role), basic)
    scope = compliance.Scope(agency_id=police.pk, manager_id=manager.pk)
    rows = compliance.figures(scope=scope, today=today()).rows
    assert [(row.staff, row.trained, row.headcount) for row in rows] == [(1, 1, None)]


def test_the_refresher_list_names_people_overdue_first(police, officer_role):
    basic = needed(officer_role, refresher_months=24, title="Basic awareness")
    soon = learner(police, officer_role, full_name="Alex Soon")
    late = learner(police, officer_role, full_name="Zoe Late")
    attend(soon, basic, days_ago=days_ago_for(24, extra_days=-20))
    attend(late, basic, days_ago=days_ago_for(24, extra_days=20))
    rows = compliance.refresher_list(scope=compliance.Scope(), today=today())
    entries = compliance.refresher_entries(rows, today())
    assert [(e.full_name, e.course, e.is_overdue) for e in entries] == [
        ("Zoe Late", "Basic awareness", True),
        ("Alex Soon", "Basic awareness", False),
    ]
    figures = compliance.figures(scope=compliance.Scope(), today=today())
    assert figures.refreshers_due == 2


def _figures_and_names(scope):
    with CaptureQueriesContext(connection) as queries:
        figures = compliance.figures(scope=scope, today=today())
        list(compliance.refresher_list(scope=scope, today=today())[:50])
    return figures, len(queries)


def test_the_number_of_queries_does_not_grow_with_the_practitioners(police, officer_role):
    basic = needed(officer_role, refresher_months=24)
    core = needed(officer_role)
    attend(learner(police, officer_role), basic)
    _, few = _figures_and_names(compliance.Scope())
    for number in range(12):
        person = learner(AgencyFactory(name=f"Agency {number}"), officer_role)
        attend(person, basic, days_ago=days_ago_for(24, extra_days=number))
        attend(person, core)
    figures, many = _figures_and_names(compliance.Scope())
    assert len(figures.rows) == 13
    assert many == few
