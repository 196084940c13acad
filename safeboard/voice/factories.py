"""Factories for the voice record, for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory

from . import models


class ActivityFactory(ModelFactory):
    class Meta:
        model = models.Activity

    kind = models.Activity.Kind.CONSULTATION
    title = factory.Sequence(lambda n: f"Feeling safe consultation {n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    description = "Young advisers asked their peers where they feel safe and where they do not."


class ParticipationFactory(ModelFactory):
    class Meta:
        model = models.Participation

    activity = factory.SubFactory(ActivityFactory)
    age_band = models.AgeBand.AGE_11_15
    group = factory.Sequence(lambda n: f"Youth club {n}")
    count = 12


class ContributionFactory(ModelFactory):
    class Meta:
        model = models.Contribution

    activity = factory.SubFactory(ActivityFactory)
    text = "The bus station feels scary after dark."


class ResponseFactory(ModelFactory):
    class Meta:
        model = models.Response

    contribution = factory.SubFactory(ContributionFactory)
    what_we_did = "We asked the council to light the bus station and put a warden there."
    responded_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))

    class Params:
        published = factory.Trait(
            is_published=True, published_on=factory.LazyFunction(timezone.localdate)
        )
