"""The public registration pages, and the training team's page of agency email domains."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.learning.factories import AgencyDomainFactory, JobRoleFactory
from safeboard.learning.models import AgencyDomain, Learner
from safeboard.learning.registration import services as registration
from safeboard.learning.registration.forms import PASSWORDS_DIFFER
from safeboard.learning.registration.views import SUBDOMAINS_ALLOWED, TOO_MANY_REQUESTS
from safeboard.partnership.factories import AgencyFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def role():
    AgencyDomainFactory(agency=AgencyFactory(name="Shire Constabulary"), domain="police.example")
    return JobRoleFactory(name="Police officer")


def _register(client: Client, email: str, role, **extra):
    data = {"full_name": "Jo Bloggs", "email": email, "job_role": role.pk}
    return client.post(reverse("learning:register"), data, **extra)


def _confirm_link() -> str:
    body = mail.outbox[-1].body
    return next(line for line in body.splitlines() if "/training/register/confirm/" in line)


def test_the_sign_in_page_offers_registration(client):
    response = client.get(reverse("accounts:login"))
    assert reverse("learning:register").encode() in response.content
    assert b"Register for training" in response.content


def test_anyone_can_open_the_registration_page(client, role):
    response = client.get(reverse("learning:register"))
    assert response.status_code == 200
    assert b"Police officer" in response.content


def test_registering_sends_a_link_and_says_so(client, role):
    response = _register(client, "jo.bloggs@police.example", role)
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:register_sent")
    assert mail.outbox[0].to == ["jo.bloggs@police.example"]
    assert b"We have sent a link" in client.get(response["Location"]).content


def test_an_address_with_an_account_gets_the_same_answer_on_screen(client, role):
    UserFactory(person=None, email="jo.bloggs@police.example")
    response = _register(client, "jo.bloggs@police.example", role)
    assert response["Location"] == reverse("learning:register_sent")
    assert "You already have an account" in mail.outbox[0].body


def test_an_unknown_domain_is_refused_on_the_form(client, role):
    response = _register(client, "jo@elsewhere.example", role)
    assert response.status_code == 400
    assert "Addresses ending @elsewhere.example are not at an agency" in response.text
    assert mail.outbox == []


def test_a_missing_role_is_refused_on_the_form(client, role):
    response = client.post(
        reverse("learning:register"), {"full_name": "Jo", "email": "jo@police.example"}
    )
    assert response.status_code == 400
    assert mail.outbox == []


def test_too_many_registrations_from_one_network_are_refused(client, role):
    for number in range(registration.REQUESTS_PER_CLIENT):
        _register(client, f"person{number}@police.example", role)
    response = _register(client, "one.more@police.example", role)
    assert response.status_code == 429
    assert TOO_MANY_REQUESTS in response.text
    assert len(mail.outbox) == registration.REQUESTS_PER_CLIENT


def test_the_link_leads_to_choosing_a_password_then_the_catalogue(client, role):
    _register(client, "jo.bloggs@police.example", role)
    link = _confirm_link()
    page = client.get(link)
    assert page.status_code == 200
    assert "Shire Constabulary" in page.text
    token = link.split("?token=", 1)[1]
    response = client.post(link, {"token": token, "password": PASSWORD, "password_again": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:course_list")
    user = User.objects.get(email="jo.bloggs@police.example")
    assert user.has_role(Role.PRACTITIONER)
    assert Learner.objects.get(user=user).agency.name == "Shire Constabulary"
    assert client.get(reverse("learning:course_list")).status_code == 200
    assert client.get(reverse("core:home")).status_code == 200


def test_passwords_that_differ_are_refused_and_nothing_is_made(client, role):
    _register(client, "jo.bloggs@police.example", role)
    link = _confirm_link()
    token = link.split("?token=", 1)[1]
    response = client.post(
        link, {"token": token, "password": PASSWORD, "password_again": PASSWORD + "x"}
    )
    assert response.status_code == 400
    assert PASSWORDS_DIFFER in response.text
    assert not User.objects.exists()


def test_a_used_link_says_to_sign_in(client, role):
    _register(client, "jo.bloggs@police.example", role)
    link = _confirm_link()
    token = link.split("?token=", 1)[1]
    client.post(link, {"token": token, "password": PASSWORD, "password_again": PASSWORD})
    response = Client().get(link)
    assert response.status_code == 200
    assert "You already have an account" in response.text


def test_a_broken_link_explains_what_to_do(client):
    response = client.get(reverse("learning:register_confirm") + "?token=nonsense")
    assert response.status_code == 200
    assert registration.LINK_INVALID in response.text


def test_the_training_team_adds_a_domain(cast):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    response = client.post(
        reverse("learning:agency_domains"),
        {"agency": cast.home_agency.pk, "domain": "Shire-Police.example"},
    )
    assert response.status_code == 302
    assert AgencyDomain.objects.get().domain == "shire-police.example"


def test_a_bad_domain_is_refused_on_the_form_and_nothing_is_added(cast):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    response = client.post(
        reverse("learning:agency_domains"), {"agency": cast.home_agency.pk, "domain": "a@b.c"}
    )
    assert response.status_code == 400
    assert registration.DOMAIN_FORMAT in response.text
    assert not AgencyDomain.objects.exists()


def test_registering_with_a_quoted_address_is_refused_on_the_form(client, role):
    response = _register(client, '"a@b"@police.example', role)
    assert response.status_code == 400
    assert escape(registration.UNUSUAL_LOCAL_PART) in response.text
    assert mail.outbox == []


def test_registering_from_a_subdomain_is_refused_until_the_team_allows_it(client, cast, role):
    refused = _register(client, "jo@mail.police.example", role)
    assert refused.status_code == 400
    assert mail.outbox == []

    record = AgencyDomain.objects.get(domain="police.example")
    team = signed_in_client(cast[Role.LEARNING_OFFICER])
    allowed = team.post(
        reverse("learning:agency_domain_subdomains", kwargs={"pk": record.pk}),
        {"allow": "on"},
        follow=True,
    )
    assert SUBDOMAINS_ALLOWED.format(domain="police.example") in allowed.text

    assert _register(client, "jo@mail.police.example", role).status_code == 302
    assert mail.outbox[0].to == ["jo@mail.police.example"]


def test_the_training_team_stops_a_domains_subdomains_registering(cast):
    record = AgencyDomainFactory(agency=cast.home_agency, allow_subdomains=True)
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    response = client.post(reverse("learning:agency_domain_subdomains", kwargs={"pk": record.pk}))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.allow_subdomains is False


def test_the_training_team_adds_a_domain_whose_subdomains_may_register(cast):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    client.post(
        reverse("learning:agency_domains"),
        {"agency": cast.home_agency.pk, "domain": "police.example", "allow_subdomains": "on"},
    )
    assert AgencyDomain.objects.get().allow_subdomains is True


def test_the_training_team_removes_a_domain(cast):
    record = AgencyDomainFactory(agency=cast.home_agency)
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    response = client.post(reverse("learning:agency_domain_remove", kwargs={"pk": record.pk}))
    assert response.status_code == 302
    assert not AgencyDomain.objects.exists()
