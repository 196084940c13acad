from __future__ import annotations

import pytest

from safeboard.accounts.roles import Role
from safeboard.audits.factories import FindingFactory
from safeboard.exchange import services
from safeboard.reviews.factories import ReviewFactory
from safeboard.reviews.models import Finding
from safeboard.themes.models import Theme


@pytest.fixture
def shared_findings(cast):
    """A case review finding and an audit finding, both tagged and marked shareable."""
    theme = Theme.objects.order_by("position", "name").first()
    review = ReviewFactory(referred_by=cast[Role.BUSINESS_MANAGER])
    finding = Finding.objects.create(
        review=review,
        title="Fathers were not seen",
        text="Agencies rarely spoke to the men in the household about the baby's care.",
        evidence="Not exported.",
    )
    finding.themes.set([theme])
    audit_finding = FindingFactory(themes=[theme])
    manager = cast[Role.BUSINESS_MANAGER]
    for key, record in (("reviews.finding", finding), ("audits.finding", audit_finding)):
        services.mark_shareable(source_key=key, record_id=record.pk, by=manager)
    return {"theme": theme, "review_finding": finding, "audit_finding": audit_finding}
