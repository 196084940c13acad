"""Factories for the risk register; the tests and the demo partnership both use them."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import PersonFactory

from .models import Risk, RiskReview
from .services import next_reference


class RiskFactory(ModelFactory):
    """A risk as it stands, without reviews; services.risk_create also records the first."""

    class Meta:
        model = Risk

    reference = factory.LazyFunction(next_reference)
    title = factory.Faker("sentence", nb_words=6)
    description = "Children at risk of exploitation are not identified early enough."
    cause = "Referral pathways differ between agencies."
    consequence = "Children are harmed before anyone acts."
    category = Risk.Category.PRACTICE
    owner_person = factory.SubFactory(PersonFactory)
    owner_agency = factory.LazyAttribute(lambda risk: risk.owner_person.agency)
    inherent_likelihood = 4
    inherent_impact = 5
    residual_likelihood = 3
    residual_impact = 4
    controls = "A multi-agency exploitation panel meets every fortnight."
    raised_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    review_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class RiskReviewFactory(ModelFactory):
    class Meta:
        model = RiskReview

    risk = factory.SubFactory(RiskFactory)
    reviewed_on = factory.LazyFunction(timezone.localdate)
    likelihood = factory.LazyAttribute(lambda review: review.risk.residual_likelihood)
    impact = factory.LazyAttribute(lambda review: review.risk.residual_impact)
    note = "Reviewed at the quality assurance subgroup."
    next_review_date = factory.LazyAttribute(
        lambda review: review.reviewed_on + datetime.timedelta(days=90)
    )


class RiskPriorityLinkFactory(ModelFactory):
    """A risk linked to a business plan priority it threatens."""

    class Meta:
        model = Risk.priorities.through

    risk = factory.SubFactory(RiskFactory)
    priority = factory.SubFactory("safeboard.priorities.factories.PriorityFactory")


class RiskPriorityLinkHistoryFactory(ModelFactory):
    """The priorities a risk was linked to when one of its history entries was made."""

    class Meta:
        model = "risks.HistoricalRisk_priorities"
