"""Every change to a person's account: creating it, its roles, and whether it may sign in.

The business manager makes accounts; nobody chooses a password for anyone else. A new account
has no usable password and its owner gets an email with a link to set one, made by Django's
password reset tokens and opened by the password reset confirmation page. A role change adds
or removes RoleAssignment rows (each granted role keeps when it was granted) and writes an
entry with a reason, and who made it, into the person's history.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from safeboard.accounts.models import RoleAssignment, User
from safeboard.accounts.roles import Role
from safeboard.core.history import history_reason
from safeboard.core.notify import EmailNotSent, send_email

from .models import Person

ACCOUNT_ALREADY_EXISTS = "This person already has an account."
EMAIL_IN_USE = "Another account already signs in with this person\u2019s email address."
INACTIVE_PERSON_CANNOT_SIGN_IN = (
    "This person is no longer active, so their account cannot be active. "
    "Make the person active first."
)
UNKNOWN_ROLE = "Choose roles from the list."
CANNOT_REMOVE_OWN_MANAGER_ROLE = (
    "You cannot remove your own business manager role: ask another business manager."
)
CANNOT_DEACTIVATE_OWN_ACCOUNT = "You cannot deactivate your own account."
EMAIL_NOT_SENT = (
    "The email to set a password could not be sent, so nothing was saved. Try again later."
)


def _check_roles(roles: Iterable[str]) -> set[str]:
    roles = set(roles)
    if not roles <= set(Role.values):
        raise ValidationError({"roles": UNKNOWN_ROLE})
    return roles


def _check_can_sign_in(person: Person, is_active: bool) -> None:
    if is_active and not person.is_active:
        raise ValidationError({"is_active": INACTIVE_PERSON_CANNOT_SIGN_IN})


def _check_email_free(email: str, user: User | None = None) -> None:
    clashes = User.objects.filter(email__iexact=email)
    if user is not None:
        clashes = clashes.exclude(pk=user.pk)
    if clashes.exists():
        raise ValidationError(EMAIL_IN_USE)


def _role_labels(roles: Iterable[str]) -> str:
    return ", ".join(Role(role).label for role in sorted(roles)) or "none"


def _record_on_person(person: Person, reason: str, changed_by: User | None) -> None:
    """An entry in the person's History tab; the person's own fields are not rewritten."""
    Person.history.bulk_history_create(
        [person], update=True, default_user=changed_by, default_change_reason=history_reason(reason)
    )


def _set_roles(user: User, roles: set[str]) -> tuple[set[str], set[str]]:
    current = set(user.role_assignments.values_list("role", flat=True))
    granted, removed = roles - current, current - roles
    user.role_assignments.filter(role__in=removed).delete()
    RoleAssignment.objects.bulk_create(RoleAssignment(user=user, role=role) for role in granted)
    user.__dict__.pop("roles", None)  # forget the cached role set
    return granted, removed


def _send_password_set_email(user: User, site_url: str) -> None:
    link = site_url.rstrip("/") + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "link": link,
        "days_valid": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
    }
    subject = render_to_string("partnership/email/account_created_subject.txt", context)
    body = render_to_string("partnership/email/account_created.txt", context)
    try:
        send_email(to=[user.email], subject=" ".join(subject.split()), body=body)
    except EmailNotSent:
        # Raised inside the transaction, so the account is not left without its email.
        raise ValidationError(EMAIL_NOT_SENT)


@transaction.atomic
def account_create(
    *,
    person: Person,
    roles: Iterable[str],
    site_url: str,
    is_active: bool = True,
    created_by: User | None = None,
) -> User:
    """An account that signs in with the person's email; its owner sets their own password."""
    roles = _check_roles(roles)
    if User.objects.filter(person=person).exists():
        raise ValidationError(ACCOUNT_ALREADY_EXISTS)
    _check_can_sign_in(person, is_active)
    _check_email_free(person.email)
    user = User(email=person.email.lower(), person=person, is_active=is_active)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    _set_roles(user, roles)
    _record_on_person(person, f"Account created with roles: {_role_labels(roles)}", created_by)
    _send_password_set_email(user, site_url)
    return user


@transaction.atomic
def account_update(
    *,
    user: User,
    roles: Iterable[str],
    is_active: bool,
    changed_by: User | None = None,
    send_password_email: bool = False,
    site_url: str = "",
) -> User:
    roles = _check_roles(roles)
    if changed_by is not None and changed_by.pk == user.pk:
        if Role.BUSINESS_MANAGER in user.roles and Role.BUSINESS_MANAGER not in roles:
            raise ValidationError({"roles": CANNOT_REMOVE_OWN_MANAGER_ROLE})
        if not is_active:
            raise ValidationError({"is_active": CANNOT_DEACTIVATE_OWN_ACCOUNT})
    person = user.person
    assert person is not None, "an account managed here belongs to a person of the partnership"
    _check_can_sign_in(person, is_active)
    _check_email_free(person.email, user)
    changes = []
    if user.is_active != is_active:
        changes.append("account reactivated" if is_active else "account deactivated")
    user.email = person.email.lower()
    user.is_active = is_active
    user.full_clean()
    user.save()
    granted, removed = _set_roles(user, roles)
    if granted:
        changes.append(f"roles granted: {_role_labels(granted)}")
    if removed:
        changes.append(f"roles removed: {_role_labels(removed)}")
    if changes:
        _record_on_person(person, "Account changed: " + "; ".join(changes), changed_by)
    if send_password_email:
        _send_password_set_email(user, site_url)
    return user


def account_follow_person(*, person: Person) -> None:
    """After a person's details change: their account signs in with their email, and a
    person who is no longer active cannot sign in at all."""
    user = User.objects.filter(person=person).first()
    if user is None:
        return
    _check_email_free(person.email, user)
    user.email = person.email.lower()
    if not person.is_active and user.is_active:
        user.is_active = False
        _record_on_person(person, "Account deactivated: the person is no longer active", None)
    user.save(update_fields=["email", "is_active"])
