"""Checking the returns: moderation, and peer challenge of self-declarations.

A moderation panel agrees a score beside each self-assessed one, always with its reason.
The board also samples self-declarations (standards an organisation says it meets) and
asks for the evidence behind them; the organisation answers, and the board concludes
whether the evidence supports the score.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason

from .models import Cycle, EvidenceRequest, Rating, Return
from .return_services import record_evidence

NOT_SUBMITTED = "The return has not been submitted yet: there is nothing to moderate."
CYCLE_CLOSED = "This cycle is closed: it cannot be changed."
MODERATED_OFF_SCALE = "The moderated score must be a whole number from {minimum} to {maximum}."
MODERATION_REASON_REQUIRED = "Give the panel's reason for the moderated score of standard {code}."
QUESTION_REQUIRED = "Say what evidence the board asks to see."
REQUEST_DUE_NOT_AFTER_TODAY = "The response due date must be after today."
ALREADY_REQUESTED = "Evidence for this standard has already been asked for and not yet concluded."
SAMPLE_SIZE_INVALID = "The sample must be at least 1."
NOTHING_TO_SAMPLE = (
    "There is no self-declaration to sample: no submitted return scores a standard as met "
    "without evidence already asked for."
)
RESPONSE_REQUIRED = "Enter your response."
REQUEST_NOT_OPEN = "The board is no longer waiting for a response to this request."
REQUEST_CONCLUDED = "This request has been concluded."
CONCLUSION_REQUIRED = "Choose the board's conclusion."
CONCLUSION_NOTE_REQUIRED = "Give the reason for the conclusion."


def _today() -> datetime.date:
    return timezone.localdate()


@dataclass(frozen=True)
class ModeratedScore:
    rating: Rating
    score: int | None  # None: the panel agreed no score for this standard (yet)
    reason: str


@transaction.atomic
def return_moderate(
    *, agency_return: Return, scores: list[ModeratedScore], moderated_by: User | None = None
) -> Return:
    """Record the panel's agreed scores, each with its reason, all or none."""
    cycle = agency_return.cycle
    if cycle.is_closed:
        raise ValidationError(CYCLE_CLOSED)
    if not agency_return.is_submitted:
        raise ValidationError(NOT_SUBMITTED)
    scale = cycle.scale
    errors: dict[str, str] = {}
    for entry in scores:
        code = entry.rating.standard.code
        if entry.score is None:
            continue
        if not scale.contains(entry.score):
            errors[f"score_{entry.rating.pk}"] = MODERATED_OFF_SCALE.format(
                minimum=scale.minimum, maximum=scale.maximum
            )
        if not entry.reason.strip():
            errors[f"reason_{entry.rating.pk}"] = MODERATION_REASON_REQUIRED.format(code=code)
    if errors:
        raise ValidationError(errors)
    today = _today()
    for entry in scores:
        rating = entry.rating
        reason = entry.reason.strip()
        unchanged = rating.moderated_score == entry.score and rating.moderation_reason == reason
        if unchanged or (entry.score is None and rating.moderated_score is None):
            continue
        rating.moderated_score = entry.score
        rating.moderation_reason = reason if entry.score is not None else ""
        rating.moderated_on = today if entry.score is not None else None
        rating.moderated_by = moderated_by if entry.score is not None else None
        rating.full_clean()
        save_with_reason(
            rating,
            "Moderated",
            fields=["moderated_score", "moderation_reason", "moderated_on", "moderated_by"],
        )
    return agency_return


def _check_request(
    rating: Rating, *, question: str, response_due_on: datetime.date
) -> dict[str, str]:
    errors = {}
    if rating.agency_return.cycle.is_closed:
        raise ValidationError(CYCLE_CLOSED)
    if not rating.agency_return.is_submitted:
        raise ValidationError(NOT_SUBMITTED)
    if not question.strip():
        errors["question"] = QUESTION_REQUIRED
    if response_due_on <= _today():
        errors["response_due_on"] = REQUEST_DUE_NOT_AFTER_TODAY
    return errors


@transaction.atomic
def evidence_request_create(
    *,
    rating: Rating,
    question: str,
    response_due_on: datetime.date,
    requested_by: User | None = None,
    is_sampled: bool = False,
) -> EvidenceRequest:
    """Ask an organisation for the evidence behind its score for one standard."""
    errors = _check_request(rating, question=question, response_due_on=response_due_on)
    if errors:
        raise ValidationError(errors)
    if rating.requests.exclude(status=EvidenceRequest.Status.CONCLUDED).exists():
        raise ValidationError(ALREADY_REQUESTED)
    request = EvidenceRequest(
        rating=rating,
        question=question.strip(),
        is_sampled=is_sampled,
        requested_on=_today(),
        requested_by=requested_by,
        response_due_on=response_due_on,
    )
    request.full_clean()
    request.save()
    return request


def sample_pool(cycle: Cycle) -> QuerySet[Rating]:
    """Self-declarations that may be sampled: submitted standards scored as met, with no
    request for evidence already made."""
    return (
        Rating.objects.filter(
            agency_return__cycle=cycle,
            agency_return__status=Return.Status.SUBMITTED,
            self_score__gte=cycle.met_score,
        )
        .exclude(requests__isnull=False)
        .select_related("agency_return__agency", "agency_return__cycle", "standard")
        .order_by("pk")
    )


@transaction.atomic
def sample_draw(
    *,
    cycle: Cycle,
    size: int,
    question: str,
    response_due_on: datetime.date,
    requested_by: User | None = None,
    rng: random.Random | None = None,
) -> list[EvidenceRequest]:
    """Draw `size` self-declarations at random (or all, if fewer) and ask for their evidence."""
    if size < 1:
        raise ValidationError({"size": SAMPLE_SIZE_INVALID})
    if cycle.is_closed:
        raise ValidationError(CYCLE_CLOSED)
    pool = list(sample_pool(cycle))
    if not pool:
        raise ValidationError(NOTHING_TO_SAMPLE)
    drawn = (rng or random.SystemRandom()).sample(pool, min(size, len(pool)))
    return [
        evidence_request_create(
            rating=rating,
            question=question,
            response_due_on=response_due_on,
            requested_by=requested_by,
            is_sampled=True,
        )
        for rating in sorted(drawn, key=lambda rating: rating.pk)
    ]


@transaction.atomic
def evidence_request_respond(
    *,
    request: EvidenceRequest,
    response: str,
    file: UploadedFile | None = None,
    dated_on: datetime.date | None = None,
    responded_by: User | None = None,
) -> EvidenceRequest:
    """The organisation's answer; a file sent with it joins the standard's evidence."""
    locked = EvidenceRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != EvidenceRequest.Status.OPEN:
        raise ValidationError(REQUEST_NOT_OPEN)
    response = response.strip()
    if not response:
        raise ValidationError({"response": RESPONSE_REQUIRED})
    if file is not None:
        record_evidence(
            rating=request.rating,
            description=response,
            dated_on=dated_on,
            file=file,
            added_by=responded_by,
            request=locked,
        )
    locked.response = response
    locked.responded_on = _today()
    locked.responded_by = responded_by
    locked.status = EvidenceRequest.Status.ANSWERED
    locked.full_clean()
    save_with_reason(
        locked, "Answered", fields=["response", "responded_on", "responded_by", "status"]
    )
    return locked


@transaction.atomic
def evidence_request_conclude(
    *, request: EvidenceRequest, conclusion: str, note: str, concluded_by: User | None = None
) -> EvidenceRequest:
    """The board's conclusion: whether the evidence supports the score declared."""
    locked = EvidenceRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status == EvidenceRequest.Status.CONCLUDED:
        raise ValidationError(REQUEST_CONCLUDED)
    errors = {}
    if conclusion not in EvidenceRequest.Conclusion.values:
        errors["conclusion"] = CONCLUSION_REQUIRED
    if not note.strip():
        errors["note"] = CONCLUSION_NOTE_REQUIRED
    if errors:
        raise ValidationError(errors)
    locked.conclusion = conclusion
    locked.conclusion_note = note.strip()
    locked.concluded_on = _today()
    locked.concluded_by = concluded_by
    locked.status = EvidenceRequest.Status.CONCLUDED
    locked.full_clean()
    save_with_reason(
        locked,
        f"Concluded: {locked.get_conclusion_display()}",
        fields=["conclusion", "conclusion_note", "concluded_on", "concluded_by", "status"],
    )
    return locked
