"""Factories for case reviews; the tests and the demo partnership both use them.

A review is referred under an edition from the framework table (migration 0002 loads it; a
test database emptied by a browser test gets it back through `edition()`).
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency

from .frameworks.data import load_editions
from .models import (
    AgencyContribution,
    Decision,
    FrameworkCriterion,
    FrameworkEdition,
    Milestone,
    Review,
    ReviewDocument,
    SafeguardingPartner,
    TeamMember,
)
from .referral.services import next_review_reference


def edition(code: str = "wt2023") -> FrameworkEdition:
    """An edition of the framework table by code, loading the table if it is empty."""
    found = FrameworkEdition.objects.filter(code=code).first()
    if found is None:
        load_editions(FrameworkEdition, FrameworkCriterion)
        found = FrameworkEdition.objects.get(code=code)
    return found


class ReviewFactory(ModelFactory):
    """A case referred under Working Together 2023 (pass `edition=` for another), with the
    edition's timescales copied as refer_case copies them."""

    class Meta:
        model = Review
        skip_postgeneration_save = True

    edition = factory.LazyFunction(edition)
    reference = factory.LazyAttribute(lambda review: next_review_reference(review.aware_date.year))
    child_pseudonym = "Child A"
    age_band = Review.AgeBand.UNDER_1
    incident_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    aware_date = factory.LazyAttribute(lambda review: review.incident_date)
    summary = "A baby was admitted to hospital with injuries that were not explained."
    referred_by = factory.SubFactory(UserFactory)
    notification_working_days = factory.LazyAttribute(
        lambda review: review.edition.notification_working_days
    )
    rapid_review_working_days = factory.LazyAttribute(
        lambda review: review.edition.rapid_review_working_days
    )
    rapid_review_basis = factory.LazyAttribute(lambda review: review.edition.rapid_review_basis)
    decision_working_days = factory.LazyAttribute(
        lambda review: review.edition.decision_working_days
    )
    review_months = factory.LazyAttribute(lambda review: review.edition.review_months)

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class DecisionFactory(ModelFactory):
    """A decision without criterion answers: the service (decision_record) records those."""

    class Meta:
        model = Decision

    review = factory.SubFactory(ReviewFactory)
    outcome = Decision.Outcome.LCSPR
    reasons = "The criteria for a local review are met."
    decided_by = factory.SubFactory(PersonFactory)
    decided_on = factory.LazyAttribute(lambda decision: decision.review.aware_date)
    recorded_by = factory.SubFactory(UserFactory)


class TeamMemberFactory(ModelFactory):
    class Meta:
        model = TeamMember

    review = factory.SubFactory(ReviewFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamMember.Role.PANEL_MEMBER


class AgencyContributionFactory(ModelFactory):
    class Meta:
        model = AgencyContribution

    review = factory.SubFactory(ReviewFactory)
    agency = factory.SelfAttribute("review.referred_by.person.agency")
    kind = AgencyContribution.Kind.CHRONOLOGY
    requested_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda c: c.requested_on + datetime.timedelta(days=28))


class MilestoneFactory(ModelFactory):
    class Meta:
        model = Milestone

    review = factory.SubFactory(ReviewFactory)
    title = "Draft report to the panel"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ReviewDocumentFactory(ModelFactory):
    """A report uploaded to a review; services.document_upload is how the product adds one."""

    class Meta:
        model = ReviewDocument

    review = factory.SubFactory(ReviewFactory)
    kind = ReviewDocument.Kind.DRAFT_REPORT
    file = factory.django.FileField(filename="draft-report.pdf", data=b"%PDF-1.4")
    original_name = "draft-report.pdf"
    content_type = "application/pdf"
    uploaded_by = factory.SubFactory(UserFactory)


PARTNER_AGENCY_TYPES = {
    SafeguardingPartner.LOCAL_AUTHORITY: Agency.Type.LOCAL_AUTHORITY,
    SafeguardingPartner.INTEGRATED_CARE_BOARD: Agency.Type.HEALTH_ICB,
    SafeguardingPartner.POLICE: Agency.Type.POLICE,
}


def partners_agreeing(day: datetime.date, *, disagreeing: tuple[str, ...] = ()) -> dict:
    """The three safeguarding partners' answers for `decision_record`, each given on `day` by
    a new person of an agency of the partner's kind; those in `disagreeing` disagree."""
    return {
        partner.value: {
            "person": PersonFactory(
                agency=AgencyFactory(name=f"The {partner.label}", type=agency_type)
            ),
            "agreed_on": day,
            "agrees": partner.value not in disagreeing,
        }
        for partner, agency_type in PARTNER_AGENCY_TYPES.items()
    }
