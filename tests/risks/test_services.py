"""Changes to the risk register: bad input is refused by name and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.actions.models import Action
from safeboard.core.dates import add_months
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.risks import services
from safeboard.risks.factories import RiskFactory, RiskReviewFactory
from safeboard.risks.models import RESIDUAL_ABOVE_INHERENT, Risk, RiskReview

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _risk_details(owner=None, **overrides) -> dict:
    owner = owner or PersonFactory()
    details = {
        "title": "Neglect is recognised late",
        "description": "Practitioners do not recognise chronic neglect until it is severe.",
        "cause": "No shared neglect tool across agencies.",
        "consequence": "Children live with neglect for years.",
        "category": Risk.Category.PRACTICE,
        "owner_agency": owner.agency,
        "owner_person": owner,
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "controls": "Neglect training for all frontline staff.",
        "raised_on": TODAY - datetime.timedelta(days=10),
    }
    details.update(overrides)
    return details


def _snapshot(risk: Risk) -> tuple:
    risk.refresh_from_db()
    return (
        risk.inherent_likelihood,
        risk.inherent_impact,
        risk.residual_likelihood,
        risk.residual_impact,
        risk.review_date,
        risk.owner_person_id,
        risk.history.count(),
        risk.reviews.count(),
    )


def test_risk_create_gives_references_in_order():
    first = services.risk_create(**_risk_details())
    second = services.risk_create(**_risk_details())
    assert (first.reference, second.reference) == ("R01", "R02")


def test_risk_create_counts_on_past_the_highest_reference():
    RiskFactory(reference="R99")
    RiskFactory(reference="R07")
    assert services.risk_create(**_risk_details()).reference == "R100"


def test_risk_create_records_the_first_review_point():
    risk = services.risk_create(**_risk_details(review_date=TODAY + datetime.timedelta(days=20)))
    review = risk.reviews.get()
    assert (review.reviewed_on, review.likelihood, review.impact, review.next_review_date) == (
        risk.raised_on,
        3,
        4,
        risk.review_date,
    )
    assert review.note == services.FIRST_REVIEW_NOTE


def test_risk_create_sets_the_first_review_one_interval_after_it_was_raised():
    risk = services.risk_create(
        **_risk_details(raised_on=datetime.date(2024, 1, 31), review_interval_months=1)
    )
    assert risk.review_date == datetime.date(2024, 2, 29)


def test_risk_create_links_priorities(priority):
    risk = services.risk_create(**_risk_details(priorities=[priority]))
    assert list(risk.priorities.all()) == [priority]


@pytest.mark.parametrize(
    "field", ["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"]
)
def test_a_score_of_7_is_refused_naming_the_field_and_nothing_is_saved(field):
    with pytest.raises(ValidationError) as error:
        services.risk_create(**_risk_details(**{field: 7}))
    assert error.value.message_dict == {field: [services.score_error(field)]}
    assert services.SCORE_LABELS[field] in services.score_error(field)
    assert not Risk.objects.exists()
    assert not RiskReview.objects.exists()


def test_a_residual_score_above_the_inherent_score_is_refused():
    with pytest.raises(ValidationError) as error:
        services.risk_create(
            **_risk_details(inherent_likelihood=2, inherent_impact=2, residual_likelihood=3)
        )
    assert error.value.message_dict["residual_impact"] == [RESIDUAL_ABOVE_INHERENT]
    assert not Risk.objects.exists()
    assert not RiskReview.objects.exists()


def test_the_risk_owner_must_work_for_the_owning_agency():
    with pytest.raises(ValidationError) as error:
        services.risk_create(**_risk_details(owner_agency=AgencyFactory()))
    assert error.value.message_dict["owner_person"] == [services.OWNER_NOT_IN_AGENCY]
    assert not Risk.objects.exists()


def test_a_risk_cannot_be_raised_in_the_future():
    with pytest.raises(ValidationError) as error:
        services.risk_create(**_risk_details(raised_on=TODAY + datetime.timedelta(days=1)))
    assert error.value.message_dict["raised_on"] == [services.RAISED_IN_FUTURE]
    assert not Risk.objects.exists()


def test_the_first_review_must_fall_after_the_risk_was_raised():
    with pytest.raises(ValidationError) as error:
        services.risk_create(**_risk_details(raised_on=TODAY, review_date=TODAY))
    assert error.value.message_dict["review_date"] == [services.REVIEW_DATE_NOT_AFTER_RAISED]
    assert not Risk.objects.exists()


@pytest.fixture
def risk() -> Risk:
    return services.risk_create(
        **_risk_details(raised_on=TODAY - datetime.timedelta(days=60), review_interval_months=3)
    )


def test_a_review_moves_the_residual_scores_and_the_review_date(risk):
    review = services.risk_review(
        risk=risk, reviewed_on=TODAY, likelihood=2, impact=3, note="Panel now meets weekly."
    )
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact) == (2, 3)
    assert risk.review_date == review.next_review_date == add_months(TODAY, 3)
    assert risk.history.first().history_change_reason.startswith("Reviewed on")


def test_a_review_keeps_a_chosen_next_review_date(risk):
    chosen = TODAY + datetime.timedelta(days=14)
    services.risk_review(
        risk=risk,
        reviewed_on=TODAY,
        likelihood=3,
        impact=4,
        note="No change.",
        next_review_date=chosen,
    )
    risk.refresh_from_db()
    assert risk.review_date == chosen


def test_a_review_in_the_future_is_refused_and_nothing_changes(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_review(
            risk=risk,
            reviewed_on=TODAY + datetime.timedelta(days=1),
            likelihood=1,
            impact=1,
            note="Too early.",
        )
    assert error.value.message_dict["reviewed_on"] == [services.REVIEW_IN_FUTURE]
    assert _snapshot(risk) == before


def test_a_review_before_the_last_review_is_refused(risk):
    services.risk_review(risk=risk, reviewed_on=TODAY, likelihood=3, impact=3, note="Better.")
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_review(
            risk=risk,
            reviewed_on=TODAY - datetime.timedelta(days=1),
            likelihood=2,
            impact=2,
            note="Late entry.",
        )
    assert "before the last review" in error.value.message_dict["reviewed_on"][0]
    assert _snapshot(risk) == before


def test_a_review_likelihood_of_7_is_refused_naming_the_field(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_review(risk=risk, reviewed_on=TODAY, likelihood=7, impact=3, note="Typo.")
    assert error.value.message_dict == {"likelihood": [services.score_error("likelihood")]}
    assert "Residual likelihood" in services.score_error("likelihood")
    assert _snapshot(risk) == before


def test_a_review_cannot_score_the_risk_above_its_inherent_score(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_review(risk=risk, reviewed_on=TODAY, likelihood=5, impact=5, note="Worse.")
    assert error.value.message_dict["impact"] == [RESIDUAL_ABOVE_INHERENT]
    assert _snapshot(risk) == before


def test_the_next_review_must_fall_after_the_review(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_review(
            risk=risk,
            reviewed_on=TODAY,
            likelihood=2,
            impact=2,
            note="Reviewed.",
            next_review_date=TODAY,
        )
    assert error.value.message_dict["next_review_date"] == [services.NEXT_REVIEW_NOT_AFTER_REVIEW]
    assert _snapshot(risk) == before


def test_a_closed_risk_is_not_reviewed():
    risk = RiskFactory(status=Risk.Status.CLOSED)
    with pytest.raises(ValidationError) as error:
        services.risk_review(risk=risk, reviewed_on=TODAY, likelihood=1, impact=1, note="Closed.")
    assert error.value.messages == [services.REVIEW_OF_CLOSED_RISK]
    assert not risk.reviews.exists()


def _update_details(risk: Risk, **overrides) -> dict:
    details = {
        name: getattr(risk, name)
        for name in (
            "title",
            "description",
            "cause",
            "consequence",
            "category",
            "owner_agency",
            "owner_person",
            "inherent_likelihood",
            "inherent_impact",
            "controls",
            "status",
            "review_interval_months",
        )
    }
    details.update(overrides)
    return details


def test_risk_update_changes_the_risk_but_not_its_residual_scores(risk):
    services.risk_update(risk=risk, **_update_details(risk, title="Neglect", status="tolerated"))
    risk.refresh_from_db()
    assert (risk.title, risk.status, risk.residual_score) == ("Neglect", "tolerated", 12)


def test_lowering_the_inherent_score_below_the_residual_is_refused_on_the_inherent_field(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_update(risk=risk, **_update_details(risk, inherent_impact=2))
    assert RESIDUAL_ABOVE_INHERENT in error.value.message_dict["inherent_impact"][0]
    assert "residual_impact" not in error.value.message_dict
    assert _snapshot(risk) == before


def test_risk_update_refuses_an_inherent_impact_of_7(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError) as error:
        services.risk_update(risk=risk, **_update_details(risk, inherent_impact=7))
    assert error.value.message_dict == {
        "inherent_impact": [services.score_error("inherent_impact")]
    }
    assert _snapshot(risk) == before


def test_risk_update_refuses_an_owner_from_another_agency(risk):
    before = _snapshot(risk)
    with pytest.raises(ValidationError):
        services.risk_update(risk=risk, **_update_details(risk, owner_person=PersonFactory()))
    assert _snapshot(risk) == before


def test_an_action_added_to_a_risk_comes_from_the_risk(risk):
    owner = PersonFactory()
    action = services.risk_add_action(
        risk=risk,
        title="Adopt a neglect screening tool",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY + datetime.timedelta(days=30),
    )
    assert Action.objects.get().source == risk
    assert action.title == "Adopt a neglect screening tool"


def test_the_review_factory_makes_a_valid_review():
    review = RiskReviewFactory()
    review.full_clean()


def test_risk_update_leaves_priorities_alone_unless_given(risk, priority):
    risk.priorities.add(priority)
    services.risk_update(risk=risk, **_update_details(risk))
    assert list(risk.priorities.all()) == [priority]
    services.risk_update(risk=risk, **_update_details(risk), priorities=[])
    assert not risk.priorities.exists()
