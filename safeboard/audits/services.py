"""Every change to an audit round goes through these functions, each in one transaction.

The life of a round: set up on a tool's latest version (which it freezes), with its sample of
cases and an auditor for each agency involved -> opened for answers -> each auditor saves a
draft and submits (answer_services.py) -> each case is moderated -> closed, with its findings
and the actions they lead to. Tools themselves are built in tool_services.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import IntegerField, Max
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency, Person
from safeboard.themes.models import Theme

from . import selectors
from .models import AgeBand, Assignment, AuditRound, AuditTool, Finding, SampleCase
from .tool_services import TOOL_NOT_EMPTY, check_version_is_usable, version_freeze

ROUND_CLOSED = "This round is closed: it cannot be changed."
TOOL_RETIRED = "This audit tool is retired: choose a tool in use."
DUE_IN_PAST = "The date answers are due cannot be in the past."
MODERATION_BEFORE_DUE = "The moderation meeting must be on or after the date answers are due."
ROUND_ALREADY_OPEN = "This round is already open for answers."
ROUND_HAS_NO_CASES = "Add at least one case to the sample before opening the round."
CASES_WITHOUT_AUDITORS = "Assign an auditor for every agency that answers: {missing}."
ROUND_NOT_OPEN_TO_CLOSE = "Only a round open for answers can be closed."
CASES_NOT_MODERATED = "Moderate every case before closing the round. Not moderated yet: {cases}."
CASE_NEEDS_AGENCIES = "Choose at least one agency involved with the case."
CASE_AGENCIES_ANSWER_NOTHING = (
    "None of the agencies chosen answers a section of {tool}: choose the agencies involved "
    "that the tool audits."
)
UNKNOWN_AGE_BAND = "Choose the child's age band."
CASE_CHANGE_ONLY_WHEN_SETTING_UP = (
    "Cases can only be changed while the round is being set up: answers may rest on them."
)
AGENCY_HAS_ASSIGNMENT = "Remove the assignment for {agency} before taking it off the case."
AGENCY_NOT_INVOLVED = "{agency} is not among the agencies involved with this case."
AGENCY_ANSWERS_NOTHING = "{agency} answers no section of {tool}."
ALREADY_ASSIGNED = "{agency} already has an auditor for this case."
AUDITOR_NEEDS_ACCOUNT = (
    "{person} has no active SafeBoard account, so cannot answer: choose someone who has one."
)
AUDITOR_FIXED_ONCE_SUBMITTED = "The answers are submitted: the auditor can no longer change."
REMOVE_SUBMITTED = "These answers are submitted: reopen them rather than remove the assignment."
FINDING_NEEDS_THEME = "Choose at least one theme for the finding."
FINDING_BEFORE_OPEN = "Findings are written once the round is open for answers."

REFERENCE_PREFIX = "MACA-{year}-"


def _today() -> datetime.date:
    return timezone.localdate()


def _lock_round(audit_round: AuditRound) -> AuditRound:
    return AuditRound.objects.select_for_update().get(pk=audit_round.pk)


def _refuse_if_closed(audit_round: AuditRound) -> None:
    if audit_round.is_closed:
        raise ValidationError(ROUND_CLOSED)


def next_round_reference(year: int) -> str:
    """The next reference of the year: "MACA-2026-01", "MACA-2026-02"..."""
    prefix = REFERENCE_PREFIX.format(year=year)
    last = (
        AuditRound.objects.filter(reference__startswith=prefix)
        .annotate(number=Cast(Substr("reference", len(prefix) + 1), IntegerField()))
        .aggregate(last=Max("number"))["last"]
    )
    return f"{prefix}{(last or 0) + 1:02d}"


def _check_dates(answers_due_on: datetime.date, moderation_on: datetime.date | None) -> None:
    errors = {}
    if answers_due_on < _today():
        errors["answers_due_on"] = DUE_IN_PAST
    if moderation_on is not None and moderation_on < answers_due_on:
        errors["moderation_on"] = MODERATION_BEFORE_DUE
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_create(
    *,
    title: str,
    tool: AuditTool,
    theme: Theme,
    sample: str,
    answers_due_on: datetime.date,
    moderation_on: datetime.date | None = None,
    created_by: User | None = None,
) -> AuditRound:
    """A new round on the tool's latest version, which it freezes."""
    if not tool.is_active:
        raise ValidationError({"tool": TOOL_RETIRED})
    _check_dates(answers_due_on, moderation_on)
    version = selectors.latest_version(tool)
    if version is None:  # no version, so no question to ask either
        raise ValidationError({"tool": TOOL_NOT_EMPTY})
    check_version_is_usable(version)
    version_freeze(version=version)
    audit_round = AuditRound(
        reference=next_round_reference(_today().year),
        title=title.strip(),
        tool_version=version,
        theme=theme,
        sample=sample.strip(),
        answers_due_on=answers_due_on,
        moderation_on=moderation_on,
        created_by=created_by,
    )
    audit_round.full_clean()
    audit_round.save()
    return audit_round


@transaction.atomic
def round_update(
    *,
    audit_round: AuditRound,
    title: str,
    theme: Theme,
    sample: str,
    answers_due_on: datetime.date,
    moderation_on: datetime.date | None = None,
) -> AuditRound:
    """Change a round's details. A new due date moves the due date of every assignment still
    due on the old one and not yet submitted; assignments given their own date keep it."""
    locked = _lock_round(audit_round)
    _refuse_if_closed(locked)
    if answers_due_on != locked.answers_due_on:
        _check_dates(answers_due_on, moderation_on)
    elif moderation_on is not None and moderation_on < answers_due_on:
        raise ValidationError({"moderation_on": MODERATION_BEFORE_DUE})
    Assignment.objects.filter(
        case__round=locked, due_on=locked.answers_due_on, submitted_at__isnull=True
    ).update(due_on=answers_due_on)
    locked.title, locked.theme, locked.sample = title.strip(), theme, sample.strip()
    locked.answers_due_on, locked.moderation_on = answers_due_on, moderation_on
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def round_open(*, audit_round: AuditRound) -> AuditRound:
    """Open the round for answers once every agency that answers has an auditor."""
    locked = _lock_round(audit_round)
    _refuse_if_closed(locked)
    if locked.status != AuditRound.Status.SETTING_UP:
        raise ValidationError(ROUND_ALREADY_OPEN)
    cases = list(selectors.cases_with_assignments(audit_round=locked))
    if not cases:
        raise ValidationError(ROUND_HAS_NO_CASES)
    sections = selectors.version_sections(locked.tool_version)
    missing = [
        f"{case.reference} ({agency.name})"
        for case in cases
        for agency in selectors.agencies_without_auditor(case=case, sections=sections)
    ]
    if missing:
        raise ValidationError(CASES_WITHOUT_AUDITORS.format(missing="; ".join(missing)))
    locked.status, locked.opened_on = AuditRound.Status.OPEN, _today()
    save_with_reason(locked, "Opened for answers")
    return locked


@transaction.atomic
def round_close(*, audit_round: AuditRound) -> AuditRound:
    """Close the round once every case is moderated: its answers and grades are then final."""
    locked = _lock_round(audit_round)
    if locked.status != AuditRound.Status.OPEN:
        raise ValidationError(ROUND_NOT_OPEN_TO_CLOSE)
    unmoderated = list(
        locked.cases.filter(moderation__isnull=True).values_list("reference", flat=True)
    )
    if unmoderated:
        raise ValidationError(CASES_NOT_MODERATED.format(cases=", ".join(unmoderated)))
    locked.status, locked.closed_on = AuditRound.Status.CLOSED, _today()
    save_with_reason(locked, "Closed")
    return locked


def _check_case(audit_round: AuditRound, age_band: str, agencies: list[Agency]) -> None:
    if age_band not in AgeBand.values:
        raise ValidationError({"age_band": UNKNOWN_AGE_BAND})
    if not agencies:
        raise ValidationError({"agencies": CASE_NEEDS_AGENCIES})
    sections = selectors.version_sections(audit_round.tool_version)
    if not any(section.is_answered_by(agency) for agency in agencies for section in sections):
        raise ValidationError(
            {"agencies": CASE_AGENCIES_ANSWER_NOTHING.format(tool=audit_round.tool.name)}
        )


@transaction.atomic
def case_add(
    *, audit_round: AuditRound, age_band: str, agencies: Iterable[Agency], context: str = ""
) -> SampleCase:
    """Add a case to the sample; its reference is made from the round's, never from the case."""
    locked = _lock_round(audit_round)
    _refuse_if_closed(locked)
    agencies = list(agencies)
    _check_case(locked, age_band, agencies)
    number = (locked.cases.aggregate(last=Max("number"))["last"] or 0) + 1
    case = SampleCase(
        round=locked,
        number=number,
        reference=f"{locked.reference}-C{number}",
        age_band=age_band,
        context=context.strip(),
    )
    case.full_clean()
    case.save()
    case.agencies.set(agencies)
    return case


@transaction.atomic
def case_update(
    *, case: SampleCase, age_band: str, agencies: Iterable[Agency], context: str = ""
) -> SampleCase:
    locked = _lock_round(case.round)
    if locked.status != AuditRound.Status.SETTING_UP:
        raise ValidationError(CASE_CHANGE_ONLY_WHEN_SETTING_UP)
    agencies = list(agencies)
    _check_case(locked, age_band, agencies)
    kept = {agency.pk for agency in agencies}
    for assignment in case.assignments.select_related("agency"):
        if assignment.agency_id not in kept:
            raise ValidationError(
                {"agencies": AGENCY_HAS_ASSIGNMENT.format(agency=assignment.agency.name)}
            )
    case.age_band, case.context = age_band, context.strip()
    case.full_clean()
    case.save()
    case.agencies.set(agencies)
    return case


def _check_auditor(auditor: Person) -> None:
    user = getattr(auditor, "user", None)
    if user is None or not user.is_active or not auditor.is_active:
        raise ValidationError({"auditor": AUDITOR_NEEDS_ACCOUNT.format(person=auditor.full_name)})


@transaction.atomic
def assignment_add(
    *, case: SampleCase, agency: Agency, auditor: Person, due_on: datetime.date | None = None
) -> Assignment:
    """Name the auditor who answers the case's sections for one agency involved."""
    locked = _lock_round(case.round)
    _refuse_if_closed(locked)
    if not case.agencies.filter(pk=agency.pk).exists():
        raise ValidationError({"agency": AGENCY_NOT_INVOLVED.format(agency=agency.name)})
    sections = selectors.version_sections(locked.tool_version)
    if not any(section.is_answered_by(agency) for section in sections):
        raise ValidationError(
            {"agency": AGENCY_ANSWERS_NOTHING.format(agency=agency.name, tool=locked.tool.name)}
        )
    if case.assignments.filter(agency=agency).exists():
        raise ValidationError({"agency": ALREADY_ASSIGNED.format(agency=agency.name)})
    _check_auditor(auditor)
    due_on = due_on or locked.answers_due_on
    if due_on < _today():
        raise ValidationError({"due_on": DUE_IN_PAST})
    assignment = Assignment(case=case, agency=agency, auditor=auditor, due_on=due_on)
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_update(
    *, assignment: Assignment, auditor: Person, due_on: datetime.date
) -> Assignment:
    """Give the answers to another auditor, or a new due date."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _refuse_if_closed(assignment.case.round)
    if auditor.pk != locked.auditor_id:
        if locked.is_submitted:
            raise ValidationError({"auditor": AUDITOR_FIXED_ONCE_SUBMITTED})
        _check_auditor(auditor)
    if due_on != locked.due_on and due_on < _today():
        raise ValidationError({"due_on": DUE_IN_PAST})
    locked.auditor, locked.due_on = auditor, due_on
    locked.full_clean()
    save_with_reason(locked, "Auditor or due date changed")
    return locked


@transaction.atomic
def assignment_remove(*, assignment: Assignment) -> SampleCase:
    """Take an agency's part off a case (for example the agency held no record of it)."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _refuse_if_closed(assignment.case.round)
    if locked.is_submitted:
        raise ValidationError(REMOVE_SUBMITTED)
    case = assignment.case
    locked.delete()
    return case


def _check_themes(themes: list[Theme]) -> None:
    if not themes:
        raise ValidationError({"themes": FINDING_NEEDS_THEME})


@transaction.atomic
def finding_add(
    *,
    audit_round: AuditRound,
    kind: str,
    title: str,
    text: str,
    evidence: str,
    themes: Iterable[Theme],
    created_by: User | None = None,
) -> Finding:
    if audit_round.status == AuditRound.Status.SETTING_UP:
        raise ValidationError(FINDING_BEFORE_OPEN)
    themes = list(themes)
    _check_themes(themes)
    finding = Finding(
        round=audit_round,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        evidence=evidence.strip(),
        created_by=created_by,
    )
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def finding_update(
    *, finding: Finding, kind: str, title: str, text: str, evidence: str, themes: Iterable[Theme]
) -> Finding:
    themes = list(themes)
    _check_themes(themes)
    finding.kind, finding.title = kind, title.strip()
    finding.text, finding.evidence = text.strip(), evidence.strip()
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def finding_add_action(
    *,
    finding: Finding,
    title: str,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An action arising from the finding, on the action spine; its owner's agency owns it."""
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_person.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=finding,
        created_by=created_by,
    )
