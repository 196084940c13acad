from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import AgencyFactory

from . import models


class YearlyReportFactory(ModelFactory):
    """A draft report for April 2024 to March 2025."""

    class Meta:
        model = models.YearlyReport

    period_start = datetime.date(2024, 4, 1)
    period_end = datetime.date(2025, 3, 31)


class PartnerContributionFactory(ModelFactory):
    class Meta:
        model = models.PartnerContribution

    agency = factory.SubFactory(AgencyFactory)
    financial_year = 2024
    amount = Decimal("25000.00")
