"""Attendance by agency, checked against figures worked out by hand."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.meetings import selectors
from safeboard.meetings.factories import AttendanceFactory, MeetingFactory
from safeboard.partnership.factories import AgencyFactory, GroupFactory, PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
NOW = timezone.now()
TODAY = timezone.localdate()


@pytest.fixture
def board_year():
    """Two board meetings in the period, one before it and one of another group.

    Police (2 members, 2 meetings): present, deputy, apologies, absent -> 4 expected,
    attended 2 -> 50%. Health (1 member): present twice -> 2 expected, 100%.
    """
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    board, subgroup = GroupFactory(name="Board"), GroupFactory(name="Neglect subgroup")
    first = MeetingFactory(group=board, starts_at=NOW - datetime.timedelta(days=60))
    second = MeetingFactory(group=board, starts_at=NOW - datetime.timedelta(days=30))
    too_old = MeetingFactory(group=board, starts_at=NOW - datetime.timedelta(days=400))
    other_group = MeetingFactory(group=subgroup, starts_at=NOW - datetime.timedelta(days=10))
    officer, inspector = PersonFactory(agency=police), PersonFactory(agency=police)
    nurse = PersonFactory(agency=health)
    for meeting, person, status, deputy in [
        (first, officer, "present", ""),
        (second, officer, "deputy", "DS Deputy"),
        (first, inspector, "apologies", ""),
        (second, inspector, "absent", ""),
        (first, nurse, "present", ""),
        (second, nurse, "present", ""),
        (too_old, nurse, "absent", ""),
        (other_group, nurse, "absent", ""),
    ]:
        AttendanceFactory(meeting=meeting, person=person, status=status, deputy_name=deputy)
    return {"board": board, "police": police}


def _figures(row):
    keys = ("agency__name", "expected", "present", "deputised", "apologies", "absent", "rate")
    return tuple(row[key] for key in keys)


def test_attendance_by_agency_for_the_board_lowest_rate_first(board_year):
    period = selectors.AttendancePeriod(
        from_date=TODAY - datetime.timedelta(days=365),
        to_date=TODAY,
        group_id=board_year["board"].pk,
    )
    rows = selectors.attendance_by_agency(period=period)
    assert [_figures(row) for row in rows] == [
        ("Police", 4, 1, 1, 1, 1, 50.0),
        ("Health", 2, 2, 0, 0, 0, 100.0),
    ]
    totals = selectors.attendance_totals(period=period)
    assert (totals["expected"], totals["rate"]) == (6, 66.7)


def test_without_a_group_every_groups_meetings_in_the_period_count(board_year):
    period = selectors.default_attendance_period()
    health = next(
        row
        for row in selectors.attendance_by_agency(period=period)
        if row["agency__name"] == "Health"
    )
    # Two board meetings present, and the subgroup meeting absent; the old one is outside.
    assert _figures(health) == ("Health", 3, 2, 0, 0, 1, 66.7)


def test_attendance_counts_for_the_agency_at_the_time_even_after_a_move(board_year):
    officer_row = board_year["police"].attendances.first()
    officer = officer_row.person
    officer.agency = AgencyFactory(name="Probation")
    officer.save()
    names = [
        row["agency__name"]
        for row in selectors.attendance_by_agency(period=selectors.default_attendance_period())
    ]
    assert "Probation" not in names


def test_the_default_period_is_the_last_twelve_months():
    period = selectors.default_attendance_period(datetime.date(2025, 6, 15))
    assert (period.from_date, period.to_date) == (
        datetime.date(2024, 6, 16),
        datetime.date(2025, 6, 15),
    )


def test_the_default_period_from_a_leap_day():
    period = selectors.default_attendance_period(datetime.date(2024, 2, 29))
    assert period.from_date == datetime.date(2023, 3, 1)


def test_the_report_page_shows_the_rates(cast, board_year):
    response = signed_in_client(cast[Role.CHAIR]).get(reverse("meetings:attendance_report"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Police" in page and "50%" in page


def test_the_report_downloads_as_csv(cast, board_year):
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(
        reverse("meetings:attendance_report"),
        {"group": board_year["board"].pk, "format": "csv"},
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Agency,Meetings expected,Present")
    assert lines[1] == "Police,4,1,1,1,1,50.0"


def test_the_report_downloads_as_excel(cast, board_year):
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(
        reverse("meetings:attendance_report"), {"format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_period_that_ends_before_it_starts_is_refused(cast):
    response = signed_in_client(cast[Role.CHAIR]).get(
        reverse("meetings:attendance_report"),
        {"from_date": "2025-06-01", "to_date": "2025-05-01"},
    )
    assert response.status_code == 400
    assert 'class="govuk-error-summary"' in response.content.decode()
