"""Every response carries a Content-Security-Policy that refuses inline scripts without the
response's nonce, and a Permissions-Policy that switches off what SafeBoard never uses."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from safeboard.accounts.roles import Role
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)


def _nonce(policy: str) -> str:
    match = re.search(r"script-src [^;]*'nonce-([^']+)'", policy)
    assert match, policy
    return match.group(1)


def test_the_sign_in_page_refuses_inline_scripts_without_its_nonce():
    response = Client().get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    nonce = _nonce(policy)
    inline = INLINE_SCRIPT.findall(response.text)
    assert inline
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline)


def test_each_response_has_a_fresh_nonce():
    first = _nonce(Client().get(reverse("accounts:login"))["Content-Security-Policy"])
    second = _nonce(Client().get(reverse("accounts:login"))["Content-Security-Policy"])
    assert first != second


def test_a_signed_in_page_carries_its_nonce_on_every_inline_script(cast):
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(reverse("core:home"))
    nonce = _nonce(response["Content-Security-Policy"])
    inline = INLINE_SCRIPT.findall(response.text)
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline)


def test_the_permissions_policy_switches_off_camera_microphone_and_location():
    policy = Client().get(reverse("accounts:login"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_the_api_answers_carry_the_policies_too():
    response = Client().get("/api/schema/", HTTP_AUTHORIZATION="Token not-a-token")
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response
