"""Signing in from the outside: password, lock-out, the second factor, password reset."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
TWO_FACTOR = reverse("accounts:two_factor")
HOME = reverse("core:home")


def _sign_in(client: Client, email: str, password: str = TEST_PASSWORD):
    return client.post(LOGIN, {"username": email, "password": password})


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_practitioner_signs_in_with_email_and_password():
    user = UserFactory(roles=[Role.PRACTITIONER])
    client = Client()
    response = _sign_in(client, user.email)
    assert response.status_code == 302
    assert client.get(HOME).status_code == 200


def test_a_wrong_password_is_refused_with_an_error_summary():
    user = UserFactory(roles=[Role.PRACTITIONER])
    response = _sign_in(Client(), user.email, "not-the-password")
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter a correct email address and password." in response.text


def test_repeated_failures_lock_the_account_even_with_the_right_password(settings):
    user = UserFactory(roles=[Role.PRACTITIONER])
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, user.email, "wrong")
    response = _sign_in(client, user.email)
    assert response.status_code == 429
    assert "locked" in response.text.lower()
    assert client.get(HOME).status_code == 302


def test_the_business_manager_cannot_pass_without_the_second_factor():
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    client = Client()
    _sign_in(client, manager.email)
    response = client.get(reverse("actions:all"))
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR)


def test_first_sign_in_enrols_an_authenticator_then_the_code_lets_the_manager_in():
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    client = Client()
    _sign_in(client, manager.email)
    page = client.get(TWO_FACTOR)
    assert page.status_code == 200
    assert "<svg" in page.text  # the QR code to scan
    device = TOTPDevice.objects.get(user=manager)
    assert not device.confirmed

    response = client.post(TWO_FACTOR, {"token": _current_code(device), "next": HOME})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("actions:all")).status_code == 200


def test_a_wrong_code_is_refused_and_the_device_stays_unconfirmed():
    chair = UserFactory(roles=[Role.CHAIR])
    client = Client()
    _sign_in(client, chair.email)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=chair)
    wrong = f"{(int(_current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(TWO_FACTOR, {"token": wrong})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    device.refresh_from_db()
    assert not device.confirmed


def test_two_factor_does_not_redirect_off_site():
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    client = Client()
    _sign_in(client, manager.email)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=manager)
    response = client.post(
        TWO_FACTOR, {"token": _current_code(device), "next": "https://attacker.example/"}
    )
    assert response["Location"] == "/"


def test_password_reset_sends_a_link_that_sets_a_new_password():
    user = UserFactory(roles=[Role.PRACTITIONER])
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new_password = "a-long-new-passphrase-2026"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing():
    response = Client().post(
        reverse("accounts:password_reset"), {"email": "nobody@example.test"}, follow=True
    )
    assert response.status_code == 200
    assert mail.outbox == []


def test_sign_out_needs_a_post():
    user = UserFactory(roles=[Role.PRACTITIONER])
    client = Client()
    client.force_login(user)
    confirm = client.get(reverse("accounts:logout"))
    assert confirm.status_code == 200 and "Sign out" in confirm.text
    assert client.get(HOME).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(HOME).status_code == 302


def test_a_forged_sign_in_without_csrf_token_is_refused():
    user = UserFactory(roles=[Role.PRACTITIONER])
    client = Client(enforce_csrf_checks=True)
    response = _sign_in(client, user.email)
    assert response.status_code == 403
