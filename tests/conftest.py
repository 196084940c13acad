"""Shared fixtures: one signed-in account for every role, in two agencies."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, settings

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from tests.reference_data import restore_reference_data

pytest_plugins = ["tests.one_day"]

# A busy machine must not fail a property for being slow: speed is measured in bench/, and a
# test that sometimes fails on load teaches people to ignore failures.
settings.register_profile("safeboard", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("safeboard")


@dataclass
class Cast:
    """The people of a small partnership: `home` agency staff in every role, and an outsider."""

    home_agency: Agency
    other_agency: Agency
    by_role: dict[str, User]
    other_agency_lead: User
    no_role: User

    def __getitem__(self, role: str) -> User:
        return self.by_role[role]


@pytest.fixture
def cast(db) -> Cast:
    home = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    other = AgencyFactory(name="Shire NHS Foundation Trust", type=Agency.Type.HEALTH_TRUST)
    by_role = {
        role: UserFactory(
            person=PersonFactory(agency=home, email=f"{role}@home.example.test"), roles=[role]
        )
        for role in Role.values
    }
    other_lead = UserFactory(
        person=PersonFactory(agency=other, email="lead@other.example.test"),
        roles=[Role.AGENCY_LEAD],
    )
    no_role = UserFactory(person=PersonFactory(agency=home, email="norole@home.example.test"))
    return Cast(home, other, by_role, other_lead, no_role)


def signed_in_client(user: User) -> Client:
    """A client signed in as `user`, past the second factor where the role needs one."""
    client = Client()
    client.force_login(user)
    if user.requires_two_factor:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def client_for():
    return signed_in_client


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table, seeded rows included; put them
    back at once, so the tests that this worker runs next meet a database as installed."""
    yield
    # After the last test the session's fixtures have removed the test database itself.
    if nextitem is not None and _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request):
    """Transactional tests start from a flushed database: give them the seeded rows back."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        restore_reference_data()
