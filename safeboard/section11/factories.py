"""Factories for the Section 11 self-assessment; the tests and the demo both use them.

A factory writes rows directly, so it can place a cycle or a return at any point of its
life; the services are how they move through it in the product.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory, TypographicFaker
from safeboard.partnership.factories import AgencyFactory, PersonFactory

from . import models


def _days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class StandardSetFactory(ModelFactory):
    class Meta:
        model = models.StandardSet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Standard set {n}")
    kind = models.Kind.SECTION_11
    source = "Written for the tests."


class StandardFactory(ModelFactory):
    class Meta:
        model = models.Standard

    standard_set = factory.SubFactory(StandardSetFactory)
    code = factory.Sequence(lambda n: f"T-{n}")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Standard number {n}")
    description = "What good looks like."
    sub_standards = factory.LazyFunction(lambda: ["A first expectation.", "A second one."])


class CycleFactory(ModelFactory):
    """A cycle being set up, due in six weeks."""

    class Meta:
        model = models.Cycle

    title = factory.Sequence(lambda n: f"Section 11 self-assessment {2000 + n}")
    kind = models.Kind.SECTION_11
    standard_set = factory.SubFactory(StandardSetFactory)
    returns_due_on = factory.LazyFunction(lambda: _days_from_today(42))

    class Params:
        open = factory.Trait(
            status=models.Cycle.Status.OPEN,
            opened_on=factory.LazyFunction(lambda: _days_from_today(-28)),
        )
        closed = factory.Trait(
            status=models.Cycle.Status.CLOSED,
            opened_on=factory.LazyFunction(lambda: _days_from_today(-400)),
            closed_on=factory.LazyFunction(lambda: _days_from_today(-200)),
            returns_due_on=factory.LazyFunction(lambda: _days_from_today(-250)),
        )


class CycleStandardFactory(ModelFactory):
    class Meta:
        model = models.CycleStandard

    cycle = factory.SubFactory(CycleFactory)
    code = factory.Sequence(lambda n: f"C-{n}")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Cycle standard {n}")
    description = "What good looks like."
    sub_standards = factory.LazyFunction(lambda: ["A first expectation."])


class ReturnFactory(ModelFactory):
    class Meta:
        model = models.Return

    cycle = factory.SubFactory(CycleFactory, open=True)
    agency = factory.SubFactory(AgencyFactory)

    class Params:
        submitted = factory.Trait(
            status=models.Return.Status.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
            started_at=factory.LazyFunction(timezone.now),
        )


class RatingFactory(ModelFactory):
    class Meta:
        model = models.Rating

    agency_return = factory.SubFactory(ReturnFactory)
    standard = factory.SubFactory(
        CycleStandardFactory, cycle=factory.SelfAttribute("..agency_return.cycle")
    )


class ChiefOfficerFactory(ModelFactory):
    class Meta:
        model = models.ChiefOfficer
        django_get_or_create = ("agency",)

    agency = factory.SubFactory(AgencyFactory)
    full_name = TypographicFaker("name", locale="en_GB")
    job_title = "Chief Executive"
    email = factory.Sequence(lambda n: f"chief{n}@example.test")


class EvidenceRequestFactory(ModelFactory):
    class Meta:
        model = models.EvidenceRequest

    rating = factory.SubFactory(RatingFactory, self_score=3)
    question = "Show us the training records behind this score."
    requested_on = factory.LazyFunction(timezone.localdate)
    response_due_on = factory.LazyFunction(lambda: _days_from_today(21))


def returns_with_standards(
    cycle: models.Cycle, agencies, *, standards: int = 3
) -> list[models.Return]:
    """A return for each agency with a rating for each of `standards` new standards."""
    cycle_standards = [CycleStandardFactory(cycle=cycle) for _ in range(standards)]
    returns = []
    for agency in agencies:
        agency_return = ReturnFactory.create(cycle=cycle, agency=agency)
        for standard in cycle_standards:
            RatingFactory(agency_return=agency_return, standard=standard)
        returns.append(agency_return)
    return returns


class ImprovementItemFactory(ModelFactory):
    """A step of a plan for a standard not met, due at any date (the service wants a future one)."""

    class Meta:
        model = models.ImprovementItem

    rating = factory.SubFactory(RatingFactory, self_score=1)
    text = "Audit supervision records every quarter."
    owner_person = factory.SubFactory(
        PersonFactory, agency=factory.SelfAttribute("..rating.agency_return.agency")
    )
    due_on = factory.LazyFunction(lambda: _days_from_today(90))
