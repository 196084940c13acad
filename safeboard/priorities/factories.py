"""Factories for the business plan; the tests and the demo partnership both use them."""

from __future__ import annotations

import datetime

import factory
from django.db.models import Max
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import PersonFactory

from . import models


class BusinessPlanFactory(ModelFactory):
    class Meta:
        model = models.BusinessPlan

    title = factory.Sequence(lambda n: f"Business plan {2025 + n} to {2028 + n}")
    starts_on = factory.Sequence(lambda n: datetime.date(2025 + n, 4, 1))
    ends_on = factory.LazyAttribute(
        lambda plan: plan.starts_on.replace(year=plan.starts_on.year + 3)
    )
    summary = "The few things the partnership has chosen to improve together."


def _next_number(plan: models.BusinessPlan) -> int:
    last = plan.priorities.aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


class PriorityFactory(ModelFactory):
    class Meta:
        model = models.Priority

    plan = factory.SubFactory(BusinessPlanFactory)
    number = factory.LazyAttribute(lambda priority: _next_number(priority.plan))
    title = factory.Sequence(lambda n: f"Priority theme {n}")
    description = "Children living with neglect are seen and helped earlier."
    objectives = "Agencies recognise neglect earlier\nFewer repeat child protection plans"
    lead_person = factory.SubFactory(PersonFactory)
    lead_agency = factory.LazyAttribute(lambda priority: priority.lead_person.agency)
    review_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))


class PriorityThemeFactory(ModelFactory):
    """A theme a priority addresses (its theme= is required: themes are seeded, not made)."""

    class Meta:
        model = models.Priority.themes.through

    priority = factory.SubFactory(PriorityFactory)


class PriorityReviewFactory(ModelFactory):
    class Meta:
        model = models.PriorityReview

    priority = factory.SubFactory(PriorityFactory)
    reviewed_on = factory.LazyFunction(timezone.localdate)
    progress = models.Priority.Progress.ON_TRACK
    summary = "Actions are on schedule; the re-audit is booked."
    next_review_date = factory.LazyAttribute(
        lambda review: review.reviewed_on + datetime.timedelta(days=91)
    )


class PriorityMeasureFactory(ModelFactory):
    class Meta:
        model = models.PriorityMeasure

    priority = factory.SubFactory(PriorityFactory)
    description = factory.Sequence(lambda n: f"Measure of progress {n}")
