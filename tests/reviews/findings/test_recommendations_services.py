"""Recommendations to named agencies, each agency's answer an action on the spine, and the
progress of a review's action plan."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.reviews.findings import selectors, services
from safeboard.reviews.models import Recommendation
from tests.reviews import builders

pytestmark = pytest.mark.django_db
TODAY = builders.TODAY


def test_a_recommendation_is_numbered_after_the_others():
    review = builders.review()
    police = AgencyFactory(name="Police")
    builders.recommendation(review, number=4)
    recommendation = services.recommendation_create(
        review=review, text="Share referrals within a day.", agencies=[police]
    )
    assert recommendation.number == 5
    assert list(recommendation.agencies.all()) == [police]


def test_a_recommendation_to_no_agency_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError) as error:
        services.recommendation_create(review=builders.review(), text="Do better.", agencies=[])
    assert error.value.message_dict == {"agencies": [services.AGENCY_REQUIRED]}
    assert not Recommendation.objects.exists()


def test_a_number_already_used_in_the_review_is_refused():
    review = builders.review()
    builders.recommendation(review, number=1)
    with pytest.raises(ValidationError) as error:
        services.recommendation_create(
            review=review, text="Again.", agencies=[AgencyFactory()], number=1
        )
    assert error.value.message_dict == {"number": [services.NUMBER_TAKEN.format(number=1)]}


def test_the_same_number_in_another_review_is_fine():
    builders.recommendation(builders.review(), number=1)
    recommendation = services.recommendation_create(
        review=builders.review(), text="Fine.", agencies=[AgencyFactory()], number=1
    )
    assert recommendation.number == 1


def test_a_recommendation_cannot_answer_another_reviews_finding():
    other_finding = builders.finding(builders.review())
    with pytest.raises(ValidationError) as error:
        services.recommendation_create(
            review=builders.review(), text="X.", agencies=[AgencyFactory()], finding=other_finding
        )
    assert error.value.message_dict == {"finding": [services.FINDING_OF_ANOTHER_REVIEW]}


def _two_agency_recommendation():
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health trust")
    review = builders.review()
    recommendation = builders.recommendation(review, agencies=[police, health])
    return recommendation, police, health


def test_each_named_agency_gets_an_action_owned_by_the_person_chosen():
    recommendation, police, health = _two_agency_recommendation()
    sergeant, nurse = PersonFactory(agency=police), PersonFactory(agency=health)
    due = TODAY + datetime.timedelta(days=90)
    actions = services.recommendation_create_actions(
        recommendation=recommendation,
        owners={police: sergeant, health: nurse},
        due_dates={police: due, health: due},
    )
    assert {(a.owner_agency, a.owner_person) for a in actions} == {
        (police, sergeant),
        (health, nurse),
    }
    for action in actions:
        assert action.source == recommendation
        assert action.due_on == due
        assert action.title.startswith(f"Recommendation 1 ({recommendation.review.reference}): ")
        assert action.description == recommendation.text


def test_an_owner_from_another_agency_is_refused_and_no_action_is_made():
    recommendation, police, health = _two_agency_recommendation()
    due = TODAY + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        services.recommendation_create_actions(
            recommendation=recommendation,
            owners={police: PersonFactory(agency=health), health: PersonFactory(agency=health)},
            due_dates={police: due, health: due},
        )
    assert error.value.message_dict == {
        f"owner_{police.pk}": [services.OWNER_OF_ANOTHER_AGENCY.format(agency="Police")]
    }
    assert not Action.objects.exists()


def test_a_missing_due_date_names_the_agency():
    recommendation, police, health = _two_agency_recommendation()
    with pytest.raises(ValidationError) as error:
        services.recommendation_create_actions(
            recommendation=recommendation,
            owners={police: PersonFactory(agency=police), health: PersonFactory(agency=health)},
            due_dates={police: TODAY, health: None},
        )
    assert error.value.messages == [services.DUE_DATE_REQUIRED.format(agency="Health trust")]
    assert not Action.objects.exists()


def test_actions_are_only_made_for_agencies_that_have_none_yet():
    recommendation, police, health = _two_agency_recommendation()
    services.recommendation_create_actions(
        recommendation=recommendation,
        owners={police: PersonFactory(agency=police), health: PersonFactory(agency=health)},
        due_dates={police: TODAY, health: TODAY},
    )
    recommendation.agencies.add(probation := AgencyFactory(name="Probation"))
    assert services.agencies_awaiting_actions(recommendation) == [probation]
    made = services.recommendation_create_actions(
        recommendation=recommendation,
        owners={probation: PersonFactory(agency=probation)},
        due_dates={probation: TODAY},
    )
    assert [action.owner_agency for action in made] == [probation]
    with pytest.raises(ValidationError) as error:
        services.recommendation_create_actions(
            recommendation=recommendation, owners={}, due_dates={}
        )
    assert error.value.messages == [services.NO_AGENCY_WITHOUT_ACTION]


def test_a_recommendation_with_actions_cannot_be_deleted():
    recommendation, police, _ = _two_agency_recommendation()
    ActionFactory(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
        owner_agency=police,
        owner_person=PersonFactory(agency=police),
    )
    with pytest.raises(ValidationError) as error:
        services.recommendation_delete(recommendation=recommendation)
    assert error.value.messages == [services.RECOMMENDATION_HAS_ACTIONS.format(number=1)]
    assert Recommendation.objects.filter(pk=recommendation.pk).exists()


def test_a_recommendation_without_actions_can_be_deleted():
    recommendation, _, _ = _two_agency_recommendation()
    services.recommendation_delete(recommendation=recommendation)
    assert not Recommendation.objects.exists()


def _action(recommendation, agency, *, due_in: int, complete: bool = False):
    return ActionFactory(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
        owner_agency=agency,
        owner_person=PersonFactory(agency=agency),
        due_on=TODAY + datetime.timedelta(days=due_in),
        status=Action.Status.COMPLETE if complete else Action.Status.IN_PROGRESS,
        completed_on=TODAY if complete else None,
    )


def test_action_plan_progress_counts_open_overdue_included_and_complete_per_recommendation_and_agency(
    django_assert_num_queries,
):
    review = builders.review()
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health trust")
    first = builders.recommendation(review, agencies=[police, health])
    second = builders.recommendation(review, agencies=[police])
    untouched = builders.recommendation(review, agencies=[health])
    _action(first, police, due_in=10)
    _action(first, health, due_in=-3)
    _action(second, police, due_in=-20, complete=True)
    _action(second, police, due_in=-1)
    _action(builders.recommendation(builders.review(), agencies=[police]), police, due_in=-1)
    recommendations = selectors.review_recommendations(review=review)

    with django_assert_num_queries(2):  # the content type, then one aggregate query
        ContentType.objects.clear_cache()
        progress = selectors.action_plan_progress(recommendations=recommendations)

    by_recommendation = {
        p.label: (p.open, p.overdue, p.complete) for p in progress.by_recommendation
    }
    assert by_recommendation == {
        "Recommendation 1": (2, 1, 0),
        "Recommendation 2": (1, 1, 1),
        f"Recommendation {untouched.number}": (0, 0, 0),
    }
    by_agency = {p.label: (p.open, p.overdue, p.complete) for p in progress.by_agency}
    assert by_agency == {"Health trust": (1, 1, 0), "Police": (2, 1, 1)}
    assert (progress.overall.total, progress.overall.complete) == (4, 1)
