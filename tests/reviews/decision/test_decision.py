"""The decision against every criterion: all answered or nothing saved, the outcome moves the
stage, and only the chair signs it off."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews import lifecycle
from safeboard.reviews.decision import services
from safeboard.reviews.factories import ReviewFactory, partners_agreeing
from safeboard.reviews.frameworks.timescales import review_due
from safeboard.reviews.models import CriterionAnswer, Decision, Review

pytestmark = pytest.mark.django_db


def _answers(review, *, leave_out: int | None = None) -> dict:
    return {
        criterion.pk: {
            "answer": CriterionAnswer.Answer.MET,
            "reason": "The injuries were not explained.",
        }
        for n, criterion in enumerate(review.edition.criteria.order_by("position"))
        if n != leave_out
    }


def _decide(cast, review, *, outcome=Decision.Outcome.LCSPR, **overrides) -> Decision:
    values = {
        "review": review,
        "outcome": outcome,
        "reasons": "The case shows agencies did not share what they knew.",
        "partners": partners_agreeing(review.aware_date),
        "answers": _answers(review),
        "recorded_by": cast[Role.BUSINESS_MANAGER],
    }
    values.update(overrides)
    return services.decision_record(**values)


def test_a_practice_review_decision_starts_the_review_due_six_months_on(cast, review):
    decision = _decide(cast, review)

    review.refresh_from_db()
    assert review.stage == Review.Stage.IN_REVIEW
    assert review.started_on == decision.decided_on
    assert review.due_on == review_due(decision.decided_on, 6)
    answers = list(decision.answers.order_by("criterion__position"))
    assert len(answers) == review.edition.criteria.count()
    assert answers[0].criterion_text == answers[0].criterion.text


@pytest.mark.parametrize(
    ("outcome", "stage"),
    [
        (Decision.Outcome.NO_REVIEW, Review.Stage.CLOSED),
        (Decision.Outcome.RAPID_REVIEW_ONLY, Review.Stage.DECIDED),
        (Decision.Outcome.LEARNING_REVIEW, Review.Stage.IN_REVIEW),
    ],
)
def test_the_outcome_moves_the_stage(cast, review, outcome, stage):
    _decide(cast, review, outcome=outcome)
    review.refresh_from_db()
    assert review.stage == stage


def test_a_learning_review_waits_for_the_board_to_set_its_timescale(cast, review):
    _decide(cast, review, outcome=Decision.Outcome.LEARNING_REVIEW)
    review.refresh_from_db()
    assert review.started_on is not None
    assert review.due_on is None


def test_a_decision_without_every_criterion_answered_names_it_and_saves_nothing(cast, review):
    criteria = list(review.edition.criteria.order_by("position"))
    missing = criteria[1]

    with pytest.raises(ValidationError) as error:
        _decide(cast, review, answers=_answers(review, leave_out=1))

    messages = error.value.message_dict
    assert set(messages) == {
        services.criterion_field(missing, "answer"),
        services.criterion_field(missing, "reason"),
    }
    assert (
        f"Answer criterion {missing.code}"
        in messages[services.criterion_field(missing, "answer")][0]
    )
    assert not Decision.objects.exists()
    assert not CriterionAnswer.objects.exists()
    review.refresh_from_db()
    assert review.stage == Review.Stage.REFERRED


def test_an_answer_without_its_reason_is_refused(cast, review):
    answers = _answers(review)
    first = review.edition.criteria.order_by("position").first()
    answers[first.pk]["reason"] = "  "
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, answers=answers)
    assert error.value.message_dict == {
        services.criterion_field(first, "reason"): [
            services.CRITERION_REASON_REQUIRED.format(code=first.code)
        ]
    }


def test_a_serious_case_review_is_not_a_decision_under_working_together_2023(cast, review):
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, outcome=Decision.Outcome.SCR)
    assert "outcome" in error.value.message_dict


def test_a_serious_case_review_under_working_together_2010(cast, wt2010):
    review = ReviewFactory(edition=wt2010, referred_by=cast[Role.BUSINESS_MANAGER])
    _decide(
        cast,
        review,
        outcome=Decision.Outcome.SCR,
        partners=None,
        decided_by=cast[Role.CHAIR].person,
        decided_on=review.aware_date,
    )
    review.refresh_from_db()
    assert review.stage == Review.Stage.IN_REVIEW
    assert review.due_on == review_due(review.started_on, 6)


def test_a_decision_cannot_come_before_the_partnership_became_aware(cast, review):
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, partners=partners_agreeing(review.aware_date - datetime.timedelta(1)))
    assert services.partner_field("police", "agreed_on") in error.value.message_dict


def test_recording_again_before_sign_off_replaces_the_decision(cast, review):
    _decide(cast, review)
    _decide(cast, review, outcome=Decision.Outcome.NO_REVIEW)

    decision = Decision.objects.get()
    assert decision.outcome == Decision.Outcome.NO_REVIEW
    assert decision.answers.count() == review.edition.criteria.count()
    review.refresh_from_db()
    assert (review.stage, review.started_on, review.due_on) == (Review.Stage.CLOSED, None, None)


def test_the_chair_signs_off_and_the_decision_is_then_fixed(cast, review):
    decision = _decide(cast, review)
    services.decision_sign_off(decision=decision, signed_off_by=cast[Role.CHAIR])

    decision.refresh_from_db()
    assert decision.signed_off_by == cast[Role.CHAIR]
    assert decision.signed_off_at is not None
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, outcome=Decision.Outcome.NO_REVIEW)
    assert error.value.messages == [lifecycle.DECISION_SIGNED_OFF]
    with pytest.raises(ValidationError):
        services.decision_sign_off(decision=decision, signed_off_by=cast[Role.CHAIR])


def test_only_the_chair_signs_off(cast, review):
    decision = _decide(cast, review)
    with pytest.raises(ValidationError) as error:
        services.decision_sign_off(decision=decision, signed_off_by=cast[Role.BUSINESS_MANAGER])
    assert error.value.messages == [services.ONLY_THE_CHAIR]


def _form_data(cast, review, *, leave_out: int | None = None) -> dict:
    data = {
        "outcome": Decision.Outcome.LCSPR,
        "reasons": "Agencies did not share what they knew.",
    }
    for partner, given in partners_agreeing(review.aware_date).items():
        data[services.partner_field(partner, "person")] = given["person"].pk
        data[services.partner_field(partner, "agreed_on")] = review.aware_date.isoformat()
        data[services.partner_field(partner, "agrees")] = "yes"
    for n, criterion in enumerate(review.edition.criteria.order_by("position")):
        if n == leave_out:
            continue
        data[services.criterion_field(criterion, "answer")] = "unclear"
        data[services.criterion_field(criterion, "reason")] = "We do not know yet."
    return data


def test_the_decision_form_shows_every_criterion_and_records_the_decision(
    cast, review, manager_client
):
    url = reverse("reviews:decision_record", kwargs={"pk": review.pk})
    page = manager_client.get(url).content.decode()
    for criterion in review.edition.criteria.all():
        assert f"Is criterion {criterion.code} met?" in page

    response = manager_client.post(url, _form_data(cast, review))

    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == decision.get_absolute_url()
    assert decision.answers.filter(answer="unclear").count() == review.edition.criteria.count()


def test_the_decision_form_names_the_criterion_left_unanswered(cast, review, manager_client):
    missing = review.edition.criteria.order_by("position")[2]
    response = manager_client.post(
        reverse("reviews:decision_record", kwargs={"pk": review.pk}),
        _form_data(cast, review, leave_out=2),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"Answer criterion {missing.code}" in page
    assert not Decision.objects.exists()


def test_the_chair_signs_off_from_the_page(cast, review, chair_client):
    _decide(cast, review)
    response = chair_client.post(
        reverse("reviews:decision_sign_off", kwargs={"pk": review.pk}), follow=True
    )
    assert "You have signed off the decision" in response.content.decode()
    assert Decision.objects.get().signed_off_by == cast[Role.CHAIR]
