import datetime

from safeboard.meetings.factories import AttendanceFactory, MeetingFactory
from safeboard.meetings.models import Attendance
from safeboard.meetings.report_section import attendance_figures, attendance_printed
from safeboard.partnership.factories import AgencyFactory, PersonFactory

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)


def test_attendance_by_agency_counts_a_deputy_as_attending(db):
    meeting = MeetingFactory(starts_at=datetime.datetime(2024, 6, 1, 10, tzinfo=datetime.UTC))
    later = MeetingFactory(starts_at=datetime.datetime(2025, 6, 1, 10, tzinfo=datetime.UTC))
    school = PersonFactory(agency=AgencyFactory(name="Schools"))
    AttendanceFactory(
        meeting=meeting, person=school, status=Attendance.Status.DEPUTY, deputy_name="A deputy"
    )
    AttendanceFactory(
        meeting=meeting,
        person=PersonFactory(agency=school.agency),
        status=Attendance.Status.APOLOGIES,
    )
    AttendanceFactory(meeting=later, person=school)  # after the period
    figures = attendance_figures(start=START, end=END)
    assert figures["expected"] == 2
    assert figures["rate"] == 50.0
    assert figures["chart"] == [["Schools", 50.0]]


def _attendance_row(n: int, *, expected: int, present: int) -> dict:
    rate = round(100 * present / expected, 1)
    return {
        "agency": f"Agency {n:02d}",
        "expected": expected,
        "present": present,
        "deputised": 0,
        "apologies": expected - present,
        "absent": 0,
        "rate": rate,
    }


def test_the_printed_table_keeps_the_lowest_attendance_and_one_row_for_the_others():
    # Lowest rate first, as the selector orders them.
    rows = [_attendance_row(n, expected=20, present=n) for n in range(1, 16)]
    figures = {"rows": rows, "chart": [], "expected": 300, "rate": 40.0}
    printed = attendance_printed(figures)
    assert [row["agency"] for row in printed["rows"]] == [f"Agency {n:02d}" for n in range(1, 11)]
    assert printed["others"] == {
        "agency": "All 5 other agencies",
        "expected": 100,
        "present": 11 + 12 + 13 + 14 + 15,
        "deputised": 0,
        "apologies": 100 - 65,
        "absent": 0,
        "rate": 65.0,
    }
    assert printed["agencies"] == 15
    assert printed["chart"][-1] == ["All 5 other agencies", 65.0]
    assert len(printed["chart"]) == 11
    assert figures["rows"] == rows  # the snapshot's figures are read, never changed


def test_a_short_attendance_table_is_printed_whole():
    figures = {"rows": [_attendance_row(1, expected=4, present=2)], "chart": [], "rate": 50.0}
    assert attendance_printed(figures) is figures
