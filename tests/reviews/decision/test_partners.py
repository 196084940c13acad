"""From 2018 the three safeguarding partners decide together: each partner's answer is
recorded (who, when, agree or disagree), and the chair who signs off is not one of them."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.reviews.decision import services
from safeboard.reviews.factories import ReviewFactory, partners_agreeing
from safeboard.reviews.models import CriterionAnswer, Decision, PartnerAgreement

pytestmark = pytest.mark.django_db


def _answers(review) -> dict:
    return {
        criterion.pk: {"answer": CriterionAnswer.Answer.MET, "reason": "Seen in the records."}
        for criterion in review.edition.criteria.all()
    }


def _decide(cast, review, partners) -> Decision:
    return services.decision_record(
        review=review,
        outcome=Decision.Outcome.LCSPR,
        reasons="Agencies did not share what they knew.",
        answers=_answers(review),
        recorded_by=cast[Role.BUSINESS_MANAGER],
        partners=partners,
    )


def test_each_partners_answer_is_recorded_and_the_decision_dated_by_the_last(cast, review):
    partners = partners_agreeing(review.aware_date)
    later = review.aware_date + datetime.timedelta(days=2)
    partners["police"]["agreed_on"] = later

    decision = _decide(cast, review, partners)

    agreements = {a.partner: a for a in decision.partner_agreements.all()}
    assert set(agreements) == {"local_authority", "icb", "police"}
    assert agreements["icb"].person == partners["icb"]["person"]
    assert all(a.agrees for a in agreements.values())
    assert decision.decided_by is None
    assert decision.decided_on == later


def test_a_missing_partner_is_named_and_nothing_is_saved(cast, review):
    partners = partners_agreeing(review.aware_date)
    del partners["icb"]
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, partners)
    assert error.value.message_dict[services.partner_field("icb", "person")] == [
        "Select who agreed the decision for the integrated care board."
    ]
    assert not Decision.objects.exists()


def test_a_partner_answers_through_its_own_agency(cast, review):
    partners = partners_agreeing(review.aware_date)
    school = PersonFactory(full_name="Sam Head", agency=AgencyFactory(type=Agency.Type.EDUCATION))
    partners["police"]["person"] = school
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, partners)
    assert error.value.message_dict[services.partner_field("police", "person")] == [
        "Sam Head does not work for the police: choose someone who does."
    ]


def test_a_partners_answer_cannot_be_in_the_future(cast, review):
    partners = partners_agreeing(review.aware_date)
    partners["local_authority"]["agreed_on"] = datetime.date.today() + datetime.timedelta(1)
    with pytest.raises(ValidationError) as error:
        _decide(cast, review, partners)
    assert services.partner_field("local_authority", "agreed_on") in error.value.message_dict


def test_a_decision_a_partner_disagrees_with_is_not_signed_off(cast, review):
    decision = _decide(cast, review, partners_agreeing(review.aware_date, disagreeing=("icb",)))
    with pytest.raises(ValidationError) as error:
        services.decision_sign_off(decision=decision, signed_off_by=cast[Role.CHAIR])
    assert error.value.messages == [
        services.PARTNERS_DISAGREE.format(partners="integrated care board")
    ]


def test_the_chair_who_answered_for_a_partner_cannot_sign_off(cast, review):
    chair = cast[Role.CHAIR]
    chair.person.agency.type = Agency.Type.LOCAL_AUTHORITY
    chair.person.agency.save()
    partners = partners_agreeing(review.aware_date)
    partners["local_authority"]["person"] = chair.person
    decision = _decide(cast, review, partners)

    with pytest.raises(ValidationError) as error:
        services.decision_sign_off(decision=decision, signed_off_by=chair)
    assert "cannot be one who made it" in error.value.messages[0]
    decision.refresh_from_db()
    assert decision.signed_off_at is None


def test_the_chair_signs_off_what_the_partners_agreed(cast, review):
    decision = _decide(cast, review, partners_agreeing(review.aware_date))
    services.decision_sign_off(decision=decision, signed_off_by=cast[Role.CHAIR])
    assert decision.signed_off_by == cast[Role.CHAIR]


def test_the_2023_form_asks_each_partner_not_one_person(review, manager_client):
    page = manager_client.get(reverse("reviews:decision_record", kwargs={"pk": review.pk}))
    text = page.content.decode()
    assert "Who answered for the local authority" in text
    assert "Who answered for the integrated care board" in text
    assert "Who answered for the chief officer of police" in text
    assert "Decided by" not in text


def test_the_partner_choice_offers_only_that_partners_people(review, manager_client):
    police = PersonFactory(full_name="Pat Constable", agency=AgencyFactory(type="police"))
    PersonFactory(full_name="Sam Teacher", agency=AgencyFactory(type="education"))
    page = manager_client.get(reverse("reviews:decision_record", kwargs={"pk": review.pk}))
    text = page.content.decode()
    assert police.full_name in text
    assert "Sam Teacher" not in text


def test_the_decision_page_shows_each_partners_answer(cast, review, manager_client):
    partners = partners_agreeing(review.aware_date, disagreeing=("police",))
    _decide(cast, review, partners)
    page = manager_client.get(reverse("reviews:decision", kwargs={"pk": review.pk}))
    text = page.content.decode()
    assert partners["police"]["person"].full_name in text
    assert "Disagrees" in text and "Agrees" in text
    assert PartnerAgreement.objects.filter(agrees=False).count() == 1


def test_the_regard_criteria_are_answered_with_the_others(cast, review):
    decision = _decide(cast, review, partners_agreeing(review.aware_date))
    codes = set(decision.answers.values_list("criterion__code", flat=True))
    assert {"R1", "R2", "R3", "R4", "N1", "C1"} <= codes


def test_before_2018_one_person_decides_for_the_board(cast, wt2010):
    review = ReviewFactory(edition=wt2010, referred_by=cast[Role.BUSINESS_MANAGER])
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            review=review,
            outcome=Decision.Outcome.SCR,
            reasons="A child died.",
            answers=_answers(review),
            recorded_by=cast[Role.BUSINESS_MANAGER],
        )
    assert error.value.message_dict["decided_by"] == [services.DECIDED_BY_REQUIRED]
