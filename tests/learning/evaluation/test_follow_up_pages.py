"""The follow-up aggregate on the course, session and reach pages: self-reported, with the
response rate, the answers, the confidence chart beside its table, and what changed — in as
many queries for 30 sessions or bookings as for 3; and only for those who may see results."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.learning.evaluation.charts import follow_up_chart
from safeboard.learning.evaluation.follow_up import FollowUpSummary
from safeboard.learning.evaluation.services import follow_up_respond
from safeboard.learning.factories import EvaluationFactory, FollowUpFactory, LearnerFactory
from safeboard.learning.reach import selectors as reach
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db
SENT = timezone.localdate() - datetime.timedelta(days=3)
ANSWERS = ["yes", "partly", "no"]


def _page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _answered(session, number: int) -> None:
    place = builders.attended(LearnerFactory(), on=session)
    EvaluationFactory(booking=place)
    FollowUpFactory(booking=place, sent_on=SENT)
    answer = ANSWERS[number % 3]
    follow_up_respond(
        booking=place,
        practice_changed=answer,
        what_changed="" if answer == "no" else f"Change number {number}",
        confidence=3 + number % 3,
    )


@pytest.fixture
def theme():
    return builders.theme("Neglect in the early years")


@pytest.fixture
def course(theme):
    course = builders.course(title="Neglect: the Graded Care Profile")
    course.themes.add(theme)
    return course


def _reach_url(theme) -> str:
    return reverse("learning:reach") + f"?subject={reach.subject_value(reach.THEME, theme.pk)}"


def test_the_course_page_shows_the_follow_up_self_reported(cast, course):
    session = builders.session(days=-100, course=course)
    for number in range(3):
        _answered(session, number)
    FollowUpFactory(booking=builders.attended(LearnerFactory(), on=session), sent_on=SENT)
    page = _page(signed_in_client(cast[Role.LEARNING_OFFICER]).get(course.get_absolute_url()))
    assert "Three months on: did practice change?" in page
    assert "Self-reported" in page
    assert "3 answers from 4 follow-ups sent for this course: a response rate of 75%" in page
    assert 'role="img"' in page and "Now, three months on" in page
    assert "Change number 1" in page
    assert str(LearnerFactory._meta.model.objects.first().full_name) not in page


def test_the_session_page_shows_its_own_follow_up(cast, course):
    mine = builders.held_session(cast, days=-100, course=course)
    other = builders.session(days=-120, course=course)
    _answered(mine, 0)
    _answered(other, 1)
    page = _page(signed_in_client(cast[Role.BOARD_MEMBER]).get(mine.get_absolute_url()))
    assert "1 answer from 1 follow-up sent for this session" in page
    assert "Change number 0" in page and "Change number 1" not in page


def test_the_reach_page_shows_the_follow_up_of_the_sessions_counted(cast, theme, course):
    _answered(builders.session(days=-100, course=course), 0)
    _answered(builders.session(days=-100), 1)  # a course not linked to the theme
    page = _page(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(_reach_url(theme)))
    assert "1 answer from 1 follow-up sent for these sessions" in page
    assert "Self-reported" in page


def test_nothing_sent_yet_is_said(cast, course):
    page = _page(signed_in_client(cast[Role.LEARNING_OFFICER]).get(course.get_absolute_url()))
    assert "No follow-up survey has been sent for this course yet" in page


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.AGENCY_LEAD])
def test_those_who_may_not_see_results_do_not_see_the_follow_up(cast, course, role):
    session = builders.session(days=-100, course=course)
    _answered(session, 0)
    client = signed_in_client(cast[role])
    assert "Three months on" not in _page(client.get(course.get_absolute_url()))
    assert "Three months on" not in _page(client.get(session.get_absolute_url()))
    assert client.get(_reach_url(course.themes.first())).status_code == 403


def test_the_chart_is_an_image_with_its_figures_described():
    summary = FollowUpSummary(4, 3, 1, 1, 1, 2.0, 4.0, 3.5)
    chart = follow_up_chart(summary=summary, title="Confidence", chart_id="c")
    assert 'role="img"' in chart and "<title" in chart
    assert "before 2.0; after 4.0; now 3.5" in chart
    assert (
        follow_up_chart(
            summary=FollowUpSummary(0, 0, 0, 0, 0, None, None, None), title="x", chart_id="c"
        )
        is None
    )


def _queries(client, url) -> int:
    _page(client.get(url))  # warm caches outside the count
    with CaptureQueriesContext(connection) as context:
        _page(client.get(url))
    return len(context.captured_queries)


def test_the_course_and_reach_pages_take_as_many_queries_for_30_sessions_as_for_3(
    cast, theme, course
):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])

    def sessions(count: int) -> None:
        for number in range(count):
            _answered(builders.session(days=-95 - number, course=course), number)

    sessions(3)
    few = [_queries(client, url) for url in (course.get_absolute_url(), _reach_url(theme))]
    sessions(27)
    many = [_queries(client, url) for url in (course.get_absolute_url(), _reach_url(theme))]
    assert many == few


def test_the_session_page_takes_as_many_queries_for_30_bookings_as_for_3(cast, course):
    session = builders.held_session(cast, days=-100, course=course)
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    for number in range(3):
        _answered(session, number)
    few = _queries(client, session.get_absolute_url())
    for number in range(3, 30):
        _answered(session, number)
    assert _queries(client, session.get_absolute_url()) == few
