"""Factories for the scorecard; the tests and the demo partnership both use them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from safeboard.partnership.factories import AgencyFactory

from . import models
from .periods import Frequency, PeriodKey

# A month long past, so figures for it may always be submitted.
DEFAULT_PERIOD = PeriodKey(datetime.date(2025, 10, 1), Frequency.MONTHLY)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"IND-{n:03d}")
    name = factory.Sequence(lambda n: f"Children seen within timescale {n}")
    definition = "Children seen by a practitioner within the agreed timescale."
    numerator_definition = "Children seen within the timescale."
    denominator_definition = "Children due to be seen."
    owning_agency = factory.SubFactory(AgencyFactory)
    unit = models.Unit.COUNT
    polarity = models.Polarity.UP
    frequency = Frequency.MONTHLY
    perspective = models.Perspective.TIMELINESS

    @factory.post_generation
    def priorities(self, create, extracted, **kwargs):
        if create and extracted:
            self.priorities.set(extracted)


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Period
        django_get_or_create = ("frequency", "starts_on")

    class Params:
        key = DEFAULT_PERIOD

    frequency = factory.LazyAttribute(lambda period: period.key.frequency)
    starts_on = factory.LazyAttribute(lambda period: period.key.starts_on)
    ends_on = factory.LazyAttribute(lambda period: period.key.ends_on)
    submissions_due_on = factory.LazyAttribute(lambda period: period.key.default_due_on)


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Figure

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(
        PeriodFactory,
        key=factory.LazyAttribute(
            lambda period: PeriodKey.containing(
                period.factory_parent.indicator.frequency, DEFAULT_PERIOD.starts_on
            )
        ),
    )
    value = Decimal("10")
    source = models.FigureSource.FORM


class ComparatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Comparator

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(PeriodFactory)
    source = models.ComparatorSource.ENGLAND
    value = Decimal("10")
