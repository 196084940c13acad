"""Running the board's self-assessment: open, rate with evidence, complete, act."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.self_assessment import services
from safeboard.self_assessment.evidence_links import NO_SUCH_PAGE, NOT_A_LOCAL_PATH
from safeboard.self_assessment.models import Area, Question, Rating

from .factories import completed_assessment, open_assessment, rate_all

TODAY = datetime.date(2026, 4, 1)


def test_the_question_bank_is_seeded_in_seven_areas_of_three_to_five_questions(db):
    areas = list(Area.objects.all())
    assert [area.name for area in areas] == [
        "Governance and membership",
        "A few clear priorities",
        "Scrutiny and challenge",
        "Learning from reviews",
        "Training",
        "Children's voice",
        "Measuring impact",
    ]
    for area in areas:
        assert 3 <= area.questions.count() <= 5


def test_only_one_self_assessment_is_open_at_a_time(db):
    open_assessment()
    with pytest.raises(ValidationError) as error:
        open_assessment(title="Another")
    assert services.ALREADY_OPEN in error.value.messages


def test_a_member_rates_again_and_the_rating_is_replaced(cast):
    assessment = open_assessment()
    person = cast[Role.CHAIR].person
    rate_all(assessment, person, lambda question: 2)
    rate_all(assessment, person, lambda question: 3)
    ratings = Rating.objects.filter(assessment=assessment, rater=person)
    assert ratings.count() == Question.objects.filter(is_active=True).count()
    assert set(ratings.values_list("score", flat=True)) == {3}


def test_a_question_left_unrated_keeps_no_rating(cast):
    assessment = open_assessment()
    person = cast[Role.CHAIR].person
    rate_all(assessment, person, lambda question: 2)
    rate_all(assessment, person, lambda question: None)
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    ("evidence", "stored"),
    [
        ("/self-assessment/", "/self-assessment/"),
        ("  /actions/?status=open ", "/actions/?status=open"),
        ("https://safeboard.example.test/self-assessment/", "/self-assessment/"),
        ("", ""),
    ],
)
def test_evidence_is_kept_as_a_safeboard_path(cast, evidence, stored):
    assessment = open_assessment()
    question = Question.objects.first()
    services.ratings_record(
        assessment=assessment,
        rater=cast[Role.CHAIR].person,
        answers=[services.Answer(question=question, score=3, evidence=evidence)],
    )
    assert Rating.objects.get().evidence_url == stored


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ("//evil.example/", NOT_A_LOCAL_PATH),
        ("javascript:alert(1)", NOT_A_LOCAL_PATH),
        ("audits/4/", NOT_A_LOCAL_PATH),
        ("/no-such-page-here/", NO_SUCH_PAGE.format(path="/no-such-page-here/")),
    ],
)
def test_evidence_that_is_not_a_safeboard_page_is_refused(cast, evidence, message):
    assessment = open_assessment()
    question = Question.objects.first()
    with pytest.raises(ValidationError) as error:
        services.ratings_record(
            assessment=assessment,
            rater=cast[Role.CHAIR].person,
            answers=[services.Answer(question=question, score=3, evidence=evidence)],
        )
    assert error.value.message_dict[f"evidence_{question.pk}"] == [message]
    assert not Rating.objects.exists()


def test_a_completed_self_assessment_takes_no_more_ratings(cast):
    assessment = completed_assessment(
        person=cast[Role.CHAIR].person,
        title="2025",
        opened_on=datetime.date(2025, 3, 1),
        completed_on=datetime.date(2025, 4, 1),
        score_of=lambda question: 3,
    )
    with pytest.raises(ValidationError) as error:
        rate_all(assessment, cast[Role.BOARD_MEMBER].person, lambda question: 1)
    assert services.NOT_OPEN in error.value.messages


def test_completing_needs_ratings_and_a_sensible_date(cast):
    assessment = open_assessment(opened_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        services.self_assessment_complete(
            assessment=assessment, completed_on=datetime.date(2026, 3, 5), today=TODAY
        )
    assert services.NO_RATINGS in error.value.messages
    rate_all(assessment, cast[Role.CHAIR].person, lambda question: 2)
    for day, message in [
        (datetime.date(2026, 2, 1), services.COMPLETED_BEFORE_OPENED),
        (datetime.date(2026, 5, 1), services.COMPLETED_IN_FUTURE),
    ]:
        with pytest.raises(ValidationError) as error:
            services.self_assessment_complete(assessment=assessment, completed_on=day, today=TODAY)
        assert error.value.message_dict["completed_on"] == [message]


def test_an_agreed_improvement_becomes_an_action_from_the_self_assessment(cast):
    chair = cast[Role.CHAIR].person
    assessment = completed_assessment(
        person=chair,
        title="2025",
        opened_on=datetime.date(2025, 3, 1),
        completed_on=datetime.date(2025, 4, 1),
        score_of=lambda question: 2,
    )
    action = services.self_assessment_add_action(
        assessment=assessment,
        title="Hear from children at every board meeting",
        owner_person=chair,
        due_on=datetime.date(2026, 9, 1),
    )
    assert action.source == assessment
    assert action.owner_agency == chair.agency
    assert Action.objects.count() == 1


def test_an_open_self_assessment_has_no_agreed_improvements_yet(cast):
    with pytest.raises(ValidationError):
        services.self_assessment_add_action(
            assessment=open_assessment(),
            title="Too soon",
            owner_person=cast[Role.CHAIR].person,
            due_on=datetime.date(2026, 9, 1),
        )


def test_the_business_manager_keeps_the_question_bank(client_for, cast):
    client = client_for(cast[Role.BUSINESS_MANAGER])
    area = Area.objects.get(name="Training")
    response = client.post(
        reverse("self_assessment:question_add"),
        {
            "area": area.pk,
            "text": "Do members take the training themselves?",
            "position": 9,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get(text="Do members take the training themselves?")
    response = client.post(
        reverse("self_assessment:question_edit", kwargs={"pk": question.pk}),
        {"area": area.pk, "text": question.text, "position": 9},
    )
    question.refresh_from_db()
    assert not question.is_active
    assert question.history.count() == 2
