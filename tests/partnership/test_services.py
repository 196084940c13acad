"""Agencies, people, groups, memberships and the handbook: their rules, held by the services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.partnership import services
from safeboard.partnership.factories import (
    AgencyFactory,
    GroupFactory,
    HandbookPageFactory,
    MembershipFactory,
    PersonFactory,
)
from safeboard.partnership.models import Agency, Group, HandbookPage, Membership

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _agency_fields(**overrides) -> dict:
    return {"name": "Shire Youth Justice Service", "type": Agency.Type.YOUTH_JUSTICE, **overrides}


def test_an_agency_name_is_taken_whatever_its_case():
    AgencyFactory(name="Shire Police")
    with pytest.raises(ValidationError) as error:
        services.agency_create(**_agency_fields(name="  shire police "))
    assert error.value.message_dict["name"] == [services.AGENCY_NAME_TAKEN]
    assert Agency.objects.count() == 1


def test_an_agency_keeps_its_own_name_when_changed():
    agency = services.agency_create(**_agency_fields())
    services.agency_update(agency=agency, **_agency_fields(short_name="Shire YJS"))
    agency.refresh_from_db()
    assert agency.short_name == "Shire YJS"


def test_only_the_three_safeguarding_partner_types_can_be_statutory_partners():
    with pytest.raises(ValidationError) as error:
        services.agency_create(**_agency_fields(is_statutory_partner=True))
    assert (
        services.NOT_A_SAFEGUARDING_PARTNER_TYPE in error.value.message_dict["is_statutory_partner"]
    )
    icb = services.agency_create(
        name="Shire ICB", type=Agency.Type.HEALTH_ICB, is_statutory_partner=True
    )
    assert icb.is_statutory_partner


def test_a_person_email_is_taken_whatever_its_case():
    PersonFactory(email="jo.bloggs@shire.example")
    with pytest.raises(ValidationError) as error:
        services.person_create(
            full_name="Jo Bloggs", agency=AgencyFactory(), email="Jo.Bloggs@Shire.example"
        )
    assert error.value.message_dict["email"] == [services.PERSON_EMAIL_TAKEN]


def test_a_person_who_leaves_can_no_longer_sign_in():
    user = UserFactory()
    person = user.person
    services.person_update(
        person=person,
        full_name=person.full_name,
        agency=person.agency,
        email=person.email,
        is_active=False,
    )
    user.refresh_from_db()
    assert not user.is_active
    assert "no longer active" in person.history.first().history_change_reason


def test_a_persons_account_signs_in_with_their_new_email():
    user = UserFactory()
    person = user.person
    services.person_update(
        person=person, full_name=person.full_name, agency=person.agency, email="New@Shire.example"
    )
    user.refresh_from_db()
    assert user.email == "new@shire.example"


def test_the_board_is_not_part_of_another_group():
    parent = GroupFactory()
    with pytest.raises(ValidationError) as error:
        services.group_create(name="Safeguarding Board", kind=Group.Kind.BOARD, parent=parent)
    assert error.value.message_dict["parent"] == [services.BOARD_HAS_NO_PARENT]


def test_a_group_cannot_be_part_of_its_own_subgroup():
    board = GroupFactory(kind=Group.Kind.BOARD, name="Board")
    subgroup = GroupFactory(parent=board)
    inner = GroupFactory(parent=subgroup)
    with pytest.raises(ValidationError) as error:
        services.group_update(
            group=subgroup, name=subgroup.name, kind=Group.Kind.SUBGROUP, parent=inner
        )
    assert error.value.message_dict["parent"] == [services.GROUP_INSIDE_ITSELF]
    subgroup.refresh_from_db()
    assert subgroup.parent == board


def test_a_group_name_is_taken_whatever_its_case():
    GroupFactory(name="Learning and Improvement")
    with pytest.raises(ValidationError) as error:
        services.group_create(name="learning and improvement", kind=Group.Kind.SUBGROUP)
    assert error.value.message_dict["name"] == [services.GROUP_NAME_TAKEN]


def test_a_current_member_cannot_be_added_twice():
    membership = MembershipFactory()
    with pytest.raises(ValidationError) as error:
        services.membership_add(
            group=membership.group,
            person=membership.person,
            role=Membership.Role.MEMBER,
            seniority=Membership.Seniority.SENIOR,
            started_on=TODAY,
        )
    assert error.value.message_dict["person"] == [services.ALREADY_A_MEMBER]


def test_a_past_member_can_join_again():
    membership = MembershipFactory(ended_on=TODAY - datetime.timedelta(days=1))
    again = services.membership_add(
        group=membership.group,
        person=membership.person,
        role=Membership.Role.CHAIR,
        seniority=Membership.Seniority.EXECUTIVE,
        started_on=TODAY,
    )
    assert again.role == Membership.Role.CHAIR


def test_a_membership_cannot_end_before_it_started():
    membership = MembershipFactory(started_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.membership_end(membership=membership, ended_on=TODAY - datetime.timedelta(days=1))
    assert error.value.message_dict["ended_on"] == [services.MEMBERSHIP_ENDS_BEFORE_START]
    membership.refresh_from_db()
    assert membership.ended_on is None


def test_a_membership_ends_once():
    membership = MembershipFactory()
    services.membership_end(membership=membership, ended_on=TODAY)
    with pytest.raises(ValidationError, match=services.MEMBERSHIP_ALREADY_ENDED):
        services.membership_end(membership=membership, ended_on=TODAY)


def test_a_new_handbook_page_goes_at_the_end_with_its_own_address():
    HandbookPageFactory(position=4, slug="meetings")
    page = services.handbook_page_create(title="Meetings!", body="When we meet.")
    assert (page.position, page.slug) == (5, "meetings-2")


def test_a_handbook_page_keeps_its_address_when_its_title_changes():
    page = services.handbook_page_create(title="Your role", body="What members do.")
    services.handbook_page_update(page=page, title="The role of a member", body="More.")
    page.refresh_from_db()
    assert (page.title, page.slug, page.body) == ("The role of a member", "your-role", "More.")


def test_two_handbook_pages_cannot_share_a_title():
    HandbookPageFactory(title="Your role")
    with pytest.raises(ValidationError) as error:
        services.handbook_page_create(title="your role", body="x")
    assert error.value.message_dict["title"] == [services.HANDBOOK_TITLE_TAKEN]
    assert HandbookPage.objects.count() == 1
