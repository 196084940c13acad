"""Adding and withdrawing evidence of impact, each in one transaction.

A claim names the data it rests on; SafeBoard judges it (verdicts.py). So nothing here
accepts a verdict, a figure or a label: only what the claim is about.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.audits.models import AuditRound
from safeboard.core.asking.locking import lock_row
from safeboard.core.history import history_stamps, save_with_reason
from safeboard.learning.models import Course, Session
from safeboard.scorecard.models import Figure, Indicator, Period
from safeboard.section11.models import Cycle, CycleStandard

from .models import SUBJECT_MODELS, Claim

NOT_A_SUBJECT = (
    "Evidence of impact is attached to an action, a review's recommendation, a challenge "
    "or a priority, not to {what}."
)
UNKNOWN_KIND = "Choose the kind of evidence: {kinds}."
STATEMENT_REQUIRED = "Enter what changed, in a sentence."
VERDICT_REFUSED = (
    "{field} cannot be entered: SafeBoard judges a claim against its own data, so the "
    "verdict and the figures are computed, never typed."
)
NOT_A_FIELD = "{field} is not part of {kind} claim."

INDICATOR_REQUIRED = "Choose the indicator."
PERIOD_REQUIRED = "Choose the {which} period."
PERIOD_WRONG_FREQUENCY = (
    "{period} is not a {frequency} period: {indicator} is reported {frequency}, so choose "
    "its periods."
)
RUN_BACKWARDS = "The {run} run ends ({last}) before it starts ({first})."
RUNS_OVERLAP = "The before run must end before the after run starts: {last} is not before {first}."
RUN_WITHOUT_FIGURES = "{indicator} has no figures in the {run} run ({first} to {last})."

ROUND_REQUIRED = "Choose the {which} audit round."
ROUNDS_OF_DIFFERENT_TOOLS = (
    "The two rounds must use the same audit tool: {earlier} uses \u201c{earlier_tool}\u201d "
    "and {later} uses \u201c{later_tool}\u201d."
)
ROUNDS_OUT_OF_ORDER = (
    "The earlier round ({earlier}) must have been set up before the later one ({later})."
)

COURSE_REQUIRED = "Choose the course."
SESSION_OF_ANOTHER_COURSE = "That session is of \u201c{course}\u201d, not of the course chosen."

STANDARD_REQUIRED = "Enter the standard\u2019s code, e.g. 3.2."
CYCLE_REQUIRED = "Choose the {which} cycle."
CYCLES_OUT_OF_ORDER = "The earlier cycle ({earlier}) must come before the later one ({later})."
STANDARD_NOT_IN_CYCLE = "Standard {code} is not one of the standards of {cycle}."

NARRATIVE_REQUIRED = "Tell the story, anonymised."
TOLD_BY_REQUIRED = "Say who told the story, by role: a young person, a parent."
CONSENT_REQUIRED = "A story is only recorded with the consent of the person who told it."

REASON_REQUIRED = "Say why the claim is withdrawn."
ALREADY_WITHDRAWN = "This claim was withdrawn on {day}."

# The fields a person gives, by kind (statement and recorded_on are common to every kind).
FIELDS = {
    Claim.Kind.INDICATOR: ("indicator", "before_first", "before_last", "after_first", "after_last"),
    Claim.Kind.REAUDIT: ("earlier_round", "later_round"),
    Claim.Kind.TRAINING: ("course", "session"),
    Claim.Kind.SECTION11: ("standard_code", "earlier_cycle", "later_cycle"),
    Claim.Kind.STORY: ("narrative", "told_by", "consent_recorded", "carried_over"),
}
ARTICLED = {
    Claim.Kind.INDICATOR: "an indicator change",
    Claim.Kind.REAUDIT: "a re-audit change",
    Claim.Kind.TRAINING: "a training change",
    Claim.Kind.SECTION11: "a Section 11 change",
    Claim.Kind.STORY: "a story",
}
VERDICT_WORDS = ("verdict", "standing", "label", "supported", "details", "figures", "result")


def _today() -> datetime.date:
    return timezone.localdate()


@transaction.atomic
def claim_add(
    *,
    subject: models.Model,
    kind: str,
    by: User | None,
    statement: str = "",
    recorded_on: datetime.date | None = None,
    **fields,
) -> Claim:
    """Attach a claim of `kind` to `subject`, naming the data it rests on."""
    label = subject._meta.label_lower
    if label not in SUBJECT_MODELS:
        raise ValidationError(NOT_A_SUBJECT.format(what=subject._meta.verbose_name))
    if kind not in Claim.Kind.values:
        raise ValidationError({"kind": UNKNOWN_KIND.format(kinds=", ".join(Claim.Kind.labels))})
    kind = Claim.Kind(kind)
    for name in fields:
        if name in VERDICT_WORDS:
            raise ValidationError(VERDICT_REFUSED.format(field=name.capitalize()))
        if name not in FIELDS[kind]:
            raise ValidationError(
                NOT_A_FIELD.format(field=name.replace("_", " ").capitalize(), kind=_a(kind))
            )
    statement = statement.strip()
    errors: dict[str, str] = {}
    if not statement:
        errors["statement"] = STATEMENT_REQUIRED
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    errors.update(_CHECKS[kind](fields))
    if errors:
        raise ValidationError(errors)
    claim = Claim(
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        statement=statement,
        recorded_by=by,
        recorded_on=recorded_on or _today(),
        **fields,
    )
    claim.full_clean()
    if by is not None:
        history_stamps(claim)._history_user = by
    save_with_reason(claim, f"{kind.label} added")
    return claim


def _a(kind: Claim.Kind) -> str:
    return ARTICLED[kind]


def _check_indicator(fields: dict) -> dict[str, str]:
    indicator: Indicator | None = fields.get("indicator")
    if indicator is None:
        return {"indicator": INDICATOR_REQUIRED}
    errors = {}
    names = {
        "before_first": "first before",
        "before_last": "last before",
        "after_first": "first after",
        "after_last": "last after",
    }
    for name, which in names.items():
        period: Period | None = fields.get(name)
        if period is None:
            errors[name] = PERIOD_REQUIRED.format(which=which)
        elif period.frequency != indicator.frequency:
            errors[name] = PERIOD_WRONG_FREQUENCY.format(
                period=period.label,
                frequency=indicator.get_frequency_display().lower(),
                indicator=indicator.name,
            )
    if errors:
        return errors
    for run in ("before", "after"):
        first, last = fields[f"{run}_first"], fields[f"{run}_last"]
        if last.starts_on < first.starts_on:
            errors[f"{run}_last"] = RUN_BACKWARDS.format(
                run=run, first=first.label, last=last.label
            )
    if errors:
        return errors
    if fields["before_last"].starts_on >= fields["after_first"].starts_on:
        return {
            "after_first": RUNS_OVERLAP.format(
                last=fields["before_last"].label, first=fields["after_first"].label
            )
        }
    held = Figure.objects.filter(indicator=indicator, period__frequency=indicator.frequency)
    for run in ("before", "after"):
        first, last = fields[f"{run}_first"], fields[f"{run}_last"]
        in_run = held.filter(
            period__starts_on__gte=first.starts_on, period__starts_on__lte=last.starts_on
        )
        if not in_run.exists():
            errors[f"{run}_first"] = RUN_WITHOUT_FIGURES.format(
                indicator=indicator.name, run=run, first=first.label, last=last.label
            )
    return errors


def _check_reaudit(fields: dict) -> dict[str, str]:
    earlier: AuditRound | None = fields.get("earlier_round")
    later: AuditRound | None = fields.get("later_round")
    errors = {}
    if earlier is None:
        errors["earlier_round"] = ROUND_REQUIRED.format(which="earlier")
    if later is None:
        errors["later_round"] = ROUND_REQUIRED.format(which="later")
    if errors:
        return errors
    earlier_tool, later_tool = earlier.tool_version.tool, later.tool_version.tool
    if earlier_tool.pk != later_tool.pk:
        return {
            "later_round": ROUNDS_OF_DIFFERENT_TOOLS.format(
                earlier=earlier.reference,
                earlier_tool=earlier_tool.name,
                later=later.reference,
                later_tool=later_tool.name,
            )
        }
    if (earlier.created_at, earlier.pk) >= (later.created_at, later.pk):
        return {
            "later_round": ROUNDS_OUT_OF_ORDER.format(
                earlier=earlier.reference, later=later.reference
            )
        }
    return {}


def _check_training(fields: dict) -> dict[str, str]:
    course: Course | None = fields.get("course")
    session: Session | None = fields.get("session")
    if course is None:
        return {"course": COURSE_REQUIRED}
    if session is not None and session.course_id != course.pk:
        return {"session": SESSION_OF_ANOTHER_COURSE.format(course=session.course.title)}
    return {}


def _check_section11(fields: dict) -> dict[str, str]:
    code = fields.get("standard_code", "")
    earlier: Cycle | None = fields.get("earlier_cycle")
    later: Cycle | None = fields.get("later_cycle")
    errors = {}
    if not code:
        errors["standard_code"] = STANDARD_REQUIRED
    if earlier is None:
        errors["earlier_cycle"] = CYCLE_REQUIRED.format(which="earlier")
    if later is None:
        errors["later_cycle"] = CYCLE_REQUIRED.format(which="later")
    if errors:
        return errors
    if (earlier.returns_due_on, earlier.pk) >= (later.returns_due_on, later.pk):
        return {"later_cycle": CYCLES_OUT_OF_ORDER.format(earlier=earlier.title, later=later.title)}
    held = set(
        CycleStandard.objects.filter(cycle__in=[earlier, later], code=code).values_list(
            "cycle_id", flat=True
        )
    )
    for name, cycle in (("earlier_cycle", earlier), ("later_cycle", later)):
        if cycle.pk not in held:
            errors[name] = STANDARD_NOT_IN_CYCLE.format(code=code, cycle=cycle.title)
    return errors


def _check_story(fields: dict) -> dict[str, str]:
    errors = {}
    if not fields.get("narrative"):
        errors["narrative"] = NARRATIVE_REQUIRED
    if fields.get("carried_over"):
        return errors  # free text written before claims were checked: who told it is unknown
    if not fields.get("told_by"):
        errors["told_by"] = TOLD_BY_REQUIRED
    if not fields.get("consent_recorded"):
        errors["consent_recorded"] = CONSENT_REQUIRED
    return errors


_CHECKS = {
    Claim.Kind.INDICATOR: _check_indicator,
    Claim.Kind.REAUDIT: _check_reaudit,
    Claim.Kind.TRAINING: _check_training,
    Claim.Kind.SECTION11: _check_section11,
    Claim.Kind.STORY: _check_story,
}


@transaction.atomic
def claim_withdraw(*, claim: Claim, by: User | None, reason: str) -> Claim:
    """Withdraw a claim with the reason; it stays in the history, out of every list."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    locked = lock_row(claim)
    if locked.withdrawn_on is not None:
        raise ValidationError(
            ALREADY_WITHDRAWN.format(day=locked.withdrawn_on.strftime("%-d %B %Y"))
        )
    locked.withdrawn_on = _today()
    locked.withdrawn_by = by
    locked.withdrawal_reason = reason
    if by is not None:
        history_stamps(locked)._history_user = by
    save_with_reason(
        locked, f"Withdrawn: {reason}", fields=["withdrawn_on", "withdrawn_by", "withdrawal_reason"]
    )
    claim.withdrawn_on, claim.withdrawn_by, claim.withdrawal_reason = (
        locked.withdrawn_on,
        locked.withdrawn_by,
        locked.withdrawal_reason,
    )
    return claim
