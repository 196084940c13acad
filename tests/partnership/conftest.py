"""Fixtures for the partnership tests: the business manager's client."""

from __future__ import annotations

import pytest

from safeboard.accounts.roles import Role
from tests.conftest import signed_in_client


@pytest.fixture
def manager(cast):
    return cast[Role.BUSINESS_MANAGER]


@pytest.fixture
def manager_client(manager):
    return signed_in_client(manager)
