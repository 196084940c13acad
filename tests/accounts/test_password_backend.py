"""Signing in checks the password as Django does, but Django's model permission tables grant
nothing: what a person may do comes from the rules over their roles and agency."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from safeboard.accounts.backends import PasswordBackend
from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_a_permission_row_grants_nothing(cast):
    practitioner = cast[Role.PRACTITIONER]
    practitioner.user_permissions.add(Permission.objects.get(codename="view_action"))
    practitioner = type(practitioner).objects.get(pk=practitioner.pk)
    assert not practitioner.has_perm("actions.view_action")
    assert not practitioner.has_perm("actions.list_all_actions")
    assert cast[Role.BUSINESS_MANAGER].has_perm("actions.list_all_actions")  # by rule


def test_the_signed_in_account_comes_with_its_person(cast, django_assert_num_queries):
    manager = cast[Role.BUSINESS_MANAGER]
    with django_assert_num_queries(1):
        user = PasswordBackend().get_user(manager.pk)
        assert user is not None and user.agency_id == cast.home_agency.pk


def test_an_inactive_account_is_not_loaded(db):
    user = UserFactory(is_active=False)
    assert PasswordBackend().get_user(user.pk) is None
    assert PasswordBackend().get_user(10**9) is None


def test_signing_in_with_a_password_still_works(db):
    user = UserFactory(roles=[Role.PRACTITIONER])
    user.set_password("a-long-private-passphrase")
    user.save()
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": user.email, "password": "a-long-private-passphrase"},
    )
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200
