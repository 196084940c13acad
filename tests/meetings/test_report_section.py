import datetime

from safeboard.meetings.factories import AttendanceFactory, MeetingFactory
from safeboard.meetings.models import Attendance
from safeboard.meetings.report_section import attendance_figures
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
