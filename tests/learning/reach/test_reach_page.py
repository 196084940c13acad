"""The reach page: choosing what to count, the table beside the chart, and the downloads."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from safeboard.accounts.roles import Role
from safeboard.learning.factories import (
    BookingFactory,
    CourseFactory,
    JobRoleFactory,
    LearnerFactory,
    SessionFactory,
)
from safeboard.learning.models import Booking
from safeboard.learning.reach import selectors as reach
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.models import Review
from safeboard.themes.models import Theme
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
URL = "/training/reach/"


@pytest.fixture
def neglect(cast):
    theme = Theme.objects.get(slug="neglect")
    course = CourseFactory(title="Recognising neglect")
    course.themes.add(theme)
    role = JobRoleFactory(name="Police officer")
    for _ in range(3):
        learner = LearnerFactory(agency=cast.home_agency, job_role=role)
        BookingFactory(
            learner=learner,
            session=SessionFactory(course=course, days=-20),
            attendance=Booking.Attendance.ATTENDED,
        )
    return theme


def _subject(theme) -> str:
    return reach.subject_value(reach.THEME, theme.pk)


def test_the_url_is_the_reach_page():
    assert reverse("learning:reach") == URL


def test_the_page_asks_what_to_count_before_counting(cast, neglect):
    page = signed_in_client(cast[Role.CHAIR]).get(URL)
    assert page.status_code == 200
    assert "Training linked to" in page.text
    assert "Neglect" in page.text
    assert "People trained by agency" not in page.text


def test_the_reach_of_a_theme_shows_a_chart_and_its_table(cast, neglect):
    page = signed_in_client(cast[Role.LEARNING_OFFICER]).get(URL, {"subject": _subject(neglect)})
    assert page.status_code == 200
    assert "<strong>3 people</strong> from 1 agency" in page.text
    assert 'role="img"' in page.text
    assert "Shire Constabulary" in page.text
    assert "Recognising neglect" in page.text


def test_no_choice_is_a_clear_error(cast, neglect):
    page = signed_in_client(cast[Role.LEARNING_OFFICER]).get(URL, {"subject": ""})
    assert page.status_code == 400
    assert "Choose a theme, a priority or a case review." in page.text


def test_a_period_that_ends_before_it_starts_is_refused(cast, neglect):
    page = signed_in_client(cast[Role.LEARNING_OFFICER]).get(
        URL, {"subject": _subject(neglect), "from_date": "2025-05-01", "to_date": "2025-04-01"}
    )
    assert page.status_code == 400
    assert "The end of the period must be on or after its start." in page.text


def test_the_figures_download_as_csv(cast, neglect):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    response = client.get(URL, {"subject": _subject(neglect), "format": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(content))) == [
        ["Agency", "Role", "People trained", "Places attended"],
        ["Shire Constabulary", "Police officer", "3", "3"],
    ]


def test_the_figures_download_as_excel(cast, neglect):
    client = signed_in_client(cast[Role.LAY_MEMBER])
    response = client.get(URL, {"subject": _subject(neglect), "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]] == ["Shire Constabulary", "Police officer", 3, 3]


def test_unpublished_reviews_are_offered_only_to_those_who_may_see_them(cast, neglect):
    confidential = ReviewFactory(title="Child Q")
    published = ReviewFactory(title="Child P")
    Review.objects.filter(pk=published.pk).update(
        stage=Review.Stage.PUBLISHED, published_on=published.aware_date
    )
    board_member = signed_in_client(cast[Role.BOARD_MEMBER]).get(URL).text
    assert "Child P" in board_member
    assert "Child Q" not in board_member
    assert "Child Q" in signed_in_client(cast[Role.BUSINESS_MANAGER]).get(URL).text
    refused = signed_in_client(cast[Role.BOARD_MEMBER]).get(
        URL, {"subject": reach.subject_value(reach.REVIEW, confidential.pk)}
    )
    assert refused.status_code == 400


def test_the_page_takes_a_few_queries(cast, neglect, django_assert_max_num_queries):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    with django_assert_max_num_queries(20):
        client.get(URL, {"subject": _subject(neglect)})
