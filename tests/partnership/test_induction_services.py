"""Induction plans: the checklist a new member gets, and a plan completing with its items."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership import induction_services as induction
from safeboard.partnership.factories import (
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
    PersonFactory,
)
from safeboard.partnership.models import InductionPlan, Membership

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _create(person, **overrides):
    fields = {
        "person": person,
        "buddy": PersonFactory(),
        "started_on": TODAY,
        "target_completion_on": TODAY + datetime.timedelta(days=120),
    }
    return induction.induction_plan_create(**{**fields, **overrides})


def _titles(plan) -> list[str]:
    return list(plan.items.order_by("pk").values_list("title", flat=True))


def test_a_new_member_gets_the_standard_checklist():
    plan = _create(PersonFactory())
    assert _titles(plan) == [item.title for item in induction.STANDARD_CHECKLIST]


def test_a_lay_member_by_membership_gets_the_extra_items():
    person = MembershipFactory(role=Membership.Role.LAY_MEMBER).person
    plan = _create(person)
    expected = induction.STANDARD_CHECKLIST + induction.LAY_MEMBER_CHECKLIST
    assert _titles(plan) == [item.title for item in expected]


def test_a_lay_member_by_account_role_gets_the_extra_items():
    person = UserFactory(roles=[Role.LAY_MEMBER]).person
    assert len(_titles(_create(person))) == len(
        induction.STANDARD_CHECKLIST + induction.LAY_MEMBER_CHECKLIST
    )


def test_no_item_falls_due_after_the_target_date():
    target = TODAY + datetime.timedelta(days=20)
    plan = _create(PersonFactory(), target_completion_on=target)
    assert max(plan.items.values_list("due_on", flat=True)) == target


def test_a_person_has_one_induction_plan():
    plan = InductionPlanFactory()
    with pytest.raises(ValidationError) as error:
        _create(plan.person)
    assert error.value.message_dict["person"] == [induction.PLAN_ALREADY_EXISTS]


def test_a_buddy_is_someone_else():
    person = PersonFactory()
    with pytest.raises(ValidationError) as error:
        _create(person, buddy=person)
    assert "buddy" in error.value.message_dict
    assert not InductionPlan.objects.exists()


def test_a_target_before_the_start_is_refused():
    with pytest.raises(ValidationError) as error:
        _create(PersonFactory(), target_completion_on=TODAY - datetime.timedelta(days=1))
    assert "target_completion_on" in error.value.message_dict
    assert not InductionPlan.objects.exists()


def test_the_plan_completes_when_the_last_item_is_ticked():
    plan = InductionPlanFactory()
    first, last = InductionItemFactory(plan=plan), InductionItemFactory(plan=plan)
    induction.induction_item_tick(item=first)
    plan.refresh_from_db()
    assert plan.completed_on is None

    induction.induction_item_tick(item=last)
    plan.refresh_from_db()
    assert plan.completed_on == TODAY


def test_unticking_an_item_reopens_the_plan():
    plan = InductionPlanFactory()
    item = InductionItemFactory(plan=plan)
    induction.induction_item_tick(item=item)
    induction.induction_item_tick(item=item)
    plan.refresh_from_db()
    item.refresh_from_db()
    assert (item.completed_on, plan.completed_on) == (None, None)
