"""The catalogue and its courses: adding and changing them, their ordered learning outcomes,
the links to reviews and priorities, and the catalogue's filters."""

from __future__ import annotations

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.catalogue import services
from safeboard.learning.factories import EvaluationFactory, JobRoleFactory
from safeboard.learning.models import Course, LearningOutcome
from safeboard.reviews.models import Review
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _course_form(**overrides) -> dict:
    data = {
        "title": "Exploitation: spotting it early",
        "summary": "Signs of child criminal and sexual exploitation, and what to do.",
        "outcomes": "Recognise the signs of exploitation\n\nMake a referral to the hub\n",
        "level": Course.Level.CORE,
        "is_multi_agency": "yes",
        "fee_per_place": "45.00",
        "no_show_charge": "30",
        "refresher_months": "",
    }
    data.update(overrides)
    return data


def _texts(course: Course) -> list[str]:
    return list(course.outcomes.order_by("position").values_list("text", flat=True))


def test_the_learning_officer_adds_a_course_with_its_outcomes_in_order(officer_client):
    role = JobRoleFactory(name="Health visitor")
    theme = builders.theme()
    response = officer_client.post(
        reverse("learning:course_create"),
        _course_form(job_roles=[role.pk], themes=[theme.pk]),
    )
    course = Course.objects.get()
    assert response.status_code == 302
    assert response["Location"] == course.get_absolute_url()
    assert _texts(course) == ["Recognise the signs of exploitation", "Make a referral to the hub"]
    assert list(course.job_roles.all()) == [role] and list(course.themes.all()) == [theme]
    assert str(course.fee_per_place) == "45.00" and course.is_multi_agency


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"outcomes": "  \n "}, "outcomes", "Enter at least one learning outcome"),
        ({"fee_per_place": "-5"}, "fee_per_place", "Enter an amount in pounds and pence"),
        ({"refresher_months": "0"}, "refresher_months", "whole number from 1 to 120"),
        ({"level": "expert"}, "level", "Select a valid choice"),
    ],
)
def test_a_course_with_bad_input_is_refused_with_a_clear_error(
    officer_client, overrides, field, message
):
    response = officer_client.post(reverse("learning:course_create"), _course_form(**overrides))
    assert response.status_code == 400
    assert message in _page(response)
    assert not Course.objects.exists()


def test_two_courses_cannot_share_a_title(officer_client):
    builders.course(title="Exploitation: spotting it early")
    response = officer_client.post(
        reverse("learning:course_create"), _course_form(title="exploitation: Spotting it early")
    )
    assert response.status_code == 400
    assert "already exists" in _page(response)
    assert Course.objects.count() == 1


def test_changing_a_course_keeps_links_to_reviews_the_officer_cannot_see(cast, officer):
    course = builders.course()
    confidential = Review.objects.create(
        reference="CSPR-01",
        edition=_edition(),
        child_pseudonym="Child A",
        age_band=Review.AgeBand.UNDER_1,
        incident_date="2026-01-05",
        aware_date="2026-01-06",
        summary="A baby was injured.",
        referred_by=cast[Role.BUSINESS_MANAGER],
        review_months=6,
        rapid_review_basis="aware",
    )
    course.reviews.add(confidential)
    client = signed_in_client(officer)
    page = _page(client.get(reverse("learning:course_edit", args=[course.pk])))
    assert "Child A" not in page
    data = {**_course_form(title=course.title, is_active="yes"), "summary": "Changed."}
    response = client.post(reverse("learning:course_edit", args=[course.pk]), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.summary == "Changed."
    assert list(course.reviews.all()) == [confidential]


def _edition():
    from safeboard.reviews.models import FrameworkEdition

    return FrameworkEdition.objects.get_or_create(
        code="wt-test", defaults={"name": "Working Together (test)", "year": 2023, "regime": "cspr"}
    )[0]


def test_outcomes_are_added_at_the_end_moved_and_changed(officer_client):
    course = builders.course(outcomes=["First", "Second"])
    officer_client.post(reverse("learning:outcome_add", args=[course.pk]), {"text": "Third"})
    third = course.outcomes.get(text="Third")
    officer_client.post(reverse("learning:outcome_move", args=[third.pk]), {"direction": "up"})
    assert _texts(course) == ["First", "Third", "Second"]
    officer_client.post(reverse("learning:outcome_move", args=[third.pk]), {"direction": "up"})
    officer_client.post(reverse("learning:outcome_move", args=[third.pk]), {"direction": "up"})
    assert _texts(course) == ["Third", "First", "Second"]
    officer_client.post(reverse("learning:outcome_edit", args=[third.pk]), {"text": "Third, now"})
    assert _texts(course) == ["Third, now", "First", "Second"]


def test_removing_an_outcome_closes_the_gap(officer_client):
    course = builders.course(outcomes=["First", "Second", "Third"])
    second = course.outcomes.get(text="Second")
    response = officer_client.post(reverse("learning:outcome_remove", args=[second.pk]))
    assert response.status_code == 302
    assert list(course.outcomes.order_by("position").values_list("position", "text")) == [
        (1, "First"),
        (2, "Third"),
    ]


def test_an_outcome_already_rated_cannot_be_removed(officer_client, learner):
    place = builders.attended(learner)
    EvaluationFactory(booking=place)
    outcome = place.session.course.outcomes.first()
    response = officer_client.post(reverse("learning:outcome_remove", args=[outcome.pk]))
    assert response.status_code == 400
    assert "rated in 1 evaluation" in _page(response)
    assert LearningOutcome.objects.filter(pk=outcome.pk).exists()


def test_an_outcome_over_300_characters_is_refused():
    course = builders.course()
    with pytest.raises(ValidationError):
        services.course_create(
            title="Another",
            summary="S",
            level=Course.Level.BASIC,
            is_multi_agency=False,
            outcomes=["x" * 301],
        )
    assert not course.outcomes.filter(text="x" * 301).exists()


def test_the_catalogue_filters_by_level_theme_role_and_words(practitioner_client):
    theme = builders.theme()
    role = JobRoleFactory(name="Teacher")
    wanted = builders.course(title="Neglect for teachers", level=Course.Level.BASIC)
    wanted.themes.add(theme)
    wanted.job_roles.add(role)
    builders.course(title="Neglect for leaders", level=Course.Level.LEADERSHIP)
    builders.course(title="Withdrawn neglect course", is_active=False, level=Course.Level.BASIC)
    url = reverse("learning:course_list")
    query = f"?level=basic&theme={theme.pk}&job_role={role.pk}&search=neglect"
    page = _page(practitioner_client.get(url + query))
    assert "Neglect for teachers" in page
    assert "Neglect for leaders" not in page and "Withdrawn neglect course" not in page
    everything = _page(practitioner_client.get(url))
    assert "Neglect for leaders" in everything and "Withdrawn neglect course" not in everything


def test_the_training_team_may_include_withdrawn_courses(officer_client):
    builders.course(title="Withdrawn neglect course", is_active=False)
    url = reverse("learning:course_list") + "?include_withdrawn=on"
    assert "Withdrawn neglect course" in _page(officer_client.get(url))


def test_a_course_page_shows_its_outcomes_and_sessions_with_places_left(practitioner_client):
    session = builders.session(capacity=12)
    page = _page(practitioner_client.get(session.course.get_absolute_url()))
    for text in builders.OUTCOMES:
        assert text in page
    assert "12 of 12" in page


def test_a_course_change_is_in_its_history(officer_client):
    course = builders.course()
    services.course_update(
        course=course,
        title=course.title,
        summary="A new summary.",
        level=course.level,
        is_multi_agency=True,
        is_active=True,
    )
    page = _page(officer_client.get(reverse("core:history", args=["learning.course", course.pk])))
    assert "A new summary." in page
