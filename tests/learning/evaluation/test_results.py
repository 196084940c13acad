"""Evaluation results per course and per session: mean confidence before and after each
outcome with the gain, satisfaction and the response rate; a chart with its table."""

from __future__ import annotations

import html

import pytest

from safeboard.accounts.roles import Role
from safeboard.learning.evaluation import selectors as results
from safeboard.learning.evaluation.charts import confidence_chart
from safeboard.learning.factories import EvaluationFactory, LearnerFactory
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def evaluated_course():
    """Two sessions: three attended the first and two evaluated it; one evaluated the second."""
    course = builders.course(outcomes=["Spot it", "Refer it"])
    spot, refer = course.outcomes.order_by("position")
    first = builders.session(days=-30, course=course)
    second = builders.session(days=-10, course=course)
    a, b, _ = (builders.attended(LearnerFactory(), on=first) for _ in range(3))
    c = builders.attended(LearnerFactory(), on=second)
    EvaluationFactory(booking=a, satisfaction=5, ratings={spot: (1, 4), refer: (2, 5)})
    EvaluationFactory(booking=b, satisfaction=3, ratings={spot: (2, 3), refer: (3, 3)})
    EvaluationFactory(booking=c, satisfaction=4, ratings={spot: (3, 5), refer: (2, 4)})
    builders.booking(LearnerFactory(), on=second, attendance="no_show")
    return course, first, second


def test_course_results_average_every_evaluation(evaluated_course):
    course, first, second = evaluated_course
    outcome = results.course_results(course)
    assert (outcome.attended, outcome.responses) == (4, 3)
    assert outcome.response_rate == pytest.approx(0.75)
    assert outcome.mean_satisfaction == pytest.approx(4.0)
    spot, refer = outcome.outcomes
    assert (spot.text, spot.mean_before, spot.mean_after) == ("Spot it", 2.0, 4.0)
    assert spot.gain == pytest.approx(2.0)
    assert refer.gain == pytest.approx(4 - 7 / 3)


def test_each_session_has_its_own_line(evaluated_course):
    course, first, second = evaluated_course
    lines = {line.session: line for line in results.course_results(course).sessions}
    assert (lines[first].attended, lines[first].responses) == (3, 2)
    assert lines[first].response_rate == pytest.approx(2 / 3)
    assert lines[first].mean_gain == pytest.approx((3 + 3 + 1 + 0) / 4)
    assert lines[second].mean_satisfaction == pytest.approx(4.0)


def test_session_results_count_only_that_session(evaluated_course):
    _, first, _ = evaluated_course
    outcome = results.session_results(first)
    assert (outcome.attended, outcome.responses) == (3, 2)
    assert outcome.outcomes[0].mean_before == pytest.approx(1.5)


def test_the_chart_names_itself_and_describes_every_outcome(evaluated_course):
    course, _, _ = evaluated_course
    chart = confidence_chart(
        outcomes=results.course_results(course).outcomes, title="Confidence", chart_id="c"
    )
    assert 'role="img"' in chart and '<title id="c-title">Confidence</title>' in chart
    assert "outcome 1: before 2.0, after 4.0" in chart
    assert chart.count('class="safeboard-chart__bar"') == 4


def test_no_chart_until_something_is_rated():
    course = builders.course()
    assert (
        confidence_chart(outcomes=results.course_results(course).outcomes, title="C", chart_id="c")
        is None
    )


def test_board_readers_see_the_results_and_practitioners_do_not(cast, evaluated_course, learner):
    course, _, _ = evaluated_course
    chair_page = _page(signed_in_client(cast[Role.CHAIR]).get(course.get_absolute_url()))
    assert "Evaluation results" in chair_page and "a response rate of 75%" in chair_page
    assert "+2.0" in chair_page
    practitioner_page = _page(
        signed_in_client(cast[Role.PRACTITIONER]).get(course.get_absolute_url())
    )
    assert "Evaluation results" not in practitioner_page


def test_a_sessions_page_shows_its_own_results(cast, evaluated_course):
    _, first, _ = evaluated_course
    page = _page(signed_in_client(cast[Role.LEARNING_OFFICER]).get(first.get_absolute_url()))
    assert "2 evaluations from 3 people who attended" in page
