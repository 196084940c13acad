"""Fixtures for the case review tests: a case referred by the business manager."""

from __future__ import annotations

import pytest

from safeboard.accounts.roles import Role
from safeboard.reviews.factories import ReviewFactory, edition
from tests.conftest import signed_in_client


@pytest.fixture
def wt2023(db):
    return edition("wt2023")


@pytest.fixture
def wt2010(db):
    return edition("wt2010")


@pytest.fixture
def review(cast, wt2023):
    """An unpublished case under Working Together 2023, referred by the business manager."""
    return ReviewFactory(edition=wt2023, referred_by=cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def manager_client(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def chair_client(cast):
    return signed_in_client(cast[Role.CHAIR])
