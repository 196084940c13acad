"""Hand-made data for claims: an indicator's series, two audit rounds, a course's follow-up,
a Section 11 standard in two cycles."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from safeboard.audits.factories import (
    AnswerFactory,
    AssignmentFactory,
    AuditRoundFactory,
    QuestionFactory,
    SampleCaseFactory,
    SectionFactory,
    ToolVersionFactory,
)
from safeboard.audits.models import YesNoPartly
from safeboard.learning.factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    FollowUpFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking, FollowUp
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Frequency, Period
from safeboard.scorecard.periods import PeriodKey
from safeboard.section11.factories import (
    CycleFactory,
    CycleStandardFactory,
    RatingFactory,
    ReturnFactory,
)

FIRST_MONTH = datetime.date(2023, 4, 1)


def month(index: int) -> Period:
    day = FIRST_MONTH
    for _ in range(index):
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return PeriodFactory(key=PeriodKey(day, Frequency.MONTHLY))


def indicator_series(values, *, polarity="up", **fields):
    """A monthly indicator with a figure for each value, from April 2023; and its periods."""
    indicator = IndicatorFactory(polarity=polarity, **fields)
    periods = [month(index) for index in range(len(values))]
    for period, value in zip(periods, values, strict=True):
        if value is not None:
            FigureFactory(indicator=indicator, period=period, value=Decimal(str(value)))
    return indicator, periods


def indicator_fields(indicator, periods, before: int) -> dict:
    """Claim fields: the first `before` periods before, the rest after."""
    return {
        "indicator": indicator,
        "before_first": periods[0],
        "before_last": periods[before - 1],
        "after_first": periods[before],
        "after_last": periods[-1],
    }


def audit_rounds(earlier_met: int, earlier_cases: int, later_met: int, later_cases: int):
    """Two rounds of one tool with one yes/no question: `met` of `cases` answered yes."""
    version = ToolVersionFactory()
    question = QuestionFactory(
        section=SectionFactory(version=version, title="Strategy meetings"),
        text="Was a strategy meeting held within the timescale?",
    )
    rounds = []
    for met, cases in ((earlier_met, earlier_cases), (later_met, later_cases)):
        audit_round = AuditRoundFactory(tool_version=version, closed=True)
        for number in range(cases):
            assignment = AssignmentFactory(
                case=SampleCaseFactory(round=audit_round), submitted=True
            )
            choice = YesNoPartly.YES if number < met else YesNoPartly.NO
            AnswerFactory(assignment=assignment, question=question, choice=choice)
        rounds.append(audit_round)
    return rounds


def course_with_follow_ups(*, sent: int, changed: int, partly: int, unanswered: int):
    """A course whose one session's learners had `sent` follow-ups: `changed` said yes,
    `partly` partly, `unanswered` did not answer, the rest said no."""
    course = CourseFactory(outcomes=["Recognise neglect"])
    session = SessionFactory(course=course, days=-120)
    now = timezone.now()
    for number in range(sent):
        booking = BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED)
        EvaluationFactory(booking=booking)
        if number < changed:
            answer = FollowUp.Change.YES
        elif number < changed + partly:
            answer = FollowUp.Change.PARTLY
        elif number < sent - unanswered:
            answer = FollowUp.Change.NO
        else:
            answer = ""
        FollowUpFactory(
            booking=booking,
            practice_changed=answer,
            responded_at=now if answer else None,
            confidence_follow_up=(5 if number % 2 else 4) if answer else None,
        )
    return course, session


def section11_cycles(earlier_scores, later_scores, *, code="3.2"):
    """Two cycles holding standard `code`, moderated to the scores given (one per agency)."""
    cycles = []
    for offset, scores in ((-400, earlier_scores), (-30, later_scores)):
        cycle = CycleFactory(returns_due_on=timezone.localdate() + datetime.timedelta(days=offset))
        standard = CycleStandardFactory(cycle=cycle, code=code)
        for score in scores:
            agency_return = ReturnFactory(cycle=cycle, submitted=True)
            RatingFactory(
                agency_return=agency_return,
                standard=standard,
                self_score=score,
                moderated_score=score,
                moderated_on=timezone.localdate(),
            )
        cycles.append(cycle)
    return cycles
