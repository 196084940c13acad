"""Factories for the child death learning, for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory

from . import models


def _category() -> models.DeathCategory:
    category, _ = models.DeathCategory.objects.get_or_create(
        number=10, defaults={"name": "Sudden unexpected, unexplained death"}
    )
    return category


class FindingFactory(ModelFactory):
    class Meta:
        model = models.Finding

    title = factory.Sequence(lambda n: f"Safer sleep advice was not repeated {n}")
    text = "In three deaths of infants, safer sleep advice was given once and not repeated."
    category = factory.LazyFunction(_category)
    modifiable_factors = models.Finding.Modifiable.YES
    deaths_reviewed = 3
    agreed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))


class RecommendationFactory(ModelFactory):
    class Meta:
        model = models.Recommendation

    finding = factory.SubFactory(FindingFactory)
    text = "Health visitors repeat safer sleep advice at every contact in the first year."
    made_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=50))
