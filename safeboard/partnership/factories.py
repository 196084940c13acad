"""Factories for the partnership's records; the tests and the demo partnership both use them."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory, TypographicFaker

from . import models


class AgencyFactory(ModelFactory):
    class Meta:
        model = models.Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    type = models.Agency.Type.OTHER


class PersonFactory(ModelFactory):
    class Meta:
        model = models.Person

    full_name = TypographicFaker("name", locale="en_GB")
    job_title = TypographicFaker("job", locale="en_GB")
    agency = factory.SubFactory(AgencyFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.test")


class GroupFactory(ModelFactory):
    class Meta:
        model = models.Group

    name = factory.Sequence(lambda n: f"Subgroup {n}")
    kind = models.Group.Kind.SUBGROUP


class MembershipFactory(ModelFactory):
    class Meta:
        model = models.Membership

    group = factory.SubFactory(GroupFactory)
    person = factory.SubFactory(PersonFactory)
    seniority = models.Membership.Seniority.SENIOR
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))


class InductionPlanFactory(ModelFactory):
    class Meta:
        model = models.InductionPlan

    person = factory.SubFactory(PersonFactory)
    buddy = factory.SubFactory(PersonFactory)
    started_on = factory.LazyFunction(timezone.localdate)
    target_completion_on = factory.LazyAttribute(
        lambda plan: plan.started_on + datetime.timedelta(days=90)
    )


class InductionItemFactory(ModelFactory):
    class Meta:
        model = models.InductionItem

    plan = factory.SubFactory(InductionPlanFactory)
    title = "Meet the business manager"
    due_on = factory.LazyAttribute(lambda item: item.plan.started_on + datetime.timedelta(days=30))


class HandbookPageFactory(ModelFactory):
    class Meta:
        model = models.HandbookPage

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.Sequence(lambda n: f"Handbook page {n}")
    body = "What members need to know."
