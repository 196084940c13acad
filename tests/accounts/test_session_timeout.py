"""Signing out after the idle limit and the absolute lifetime, and the warning before it."""

from __future__ import annotations

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.accounts.session_timeout import (
    IDLE_SIGN_OUT,
    LAST_ACTIVE_AT,
    LIFETIME_SIGN_OUT,
    SIGNED_IN_AT,
    now_timestamp,
    seconds_left,
    sign_out_reason,
)
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
ACCOUNT = reverse("accounts:account")
KEEP_ALIVE = reverse("accounts:keep_alive")
SESSION_STATUS = reverse("accounts:session_status")
MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def user():
    return UserFactory(roles=[Role.PRACTITIONER])


@pytest.fixture
def client(user) -> Client:
    client = signed_in_client(user)
    assert client.get(ACCOUNT).status_code == 200  # the first request records the sign-in
    return client


def _set_times(client: Client, *, signed_in_ago: int, last_active_ago: int) -> None:
    session = client.session
    now = now_timestamp()
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_ACTIVE_AT] = now - last_active_ago
    session.save()


def _signed_out(client: Client) -> bool:
    return client.get(ACCOUNT)["Location"].startswith(LOGIN)


def test_the_first_request_after_signing_in_records_the_sign_in_and_the_activity(client):
    session = client.session
    assert now_timestamp() - session[SIGNED_IN_AT] < MINUTE
    assert session[LAST_ACTIVE_AT] == session[SIGNED_IN_AT]


def test_a_user_idle_past_the_limit_is_signed_out_and_sent_to_sign_in_saying_why(client):
    _set_times(client, signed_in_ago=2 * HOUR, last_active_ago=31 * MINUTE)
    response = client.get(ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={ACCOUNT}"
    sign_in_page = client.get(response["Location"]).content.decode()
    assert IDLE_SIGN_OUT.format(minutes=30) in sign_in_page
    assert "not done anything for 30 minutes" in sign_in_page
    assert _signed_out(client)


def test_a_user_active_within_the_limit_is_served_and_their_activity_refreshed(client):
    _set_times(client, signed_in_ago=2 * HOUR, last_active_ago=29 * MINUTE)
    before = now_timestamp()
    assert client.get(ACCOUNT).status_code == 200
    assert client.session[LAST_ACTIVE_AT] >= before
    assert now_timestamp() - client.session[SIGNED_IN_AT] >= 2 * HOUR


def test_a_busy_user_is_signed_out_once_the_absolute_lifetime_has_passed(client):
    _set_times(client, signed_in_ago=12 * HOUR + MINUTE, last_active_ago=MINUTE)
    response = client.get(ACCOUNT)
    assert response["Location"] == f"{LOGIN}?next={ACCOUNT}"
    sign_in_page = client.get(response["Location"]).content.decode()
    assert LIFETIME_SIGN_OUT.format(hours=12) in sign_in_page
    assert "because you signed in more than 12 hours ago" in sign_in_page
    assert _signed_out(client)


def test_the_idle_limit_comes_from_the_setting(client, settings):
    settings.SAFEBOARD_SESSION_IDLE_MINUTES = 5
    _set_times(client, signed_in_ago=HOUR, last_active_ago=6 * MINUTE)
    response = client.get(ACCOUNT, follow=True)
    assert IDLE_SIGN_OUT.format(minutes=5) in response.content.decode()


def test_a_public_page_opened_after_the_idle_limit_is_shown_signed_out(client):
    _set_times(client, signed_in_ago=HOUR, last_active_ago=31 * MINUTE)
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert IDLE_SIGN_OUT.format(minutes=30) in response.content.decode()
    assert _signed_out(client)


def test_signed_out_visitors_are_not_timed_out():
    response = Client().get(LOGIN)
    assert response.status_code == 200
    assert "You were signed out" not in response.content.decode()


def test_keep_alive_needs_a_signed_in_user(db):
    response = Client().post(KEEP_ALIVE)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def _csrf_client(user) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get(ACCOUNT).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client, token


def test_keep_alive_refuses_a_post_without_the_csrf_token(user):
    client, _ = _csrf_client(user)
    assert client.post(KEEP_ALIVE).status_code == 403


def test_keep_alive_with_the_csrf_token_refreshes_the_last_activity(user):
    client, token = _csrf_client(user)
    # Ten seconds ago is too recent for an ordinary page to write it again; staying is explicit.
    _set_times(client, signed_in_ago=HOUR, last_active_ago=10)
    before = now_timestamp()
    response = client.post(KEEP_ALIVE, {"csrfmiddlewaretoken": token})
    assert response.status_code == 204
    assert client.session[LAST_ACTIVE_AT] >= before


def test_keep_alive_after_the_idle_limit_signs_out_instead(user):
    client, token = _csrf_client(user)
    _set_times(client, signed_in_ago=HOUR, last_active_ago=31 * MINUTE)
    response = client.post(KEEP_ALIVE, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert _signed_out(client)


def test_the_warnings_status_check_does_not_count_as_activity(client):
    _set_times(client, signed_in_ago=HOUR, last_active_ago=10 * MINUTE)
    recorded = client.session[LAST_ACTIVE_AT]
    response = client.get(SESSION_STATUS)
    assert response.status_code == 200
    assert 20 * MINUTE - 5 <= response.json()["seconds_left"] <= 20 * MINUTE
    assert client.session[LAST_ACTIVE_AT] == recorded


def test_the_status_check_counts_down_to_the_lifetime_when_that_comes_first(client):
    _set_times(client, signed_in_ago=12 * HOUR - 5 * MINUTE, last_active_ago=10 * MINUTE)
    seconds_left = client.get(SESSION_STATUS).json()["seconds_left"]
    assert 5 * MINUTE - 5 <= seconds_left <= 5 * MINUTE


def _session_times(*, signed_in_at: int, last_active_at: int) -> SessionStore:
    session = SessionStore()
    session[SIGNED_IN_AT] = signed_in_at
    session[LAST_ACTIVE_AT] = last_active_at
    return session


def test_a_session_is_signed_out_the_moment_its_idle_time_is_up():
    now = now_timestamp()
    session = _session_times(signed_in_at=now - HOUR, last_active_at=now - 30 * MINUTE)
    assert seconds_left(session, now=now) == 0
    assert sign_out_reason(session, now=now) == IDLE_SIGN_OUT.format(minutes=30)


def test_a_session_is_signed_out_the_moment_its_lifetime_is_up():
    now = now_timestamp()
    session = _session_times(signed_in_at=now - 12 * HOUR, last_active_at=now - MINUTE)
    assert seconds_left(session, now=now) == 0
    assert sign_out_reason(session, now=now) == LIFETIME_SIGN_OUT.format(hours=12)


def test_a_session_with_a_second_left_goes_on():
    now = now_timestamp()
    session = _session_times(signed_in_at=now - HOUR, last_active_at=now - 30 * MINUTE + 1)
    assert seconds_left(session, now=now) == 1
    assert sign_out_reason(session, now=now) is None


def _dialog(page: str) -> str:
    match = re.search(r"<dialog[^>]*>", page)
    assert match, "no timeout warning dialog on the page"
    return match.group(0)


def test_a_signed_in_users_page_has_the_timeout_warning_with_its_timings(client):
    _set_times(client, signed_in_ago=HOUR, last_active_ago=10)
    page = client.get(ACCOUNT).content.decode()
    dialog = _dialog(page)
    seconds_left = int(re.search(r'data-seconds-left="(\d+)"', dialog).group(1))
    assert 30 * MINUTE - 15 <= seconds_left <= 30 * MINUTE - 10
    assert 'data-warning-seconds="120"' in dialog
    assert 'data-idle-seconds="1800"' in dialog
    assert f'data-status-url="{SESSION_STATUS}"' in dialog
    assert f'data-timeout-url="{ACCOUNT}"' in dialog
    assert 'id="timeout-warning"' in dialog
    assert f'action="{KEEP_ALIVE}"' in page
    assert "accounts/timeout-warning.js" in page


def test_the_warning_is_hidden_until_the_script_opens_it(client):
    assert " open" not in _dialog(client.get(ACCOUNT).content.decode())


def test_a_signed_out_visitors_page_has_no_timeout_warning(db):
    page = Client().get(LOGIN).content.decode()
    assert "<dialog" not in page
    assert 'id="timeout-warning"' not in page
