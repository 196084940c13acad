"""Business plan pages from the outside: forms post, bad input is named and changes nothing."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.extension_points import MeasureTarget, measure_targets
from safeboard.partnership.factories import AgencyFactory
from safeboard.priorities import services
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
    PriorityReviewFactory,
)
from safeboard.priorities.models import BusinessPlan, Priority, PriorityMeasure
from tests.conftest import signed_in_client

from .conftest import linked_challenge, linked_risk

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _h2s(response) -> list[str]:
    """The section headings of the page's main content (not the timeout warning's)."""
    main = _text(response).split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r"<h2 class=\"govuk-heading-m\"[^>]*>([^<]+)</h2>", main)


@pytest.fixture
def manager(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def priority(cast):
    """An active priority led by the home agency's agency lead."""
    return PriorityFactory(lead_person=cast[Role.AGENCY_LEAD].person)


# Plans


def test_the_manager_adds_a_plan(manager):
    response = manager.post(
        reverse("priorities:plan_create"),
        {
            "title": "Business plan 2025 to 2028",
            "starts_on": "2025-04-01",
            "ends_on": "2028-03-31",
            "summary": "",
            "max_active_priorities": "4",
        },
    )
    plan = BusinessPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()


def test_a_plan_ending_before_it_starts_is_named_on_the_form(manager):
    response = manager.post(
        reverse("priorities:plan_create"),
        {
            "title": "Backwards",
            "starts_on": "2025-04-01",
            "ends_on": "2024-04-01",
            "max_active_priorities": "4",
        },
    )
    assert response.status_code == 400
    assert services.PLAN_ENDS_BEFORE_IT_STARTS in _text(response)
    assert "govuk-error-summary" in _text(response)
    assert not BusinessPlan.objects.exists()


def test_the_plan_page_warns_when_too_many_priorities_are_active(manager):
    plan = BusinessPlanFactory(max_active_priorities=2)
    PriorityFactory.create_batch(3, plan=plan)
    text = _text(manager.get(plan.get_absolute_url()))
    assert "govuk-warning-text" in text
    assert "This plan has 3 active priorities, more than the 2" in text


def test_the_plan_page_does_not_warn_at_the_limit(manager):
    plan = BusinessPlanFactory(max_active_priorities=2)
    PriorityFactory.create_batch(2, plan=plan)
    PriorityFactory(plan=plan, status=Priority.Status.ACHIEVED)
    assert "govuk-warning-text" not in _text(manager.get(plan.get_absolute_url()))


def test_overdue_reviews_are_flagged_in_the_plan_list_and_the_plan(manager):
    overdue = PriorityFactory(review_date=TODAY - datetime.timedelta(days=1))
    PriorityFactory(plan=overdue.plan)
    listing = _text(manager.get(reverse("priorities:plan_list")))
    assert '<strong class="govuk-tag govuk-tag--red">1 overdue</strong>' in listing
    plan_page = _text(manager.get(overdue.plan.get_absolute_url()))
    assert plan_page.count("Review overdue") == 1


def test_the_plan_page_links_to_its_history(manager):
    plan = BusinessPlanFactory()
    history = reverse("core:history", args=["priorities.businessplan", plan.pk])
    assert history in _text(manager.get(plan.get_absolute_url()))
    assert manager.get(history).status_code == 200


# Priorities


def _priority_form(person, **overrides) -> dict:
    data = {
        "number": "",
        "title": "Neglect",
        "description": "",
        "objectives": "Recognise neglect earlier",
        "lead_agency": person.agency_id,
        "lead_person": person.pk,
        "review_date": (TODAY + datetime.timedelta(days=90)).isoformat(),
        "review_interval_months": "3",
    }
    data.update(overrides)
    return data


def test_the_manager_adds_a_priority_to_a_plan(cast, manager):
    plan = BusinessPlanFactory()
    response = manager.post(
        reverse("priorities:create", args=[plan.pk]),
        _priority_form(cast[Role.AGENCY_LEAD].person),
        follow=True,
    )
    priority = plan.priorities.get()
    assert response.redirect_chain[-1][0] == priority.get_absolute_url()
    assert priority.number == 1
    assert "Priority 1: Neglect added." in _text(response)
    assert "Warning" not in _text(response)


def test_adding_one_priority_too_many_warns_the_manager(cast, manager):
    plan = BusinessPlanFactory(max_active_priorities=4)
    PriorityFactory.create_batch(4, plan=plan)
    response = manager.post(
        reverse("priorities:create", args=[plan.pk]),
        _priority_form(cast[Role.AGENCY_LEAD].person),
        follow=True,
    )
    assert plan.priorities.count() == 5
    text = _text(response)
    assert "Warning: This plan has 5 active priorities, more than the 4" in text
    assert "govuk-warning-text" in text  # and again on the priority's page


def test_a_priority_lead_from_another_agency_is_named_on_the_form(cast, manager):
    plan = BusinessPlanFactory()
    response = manager.post(
        reverse("priorities:create", args=[plan.pk]),
        _priority_form(cast[Role.AGENCY_LEAD].person, lead_agency=cast.other_agency.pk),
    )
    assert response.status_code == 400
    assert services.LEAD_NOT_IN_AGENCY in _text(response)
    assert not Priority.objects.exists()


def test_the_manager_withdraws_a_priority(cast, manager, priority):
    data = _priority_form(
        priority.lead_person,
        number=str(priority.number),
        title=priority.title,
        objectives=priority.objectives,
        status=Priority.Status.WITHDRAWN,
        review_date=priority.review_date.isoformat(),
    )
    response = manager.post(reverse("priorities:edit", args=[priority.pk]), data)
    assert response.status_code == 302, _text(response)
    priority.refresh_from_db()
    assert priority.status == Priority.Status.WITHDRAWN


# The priority page


def test_the_priority_page_gathers_everything_linked_to_the_priority(cast, manager, priority):
    owner = cast[Role.PRACTITIONER].person
    action_create(
        title="Refresh the neglect strategy",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY + datetime.timedelta(days=10),
        source=priority,
    )
    linked_risk(priority, title="Too few health staff at strategy discussions")
    linked_challenge(priority, title="Why are neglect referrals falling?")
    PriorityMeasureFactory(priority=priority, description="Repeat child protection plans")
    PriorityReviewFactory(
        priority=priority,
        reviewed_on=TODAY - datetime.timedelta(days=100),
        summary="First look.",
        reviewed_by=cast[Role.CHAIR],
    )
    PriorityReviewFactory(
        priority=priority,
        reviewed_on=TODAY - datetime.timedelta(days=10),
        summary="Second look.",
        reviewed_by=cast[Role.BUSINESS_MANAGER],
    )
    text = _text(manager.get(priority.get_absolute_url()))
    assert "Refresh the neglect strategy" in text
    assert "1 action: 0 complete, 1 open (of which 0 overdue)." in text
    assert "Too few health staff at strategy discussions" in text
    assert "Why are neglect referrals falling?" in text
    assert "Repeat child protection plans" in text
    assert text.index("Second look.") < text.index("First look.")
    assert f"by {cast[Role.BUSINESS_MANAGER].person.full_name}" in text
    assert reverse("core:history", args=["priorities.priority", priority.pk]) in text


def test_the_priority_page_shows_a_section_for_each_module_built(manager, priority):
    response = manager.get(priority.get_absolute_url())
    assert _h2s(response) == [
        "Measures",
        "Actions",
        "Risks",
        "Challenges",
        "Indicators",
        "Training",
        "You said, we did",
        "Evidence of impact",
        "Review history",
    ]


def test_an_overdue_review_is_flagged_on_the_priority_page(manager):
    priority = PriorityFactory(review_date=TODAY - datetime.timedelta(days=1))
    text = _text(manager.get(priority.get_absolute_url()))
    assert '<strong class="govuk-tag govuk-tag--red">Review overdue</strong>' in text


def test_linked_records_another_agency_may_not_see_are_counted_not_shown(cast, priority):
    owner = cast[Role.PRACTITIONER].person
    action_create(
        title="Home agency's own action",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY,
        source=priority,
    )
    text = _text(signed_in_client(cast.other_agency_lead).get(priority.get_absolute_url()))
    assert "Home agency's own action" not in text
    assert "1 more action you do not have access to." in text


# Reviews


def _review_form(**overrides) -> dict:
    data = {
        "reviewed_on": TODAY.isoformat(),
        "progress": Priority.Progress.SOME_CONCERNS,
        "summary": "The audit of neglect cases is late; two actions slipped.",
        "next_review_date": "",
    }
    data.update(overrides)
    return data


def test_the_priority_lead_records_a_review(cast, priority):
    lead = cast[Role.AGENCY_LEAD]
    client = signed_in_client(lead)
    response = client.post(reverse("priorities:review", args=[priority.pk]), _review_form())
    assert response.status_code == 302
    priority.refresh_from_db()
    review = priority.reviews.get()
    assert review.reviewed_by == lead
    assert priority.progress == Priority.Progress.SOME_CONCERNS
    assert priority.review_date == review.next_review_date > TODAY
    page = _text(client.get(priority.get_absolute_url()))
    assert f"by {lead.person.full_name}" in page
    assert "Some concerns" in page


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        (
            {"reviewed_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
            services.REVIEW_IN_FUTURE,
        ),
        ({"next_review_date": TODAY.isoformat()}, services.NEXT_REVIEW_NOT_AFTER_REVIEW),
        ({"summary": ""}, services.SUMMARY_REQUIRED),
        ({"progress": Priority.Progress.NOT_ASSESSED}, "Select a valid choice."),
    ],
    ids=["future-review", "next-review-same-day", "no-summary", "not-assessed"],
)
def test_a_bad_review_is_named_on_the_form_and_changes_nothing(
    manager, priority, overrides, field_message
):
    before = (priority.progress, priority.review_date, priority.history.count())
    response = manager.post(
        reverse("priorities:review", args=[priority.pk]), _review_form(**overrides)
    )
    assert response.status_code == 400
    assert field_message in _text(response)
    priority.refresh_from_db()
    assert (priority.progress, priority.review_date, priority.history.count()) == before
    assert not priority.reviews.exists()


# Measures


def test_the_manager_adds_and_removes_a_measure(manager, priority):
    response = manager.post(
        reverse("priorities:measure_add", args=[priority.pk]),
        {"description": "Re-referrals within 12 months"},
    )
    assert response.status_code == 302
    measure = priority.measures.get()
    confirm = manager.get(reverse("priorities:measure_remove", args=[measure.pk]))
    assert "Re-referrals within 12 months" in _text(confirm)
    response = manager.post(reverse("priorities:measure_remove", args=[measure.pk]))
    assert response.status_code == 302
    assert not PriorityMeasure.objects.exists()


def test_a_measure_links_to_a_record_another_module_offers(manager, priority):
    from django.contrib.contenttypes.models import ContentType

    from safeboard.partnership.models import Agency

    agency = AgencyFactory(name="Shire Children's Services")
    target = MeasureTarget(
        key="agency", label="Agency", records=lambda: Agency.objects.order_by("name")
    )
    with measure_targets.registered(target):
        form = manager.get(reverse("priorities:measure_add", args=[priority.pk]))
        assert "Shire Children's Services" in html.unescape(form.content.decode())
        value = f"{ContentType.objects.get_for_model(Agency).pk}:{agency.pk}"
        response = manager.post(
            reverse("priorities:measure_add", args=[priority.pk]),
            {"description": "Agencies at strategy meetings", "target": value},
        )
    assert response.status_code == 302
    assert priority.measures.get().target == agency
    assert "Shire Children's Services" in _text(manager.get(priority.get_absolute_url()))


def test_a_measure_without_a_description_is_named_on_the_form(manager, priority):
    response = manager.post(
        reverse("priorities:measure_add", args=[priority.pk]), {"description": ""}
    )
    assert response.status_code == 400
    assert "Describe the measure." in _text(response)


# Actions


def test_the_add_action_form_starts_with_the_priority_s_lead(manager, priority):
    response = manager.get(reverse("priorities:action_add", args=[priority.pk]))
    assert f'<option value="{priority.lead_person.pk}" selected>' in response.content.decode()


def test_the_manager_adds_an_action_for_the_priority(cast, manager, priority):
    owner = cast[Role.PRACTITIONER].person
    response = manager.post(
        reverse("priorities:action_add", args=[priority.pk]),
        {
            "title": "Publish the neglect toolkit",
            "description": "",
            "owner_agency": owner.agency_id,
            "owner_person": owner.pk,
            "due_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
        },
        follow=True,
    )
    action = Action.objects.get()
    assert action.source == priority
    assert action.created_by == cast[Role.BUSINESS_MANAGER]
    assert "Publish the neglect toolkit" in _text(response)


def test_an_action_owner_from_another_agency_is_named_on_the_form(cast, manager, priority):
    response = manager.post(
        reverse("priorities:action_add", args=[priority.pk]),
        {
            "title": "Publish the neglect toolkit",
            "owner_agency": cast.other_agency.pk,
            "owner_person": cast[Role.PRACTITIONER].person.pk,
            "due_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "The owner must work for the owning agency." in _text(response)
    assert not Action.objects.exists()
