"""Lock-outs count one account from one address, whatever the address's capitals, and the
sign-in and password reset forms are rate-limited per client and per account."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.core.client_address import client_address

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
RESET = reverse("accounts:password_reset")
HOME = reverse("core:home")


def _sign_in(client: Client, email: str, password: str, **headers):
    return client.post(LOGIN, {"username": email, "password": password}, **headers)


def _fail_until_locked(client: Client, email: str, limit: int, **headers) -> None:
    for _ in range(limit):
        _sign_in(client, email, "wrong", **headers)


def test_the_same_address_in_capitals_is_locked_with_the_account(settings):
    user = UserFactory(email="reader@shire.example", roles=[Role.READER])
    client = Client()
    _fail_until_locked(client, "reader@shire.example", settings.AXES_FAILURE_LIMIT)
    response = _sign_in(client, "READER@shire.example", TEST_PASSWORD)
    assert response.status_code == 429
    assert client.get(HOME).status_code == 302
    assert user.email == "reader@shire.example"


def test_one_persons_failures_do_not_lock_out_a_colleague_behind_the_same_address(settings):
    UserFactory(email="typist@shire.example", roles=[Role.PRACTITIONER])
    colleague = UserFactory(email="colleague@shire.example", roles=[Role.PRACTITIONER])
    office = {"REMOTE_ADDR": "198.51.100.7"}
    _fail_until_locked(Client(), "typist@shire.example", settings.AXES_FAILURE_LIMIT, **office)
    client = Client()
    response = _sign_in(client, colleague.email, TEST_PASSWORD, **office)
    assert response.status_code == 302
    assert client.get(HOME).status_code == 200


def test_a_locked_account_stays_locked_from_its_address(settings):
    user = UserFactory(roles=[Role.PRACTITIONER])
    office = {"REMOTE_ADDR": "198.51.100.7"}
    _fail_until_locked(Client(), user.email, settings.AXES_FAILURE_LIMIT, **office)
    assert _sign_in(Client(), user.email, TEST_PASSWORD, **office).status_code == 429


def test_behind_a_trusted_proxy_failures_count_from_the_address_it_reports(settings):
    settings.SAFEBOARD_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    user = UserFactory(roles=[Role.PRACTITIONER])
    # A caller may write anything at the left of the header; the proxy appends the truth.
    for forged in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(
            Client(),
            user.email,
            "wrong",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{forged}, 203.0.113.9",
        )
    locked = _sign_in(
        Client(),
        user.email,
        TEST_PASSWORD,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.9",
    )
    assert locked.status_code == 429
    elsewhere = _sign_in(
        Client(),
        user.email,
        TEST_PASSWORD,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert elsewhere.status_code == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.SAFEBOARD_TRUSTED_PROXY_HEADER = ""
    request = RequestFactory().get(
        "/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.1"
    )
    assert client_address(request) == "198.51.100.7"


def test_the_trusted_proxy_count_picks_the_entry_the_nearest_proxies_did_not_write(settings):
    settings.SAFEBOARD_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.SAFEBOARD_TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9, 10.0.0.1"
    )
    assert client_address(request) == "203.0.113.9"


def test_a_malformed_forwarded_address_falls_back_to_the_connection(settings):
    settings.SAFEBOARD_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert client_address(request) == "10.0.0.2"


def test_password_reset_requests_are_rate_limited_per_account(settings):
    settings.SAFEBOARD_PASSWORD_RESET_RATE = "2/h"
    cache.clear()
    statuses = [
        Client()
        .post(RESET, {"email": "someone@shire.example"}, REMOTE_ADDR=f"192.0.2.{n}")
        .status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_password_reset_requests_are_rate_limited_per_client(settings):
    settings.SAFEBOARD_PASSWORD_RESET_RATE = "2/h"
    cache.clear()
    client = Client()
    statuses = [
        client.post(RESET, {"email": f"person{n}@shire.example"}).status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert "Too many requests" in client.post(RESET, {"email": "x@shire.example"}).text


def test_sign_in_attempts_are_rate_limited_per_client(settings):
    settings.SAFEBOARD_SIGN_IN_RATE = "3/m"
    cache.clear()
    client = Client()
    statuses = [_sign_in(client, f"person{n}@shire.example", "wrong").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
