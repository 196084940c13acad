"""Fixtures for the risk register's tests."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.partnership.factories import PersonFactory
from safeboard.priorities.models import BusinessPlan, Priority
from tests.conftest import signed_in_client

TODAY = timezone.localdate()


@pytest.fixture
def manager_client(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def priority(db) -> Priority:
    lead = PersonFactory()
    plan = BusinessPlan.objects.create(
        title="Business plan",
        starts_on=TODAY - datetime.timedelta(days=100),
        ends_on=TODAY + datetime.timedelta(days=600),
    )
    return Priority.objects.create(
        plan=plan,
        number=1,
        title="Children at risk of exploitation",
        objectives="Spot exploitation early",
        lead_agency=lead.agency,
        lead_person=lead,
        review_date=TODAY + datetime.timedelta(days=60),
    )
