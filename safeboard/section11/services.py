"""Running a cycle: the standard library, setting a cycle up, opening and closing it.

A cycle is set up by the business manager (its standards copied from the library, its
scale, its chasing schedule and the organisations asked), then opened: every return is
pre-filled from the organisation's submitted return to the previous cycle. Returns are
answered through return_services.py; moderation and peer challenge are in
scrutiny_services.py; chasing is in chase_services.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme

from . import states
from .models import (
    ChiefOfficer,
    Cycle,
    CycleStandard,
    Evidence,
    Rating,
    Return,
    Standard,
    StandardSet,
)
from .scale import scale_problems

TITLE_TAKEN = "Another cycle already has this title."
DEADLINE_NOT_AFTER_TODAY = "The deadline must be after today."
NO_ORGANISATIONS = "Choose at least one organisation to ask."
SET_OF_ANOTHER_KIND = "Choose a standard set for the same kind of self-assessment as the cycle."
PREVIOUS_OF_ANOTHER_KIND = "The previous cycle must be of the same kind (Section 11 or 175)."
ONLY_WHILE_SETTING_UP = (
    "The cycle is open: its standards, scale and organisations can no longer change."
)
CYCLE_CLOSED = "This cycle is closed: it cannot be changed."
ALREADY_OPEN = "This cycle is already open."
NOT_OPEN = "Only an open cycle can be closed."
NO_STANDARDS = "The cycle has no standards: add at least one before opening it."
CODE_TAKEN = "Another standard here already has the code {code}."
CODE_REQUIRED = "Enter the standard's code."
TITLE_REQUIRED = "Enter the standard's title."
REMINDER_DAYS_INVALID = "Reminder days must be whole numbers from 1 to 90."
LETTER_ORDER = "The second letter must come after the first."
EXTENSION_NOT_AFTER_DEADLINE = "The extended deadline must be after the cycle's deadline."
EXTENSION_REASON_REQUIRED = "Give the reason for the extension."
RETURN_ALREADY_SUBMITTED = states.RETURN_ALREADY_SUBMITTED


def _today() -> datetime.date:
    return timezone.localdate()


def latest_cycle_of_kind(kind: str, *, excluding: Cycle | None = None) -> Cycle | None:
    """The cycle a new one follows: the most recent that has opened, of the same kind."""
    cycles = Cycle.objects.filter(kind=kind).exclude(status=Cycle.Status.SETTING_UP)
    if excluding is not None:
        cycles = cycles.exclude(pk=excluding.pk)
    return cycles.order_by("-returns_due_on", "-id").first()


def _check_title(title: str, *, cycle: Cycle | None = None) -> None:
    taken = Cycle.objects.filter(title__iexact=title)
    if cycle is not None:
        taken = taken.exclude(pk=cycle.pk)
    if taken.exists():
        raise ValidationError({"title": TITLE_TAKEN})


@transaction.atomic
def cycle_create(
    *,
    title: str,
    kind: str,
    frequency: str,
    standard_set: StandardSet,
    returns_due_on: datetime.date,
    agencies: Iterable[Agency],
    created_by: User | None = None,
) -> Cycle:
    """A cycle being set up: the set's standards copied in, a return for each organisation."""
    title = title.strip()
    agencies = list(agencies)
    errors = {}
    if standard_set.kind != kind:
        errors["standard_set"] = SET_OF_ANOTHER_KIND
    if returns_due_on <= _today():
        errors["returns_due_on"] = DEADLINE_NOT_AFTER_TODAY
    if not agencies:
        errors["agencies"] = NO_ORGANISATIONS
    if errors:
        raise ValidationError(errors)
    _check_title(title)
    cycle = Cycle(
        title=title,
        kind=kind,
        frequency=frequency,
        standard_set=standard_set,
        previous_cycle=latest_cycle_of_kind(kind),
        returns_due_on=returns_due_on,
        created_by=created_by,
    )
    cycle.full_clean()
    cycle.save()
    copy_standards(cycle=cycle, standard_set=standard_set)
    bulk_create_with_history([Return(cycle=cycle, agency=agency) for agency in agencies], Return)
    return cycle


def copy_standards(*, cycle: Cycle, standard_set: StandardSet) -> list[CycleStandard]:
    """The cycle's own copy of the set's standards: later edits to the library leave it be."""
    return bulk_create_with_history(
        [
            CycleStandard(
                cycle=cycle,
                code=standard.code,
                position=standard.position,
                title=standard.title,
                description=standard.description,
                sub_standards=list(standard.sub_standards),
            )
            for standard in standard_set.standards.order_by("position", "id")
        ],
        CycleStandard,
    )


def _refuse_if_closed(cycle: Cycle) -> None:
    if cycle.is_closed:
        raise ValidationError(CYCLE_CLOSED)


def _refuse_unless_setting_up(cycle: Cycle) -> None:
    _refuse_if_closed(cycle)
    if not cycle.is_setting_up:
        raise ValidationError(ONLY_WHILE_SETTING_UP)


@transaction.atomic
def cycle_update(
    *,
    cycle: Cycle,
    title: str,
    frequency: str,
    returns_due_on: datetime.date,
    agencies: Iterable[Agency] | None = None,
    previous_cycle: Cycle | None = None,
) -> Cycle:
    """Change the cycle's details. The organisations asked and the previous cycle only
    change while it is set up (pass None to leave them as they are)."""
    _refuse_if_closed(cycle)
    title = title.strip()
    _check_title(title, cycle=cycle)
    if returns_due_on != cycle.returns_due_on and returns_due_on <= _today():
        raise ValidationError({"returns_due_on": DEADLINE_NOT_AFTER_TODAY})
    if agencies is not None or previous_cycle is not None:
        _refuse_unless_setting_up(cycle)
    if previous_cycle is not None and (
        previous_cycle.kind != cycle.kind or previous_cycle.pk == cycle.pk
    ):
        raise ValidationError({"previous_cycle": PREVIOUS_OF_ANOTHER_KIND})
    if agencies is not None:
        _set_organisations(cycle, list(agencies))
    cycle.title = title
    cycle.frequency = frequency
    cycle.returns_due_on = returns_due_on
    fields = ["title", "frequency", "returns_due_on"]
    if previous_cycle is not None:
        cycle.previous_cycle = previous_cycle
        fields.append("previous_cycle")
    cycle.full_clean()
    save_with_reason(cycle, "Details changed", fields=fields)
    return cycle


def _set_organisations(cycle: Cycle, agencies: list[Agency]) -> None:
    if not agencies:
        raise ValidationError({"agencies": NO_ORGANISATIONS})
    wanted = {agency.pk for agency in agencies}
    cycle.returns.exclude(agency_id__in=wanted).delete()
    present = set(cycle.returns.values_list("agency_id", flat=True))
    bulk_create_with_history(
        [Return(cycle=cycle, agency=agency) for agency in agencies if agency.pk not in present],
        Return,
    )


@transaction.atomic
def cycle_set_scale(
    *, cycle: Cycle, scale_min: int, scale_max: int, met_score: int, scale_labels: list[str]
) -> Cycle:
    _refuse_unless_setting_up(cycle)
    labels = [label.strip() for label in scale_labels]
    problems = scale_problems(minimum=scale_min, maximum=scale_max, met=met_score, labels=labels)
    if problems:
        raise ValidationError(problems)
    cycle.scale_min, cycle.scale_max, cycle.met_score = scale_min, scale_max, met_score
    cycle.scale_labels = labels
    cycle.full_clean()
    save_with_reason(
        cycle, "Scale changed", fields=["scale_min", "scale_max", "met_score", "scale_labels"]
    )
    return cycle


@transaction.atomic
def cycle_set_schedule(
    *,
    cycle: Cycle,
    reminder_days_before: list[int],
    overdue_reminder_every_days: int,
    first_letter_days_after: int,
    second_letter_days_after: int | None,
) -> Cycle:
    """The chasing schedule; it may change while the cycle is open (steps already taken stay)."""
    _refuse_if_closed(cycle)
    if any(not 1 <= days <= 90 for days in reminder_days_before):
        raise ValidationError({"reminder_days_before": REMINDER_DAYS_INVALID})
    if second_letter_days_after is not None and second_letter_days_after <= first_letter_days_after:
        raise ValidationError({"second_letter_days_after": LETTER_ORDER})
    cycle.reminder_days_before = sorted(set(reminder_days_before), reverse=True)
    cycle.overdue_reminder_every_days = overdue_reminder_every_days
    cycle.first_letter_days_after = first_letter_days_after
    cycle.second_letter_days_after = second_letter_days_after
    cycle.full_clean()
    save_with_reason(
        cycle,
        "Chasing schedule changed",
        fields=[
            "reminder_days_before",
            "overdue_reminder_every_days",
            "first_letter_days_after",
            "second_letter_days_after",
        ],
    )
    return cycle


def _standard_problems(
    siblings: QuerySet[CycleStandard] | QuerySet[Standard], *, code: str, title: str
) -> dict[str, str]:
    errors = {}
    if not code:
        errors["code"] = CODE_REQUIRED
    elif siblings.filter(code__iexact=code).exists():
        errors["code"] = CODE_TAKEN.format(code=code)
    if not title:
        errors["title"] = TITLE_REQUIRED
    return errors


def _clean_sub_standards(sub_standards: Iterable[str]) -> list[str]:
    return [line.strip() for line in sub_standards if line.strip()]


@transaction.atomic
def standard_save(
    *,
    standard: Standard | CycleStandard,
    code: str,
    title: str,
    description: str,
    sub_standards: Iterable[str],
    themes: Iterable[Theme] | None = None,
) -> Standard | CycleStandard:
    """Add or change a standard, in the library or in a cycle being set up.

    A new standard is `Standard(standard_set=...)` or `CycleStandard(cycle=...)`, unsaved.
    """
    siblings: QuerySet[CycleStandard] | QuerySet[Standard]
    if isinstance(standard, CycleStandard):
        _refuse_unless_setting_up(standard.cycle)
        siblings = CycleStandard.objects.filter(cycle=standard.cycle)
    else:
        siblings = Standard.objects.filter(standard_set=standard.standard_set)
    if standard.pk is not None:
        siblings = siblings.exclude(pk=standard.pk)
    code, title = code.strip(), title.strip()
    errors = _standard_problems(siblings, code=code, title=title)
    if errors:
        raise ValidationError(errors)
    is_new = standard.pk is None
    if is_new:
        last = max(siblings.values_list("position", flat=True), default=0)
        standard.position = last + 1
    standard.code = code
    standard.title = title
    standard.description = description.strip()
    standard.sub_standards = _clean_sub_standards(sub_standards)
    standard.full_clean()
    save_with_reason(standard, "Added" if is_new else "Changed")
    if themes is not None and isinstance(standard, Standard):
        standard.themes.set(themes)  # a cycle's copy takes the library standard's themes
    return standard


@transaction.atomic
def standard_remove(*, standard: Standard | CycleStandard) -> None:
    if isinstance(standard, CycleStandard):
        _refuse_unless_setting_up(standard.cycle)
    standard.delete()


@transaction.atomic
def cycle_open(*, cycle: Cycle, today: datetime.date | None = None) -> Cycle:
    """Open the cycle for returns, each pre-filled from the previous cycle's answers."""
    today = today or _today()
    caller, cycle = cycle, Cycle.objects.select_for_update().get(pk=cycle.pk)
    _refuse_if_closed(cycle)
    if cycle.is_open:
        raise ValidationError(ALREADY_OPEN)
    standards = list(cycle.standards.order_by("position", "id"))
    errors = []
    if not standards:
        errors.append(NO_STANDARDS)
    if not cycle.returns.exists():
        errors.append(NO_ORGANISATIONS)
    if cycle.returns_due_on <= today:
        errors.append(DEADLINE_NOT_AFTER_TODAY)
    if errors:
        raise ValidationError(errors)
    previous_returns = _previous_returns(cycle)
    for agency_return in cycle.returns.select_related("agency"):
        _prefill(agency_return, standards, previous_returns.get(agency_return.agency_id), cycle)
    cycle.status = Cycle.Status.OPEN
    cycle.opened_on = today
    cycle.full_clean()
    save_with_reason(cycle, "Opened for returns", fields=["status", "opened_on"])
    caller.status, caller.opened_on = cycle.status, cycle.opened_on
    return cycle


def _previous_returns(cycle: Cycle) -> dict[int, Return]:
    """The previous cycle's submitted returns, by agency, with their answers and evidence."""
    if cycle.previous_cycle_id is None:
        return {}
    returns = Return.objects.filter(
        cycle_id=cycle.previous_cycle_id, status=Return.Status.SUBMITTED
    ).prefetch_related("ratings__standard", "ratings__evidence")
    return {agency_return.agency_id: agency_return for agency_return in returns}


def _prefill(
    agency_return: Return, standards: list[CycleStandard], previous: Return | None, cycle: Cycle
) -> None:
    """Ratings for every standard; where the organisation answered the same standard code
    last cycle, its score, words and evidence are carried forward, to confirm or update."""
    earlier = (
        {rating.standard.code: rating for rating in previous.ratings.all()} if previous else {}
    )
    scale = cycle.scale
    ratings, evidence_from = [], []
    for standard in standards:
        old = earlier.get(standard.code)
        rating = Rating(agency_return=agency_return, standard=standard)
        if old is not None:
            rating.self_score = old.self_score if scale.contains(old.self_score) else None
            rating.commentary = old.commentary
            rating.is_carried_forward = True
            evidence_from.append((rating, old))
        ratings.append(rating)
    bulk_create_with_history(ratings, Rating)
    carried = [
        Evidence(
            rating=rating,
            description=item.description,
            dated_on=item.dated_on,
            file=item.file.name,
            content_type=item.content_type,
            is_carried_forward=True,
        )
        for rating, old in evidence_from
        for item in old.evidence.all()
    ]
    if carried:
        bulk_create_with_history(carried, Evidence)
    if previous is not None:
        agency_return.carried_forward_from = previous
        save_with_reason(agency_return, "Answers carried forward", fields=["carried_forward_from"])


@transaction.atomic
def cycle_close(*, cycle: Cycle, today: datetime.date | None = None) -> Cycle:
    """Close the cycle: returns not submitted by now are recorded as not returned."""
    caller, cycle = cycle, Cycle.objects.select_for_update().get(pk=cycle.pk)
    if not cycle.is_open:
        raise ValidationError(NOT_OPEN)
    cycle.status = Cycle.Status.CLOSED
    cycle.closed_on = today or _today()
    cycle.full_clean()
    save_with_reason(cycle, "Closed", fields=["status", "closed_on"])
    caller.status, caller.closed_on = cycle.status, cycle.closed_on
    return cycle


@transaction.atomic
def return_extend_deadline(
    *, agency_return: Return, extended_to: datetime.date, reason: str
) -> Return:
    """Give one organisation longer; its chasing schedule starts again from the new date."""
    states.EXTEND_DEADLINE.refuse_unless_allowed(agency_return)
    reason = reason.strip()
    errors = {}
    if extended_to <= agency_return.cycle.returns_due_on:
        errors["extended_to"] = EXTENSION_NOT_AFTER_DEADLINE
    elif extended_to <= _today():
        errors["extended_to"] = DEADLINE_NOT_AFTER_TODAY
    if not reason:
        errors["reason"] = EXTENSION_REASON_REQUIRED
    if errors:
        raise ValidationError(errors)
    agency_return.extended_to = extended_to
    agency_return.extension_reason = reason
    agency_return.full_clean()
    save_with_reason(
        agency_return, f"Deadline extended: {reason}", fields=["extended_to", "extension_reason"]
    )
    return agency_return


@transaction.atomic
def chief_officer_save(
    *, agency: Agency, full_name: str, job_title: str, email: str
) -> ChiefOfficer:
    officer = ChiefOfficer.objects.filter(agency=agency).first() or ChiefOfficer(agency=agency)
    officer.full_name = full_name.strip()
    officer.job_title = job_title.strip()
    officer.email = email.strip().lower()
    officer.full_clean()
    officer.save()
    return officer
