import datetime

import pytest

from safeboard.reports import services
from safeboard.reports.models import YearlyReport

START = datetime.date(2024, 4, 1)
END = datetime.date(2025, 3, 31)


def published_report(cast, *, start=START, end=END) -> YearlyReport:
    """A report taken through the whole workflow by the business manager and the chair."""
    manager, chair = cast["business_manager"], cast["chair"]
    report = services.create_report(period_start=start, period_end=end, created_by=manager)
    services.send_for_review(report=report, sent_by=manager)
    services.sign_off(report=report, signed_off_by=chair)
    return services.publish_report(report=report, published_by=manager)


@pytest.fixture
def published(cast) -> YearlyReport:
    return published_report(cast)
