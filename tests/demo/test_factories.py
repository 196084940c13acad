"""The factories added for the demo make a valid record on their own, as the tests need them."""

from __future__ import annotations

import pytest

from safeboard.accounts.factories import RoleAssignmentFactory, TOTPDeviceFactory
from safeboard.actions.factories import EvidenceFactory
from safeboard.audits.factories import (
    FindingThemeFactory,
    ModerationAttendeeFactory,
    SampleCaseAgencyFactory,
)
from safeboard.learning.factories import (
    ChargeFactory,
    CourseJobRoleFactory,
    CoursePriorityFactory,
    CourseReviewFactory,
    HeadcountFactory,
    OutcomeRatingFactory,
    TrainingNeedFactory,
)
from safeboard.partnership.factories import AgencyFactory
from safeboard.reviews.factories import ReviewDocumentFactory
from safeboard.risks.factories import RiskPriorityLinkFactory
from safeboard.section11.factories import ImprovementItemFactory
from safeboard.themes.factories import default_themes

pytestmark = pytest.mark.django_db

FACTORIES = [
    RoleAssignmentFactory,
    TOTPDeviceFactory,
    EvidenceFactory,
    SampleCaseAgencyFactory,
    ModerationAttendeeFactory,
    FindingThemeFactory,
    ChargeFactory,
    CourseJobRoleFactory,
    CoursePriorityFactory,
    CourseReviewFactory,
    HeadcountFactory,
    OutcomeRatingFactory,
    TrainingNeedFactory,
    ReviewDocumentFactory,
    RiskPriorityLinkFactory,
    ImprovementItemFactory,
]


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_factory_makes_a_record(factory_class, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    default_themes()
    record = factory_class()
    assert record.pk is not None


def test_create_in_bulk_checks_the_rules_bulk_saving_skips():
    from django.core.exceptions import ValidationError

    from safeboard.partnership.models import Agency

    with pytest.raises(ValidationError):
        AgencyFactory.create_in_bulk([Agency(name="x" * 1000)], validate=True)


def test_create_in_bulk_writes_history_when_asked():
    from safeboard.partnership.models import Agency

    saved = AgencyFactory.create_in_bulk([Agency(name="Police")], with_history=True)
    assert saved[0].history.count() == 1
