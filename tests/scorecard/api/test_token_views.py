"""The API token page: a data contact creates, lists and revokes their own tokens."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from knox.crypto import hash_token
from knox.models import AuthToken
from rest_framework.test import APIClient

from safeboard.accounts.roles import Role
from safeboard.scorecard.api import tokens
from safeboard.scorecard.api.auth import TOKEN_WITHOUT_EXPIRY
from safeboard.scorecard.api.token_views import (
    NO_TOKEN_TO_REVOKE,
    TOKEN_REVOKED,
    TOKENS_REVOKED,
)
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

PAGE = reverse("scorecard:api_token")
REVOKE = reverse("scorecard:api_token_revoke")
REVOKE_ALL = reverse("scorecard:api_token_revoke_all")


def _call(key: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(reverse("api:indicator_list"))


def _works(key: str) -> bool:
    return _call(key).status_code == 200


def _key_shown(response) -> str:
    """The new key, read from the page that created it (SafeBoard cannot tell it otherwise)."""
    record = AuthToken.objects.order_by("-created").first()
    page = response.content.decode()
    start = page.index(record.token_key)
    return page[start : start + settings.REST_KNOX.get("AUTH_TOKEN_CHARACTER_LENGTH", 64)]


def test_a_data_contact_creates_a_token_and_is_shown_it_once(cast):
    client = signed_in_client(cast[Role.AGENCY_LEAD])

    created = client.post(PAGE)

    key = _key_shown(created)
    assert created.status_code == 200
    assert created["Cache-Control"] == "no-store"
    assert _works(key)
    assert key not in client.get(PAGE).content.decode()


def test_only_a_digest_of_the_key_is_stored(cast):
    issued = tokens.api_token_issue(user=cast[Role.AGENCY_LEAD])

    stored = AuthToken.objects.filter(user=cast[Role.AGENCY_LEAD]).values().get()
    assert stored["digest"] == hash_token(issued.key)
    assert not any(issued.key in str(value) for value in stored.values())


def test_a_new_token_expires_after_the_configured_days_and_the_page_says_when(cast):
    response = signed_in_client(cast[Role.AGENCY_LEAD]).post(PAGE)

    token = AuthToken.objects.get()
    assert token.expiry - token.created == pytest.approx(
        settings.REST_KNOX["TOKEN_TTL"], abs=datetime.timedelta(seconds=5)
    )
    assert settings.REST_KNOX["TOKEN_TTL"] == datetime.timedelta(days=90)
    local_expiry = timezone.localtime(token.expiry)
    assert f"It expires on {local_expiry:%-d %B %Y}" in response.content.decode()


def test_an_expired_token_is_refused_with_401(cast):
    issued = tokens.api_token_issue(user=cast[Role.AGENCY_LEAD])
    AuthToken.objects.update(expiry=timezone.now() - datetime.timedelta(seconds=1))

    assert _call(issued.key).status_code == 401


def test_a_token_without_an_expiry_is_refused_with_401(cast):
    _, key = AuthToken.objects.create(user=cast[Role.AGENCY_LEAD], expiry=None)

    response = _call(key)

    assert response.status_code == 401
    assert response.json()["detail"] == TOKEN_WITHOUT_EXPIRY


def test_the_page_lists_each_token_by_the_start_of_its_key_with_its_expiry(cast):
    lead = cast[Role.AGENCY_LEAD]
    first = tokens.api_token_issue(user=lead)
    second = tokens.api_token_issue(user=lead)

    page = signed_in_client(lead).get(PAGE).content.decode()

    for issued in (first, second):
        assert issued.key[: tokens.SHOWN_PREFIX_LENGTH] in page
        assert issued.key not in page
        assert f"{timezone.localtime(issued.record.expiry):%-d %B %Y}" in page


def test_revoking_one_token_stops_it_working_and_leaves_the_others(cast):
    lead = cast[Role.AGENCY_LEAD]
    old = tokens.api_token_issue(user=lead)
    new = tokens.api_token_issue(user=lead)

    response = signed_in_client(lead).post(REVOKE, {"token": old.record.token_key}, follow=True)

    assert TOKEN_REVOKED in response.content.decode()
    assert not _works(old.key)
    assert _works(new.key)


def test_revoking_all_tokens_stops_every_one_working(cast):
    lead = cast[Role.AGENCY_LEAD]
    keys = [tokens.api_token_issue(user=lead).key for _ in range(2)]

    response = signed_in_client(lead).post(REVOKE_ALL, follow=True)

    assert TOKENS_REVOKED in response.content.decode()
    assert not AuthToken.objects.filter(user=lead).exists()
    assert not any(_works(key) for key in keys)


def test_another_agencys_lead_cannot_revoke_your_token(cast):
    issued = tokens.api_token_issue(user=cast[Role.AGENCY_LEAD])

    response = signed_in_client(cast.other_agency_lead).post(
        REVOKE, {"token": issued.record.token_key}
    )

    assert response.status_code == 404
    assert _works(issued.key)


def test_revoking_all_with_no_token_says_so(cast):
    response = signed_in_client(cast[Role.AGENCY_LEAD]).post(REVOKE_ALL, follow=True)
    assert NO_TOKEN_TO_REVOKE in response.content.decode()


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.CHAIR])
def test_accounts_with_a_second_factor_cannot_create_a_token(cast, role):
    response = signed_in_client(cast[role]).post(PAGE)
    assert response.status_code == 403
    assert not AuthToken.objects.exists()


def test_creating_a_token_needs_the_forms_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast[Role.AGENCY_LEAD])
    assert client.post(PAGE).status_code == 403
    assert not AuthToken.objects.exists()


def test_the_page_offers_to_revoke_the_tokens_held(cast):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    assert "Revoke all your tokens" not in client.get(PAGE).content.decode()
    client.post(PAGE)
    page = client.get(PAGE).content.decode()
    assert "Create a token" in page
    assert "Revoke the token starting" in page
    assert "Revoke all your tokens" in page
