"""A case review's page shows the training its lessons led to."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.learning.factories import CourseFactory
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.models import Review
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


def test_a_published_review_shows_the_courses_that_teach_it(cast):
    review = ReviewFactory(
        stage=Review.Stage.PUBLISHED,
        published_on=timezone.localdate() - datetime.timedelta(days=30),
        referred_by=cast[Role.BUSINESS_MANAGER],
    )
    course = CourseFactory(title="Seeing the unseen man")
    course.reviews.add(review)
    CourseFactory(title="A course about something else")

    text = signed_in_client(cast[Role.PRACTITIONER]).get(review.get_absolute_url()).content

    assert b"Training it led to" in text
    assert b"Seeing the unseen man" in text
    assert b"A course about something else" not in text


def test_a_review_no_course_teaches_says_so(cast):
    review = ReviewFactory(referred_by=cast[Role.BUSINESS_MANAGER])

    text = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(review.get_absolute_url()).content

    assert b"No course teaches the lessons of this review yet." in text
