"""The life of a case review, as named states: what each stage allows.

A case is referred, notified and sent to the Panel as a rapid review where its edition asks
for them, then decided: closed without a review, decided (a rapid review only), or held as a
review, which runs until its final report is in (reported) and then published.

Each action that the stage (or the step already done) can forbid has one `*_refusal`
function here: None when the action is allowed, otherwise the sentence that says why not.
The service refuses the write with it (`refuse()`), the form's page refuses its GET with it,
and the review's page shows the action's button only where it is allowed. `rules.py` reads
publication from here too.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q

from safeboard.core.dates import long_date

from .models import AgencyContribution, Decision, FrameworkEdition, Milestone, Review

Stage = Review.Stage

# Nothing more is chased, asked for or added once a case is closed or published.
FINISHED_STAGES = frozenset({Stage.CLOSED, Stage.PUBLISHED})
# A review is under way, from the decision to hold it until it is published.
UNDER_REVIEW_STAGES = frozenset({Stage.IN_REVIEW, Stage.REPORTED})
# The final report has come in.
REPORT_IN_STAGES = frozenset({Stage.REPORTED, Stage.PUBLISHED})
# Decisions that put the case below the criteria: no notification or rapid review is asked.
BELOW_CRITERIA = frozenset({Decision.Outcome.LEARNING_REVIEW, Decision.Outcome.NO_REVIEW})

NO_NOTIFICATION = "Cases under {edition} are not notified: there is no notification to record."
NO_RAPID_REVIEW = "Cases under {edition} have no rapid review."
BELOW_CRITERIA_NOT_NOTIFIED = (
    "This case was decided to be below the criteria ({outcome}): it is not notified and has "
    "no rapid review."
)
NOT_GRADED = (
    "Ofsted graded serious case reviews only under the editions of 2007 to 2012: record the "
    "Panel's feedback instead."
)
NO_PANEL_FEEDBACK = "Serious case reviews under {edition} were graded by Ofsted, not the Panel."
FEEDBACK_BEFORE_REPORT = "The Panel gives its feedback on the final report: upload it first."
RAPID_REVIEW_BEFORE_NOTIFICATION = (
    "A rapid review cannot be sent before the notification: record the notification first."
)
DECISION_SIGNED_OFF = "The chair has signed this decision off: it can no longer be changed."
DECISION_TOO_LATE = "The review has reported: its decision can no longer be changed."
ALREADY_SIGNED_OFF = "The chair has already signed this decision off."
NOT_IN_REVIEW = "This case has no review under way: record a decision to hold one first."
CASE_FINISHED = "This case is {stage}: nothing more can be added to it."
NO_FINAL_REPORT = "Upload the final report before publishing the review."
ALREADY_PUBLISHED = "This review was already published, on {date}."
GRADE_BEFORE_REPORT = "A review is graded once its final report is in."
ALREADY_RECEIVED = "This contribution was already received, on {date}."
ALREADY_COMPLETED = "This milestone was already completed, on {date}."


def refuse(refusal: str | None) -> None:
    """Raise the refusal as the service's ValidationError; nothing when the action is allowed."""
    if refusal is not None:
        raise ValidationError(refusal)


# The states.


def is_published(review: Review) -> bool:
    """Published: every signed-in user may read its summary and its lessons."""
    return review.published_on is not None and review.stage == Stage.PUBLISHED


def published_q(prefix: str = "") -> Q:
    """`is_published` as a filter; `prefix` reaches the review from another model."""
    return Q(**{f"{prefix}stage": Stage.PUBLISHED, f"{prefix}published_on__isnull": False})


def is_open(review: Review) -> bool:
    """Neither closed nor published: its steps are chased and work can be added to it."""
    return review.stage not in FINISHED_STAGES


def is_closed(review: Review) -> bool:
    """Closed without a review."""
    return review.stage == Stage.CLOSED


def is_under_review(review: Review) -> bool:
    """A review is being held: from the decision to hold one until publication."""
    return review.stage in UNDER_REVIEW_STAGES


def is_held(review: Review) -> bool:
    """A review was held: under way, or published."""
    return is_under_review(review) or review.stage == Stage.PUBLISHED


def has_final_report(review: Review) -> bool:
    return review.stage in REPORT_IN_STAGES


def awaiting_publication(review: Review) -> bool:
    """The final report is in and the review is not yet published."""
    return review.stage == Stage.REPORTED


def is_signed_off(decision: Decision | None) -> bool:
    return decision is not None and decision.signed_off_at is not None


# The actions the state can refuse, each with the reason it gives.


def below_criteria_outcome(review: Review) -> str | None:
    """The decision's words when it put the case below the criteria, else None.

    Reads `review.decision` (select it with the review)."""
    # A missing reverse one-to-one raises an AttributeError: getattr's default catches it.
    decision = getattr(review, "decision", None)
    if decision is not None and decision.outcome in BELOW_CRITERIA:
        return decision.get_outcome_display()
    return None


def notification_refusal(review: Review) -> str | None:
    """The serious incident notification, where the edition has one and the case was not
    decided to be below the criteria."""
    if review.notification_working_days is None:
        return NO_NOTIFICATION.format(edition=review.edition)
    outcome = below_criteria_outcome(review)
    if outcome and review.notification_sent_on is None:
        return BELOW_CRITERIA_NOT_NOTIFIED.format(outcome=outcome.lower())
    return None


def rapid_review_refusal(review: Review) -> str | None:
    """The rapid review, where the edition has one, only once the notification is sent."""
    if review.rapid_review_working_days is None:
        return NO_RAPID_REVIEW.format(edition=review.edition)
    outcome = below_criteria_outcome(review)
    if outcome and review.rapid_review_sent_on is None:
        return BELOW_CRITERIA_NOT_NOTIFIED.format(outcome=outcome.lower())
    if review.notification_sent_on is None:
        return RAPID_REVIEW_BEFORE_NOTIFICATION
    return None


def decision_refusal(review: Review, decision: Decision | None) -> str | None:
    """The decision may be recorded, and changed, until the chair signs it off or the
    review reports."""
    if is_signed_off(decision):
        return DECISION_SIGNED_OFF
    if has_final_report(review):
        return DECISION_TOO_LATE
    return None


def sign_off_refusal(decision: Decision) -> str | None:
    return ALREADY_SIGNED_OFF if is_signed_off(decision) else None


def set_up_refusal(review: Review) -> str | None:
    """The review's details, while a review is under way."""
    return None if is_under_review(review) else NOT_IN_REVIEW


def addition_refusal(review: Review) -> str | None:
    """Contributions asked of agencies, events and milestones, while the case is open."""
    if is_open(review):
        return None
    return CASE_FINISHED.format(stage=review.get_stage_display().lower())


def publication_refusal(review: Review) -> str | None:
    if review.stage == Stage.PUBLISHED and review.published_on is not None:
        return ALREADY_PUBLISHED.format(date=long_date(review.published_on))
    return None if awaiting_publication(review) else NO_FINAL_REPORT


def is_ofsted_graded(review: Review) -> bool:
    """A serious case review under an edition whose reviews Ofsted graded (2007 to 2012)."""
    decision = getattr(review, "decision", None)
    return (
        review.edition.quality == FrameworkEdition.Quality.OFSTED_GRADE
        and decision is not None
        and decision.outcome == Decision.Outcome.SCR
    )


def grading_refusal(review: Review) -> str | None:
    """Ofsted's grade, for a serious case review of 2007 to 2012 once its final report is in."""
    if not is_ofsted_graded(review):
        return NOT_GRADED
    return None if has_final_report(review) else GRADE_BEFORE_REPORT


def panel_feedback_refusal(review: Review) -> str | None:
    """The Panel's feedback on the final report: every review Ofsted did not grade."""
    if review.edition.quality == FrameworkEdition.Quality.OFSTED_GRADE:
        return NO_PANEL_FEEDBACK.format(edition=review.edition)
    return None if has_final_report(review) else FEEDBACK_BEFORE_REPORT


def receipt_refusal(contribution: AgencyContribution) -> str | None:
    """A chronology or report is received once."""
    if contribution.received_on is None:
        return None
    return ALREADY_RECEIVED.format(date=long_date(contribution.received_on))


def completion_refusal(milestone: Milestone) -> str | None:
    """A milestone is done once."""
    if milestone.completed_on is None:
        return None
    return ALREADY_COMPLETED.format(date=long_date(milestone.completed_on))


# What the review's page offers: the allowed actions still worth doing.


def notification_awaited(review: Review) -> bool:
    return (
        is_open(review)
        and notification_refusal(review) is None
        and review.notification_sent_on is None
    )


def rapid_review_awaited(review: Review) -> bool:
    """The rapid review's record may be written or completed: until the Panel has answered."""
    if not is_open(review) or rapid_review_refusal(review) is not None:
        return False
    record = getattr(review, "rapid_review", None)
    return record is None or review.rapid_review_sent_on is None or not record.panel_response


def rapid_review_waits_for_notification(review: Review) -> bool:
    return (
        is_open(review)
        and review.rapid_review_working_days is not None
        and review.notification_sent_on is None
        and below_criteria_outcome(review) is None
    )


def accepts_documents(review: Review) -> bool:
    """Reports may be uploaded to any case not closed without a review."""
    return not is_closed(review)
