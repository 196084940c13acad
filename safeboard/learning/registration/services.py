"""A practitioner registers for training with their work email address.

The address must be at an agency's email domain (`AgencyDomain`), or at a subdomain of one
where the learning officer allows it: that is how we know which agency they work for. Only
ordinary addresses may register (`address_problem`). We send a link to the address; opening it within three days proves the
address is theirs, and they choose a password. That makes (or links) their `Learner` and an
account with the practitioner role.

Nothing on screen says whether an address already has an account: the page always says a
link was sent. An existing account gets an email saying so instead of a link. Requests are
limited per address and per network address so that the form cannot be used to flood
someone's inbox.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from safeboard.accounts.models import RoleAssignment, User
from safeboard.accounts.roles import Role
from safeboard.core.notify import send_email
from safeboard.partnership.models import Agency

from ..models import AgencyDomain, JobRole, Learner

LINK_VALID_DAYS = 3
TOKEN_SALT = "safeboard.learning.registration"
# At most this many emails to one address, and registrations from one network address, an hour.
EMAILS_PER_ADDRESS = 3
REQUESTS_PER_CLIENT = 20
LIMIT_WINDOW_SECONDS = 60 * 60

UNKNOWN_DOMAIN = (
    "Enter your work email address. Addresses ending @{domain} are not at an agency that "
    "trains with the partnership: ask your agency's safeguarding lead to contact the "
    "learning and development officer."
)
NOT_AN_EMAIL = "Enter an email address in the correct format, like name@agency.example"
UNUSUAL_LOCAL_PART = (
    "Enter your work email address as your agency gives it: before the @ use only letters, "
    "numbers, full stops (not first, last or two together) and the symbols "
    "! # $ % & ' * + - / = ? ^ _ ` { | } ~ (no quotation marks or spaces)."
)
LINK_EXPIRED = (
    f"This link has expired: links last {LINK_VALID_DAYS} days. Register again to get a new one."
)
LINK_INVALID = "This link is not valid. Copy the whole link from the email, or register again."
ALREADY_REGISTERED = (
    "You already have an account. Sign in, or reset your password if you have forgotten it."
)
ROLE_GONE = "The role you chose is no longer offered. Register again and choose another."
DOMAIN_TAKEN = "{domain} is already an email domain of {agency}."
DOMAIN_FORMAT = "Enter a domain like police.example, without the @ or anything before it."


# The dot-atom form of RFC 5322 section 3.2.3, the only one agencies give their staff: ASCII
# letters, digits and these symbols, in runs joined by single dots. Quoted local parts
# ("a@b"@police.example) and comments are refused: mail systems read them differently, so
# the address we check may not be the one that receives the link.
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def address_problem(email: str) -> str | None:
    """Why the address cannot register, if its form is wrong or its local part unusual."""
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain:
        return NOT_AN_EMAIL
    if not _DOT_ATOM.fullmatch(local):
        return UNUSUAL_LOCAL_PART
    return None


def agency_for_email(email: str) -> Agency | None:
    """The agency whose email domain the address is at: the domain itself, or one it is part
    of (j.smith@mail.police.example is at police.example) where the learning officer allows
    that domain's subdomains; the most specific first."""
    domain = email_domain(email)
    if not domain:
        return None
    labels = domain.split(".")
    parents = [".".join(labels[index:]) for index in range(1, len(labels) - 1)]
    matches = AgencyDomain.objects.filter(
        Q(domain=domain) | Q(domain__in=parents, allow_subdomains=True)
    ).select_related("agency")
    best = max(matches, key=lambda match: len(match.domain), default=None)
    return best.agency if best is not None else None


def _normalise(email: str) -> str:
    return email.strip().lower()


def has_account(email: str) -> bool:
    return (
        User.objects.filter(email__iexact=email).exists()
        or Learner.objects.filter(email__iexact=email, user__isnull=False).exists()
    )


# ---- limits -------------------------------------------------------------------------------


def _within_limit(key: str, limit: int) -> bool:
    """Count one more request under `key`; False once the window's limit is passed."""
    cache.add(key, 0, LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, LIMIT_WINDOW_SECONDS)
        count = 1
    return count <= limit


def _hashed(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def client_within_limit(client_address: str) -> bool:
    return _within_limit(f"learning:register:client:{_hashed(client_address)}", REQUESTS_PER_CLIENT)


def _address_within_limit(email: str) -> bool:
    return _within_limit(f"learning:register:email:{_hashed(email)}", EMAILS_PER_ADDRESS)


# ---- the link -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A registration waiting for its link to be opened."""

    full_name: str
    email: str
    job_role_id: int

    @property
    def agency(self) -> Agency | None:
        return agency_for_email(self.email)


def registration_token(pending: Pending) -> str:
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    return signer.sign_object(
        {"name": pending.full_name, "email": pending.email, "role": pending.job_role_id},
        compress=True,
    )


def pending_from_token(token: str) -> Pending:
    """The registration the link is for; ValidationError if it is expired, altered or used."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        data = signer.unsign_object(token, max_age=LINK_VALID_DAYS * 24 * 60 * 60)
    except signing.SignatureExpired:
        raise ValidationError(LINK_EXPIRED, code="expired")
    except (signing.BadSignature, ValueError, TypeError):
        raise ValidationError(LINK_INVALID, code="invalid")
    try:
        pending = Pending(str(data["name"]), _normalise(str(data["email"])), int(data["role"]))
    except (KeyError, TypeError, ValueError):
        raise ValidationError(LINK_INVALID, code="invalid")
    if has_account(pending.email):
        raise ValidationError(ALREADY_REGISTERED, code="registered")
    return pending


# ---- services -----------------------------------------------------------------------------


def registration_request(
    *, full_name: str, email: str, job_role: JobRole, confirm_url: str, sign_in_url: str
) -> None:
    """Check the address is at an agency, then email it: a link to finish registering, or
    (for an address that has an account) a reminder of how to sign in. `confirm_url` is the
    address of the confirmation page, to which the token is added."""
    email = _normalise(email)
    problem = address_problem(email)
    if problem:
        raise ValidationError({"email": problem})
    if agency_for_email(email) is None:
        raise ValidationError({"email": UNKNOWN_DOMAIN.format(domain=email_domain(email))})
    if not _address_within_limit(email):
        return  # quietly: saying so would tell a stranger that someone tried this address
    if has_account(email):
        context = {"sign_in_url": sign_in_url, "email": email}
        subject = "You already have a SafeBoard account"
        body = render_to_string("learning/registration/email_existing.txt", context)
    else:
        token = registration_token(Pending(full_name.strip(), email, job_role.pk))
        context = {
            "full_name": full_name.strip(),
            "link": f"{confirm_url}?token={token}",
            "days": LINK_VALID_DAYS,
        }
        subject = "Finish registering for training"
        body = render_to_string("learning/registration/email_confirm.txt", context)
    send_email(to=[email], subject=subject, body=body)


def registration_confirm(*, pending: Pending, password: str) -> User:
    """Make the practitioner's account with the chosen password, and make or link their
    learner record. The practitioner's agency follows from their email domain."""
    candidate = User(email=pending.email)
    validate_password(password, user=candidate)  # raises ValidationError with the reasons
    now = timezone.now()
    with transaction.atomic():
        if has_account(pending.email):
            raise ValidationError(ALREADY_REGISTERED)
        job_role = JobRole.objects.filter(pk=pending.job_role_id).first()
        agency = pending.agency
        if job_role is None:
            raise ValidationError(ROLE_GONE)
        problem = address_problem(pending.email)
        if problem:
            raise ValidationError(problem)
        if agency is None:
            raise ValidationError(UNKNOWN_DOMAIN.format(domain=email_domain(pending.email)))
        try:
            with transaction.atomic():
                user = User.objects.create_user(pending.email, password)
        except IntegrityError:  # registered a moment ago, from the same link
            raise ValidationError(ALREADY_REGISTERED)
        RoleAssignment.objects.create(user=user, role=Role.PRACTITIONER)
        learner = Learner.objects.select_for_update().filter(email__iexact=pending.email).first()
        if learner is None:
            learner = Learner(
                full_name=pending.full_name, email=pending.email, agency=agency, job_role=job_role
            )
        # A learner booked by their manager before they registered keeps their record, so
        # their training history stays with them.
        learner.user = user
        learner.email_confirmed_at = now
        learner.is_active = True
        learner.save()
    return user


@transaction.atomic
def agency_domain_add(
    *, agency: Agency, domain: str, allow_subdomains: bool = False
) -> AgencyDomain:
    domain = domain.strip().lower().lstrip("@")
    labels = domain.split(".")
    if "@" in domain or len(labels) < 2 or not all(labels) or " " in domain:
        raise ValidationError({"domain": DOMAIN_FORMAT})
    existing = AgencyDomain.objects.filter(domain=domain).select_related("agency").first()
    if existing is not None:
        raise ValidationError(
            {"domain": DOMAIN_TAKEN.format(domain=domain, agency=existing.agency.name)}
        )
    record = AgencyDomain(agency=agency, domain=domain, allow_subdomains=allow_subdomains)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def agency_domain_set_subdomains(*, record: AgencyDomain, allow: bool) -> AgencyDomain:
    """Let addresses at the domain's subdomains register, or stop new ones from doing so;
    practitioners already registered keep their accounts."""
    record.allow_subdomains = allow
    record.full_clean()
    record.save(update_fields=["allow_subdomains"])
    return record


def agency_domain_remove(*, record: AgencyDomain) -> None:
    """Stop new registrations from the domain; practitioners already registered keep theirs."""
    record.delete()
