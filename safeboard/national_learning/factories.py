"""Factories for the log of national learning, for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory

from . import models


class NationalReviewFactory(ModelFactory):
    class Meta:
        model = models.NationalReview

    kind = models.NationalReview.Kind.PANEL_REVIEW
    title = factory.Sequence(lambda n: f"National review of practice {n}")
    publisher = "Child Safeguarding Practice Review Panel"
    published_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=200))
    summary = "Agencies did not share what they knew about risk from men in the household."


class RecommendationFactory(ModelFactory):
    class Meta:
        model = models.Recommendation

    review = factory.SubFactory(NationalReviewFactory)
    text = "Every agency asks about men in the household at its first contact."
    made_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
