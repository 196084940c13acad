"""The scorecard's test catalogue, its data contacts, and clients that call the API."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import PersonFactory
from safeboard.scorecard.api import tokens


def data_contact(agency, email: str, *roles: str):
    return UserFactory(
        person=PersonFactory(agency=agency, email=email), roles=[Role.AGENCY_LEAD, *roles]
    )


def token_client(user) -> APIClient:
    """A system's client: no session, only the user's token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {tokens.api_token_issue(user=user).key}")
    return client


@pytest.fixture
def police_lead(catalogue):  # noqa: F811
    return data_contact(catalogue.police, "data@police.example.test")


@pytest.fixture
def police_system(police_lead) -> APIClient:
    return token_client(police_lead)
