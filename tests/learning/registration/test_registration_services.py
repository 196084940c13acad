"""Registering for training: the agency comes from the email domain, a signed link proves the
address, and nothing tells a stranger whether an address already has an account."""

from __future__ import annotations

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.learning.factories import AgencyDomainFactory, JobRoleFactory, LearnerFactory
from safeboard.learning.models import AgencyDomain, Learner
from safeboard.learning.registration import services as registration
from safeboard.partnership.factories import AgencyFactory

pytestmark = pytest.mark.django_db

CONFIRM_URL = "http://testserver/training/register/confirm/"
SIGN_IN_URL = "http://testserver/sign-in/"
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def police():
    agency = AgencyFactory(name="Shire Constabulary")
    AgencyDomainFactory(agency=agency, domain="police.example")
    return agency


@pytest.fixture
def social_worker():
    return JobRoleFactory(name="Social worker")


def _request(email: str, role, name: str = "Jo Bloggs") -> None:
    registration.registration_request(
        full_name=name, email=email, job_role=role, confirm_url=CONFIRM_URL, sign_in_url=SIGN_IN_URL
    )


def _token_in(message) -> str:
    link = next(line for line in message.body.splitlines() if line.startswith(CONFIRM_URL))
    return link.split("?token=", 1)[1]


def test_the_agency_is_the_one_whose_domain_the_address_is_at(police):
    assert registration.agency_for_email("jo.bloggs@police.example") == police


def test_an_address_at_a_subdomain_is_not_the_agencys_unless_its_domain_allows_them(police):
    assert registration.agency_for_email("jo.bloggs@mail.police.example") is None
    assert registration.agency_for_email("jo.bloggs@anyone.mail.police.example") is None


def test_an_address_at_a_subdomain_belongs_to_the_agency_where_its_domain_allows_them(police):
    registration.agency_domain_set_subdomains(
        record=AgencyDomain.objects.get(domain="police.example"), allow=True
    )
    assert registration.agency_for_email("jo.bloggs@mail.police.example") == police


def test_an_address_at_a_subdomain_not_allowed_is_refused_and_gets_no_link(police, social_worker):
    with pytest.raises(ValidationError) as error:
        _request("jo@attacker.police.example", social_worker)
    assert error.value.message_dict["email"] == [
        registration.UNKNOWN_DOMAIN.format(domain="attacker.police.example")
    ]
    assert mail.outbox == []


@pytest.mark.parametrize(
    "email",
    [
        '"a@b"@police.example',
        '"jo bloggs"@police.example',
        ".jo@police.example",
        "jo.@police.example",
        "jo..bloggs@police.example",
        "jo(work)@police.example",
        "j\u00f6@police.example",
    ],
)
def test_an_address_with_an_unusual_local_part_is_refused_and_gets_no_link(
    police, social_worker, email
):
    with pytest.raises(ValidationError) as error:
        _request(email, social_worker)
    assert error.value.message_dict["email"] == [registration.UNUSUAL_LOCAL_PART]
    assert mail.outbox == []


def test_an_address_with_the_usual_symbols_gets_a_link(police, social_worker):
    _request("jo.o'neill+training@police.example", social_worker)
    assert mail.outbox[0].to == ["jo.o'neill+training@police.example"]


def test_a_link_for_an_unusual_address_made_before_the_rule_cannot_be_confirmed(
    police, social_worker
):
    pending = registration.Pending("Jo Bloggs", '"a@b"@police.example', social_worker.pk)
    with pytest.raises(ValidationError) as error:
        registration.registration_confirm(pending=pending, password=PASSWORD)
    assert error.value.messages == [registration.UNUSUAL_LOCAL_PART]
    assert not User.objects.exists()


def test_the_most_specific_domain_wins():
    council = AgencyFactory(name="Shire Council")
    youth_justice = AgencyFactory(name="Shire Youth Justice Service")
    AgencyDomainFactory(agency=council, domain="shire.example")
    AgencyDomainFactory(agency=youth_justice, domain="yjs.shire.example")
    assert registration.agency_for_email("a.b@yjs.shire.example") == youth_justice
    assert registration.agency_for_email("a.b@shire.example") == council


def test_a_lookalike_domain_is_not_the_agencys(police):
    assert registration.agency_for_email("jo@notpolice.example") is None
    assert registration.agency_for_email("jo@police.example.evil") is None


def test_a_new_address_gets_a_link_to_finish_registering(police, social_worker):
    _request("Jo.Bloggs@Police.example", social_worker)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jo.bloggs@police.example"]
    pending = registration.pending_from_token(_token_in(message))
    assert pending == registration.Pending(
        "Jo Bloggs", "jo.bloggs@police.example", social_worker.pk
    )
    assert pending.agency == police
    assert not User.objects.exists()


def test_an_address_at_an_unknown_domain_is_refused_with_the_reason(police, social_worker):
    with pytest.raises(ValidationError) as error:
        _request("jo@gmail.example", social_worker)
    assert error.value.message_dict["email"] == [
        registration.UNKNOWN_DOMAIN.format(domain="gmail.example")
    ]
    assert mail.outbox == []


def test_an_address_with_an_account_is_told_so_instead_of_getting_a_link(police, social_worker):
    UserFactory(person=None, email="jo.bloggs@police.example")
    _request("jo.bloggs@police.example", social_worker)
    assert len(mail.outbox) == 1
    assert "You already have an account" in mail.outbox[0].body
    assert CONFIRM_URL not in mail.outbox[0].body


def test_one_address_gets_at_most_three_emails_an_hour(police, social_worker):
    for _ in range(registration.EMAILS_PER_ADDRESS + 2):
        _request("jo.bloggs@police.example", social_worker)
    assert len(mail.outbox) == registration.EMAILS_PER_ADDRESS


def test_confirming_makes_a_practitioner_account_and_a_learner(police, social_worker):
    pending = registration.Pending("Jo Bloggs", "jo.bloggs@police.example", social_worker.pk)
    user = registration.registration_confirm(pending=pending, password=PASSWORD)
    assert user.check_password(PASSWORD)
    assert user.roles == {Role.PRACTITIONER}
    assert user.person_id is None
    learner = Learner.objects.get(user=user)
    assert (learner.full_name, learner.email, learner.agency, learner.job_role) == (
        "Jo Bloggs",
        "jo.bloggs@police.example",
        police,
        social_worker,
    )
    assert learner.email_confirmed_at is not None


def test_confirming_links_the_learner_a_manager_already_booked(police, social_worker):
    existing = LearnerFactory(
        email="jo.bloggs@police.example", full_name="Joanne Bloggs", agency=police
    )
    pending = registration.Pending("Jo Bloggs", "jo.bloggs@police.example", social_worker.pk)
    user = registration.registration_confirm(pending=pending, password=PASSWORD)
    existing.refresh_from_db()
    assert existing.user == user
    assert Learner.objects.count() == 1


def test_a_weak_password_is_refused_and_nothing_is_made(police, social_worker):
    pending = registration.Pending("Jo Bloggs", "jo.bloggs@police.example", social_worker.pk)
    with pytest.raises(ValidationError):
        registration.registration_confirm(pending=pending, password="12345678")
    assert not User.objects.exists()
    assert not Learner.objects.exists()


def test_a_link_cannot_be_used_twice(police, social_worker):
    _request("jo.bloggs@police.example", social_worker)
    token = _token_in(mail.outbox[0])
    pending = registration.pending_from_token(token)
    registration.registration_confirm(pending=pending, password=PASSWORD)
    with pytest.raises(ValidationError) as error:
        registration.pending_from_token(token)
    assert error.value.messages == [registration.ALREADY_REGISTERED]
    assert error.value.code == "registered"


def test_an_altered_link_is_not_valid(police, social_worker):
    _request("jo.bloggs@police.example", social_worker)
    token = _token_in(mail.outbox[0])
    with pytest.raises(ValidationError) as error:
        registration.pending_from_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert error.value.messages == [registration.LINK_INVALID]


def test_a_link_expires_after_three_days(police, social_worker, monkeypatch):
    _request("jo.bloggs@police.example", social_worker)
    token = _token_in(mail.outbox[0])
    now = signing.time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + 3 * 24 * 60 * 60 + 60)
    with pytest.raises(ValidationError) as error:
        registration.pending_from_token(token)
    assert error.value.messages == [registration.LINK_EXPIRED]


def test_a_domain_is_added_in_lower_case_without_an_at(police):
    record = registration.agency_domain_add(agency=police, domain=" @Health.Example ")
    assert record.domain == "health.example"
    assert record.allow_subdomains is False


@pytest.mark.parametrize("domain", ["police", "jo@police.org", "two words.example", "a..b"])
def test_a_domain_in_the_wrong_format_is_refused(police, domain):
    with pytest.raises(ValidationError) as error:
        registration.agency_domain_add(agency=police, domain=domain)
    assert error.value.message_dict["domain"] == [registration.DOMAIN_FORMAT]
    assert AgencyDomain.objects.count() == 1


def test_a_domain_of_another_agency_is_refused_naming_it(police):
    with pytest.raises(ValidationError) as error:
        registration.agency_domain_add(agency=AgencyFactory(), domain="police.example")
    assert error.value.message_dict["domain"] == [
        registration.DOMAIN_TAKEN.format(domain="police.example", agency="Shire Constabulary")
    ]
