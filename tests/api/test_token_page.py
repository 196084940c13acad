"""The API token page: a data contact creates, replaces and revokes their own token."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from safeboard.accounts.roles import Role
from safeboard.scorecard.views.api_token import NO_TOKEN_TO_REVOKE, TOKEN_REVOKED
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

PAGE = reverse("scorecard:api_token")
REVOKE = reverse("scorecard:api_token_revoke")


def _works(key: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(reverse("api:indicator_list")).status_code == 200


def test_a_data_contact_creates_a_token_and_is_shown_it_once(cast):
    lead = cast[Role.AGENCY_LEAD]
    client = signed_in_client(lead)

    created = client.post(PAGE)

    key = Token.objects.get(user=lead).key
    assert created.status_code == 200
    assert key in created.content.decode()
    assert created["Cache-Control"] == "no-store"
    assert key not in client.get(PAGE).content.decode()
    assert _works(key)


def test_replacing_the_token_stops_the_old_one_working(cast):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    client.post(PAGE)
    old = Token.objects.get().key

    client.post(PAGE)

    new = Token.objects.get().key
    assert new != old
    assert not _works(old)
    assert _works(new)


def test_revoking_the_token_stops_it_working(cast):
    lead = cast[Role.AGENCY_LEAD]
    client = signed_in_client(lead)
    client.post(PAGE)
    key = Token.objects.get(user=lead).key

    response = client.post(REVOKE, follow=True)

    assert TOKEN_REVOKED in response.content.decode()
    assert not Token.objects.filter(user=lead).exists()
    assert not _works(key)


def test_revoking_with_no_token_says_so(cast):
    response = signed_in_client(cast[Role.AGENCY_LEAD]).post(REVOKE, follow=True)
    assert NO_TOKEN_TO_REVOKE in response.content.decode()


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.CHAIR])
def test_accounts_with_a_second_factor_cannot_create_a_token(cast, role):
    response = signed_in_client(cast[role]).post(PAGE)
    assert response.status_code == 403
    assert not Token.objects.exists()


def test_creating_a_token_needs_the_forms_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast[Role.AGENCY_LEAD])
    assert client.post(PAGE).status_code == 403
    assert not Token.objects.exists()


def test_the_page_offers_to_replace_and_revoke_a_token_held(cast):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    assert "Create a token" in client.get(PAGE).content.decode()
    client.post(PAGE)
    page = client.get(PAGE).content.decode()
    assert "Replace the token" in page
    assert "Revoke the token" in page
