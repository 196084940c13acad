"""Accounts: made by the business manager, with roles recorded and a password-set email."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.models import RoleAssignment, User
from safeboard.accounts.roles import Role
from safeboard.partnership import account_services as accounts
from safeboard.partnership.factories import PersonFactory

pytestmark = pytest.mark.django_db
SITE = "https://safeboard.example"


def _create(person, roles=(Role.BOARD_MEMBER,), **overrides):
    return accounts.account_create(person=person, roles=roles, site_url=SITE, **overrides)


def test_a_new_account_gets_its_roles_and_an_email_to_set_a_password():
    person = PersonFactory(email="Ann.Lee@Shire.example")
    user = _create(person, roles=[Role.BOARD_MEMBER, Role.LAY_MEMBER])

    assert user.email == "ann.lee@shire.example"
    assert user.roles == {Role.BOARD_MEMBER, Role.LAY_MEMBER}
    assert not user.has_usable_password()
    [email] = mail.outbox
    assert email.to == ["ann.lee@shire.example"]
    assert f"{SITE}/password-reset/" in email.body


def test_the_emailed_link_lets_the_new_user_choose_a_password():
    user = _create(PersonFactory())
    link = re.search(r"https://safeboard\.example(\S+)", mail.outbox[0].body).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    password = "a-long-and-unusual-passphrase"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(password)
    assert not default_token_generator.check_token(user, link.rstrip("/").rsplit("/", 1)[-1])


def test_creating_an_account_is_recorded_in_the_persons_history(manager):
    person = PersonFactory()
    _create(person, roles=[Role.AUDITOR], created_by=manager)
    entry = person.history.first()
    assert entry.history_change_reason == "Account created with roles: Auditor"
    assert entry.history_user == manager


def test_a_person_has_one_account():
    user = UserFactory()
    with pytest.raises(ValidationError, match=accounts.ACCOUNT_ALREADY_EXISTS):
        _create(user.person)
    assert not mail.outbox


def test_an_inactive_person_cannot_get_an_active_account():
    with pytest.raises(ValidationError) as error:
        _create(PersonFactory(is_active=False))
    assert error.value.message_dict["is_active"] == [accounts.INACTIVE_PERSON_CANNOT_SIGN_IN]
    assert not User.objects.filter(person__is_active=False).exists()


def test_an_unknown_role_is_refused():
    with pytest.raises(ValidationError) as error:
        _create(PersonFactory(), roles=["superhero"])
    assert error.value.message_dict["roles"] == [accounts.UNKNOWN_ROLE]


def test_when_the_email_cannot_be_sent_no_account_is_made(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    person = PersonFactory()
    with pytest.raises(ValidationError, match=accounts.EMAIL_NOT_SENT):
        _create(person)
    # The service's own transaction rolled back its writes.
    assert not User.objects.filter(person=person).exists()


def test_role_changes_add_and_remove_rows_and_are_recorded(manager):
    user = UserFactory(roles=[Role.PRACTITIONER, Role.AUDITOR])
    accounts.account_update(
        user=user, roles=[Role.AUDITOR, Role.AGENCY_LEAD], is_active=True, changed_by=manager
    )
    assert set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True)) == {
        Role.AUDITOR,
        Role.AGENCY_LEAD,
    }
    entry = user.person.history.first()
    assert entry.history_change_reason == (
        "Account changed: roles granted: Agency lead or data contact; roles removed: Practitioner"
    )
    assert entry.history_user == manager


def test_an_unchanged_account_records_nothing(manager):
    user = UserFactory(roles=[Role.AUDITOR])
    before = user.person.history.count()
    accounts.account_update(user=user, roles=[Role.AUDITOR], is_active=True, changed_by=manager)
    assert user.person.history.count() == before


def test_the_business_manager_cannot_remove_their_own_manager_role(manager):
    with pytest.raises(ValidationError) as error:
        accounts.account_update(
            user=manager, roles=[Role.CHAIR], is_active=True, changed_by=manager
        )
    assert error.value.message_dict["roles"] == [accounts.CANNOT_REMOVE_OWN_MANAGER_ROLE]
    assert manager.role_assignments.filter(role=Role.BUSINESS_MANAGER).exists()


def test_the_business_manager_cannot_deactivate_their_own_account(manager):
    with pytest.raises(ValidationError) as error:
        accounts.account_update(
            user=manager, roles=[Role.BUSINESS_MANAGER], is_active=False, changed_by=manager
        )
    assert error.value.message_dict["is_active"] == [accounts.CANNOT_DEACTIVATE_OWN_ACCOUNT]


def test_a_new_password_email_can_be_sent_on_request(manager):
    user = UserFactory(roles=[Role.AUDITOR])
    accounts.account_update(
        user=user,
        roles=[Role.AUDITOR],
        is_active=True,
        changed_by=manager,
        send_password_email=True,
        site_url=SITE,
    )
    assert [email.to for email in mail.outbox] == [[user.email]]
