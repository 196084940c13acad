"""The partnership's pages from the outside: what they show, and bad input changing nothing."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.partnership import account_services, services
from safeboard.partnership.factories import (
    GroupFactory,
    HandbookPageFactory,
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
    PersonFactory,
)
from safeboard.partnership.models import Agency, HandbookPage, InductionPlan, Membership, Person
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
ERROR_SUMMARY = "govuk-error-summary"


def _refused(response, message: str | None = None) -> bool:
    text = html.unescape(response.content.decode())
    return (
        response.status_code == 400
        and ERROR_SUMMARY in text
        and (message is None or message in text)
    )


# Agencies ----------------------------------------------------------------------------------


def test_the_agency_list_counts_active_people_and_filters_by_type(manager_client, cast):
    PersonFactory(agency=cast.home_agency, is_active=False)
    response = manager_client.get(reverse("partnership:agency_list"), {"type": "police"})
    agencies = list(response.context["agencies"])
    assert agencies == [cast.home_agency]
    active_people = Person.objects.filter(agency=cast.home_agency, is_active=True).count()
    assert agencies[0].people_count == active_people


def test_a_duplicate_agency_name_is_refused_and_nothing_is_added(manager_client, cast):
    response = manager_client.post(
        reverse("partnership:agency_create"),
        {"name": "SHIRE CONSTABULARY", "type": Agency.Type.POLICE, "is_active": "on"},
    )
    assert _refused(response, services.AGENCY_NAME_TAKEN)
    assert Agency.objects.count() == 2


def test_a_forged_agency_type_is_refused_and_the_agency_is_unchanged(manager_client, cast):
    agency = cast.home_agency
    response = manager_client.post(
        reverse("partnership:agency_edit", args=[agency.pk]),
        {"name": "Renamed", "type": "secret_service", "is_active": "on"},
    )
    assert _refused(response)
    agency.refresh_from_db()
    assert (agency.name, agency.type) == ("Shire Constabulary", Agency.Type.POLICE)


def test_the_business_manager_adds_an_agency(manager_client):
    response = manager_client.post(
        reverse("partnership:agency_create"),
        {"name": "Shire Probation", "type": Agency.Type.PROBATION, "is_active": "on"},
    )
    agency = Agency.objects.get(name="Shire Probation")
    assert response["Location"] == agency.get_absolute_url()


def test_an_agency_page_shows_its_people_and_seats(manager_client, cast):
    membership = MembershipFactory(
        person=cast[Role.BOARD_MEMBER].person, group=GroupFactory(name="Safeguarding Board")
    )
    response = manager_client.get(reverse("partnership:agency_detail", args=[cast.home_agency.pk]))
    text = response.content.decode()
    assert cast[Role.PRACTITIONER].person.full_name in text
    assert list(response.context["memberships"]) == [membership]
    assert reverse("core:history", args=["partnership.agency", cast.home_agency.pk]) in text


# People ------------------------------------------------------------------------------------


def test_the_people_list_filters_by_agency_and_searches_by_name(manager_client, cast):
    PersonFactory(full_name="Priya Shah", agency=cast.other_agency)
    PersonFactory(full_name="Priya Jones", agency=cast.home_agency)
    response = manager_client.get(
        reverse("partnership:person_list"), {"agency": cast.other_agency.pk, "search": "priya"}
    )
    assert [p.full_name for p in response.context["page"].object_list] == ["Priya Shah"]


def test_the_people_list_is_paginated(manager_client):
    PersonFactory.create_batch(55)
    response = manager_client.get(reverse("partnership:person_list"), {"page": 2})
    assert response.context["page"].number == 2
    assert "Page 2 of 2" in response.content.decode()


def test_a_person_page_shows_their_account_roles_and_history_link(manager_client, cast):
    person = cast[Role.AUDITOR].person
    response = manager_client.get(reverse("partnership:person_detail", args=[person.pk]))
    text = response.content.decode()
    assert Role.AUDITOR.label in text
    assert reverse("core:history", args=["partnership.person", person.pk]) in text


def test_a_forged_agency_for_a_person_is_refused_and_the_person_is_unchanged(manager_client, cast):
    person = cast[Role.PRACTITIONER].person
    response = manager_client.post(
        reverse("partnership:person_edit", args=[person.pk]),
        {"full_name": "Someone Else", "agency": 999999, "email": person.email, "is_active": "on"},
    )
    assert _refused(response)
    person.refresh_from_db()
    assert person.full_name != "Someone Else"


def test_a_taken_email_is_refused_for_a_new_person(manager_client, cast):
    before = Person.objects.count()
    response = manager_client.post(
        reverse("partnership:person_create"),
        {
            "full_name": "Copy Cat",
            "agency": cast.home_agency.pk,
            "email": cast[Role.AUDITOR].person.email.upper(),
            "is_active": "on",
        },
    )
    assert _refused(response, services.PERSON_EMAIL_TAKEN)
    assert Person.objects.count() == before


# Accounts ----------------------------------------------------------------------------------


def test_creating_an_account_sets_its_roles_and_sends_the_email(manager_client):
    person = PersonFactory()
    response = manager_client.post(
        reverse("partnership:person_account", args=[person.pk]),
        {"is_active": "on", "roles": [Role.BOARD_MEMBER, Role.LAY_MEMBER]},
    )
    assert response["Location"] == person.get_absolute_url()
    user = User.objects.get(person=person)
    assert user.roles == {Role.BOARD_MEMBER, Role.LAY_MEMBER}
    [email] = mail.outbox
    assert email.to == [person.email]
    assert "http://testserver/password-reset/" in email.body


def test_a_forged_role_is_refused_and_no_account_is_made(manager_client):
    person = PersonFactory()
    response = manager_client.post(
        reverse("partnership:person_account", args=[person.pk]),
        {"is_active": "on", "roles": ["superuser"]},
    )
    assert _refused(response)
    assert not User.objects.filter(person=person).exists()
    assert not mail.outbox


def test_changing_an_account_shows_its_roles_and_changes_them(manager_client, cast):
    user = cast[Role.PRACTITIONER]
    url = reverse("partnership:person_account", args=[user.person.pk])
    form = manager_client.get(url).context["form"]
    assert form.initial["roles"] == [Role.PRACTITIONER]
    manager_client.post(url, {"is_active": "on", "roles": [Role.AGENCY_LEAD]})
    assert User.objects.get(pk=user.pk).roles == {Role.AGENCY_LEAD}


def test_the_manager_removing_their_own_role_is_refused_on_the_page(manager_client, manager):
    response = manager_client.post(
        reverse("partnership:person_account", args=[manager.person.pk]),
        {"is_active": "on", "roles": [Role.CHAIR]},
    )
    assert _refused(response, account_services.CANNOT_REMOVE_OWN_MANAGER_ROLE)
    assert User.objects.get(pk=manager.pk).roles == {Role.BUSINESS_MANAGER}


# Groups and memberships --------------------------------------------------------------------


def test_a_group_page_shows_current_and_past_members_apart(manager_client):
    group = GroupFactory()
    current = MembershipFactory(group=group)
    past = MembershipFactory(group=group, ended_on=TODAY - datetime.timedelta(days=1))
    response = manager_client.get(reverse("partnership:group_detail", args=[group.pk]))
    assert list(response.context["current"]) == [current]
    assert list(response.context["past"]) == [past]


def test_a_membership_ending_before_it_started_is_refused_with_a_clear_message(manager_client):
    membership = MembershipFactory(started_on=TODAY)
    response = manager_client.post(
        reverse("partnership:membership_end", args=[membership.pk]),
        {"ended_on": (TODAY - datetime.timedelta(days=3)).isoformat()},
    )
    assert _refused(response, services.MEMBERSHIP_ENDS_BEFORE_START)
    membership.refresh_from_db()
    assert membership.ended_on is None


def test_a_wrong_start_date_is_refused_and_nobody_is_added(manager_client):
    group = GroupFactory()
    response = manager_client.post(
        reverse("partnership:membership_add", args=[group.pk]),
        {
            "person": PersonFactory().pk,
            "role": Membership.Role.MEMBER,
            "seniority": Membership.Seniority.SENIOR,
            "started_on": "2025-02-30",
        },
    )
    assert _refused(response)
    assert not group.memberships.exists()


def test_the_business_manager_adds_and_ends_a_membership(manager_client):
    group, person = GroupFactory(), PersonFactory()
    manager_client.post(
        reverse("partnership:membership_add", args=[group.pk]),
        {
            "person": person.pk,
            "role": Membership.Role.CHAIR,
            "seniority": Membership.Seniority.EXECUTIVE,
            "started_on": TODAY.isoformat(),
        },
    )
    membership = group.memberships.get(person=person)
    manager_client.post(
        reverse("partnership:membership_end", args=[membership.pk]),
        {"ended_on": TODAY.isoformat()},
    )
    membership.refresh_from_db()
    assert membership.ended_on == TODAY


# Induction ---------------------------------------------------------------------------------


def _plan_with_items(person, done: int, total: int, **plan_fields) -> InductionPlan:
    plan = InductionPlanFactory(person=person, **plan_fields)
    for number in range(total):
        InductionItemFactory(plan=plan, completed_on=TODAY if number < done else None)
    return plan


def test_the_induction_list_shows_progress_and_flags_overdue_plans(manager_client):
    long_ago = TODAY - datetime.timedelta(days=200)
    _plan_with_items(
        PersonFactory(),
        done=3,
        total=8,
        started_on=long_ago,
        target_completion_on=long_ago + datetime.timedelta(days=90),
    )
    text = manager_client.get(reverse("partnership:induction_list")).content.decode()
    assert "3 of 8 done" in text
    assert "Overdue" in text


def test_a_new_member_sees_only_their_own_plan(cast):
    lay_member = cast[Role.LAY_MEMBER]
    own = _plan_with_items(lay_member.person, done=0, total=1)
    InductionPlanFactory()
    response = signed_in_client(lay_member).get(reverse("partnership:induction_list"))
    assert list(response.context["plans"]) == [own]


def test_a_target_date_before_the_start_is_refused_and_no_plan_is_made(manager_client):
    response = manager_client.post(
        reverse("partnership:induction_create"),
        {
            "person": PersonFactory().pk,
            "started_on": TODAY.isoformat(),
            "target_completion_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert _refused(response, "The target date must be on or after the start date.")
    assert not InductionPlan.objects.exists()


def test_the_business_manager_starts_a_plan_with_the_standard_checklist(manager_client):
    person = PersonFactory()
    manager_client.post(
        reverse("partnership:induction_create"),
        {
            "person": person.pk,
            "buddy": PersonFactory().pk,
            "started_on": TODAY.isoformat(),
            "target_completion_on": (TODAY + datetime.timedelta(days=90)).isoformat(),
        },
    )
    assert person.induction_plan.items.count() == 8


def test_ticking_without_javascript_goes_back_to_the_plan(cast):
    lay_member = cast[Role.LAY_MEMBER]
    plan = _plan_with_items(lay_member.person, done=0, total=2)
    item = plan.items.first()
    response = signed_in_client(lay_member).post(
        reverse("partnership:induction_item_tick", args=[item.pk])
    )
    assert response["Location"] == f"{plan.get_absolute_url()}#item-{item.pk}"
    item.refresh_from_db()
    assert item.completed_on == TODAY


def test_ticking_the_last_item_with_htmx_completes_the_plan_and_answers_with_the_checklist(
    cast,
):
    lay_member = cast[Role.LAY_MEMBER]
    plan = _plan_with_items(lay_member.person, done=1, total=2)
    last = plan.items.filter(completed_on__isnull=True).get()
    response = signed_in_client(lay_member).post(
        reverse("partnership:induction_item_tick", args=[last.pk]), HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="induction-checklist"' in text
    assert "2 of 2 done" in text
    assert 'hx-swap-oob="innerHTML"' in text
    plan.refresh_from_db()
    assert plan.completed_on == TODAY


def test_the_plan_page_shows_the_checklist_and_its_history_link(cast):
    lay_member = cast[Role.LAY_MEMBER]
    plan = _plan_with_items(lay_member.person, done=1, total=3)
    text = signed_in_client(lay_member).get(plan.get_absolute_url()).content.decode()
    assert "1 of 3 done" in text
    assert "</span> as done</button>" in text
    assert reverse("core:history", args=["partnership.inductionplan", plan.pk]) in text


# Handbook ----------------------------------------------------------------------------------


def test_the_handbook_shows_every_page_in_order_as_paragraphs(cast):
    HandbookPageFactory(title="Second", position=2, body="Two")
    HandbookPageFactory(title="First", position=1, body="One.\n\nAnother paragraph.")
    text = signed_in_client(cast[Role.AUDITOR]).get(reverse("partnership:handbook")).content
    text = text.decode()
    assert text.index("First") < text.index("Second")
    assert '<p class="govuk-body">Another paragraph.</p>' in text


def test_an_empty_handbook_title_is_refused_and_the_page_is_unchanged(manager_client):
    page = HandbookPageFactory(title="Your role", body="What members do.")
    response = manager_client.post(
        reverse("partnership:handbook_edit", args=[page.pk]), {"title": "", "body": "Changed."}
    )
    assert _refused(response)
    page.refresh_from_db()
    assert (page.title, page.body) == ("Your role", "What members do.")


def test_the_business_manager_adds_a_handbook_page(manager_client):
    response = manager_client.post(
        reverse("partnership:handbook_create"), {"title": "Meetings", "body": "Monthly."}
    )
    page = HandbookPage.objects.get(title="Meetings")
    assert response["Location"] == page.get_absolute_url()


def test_every_form_page_opens_for_the_business_manager(manager_client, cast):
    """Each form renders (GET) with its fields and a submit button."""
    membership = MembershipFactory()
    urls = [
        reverse("partnership:agency_create"),
        reverse("partnership:agency_edit", args=[cast.home_agency.pk]),
        reverse("partnership:person_create"),
        reverse("partnership:person_edit", args=[cast[Role.AUDITOR].person.pk]),
        reverse("partnership:person_account", args=[PersonFactory().pk]),
        reverse("partnership:group_create"),
        reverse("partnership:group_edit", args=[membership.group.pk]),
        reverse("partnership:membership_add", args=[membership.group.pk]),
        reverse("partnership:membership_end", args=[membership.pk]),
        reverse("partnership:induction_create"),
        reverse("partnership:handbook_create"),
        reverse("partnership:handbook_edit", args=[HandbookPageFactory().pk]),
    ]
    for url in urls:
        response = manager_client.get(url)
        assert response.status_code == 200, url
        assert 'type="submit"' in response.content.decode(), url
