"""Changes to business plans and priorities: each rule refuses bad input and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.actions.models import Action
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.priorities import services
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
    PriorityReviewFactory,
)
from safeboard.priorities.models import BusinessPlan, Priority, PriorityMeasure, PriorityReview

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _snapshot(priority: Priority) -> tuple:
    priority.refresh_from_db()
    return (
        priority.progress,
        priority.review_date,
        priority.history.count(),
        priority.reviews.count(),
    )


# Business plans


def test_a_plan_is_created_for_its_period():
    plan = services.business_plan_create(
        title="Business plan 2025 to 2028",
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2028, 3, 31),
    )
    assert plan.max_active_priorities == 4
    assert plan.history.count() == 1


@pytest.mark.parametrize("ends_on", [datetime.date(2025, 3, 31), datetime.date(2025, 4, 1)])
def test_a_plan_ending_before_it_starts_is_refused(ends_on):
    with pytest.raises(ValidationError) as error:
        services.business_plan_create(
            title="Backwards plan", starts_on=datetime.date(2025, 4, 1), ends_on=ends_on
        )
    assert error.value.message_dict["ends_on"] == [services.PLAN_ENDS_BEFORE_IT_STARTS]
    assert not BusinessPlan.objects.exists()


def test_changing_a_plan_to_end_before_it_starts_changes_nothing():
    plan = BusinessPlanFactory(
        starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2028, 3, 31)
    )
    with pytest.raises(ValidationError) as error:
        services.business_plan_update(
            plan=plan,
            title="Renamed",
            starts_on=datetime.date(2025, 4, 1),
            ends_on=datetime.date(2024, 3, 31),
            summary="",
            max_active_priorities=4,
        )
    assert services.PLAN_ENDS_BEFORE_IT_STARTS in error.value.message_dict["ends_on"]
    plan.refresh_from_db()
    assert (plan.title, plan.ends_on) != ("Renamed", datetime.date(2024, 3, 31))
    assert plan.history.count() == 1


def test_a_plan_must_allow_at_least_one_active_priority():
    with pytest.raises(ValidationError) as error:
        services.business_plan_create(
            title="No room",
            starts_on=datetime.date(2025, 4, 1),
            ends_on=datetime.date(2028, 3, 31),
            max_active_priorities=0,
        )
    assert error.value.message_dict["max_active_priorities"] == [services.PLAN_ALLOWS_NO_PRIORITY]
    assert not BusinessPlan.objects.exists()


# Priorities


def _priority_arguments(**overrides) -> dict:
    lead = PersonFactory()
    arguments = {
        "title": "Neglect",
        "objectives": "Recognise neglect earlier\nFewer repeat plans",
        "lead_agency": lead.agency,
        "lead_person": lead,
        "review_date": TODAY + datetime.timedelta(days=90),
    }
    arguments.update(overrides)
    return arguments


def test_a_new_priority_is_numbered_after_the_last_and_is_active():
    plan = BusinessPlanFactory()
    PriorityFactory(plan=plan, number=3)
    priority = services.priority_create(plan=plan, **_priority_arguments())
    assert priority.number == 4
    assert priority.status == Priority.Status.ACTIVE
    assert priority.progress == Priority.Progress.NOT_ASSESSED


def test_a_priority_lead_must_work_for_the_lead_agency():
    plan = BusinessPlanFactory()
    with pytest.raises(ValidationError) as error:
        services.priority_create(plan=plan, **_priority_arguments(lead_agency=AgencyFactory()))
    assert error.value.message_dict["lead_person"] == [services.LEAD_NOT_IN_AGENCY]
    assert not Priority.objects.exists()


def test_two_priorities_of_a_plan_cannot_share_a_number():
    plan = BusinessPlanFactory()
    PriorityFactory(plan=plan, number=1)
    with pytest.raises(ValidationError) as error:
        services.priority_create(plan=plan, number=1, **_priority_arguments())
    assert error.value.message_dict["number"] == [services.NUMBER_TAKEN]
    assert plan.priorities.count() == 1


def test_the_first_review_of_a_new_priority_cannot_be_in_the_past():
    plan = BusinessPlanFactory()
    with pytest.raises(ValidationError) as error:
        services.priority_create(
            plan=plan, **_priority_arguments(review_date=TODAY - datetime.timedelta(days=1))
        )
    assert error.value.message_dict["review_date"] == [services.FIRST_REVIEW_IN_PAST]
    assert not Priority.objects.exists()


def test_a_priority_can_be_marked_achieved():
    priority = PriorityFactory()
    services.priority_update(
        priority=priority,
        number=priority.number,
        title=priority.title,
        description=priority.description,
        objectives=priority.objectives,
        lead_agency=priority.lead_agency,
        lead_person=priority.lead_person,
        status=Priority.Status.ACHIEVED,
        review_date=priority.review_date,
        review_interval_months=priority.review_interval_months,
    )
    priority.refresh_from_db()
    assert priority.status == Priority.Status.ACHIEVED
    assert not priority.is_review_overdue(TODAY + datetime.timedelta(days=365))


def test_changing_a_priority_to_another_priority_s_number_is_refused():
    first = PriorityFactory(number=1)
    second = PriorityFactory(plan=first.plan, number=2)
    with pytest.raises(ValidationError) as error:
        services.priority_update(
            priority=second,
            number=1,
            title=second.title,
            description="",
            objectives=second.objectives,
            lead_agency=second.lead_agency,
            lead_person=second.lead_person,
            status=second.status,
            review_date=second.review_date,
            review_interval_months=3,
        )
    assert error.value.message_dict["number"] == [services.NUMBER_TAKEN]
    second.refresh_from_db()
    assert second.number == 2


# Reviews


def test_a_review_moves_the_priority_s_progress_and_review_date_on():
    priority = PriorityFactory(review_interval_months=3)
    reviewer = UserFactory()
    review = services.priority_review_record(
        priority=priority,
        reviewed_on=TODAY,
        progress=Priority.Progress.SOME_CONCERNS,
        summary="Two actions have slipped; the audit is late.",
        reviewed_by=reviewer,
    )
    priority.refresh_from_db()
    assert priority.progress == Priority.Progress.SOME_CONCERNS
    assert review.reviewed_by == reviewer
    assert review.next_review_date == priority.review_date > TODAY
    assert priority.history.first().history_change_reason.startswith("Reviewed on")


def test_the_next_review_defaults_to_the_review_interval_after_the_review():
    priority = PriorityFactory(review_interval_months=1)
    reviewed_on = datetime.date(2024, 1, 31)
    review = services.priority_review_record(
        priority=priority,
        reviewed_on=reviewed_on,
        progress=Priority.Progress.ON_TRACK,
        summary="On track.",
    )
    assert review.next_review_date == datetime.date(2024, 2, 29)  # month end, leap year


def test_a_given_next_review_date_is_kept():
    priority = PriorityFactory()
    chosen = TODAY + datetime.timedelta(days=20)
    review = services.priority_review_record(
        priority=priority,
        reviewed_on=TODAY,
        progress=Priority.Progress.OFF_TRACK,
        summary="Off track: review again soon.",
        next_review_date=chosen,
    )
    priority.refresh_from_db()
    assert review.next_review_date == chosen == priority.review_date


def test_a_review_dated_in_the_future_is_refused_and_changes_nothing():
    priority = PriorityFactory()
    before = _snapshot(priority)
    with pytest.raises(ValidationError) as error:
        services.priority_review_record(
            priority=priority,
            reviewed_on=TODAY + datetime.timedelta(days=1),
            progress=Priority.Progress.ON_TRACK,
            summary="Looks fine.",
        )
    assert error.value.message_dict["reviewed_on"] == [services.REVIEW_IN_FUTURE]
    assert _snapshot(priority) == before


@pytest.mark.parametrize("days_after", [0, -10], ids=["same-day", "before"])
def test_a_next_review_not_after_the_review_is_refused_and_changes_nothing(days_after):
    priority = PriorityFactory()
    before = _snapshot(priority)
    with pytest.raises(ValidationError) as error:
        services.priority_review_record(
            priority=priority,
            reviewed_on=TODAY,
            progress=Priority.Progress.ON_TRACK,
            summary="Looks fine.",
            next_review_date=TODAY + datetime.timedelta(days=days_after),
        )
    assert error.value.message_dict["next_review_date"] == [services.NEXT_REVIEW_NOT_AFTER_REVIEW]
    assert _snapshot(priority) == before


def test_a_review_must_judge_progress_and_say_what_it_found():
    priority = PriorityFactory()
    before = _snapshot(priority)
    with pytest.raises(ValidationError) as error:
        services.priority_review_record(
            priority=priority,
            reviewed_on=TODAY,
            progress=Priority.Progress.NOT_ASSESSED,
            summary="   ",
        )
    assert error.value.message_dict["progress"] == [services.PROGRESS_NOT_ASSESSED]
    assert error.value.message_dict["summary"] == [services.SUMMARY_REQUIRED]
    assert _snapshot(priority) == before


def test_a_review_cannot_be_dated_before_the_last_review():
    priority = PriorityFactory()
    PriorityReviewFactory(priority=priority, reviewed_on=TODAY - datetime.timedelta(days=10))
    before = _snapshot(priority)
    with pytest.raises(ValidationError) as error:
        services.priority_review_record(
            priority=priority,
            reviewed_on=TODAY - datetime.timedelta(days=20),
            progress=Priority.Progress.ON_TRACK,
            summary="Back-dated.",
        )
    assert "before the last review" in error.value.message_dict["reviewed_on"][0]
    assert _snapshot(priority) == before


def test_a_withdrawn_priority_is_not_reviewed():
    priority = PriorityFactory(status=Priority.Status.WITHDRAWN)
    with pytest.raises(ValidationError) as error:
        services.priority_review_record(
            priority=priority,
            reviewed_on=TODAY,
            progress=Priority.Progress.ON_TRACK,
            summary="Reviewed anyway.",
        )
    assert error.value.messages == [services.ONLY_ACTIVE_REVIEWED.format(status="withdrawn")]
    assert not PriorityReview.objects.exists()


# Measures


def test_a_measure_may_link_to_any_record():
    priority = PriorityFactory()
    agency = AgencyFactory()  # any record: an indicator, an audit question...
    measure = services.measure_add(
        priority=priority, description="Agencies attending strategy meetings", target=agency
    )
    measure.refresh_from_db()
    assert measure.target == agency


def test_a_measure_needs_a_description():
    priority = PriorityFactory()
    with pytest.raises(ValidationError) as error:
        services.measure_add(priority=priority, description="  ")
    assert error.value.message_dict["description"] == [services.MEASURE_DESCRIPTION_REQUIRED]
    assert not PriorityMeasure.objects.exists()


def test_a_removed_measure_stays_in_the_history():
    measure = PriorityMeasureFactory(description="Re-referrals within 12 months")
    services.measure_remove(measure=measure)
    assert not PriorityMeasure.objects.exists()
    assert PriorityMeasure.history.filter(history_type="-").count() == 1


# Actions


def test_an_action_added_for_a_priority_has_it_as_its_source():
    priority = PriorityFactory()
    owner = PersonFactory()
    action = services.priority_action_add(
        priority=priority,
        title="Publish the neglect toolkit",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY + datetime.timedelta(days=60),
    )
    assert action.source == priority


def test_an_action_owner_must_work_for_the_owning_agency():
    priority = PriorityFactory()
    with pytest.raises(ValidationError) as error:
        services.priority_action_add(
            priority=priority,
            title="Publish the neglect toolkit",
            owner_agency=AgencyFactory(),
            owner_person=PersonFactory(),
            due_on=TODAY,
        )
    assert "owner_person" in error.value.message_dict
    assert not Action.objects.exists()


def test_no_action_is_added_to_an_achieved_priority():
    priority = PriorityFactory(status=Priority.Status.ACHIEVED)
    owner = PersonFactory()
    with pytest.raises(ValidationError) as error:
        services.priority_action_add(
            priority=priority,
            title="Too late",
            owner_agency=owner.agency,
            owner_person=owner,
            due_on=TODAY,
        )
    assert error.value.messages == [services.ONLY_ACTIVE_GETS_ACTIONS.format(status="achieved")]
    assert not Action.objects.exists()
