import datetime

from django.utils import timezone

from safeboard.learning.factories import (
    BookingFactory,
    FollowUpFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, FollowUp
from safeboard.learning.report_section import training_figures, training_summary
from safeboard.partnership.factories import AgencyFactory

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)


def _session(day: datetime.date):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    return SessionFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))


def _attended(session, learner, **follow_up):
    booking = BookingFactory(
        session=session, learner=learner, attendance=Booking.Attendance.ATTENDED
    )
    if follow_up:
        FollowUpFactory(booking=booking, sent_on=END, **follow_up)
    return booking


def test_reach_by_agency_counts_people_once_and_places_each_time(db):
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    officer, nurse = LearnerFactory(agency=police), LearnerFactory(agency=health)
    first, second = _session(datetime.date(2024, 5, 1)), _session(datetime.date(2024, 9, 1))
    _attended(first, officer)
    _attended(second, officer)
    _attended(second, nurse)
    _attended(_session(datetime.date(2025, 4, 2)), nurse)  # after the period
    BookingFactory(session=first, learner=nurse, attendance=Booking.Attendance.NO_SHOW)

    figures = training_figures(start=START, end=END)

    assert (figures["sessions"], figures["places"], figures["people"]) == (2, 3, 2)
    assert figures["by_agency"] == [
        {"agency": "Health", "people": 1, "places": 1},
        {"agency": "Police", "people": 1, "places": 2},
    ]
    assert training_summary(figures).startswith("2 people from 2 agencies attended 2 training")


def test_follow_up_of_the_sessions_held_in_the_period(db):
    session = _session(datetime.date(2024, 6, 1))
    answered = {"responded_at": timezone.now()}
    _attended(session, LearnerFactory(), practice_changed=FollowUp.Change.YES, **answered)
    _attended(session, LearnerFactory(), practice_changed=FollowUp.Change.PARTLY, **answered)
    _attended(session, LearnerFactory(), practice_changed="")  # sent, not answered
    earlier = _session(datetime.date(2024, 2, 1))  # before the period: not counted
    _attended(earlier, LearnerFactory(), practice_changed=FollowUp.Change.NO, **answered)

    figures = training_figures(start=START, end=END)

    follow_up = figures["follow_up"]
    assert (follow_up["sent"], follow_up["responses"], follow_up["changed"]) == (3, 2, 1)
    assert follow_up["response_rate"] == 66.7
    assert figures["follow_up_chart"] == [
        ["Practice changed", 1],
        ["Partly changed", 1],
        ["Not changed", 0],
    ]
    assert "1 of the 2 who answered" in training_summary(figures)


def test_a_year_without_training(db):
    figures = training_figures(start=START, end=END)
    assert figures["sessions"] == 0 and figures["by_agency"] == []
    assert training_summary(figures) == "No multi-agency training session was held in the period."
