"""The review itself, once one is decided on: its set-up, team, agencies' contributions,
practitioner events, milestones, reports, publication and quality grade.

Serious case reviews and practice reviews run to the statutory clock (their due date is the
start plus the months the edition set, copied at referral). Near-miss and learning reviews use
the same pages; their timescale is the one the board sets. What each stage allows is in
lifecycle.py.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.dates import long_date
from safeboard.core.history import save_with_reason
from safeboard.core.uploads import validate_upload
from safeboard.partnership.models import Agency

from ..decision.services import STATUTORY_REVIEW_OUTCOMES
from ..frameworks.timescales import review_due
from ..lifecycle import (
    addition_refusal,
    completion_refusal,
    grading_refusal,
    panel_feedback_refusal,
    publication_refusal,
    receipt_refusal,
    refuse,
    set_up_refusal,
)
from ..models import (
    AgencyContribution,
    Decision,
    Milestone,
    PractitionerEvent,
    Review,
    ReviewDocument,
    TeamMember,
)

REPORT_TYPES = frozenset({".pdf", ".docx"})

STARTED_BEFORE_DECISION = "The review cannot start before the decision to hold it, on {date}."
DUE_REQUIRED = "Enter the date the board set for the review to finish."
DUE_BEFORE_START = "The review must be due after it starts."
ALREADY_ON_TEAM = "{name} is already on the review team."
INACTIVE_ACCOUNT = "{name}\u2019s account is closed: they cannot join the team."
REQUESTED_IN_FUTURE = "The date of the request cannot be in the future."
CONTRIBUTION_DUE_BEFORE_REQUEST = "The due date must be on or after the date of the request."
RECEIVED_BEFORE_REQUEST = "It cannot be received before it was asked for, on {date}."
RECEIVED_IN_FUTURE = "The date received cannot be in the future."
EVENT_TITLE_REQUIRED = "Enter a title for the event."
MILESTONE_TITLE_REQUIRED = "Enter what the milestone is."
COMPLETED_IN_FUTURE = "The date completed cannot be in the future."
NO_FILE = "Select a file to upload."
PUBLISHED_IN_FUTURE = "The date of publication cannot be in the future."
PUBLISHED_BEFORE_START = "The review cannot be published before it started, on {date}."
GRADE_REQUIRED = "Select Ofsted's grade."
NOTICE_MISSING = (
    "A local child safeguarding practice review is published only after notice to the Panel "
    "and the Secretary of State: record the date {missing} was told."
)
NOTICE_AFTER_PUBLICATION = "{whom} is told before publication, not after it."
NOTICE_IN_FUTURE = "The date {whom} was told cannot be in the future."
NOTICE_BEFORE_START = "{whom} cannot be told of the report before the review started, on {date}."
FEEDBACK_REQUIRED = "Enter the Panel's feedback."
FEEDBACK_DATE_REQUIRED = "Enter the date of the Panel's feedback."
FEEDBACK_IN_FUTURE = "The date of the Panel's feedback cannot be in the future."
FEEDBACK_BEFORE_REPORT = "The Panel's feedback cannot come before the final report, on {date}."
NOTICES = {
    "panel_notified_on": "the Panel",
    "secretary_of_state_notified_on": "the Secretary of State",
}


def _today() -> datetime.date:
    return timezone.localdate()


def _lock(review: Review) -> Review:
    return Review.objects.select_for_update().get(pk=review.pk)


def decision_of(review: Review) -> Decision | None:
    return getattr(review, "decision", None)


def is_statutory_review(review: Review) -> bool:
    """A serious case review or practice review: its due date follows the statutory clock."""
    decision = decision_of(review)
    return decision is not None and decision.outcome in STATUTORY_REVIEW_OUTCOMES


@transaction.atomic
def review_set_up(
    *,
    review: Review,
    title: str,
    methodology: str,
    lead_reviewer: str,
    started_on: datetime.date,
    family_involvement: str = "",
    due_on: datetime.date | None = None,
) -> None:
    """The review's title, method, lead reviewer and start. A serious case or practice review
    is due the edition's months after its start (`due_on` is not asked for); a learning
    review is due when the board decides."""
    locked = _lock(review)
    refuse(set_up_refusal(locked))
    decision = decision_of(locked)
    errors = {}
    if decision is not None and started_on < decision.decided_on:
        errors["started_on"] = STARTED_BEFORE_DECISION.format(date=long_date(decision.decided_on))
    if is_statutory_review(locked):
        due_on = review_due(started_on, locked.review_months)
    elif due_on is None:
        errors["due_on"] = DUE_REQUIRED
    elif due_on <= started_on:
        errors["due_on"] = DUE_BEFORE_START
    if errors:
        raise ValidationError(errors)
    locked.title = title.strip()
    locked.methodology = methodology
    locked.lead_reviewer = lead_reviewer.strip()
    locked.started_on = started_on
    locked.due_on = due_on
    locked.family_involvement = family_involvement.strip()
    locked.full_clean()
    fields = ["title", "methodology", "lead_reviewer", "started_on", "due_on"]
    save_with_reason(locked, "Review set up", fields=[*fields, "family_involvement"])
    for field in [*fields, "family_involvement"]:
        setattr(review, field, getattr(locked, field))


@transaction.atomic
def team_member_add(*, review: Review, user: User, role: str) -> TeamMember:
    """Someone joins the team or panel, and so may open the review before it is published."""
    if not user.is_active:
        raise ValidationError({"user": INACTIVE_ACCOUNT.format(name=user)})
    if TeamMember.objects.filter(review=review, user=user).exists():
        raise ValidationError({"user": ALREADY_ON_TEAM.format(name=user)})
    member = TeamMember(review=review, user=user, role=role)
    member.full_clean(exclude=["review", "user"])
    member.save()
    return member


@transaction.atomic
def team_member_remove(*, member: TeamMember) -> None:
    """They lose sight of the review (unless they are the business manager or the chair)."""
    member.delete()


@transaction.atomic
def contribution_request(
    *,
    review: Review,
    agency: Agency,
    kind: str,
    requested_on: datetime.date,
    due_on: datetime.date,
) -> AgencyContribution:
    """Ask an agency for a chronology or a report, by a date."""
    refuse(addition_refusal(review))
    errors = {}
    if requested_on > _today():
        errors["requested_on"] = REQUESTED_IN_FUTURE
    if due_on < requested_on:
        errors["due_on"] = CONTRIBUTION_DUE_BEFORE_REQUEST
    if errors:
        raise ValidationError(errors)
    contribution = AgencyContribution(
        review=review, agency=agency, kind=kind, requested_on=requested_on, due_on=due_on
    )
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def contribution_received(*, contribution: AgencyContribution, received_on: datetime.date) -> None:
    locked = AgencyContribution.objects.select_for_update().get(pk=contribution.pk)
    refuse(receipt_refusal(locked))
    if received_on > _today():
        raise ValidationError({"received_on": RECEIVED_IN_FUTURE})
    if received_on < locked.requested_on:
        raise ValidationError(
            {"received_on": RECEIVED_BEFORE_REQUEST.format(date=long_date(locked.requested_on))}
        )
    locked.received_on = received_on
    locked.save(update_fields=["received_on"])
    contribution.received_on = received_on


@transaction.atomic
def event_add(
    *,
    review: Review,
    kind: str,
    held_on: datetime.date,
    title: str,
    attendees: int | None = None,
    notes: str = "",
) -> PractitionerEvent:
    """A practitioner learning event, a meeting with the family or a panel meeting."""
    refuse(addition_refusal(review))
    if not title.strip():
        raise ValidationError({"title": EVENT_TITLE_REQUIRED})
    event = PractitionerEvent(
        review=review,
        kind=kind,
        held_on=held_on,
        title=title.strip(),
        attendees=attendees,
        notes=notes.strip(),
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def milestone_add(*, review: Review, title: str, due_on: datetime.date) -> Milestone:
    refuse(addition_refusal(review))
    if not title.strip():
        raise ValidationError({"title": MILESTONE_TITLE_REQUIRED})
    milestone = Milestone(review=review, title=title.strip(), due_on=due_on)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_complete(*, milestone: Milestone, completed_on: datetime.date) -> None:
    locked = Milestone.objects.select_for_update().get(pk=milestone.pk)
    refuse(completion_refusal(locked))
    if completed_on > _today():
        raise ValidationError({"completed_on": COMPLETED_IN_FUTURE})
    locked.completed_on = completed_on
    locked.save(update_fields=["completed_on"])
    milestone.completed_on = completed_on


@transaction.atomic
def document_upload(
    *, review: Review, kind: str, file: UploadedFile | None, uploaded_by: User
) -> ReviewDocument:
    """A report or the rapid review, as PDF or Word only (checked by content). The final
    report marks the review as reported."""
    if file is None:
        raise ValidationError({"file": NO_FILE})
    content_type = validate_upload(file, field="file", extensions=REPORT_TYPES)
    locked = _lock(review)
    document = ReviewDocument(
        review=locked,
        kind=kind,
        original_name=(file.name or "report")[:200],
        content_type=content_type,
        uploaded_by=uploaded_by,
    )
    document.full_clean(exclude=["file"])
    document.file = file
    document.save()
    if kind == ReviewDocument.Kind.FINAL_REPORT and locked.stage == Review.Stage.IN_REVIEW:
        locked.stage = Review.Stage.REPORTED
        save_with_reason(locked, "Final report received", fields=["stage"])
        review.stage = locked.stage
    return document


def needs_publication_notice(review: Review) -> bool:
    """A local child safeguarding practice review: the Panel and the Secretary of State are
    told before it is published (DATA.md)."""
    decision = decision_of(review)
    return decision is not None and decision.outcome == Decision.Outcome.LCSPR


def _initial_capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_notices(
    review: Review, published_on: datetime.date, notices: dict[str, datetime.date | None]
) -> dict[str, str]:
    errors = {}
    missing = [whom for field, whom in NOTICES.items() if notices[field] is None]
    if missing and needs_publication_notice(review):
        errors["__all__"] = NOTICE_MISSING.format(missing=" and ".join(missing))
    for field, whom in NOTICES.items():
        day = notices[field]
        if day is None:
            continue
        if day > _today():
            errors[field] = NOTICE_IN_FUTURE.format(whom=whom)
        elif day > published_on:
            errors[field] = NOTICE_AFTER_PUBLICATION.format(whom=_initial_capital(whom))
        elif review.started_on and day < review.started_on:
            errors[field] = NOTICE_BEFORE_START.format(
                whom=_initial_capital(whom), date=long_date(review.started_on)
            )
    return errors


@transaction.atomic
def review_publish(
    *,
    review: Review,
    published_on: datetime.date,
    panel_notified_on: datetime.date | None = None,
    secretary_of_state_notified_on: datetime.date | None = None,
) -> None:
    """Publication of the final report: from now on every signed-in user may read its summary,
    lessons and final report, and the public site lists it. A local child safeguarding
    practice review is published only once the Panel and the Secretary of State were told."""
    locked = _lock(review)
    refuse(publication_refusal(locked))
    errors = {}
    if published_on > _today():
        errors["published_on"] = PUBLISHED_IN_FUTURE
    elif locked.started_on and published_on < locked.started_on:
        errors["published_on"] = PUBLISHED_BEFORE_START.format(date=long_date(locked.started_on))
    notices = {
        "panel_notified_on": panel_notified_on,
        "secretary_of_state_notified_on": secretary_of_state_notified_on,
    }
    errors.update(_check_notices(locked, published_on, notices))
    if errors:
        raise ValidationError(errors)
    locked.published_on = published_on
    locked.panel_notified_on = panel_notified_on
    locked.secretary_of_state_notified_on = secretary_of_state_notified_on
    locked.stage = Review.Stage.PUBLISHED
    fields = ["published_on", "stage", *NOTICES]
    save_with_reason(locked, "Published", fields=fields)
    for field in fields:
        setattr(review, field, getattr(locked, field))


@transaction.atomic
def review_panel_feedback(
    *, review: Review, panel_feedback: str, panel_feedback_on: datetime.date | None
) -> None:
    """The national Panel's feedback on the final report: how reviews are judged since Ofsted
    stopped grading them in 2012."""
    locked = _lock(review)
    refuse(panel_feedback_refusal(locked))
    errors = {}
    if not panel_feedback.strip():
        errors["panel_feedback"] = FEEDBACK_REQUIRED
    if panel_feedback_on is None:
        errors["panel_feedback_on"] = FEEDBACK_DATE_REQUIRED
    elif panel_feedback_on > _today():
        errors["panel_feedback_on"] = FEEDBACK_IN_FUTURE
    else:
        report = (
            locked.documents.filter(kind=ReviewDocument.Kind.FINAL_REPORT)
            .order_by("uploaded_at")
            .first()
        )
        if report is not None and panel_feedback_on < report.uploaded_at.date():
            errors["panel_feedback_on"] = FEEDBACK_BEFORE_REPORT.format(
                date=long_date(report.uploaded_at.date())
            )
    if errors:
        raise ValidationError(errors)
    locked.panel_feedback = panel_feedback.strip()
    locked.panel_feedback_on = panel_feedback_on
    save_with_reason(
        locked, "The Panel's feedback recorded", fields=["panel_feedback", "panel_feedback_on"]
    )
    review.panel_feedback, review.panel_feedback_on = locked.panel_feedback, panel_feedback_on


@transaction.atomic
def review_grade(*, review: Review, quality_grade: str) -> None:
    """Ofsted's evaluation of a serious case review of 2007 to 2012: good, adequate or
    inadequate."""
    locked = _lock(review)
    refuse(grading_refusal(locked))
    if quality_grade not in Review.QualityGrade.values:
        raise ValidationError({"quality_grade": GRADE_REQUIRED})
    locked.quality_grade = quality_grade
    save_with_reason(locked, "Quality graded", fields=["quality_grade"])
    review.quality_grade = quality_grade
