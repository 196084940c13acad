"""Every change to the partnership's agencies, people, groups, memberships and handbook.

Each service is one transaction, checks its rules, calls full_clean() and raises
ValidationError with the messages below, which the views show in an error summary and the
tests reuse. Induction plans have their own module (induction_services.py), accounts
theirs (account_services.py).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.text import slugify

from .account_services import account_follow_person
from .models import Agency, Group, HandbookPage, Membership, Person

AGENCY_NAME_TAKEN = "An agency with this name already exists."
NOT_A_SAFEGUARDING_PARTNER_TYPE = (
    "Only the local authority, the police and the integrated care board are statutory "
    "safeguarding partners. Choose one of those types, or untick \u201cstatutory partner\u201d."
)
PERSON_EMAIL_TAKEN = "Someone else already has this email address."
GROUP_NAME_TAKEN = "A group with this name already exists."
BOARD_HAS_NO_PARENT = "The board is not part of another group: leave \u201cpart of\u201d empty."
GROUP_INSIDE_ITSELF = "A group cannot be part of itself or of one of its own subgroups."
ALREADY_A_MEMBER = "This person is already a current member of this group."
MEMBERSHIP_ALREADY_ENDED = "This membership has already ended."
MEMBERSHIP_ENDS_BEFORE_START = "The end date must be on or after the date the membership started."
HANDBOOK_TITLE_TAKEN = "A handbook page with this title already exists."

# The three statutory safeguarding partners (Children Act 2004, section 16E, inserted by the
# Children and Social Work Act 2017): the local authority, the integrated care board (before
# July 2022, the clinical commissioning group) and the chief officer of police.
SAFEGUARDING_PARTNER_TYPES = frozenset(
    {Agency.Type.LOCAL_AUTHORITY, Agency.Type.POLICE, Agency.Type.HEALTH_ICB}
)


def _refuse_duplicate(
    queryset: models.QuerySet | models.Manager,
    *,
    field: str,
    value: str,
    message: str,
    record: models.Model | None = None,
) -> None:
    """Names and emails are unique whatever their case: "Shire Police" is "shire police"."""
    clashes = queryset.filter(**{f"{field}__iexact": value.strip()})
    if record is not None and record.pk:
        clashes = clashes.exclude(pk=record.pk)
    if clashes.exists():
        raise ValidationError({field: message})


def _save(record: models.Model) -> None:
    record.full_clean()
    record.save()


# Agencies ----------------------------------------------------------------------------------


def _save_agency(agency: Agency) -> Agency:
    _refuse_duplicate(
        Agency.objects, field="name", value=agency.name, message=AGENCY_NAME_TAKEN, record=agency
    )
    if agency.is_statutory_partner and agency.type not in SAFEGUARDING_PARTNER_TYPES:
        raise ValidationError({"is_statutory_partner": NOT_A_SAFEGUARDING_PARTNER_TYPE})
    _save(agency)
    return agency


@transaction.atomic
def agency_create(
    *,
    name: str,
    type: str,
    short_name: str = "",
    is_statutory_partner: bool = False,
    is_active: bool = True,
) -> Agency:
    return _save_agency(
        Agency(
            name=name.strip(),
            short_name=short_name.strip(),
            type=type,
            is_statutory_partner=is_statutory_partner,
            is_active=is_active,
        )
    )


@transaction.atomic
def agency_update(
    *,
    agency: Agency,
    name: str,
    type: str,
    short_name: str = "",
    is_statutory_partner: bool = False,
    is_active: bool = True,
) -> Agency:
    agency.name = name.strip()
    agency.short_name = short_name.strip()
    agency.type = type
    agency.is_statutory_partner = is_statutory_partner
    agency.is_active = is_active
    return _save_agency(agency)


# People ------------------------------------------------------------------------------------


def _save_person(person: Person) -> Person:
    _refuse_duplicate(
        Person.objects, field="email", value=person.email, message=PERSON_EMAIL_TAKEN, record=person
    )
    _save(person)
    return person


@transaction.atomic
def person_create(
    *,
    full_name: str,
    agency: Agency,
    email: str,
    job_title: str = "",
    phone: str = "",
    is_active: bool = True,
) -> Person:
    return _save_person(
        Person(
            full_name=full_name.strip(),
            agency=agency,
            email=email.strip(),
            job_title=job_title.strip(),
            phone=phone.strip(),
            is_active=is_active,
        )
    )


@transaction.atomic
def person_update(
    *,
    person: Person,
    full_name: str,
    agency: Agency,
    email: str,
    job_title: str = "",
    phone: str = "",
    is_active: bool = True,
) -> Person:
    """Change a person's details; their account (if any) follows their email and activity."""
    person.full_name = full_name.strip()
    person.agency = agency
    person.email = email.strip()
    person.job_title = job_title.strip()
    person.phone = phone.strip()
    person.is_active = is_active
    _save_person(person)
    account_follow_person(person=person)
    return person


# Groups and memberships --------------------------------------------------------------------


def _check_parent(group: Group) -> None:
    if group.parent_id is None:
        return
    if group.kind == Group.Kind.BOARD:
        raise ValidationError({"parent": BOARD_HAS_NO_PARENT})
    ancestor, seen = group.parent, set()
    while ancestor is not None and ancestor.pk not in seen:
        if group.pk is not None and ancestor.pk == group.pk:
            raise ValidationError({"parent": GROUP_INSIDE_ITSELF})
        seen.add(ancestor.pk)
        ancestor = ancestor.parent


def _save_group(group: Group) -> Group:
    _refuse_duplicate(
        Group.objects, field="name", value=group.name, message=GROUP_NAME_TAKEN, record=group
    )
    _check_parent(group)
    _save(group)
    return group


@transaction.atomic
def group_create(*, name: str, kind: str, purpose: str = "", parent: Group | None = None) -> Group:
    return _save_group(Group(name=name.strip(), kind=kind, purpose=purpose, parent=parent))


@transaction.atomic
def group_update(
    *, group: Group, name: str, kind: str, purpose: str = "", parent: Group | None = None
) -> Group:
    group.name = name.strip()
    group.kind = kind
    group.purpose = purpose
    group.parent = parent
    return _save_group(group)


@transaction.atomic
def membership_add(
    *,
    group: Group,
    person: Person,
    role: str,
    seniority: str,
    started_on: datetime.date,
) -> Membership:
    if group.memberships.filter(person=person, ended_on__isnull=True).exists():
        raise ValidationError({"person": ALREADY_A_MEMBER})
    membership = Membership(
        group=group, person=person, role=role, seniority=seniority, started_on=started_on
    )
    _save(membership)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, ended_on: datetime.date) -> Membership:
    if membership.ended_on is not None:
        raise ValidationError(MEMBERSHIP_ALREADY_ENDED)
    if ended_on < membership.started_on:
        raise ValidationError({"ended_on": MEMBERSHIP_ENDS_BEFORE_START})
    membership.ended_on = ended_on
    _save(membership)
    return membership


# Handbook ----------------------------------------------------------------------------------


def _free_slug(title: str) -> str:
    """A stable address for the page's section; it stays when the title is later changed."""
    base = slugify(title)[:40] or "page"
    slug, number = base, 1
    while HandbookPage.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def handbook_page_create(*, title: str, body: str) -> HandbookPage:
    """A new page goes at the end of the handbook."""
    _refuse_duplicate(
        HandbookPage.objects, field="title", value=title, message=HANDBOOK_TITLE_TAKEN
    )
    last = HandbookPage.objects.aggregate(last=Max("position"))["last"]
    page = HandbookPage(
        title=title.strip(),
        body=body,
        slug=_free_slug(title),
        position=0 if last is None else last + 1,
    )
    _save(page)
    return page


@transaction.atomic
def handbook_page_update(*, page: HandbookPage, title: str, body: str) -> HandbookPage:
    _refuse_duplicate(
        HandbookPage.objects, field="title", value=title, message=HANDBOOK_TITLE_TAKEN, record=page
    )
    page.title = title.strip()
    page.body = body
    _save(page)
    return page
