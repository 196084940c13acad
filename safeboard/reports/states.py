"""The yearly report's life: draft -> board review -> chair's sign-off -> published."""

from __future__ import annotations

from safeboard.core.transitions import Transition

from .models import YearlyReport

Status = YearlyReport.Status


def _needs(*allowed: str, doing: str):
    def refusal(report: YearlyReport) -> str | None:
        if report.status in allowed:
            return None
        return f"The report is {report.get_status_display().lower()}: it cannot be {doing}."

    return refusal


EDIT = Transition("edit", _needs(Status.DRAFT, Status.BOARD_REVIEW, doing="changed"))
SEND_FOR_REVIEW = Transition(
    "send_for_review", _needs(Status.DRAFT, doing="sent to the board for review")
)
RETURN_TO_DRAFT = Transition(
    "return_to_draft",
    _needs(Status.BOARD_REVIEW, Status.SIGNED_OFF, doing="returned to draft"),
)


def _sign_off_refusal(report: YearlyReport) -> str | None:
    if report.status == Status.DRAFT:
        return "The board has not reviewed the report yet: send it for review before sign-off."
    return _needs(Status.BOARD_REVIEW, doing="signed off")(report)


def _publish_refusal(report: YearlyReport) -> str | None:
    if report.status == Status.PUBLISHED:
        return "The report is published already."
    if report.status != Status.SIGNED_OFF:
        return "The chair has not signed the report off: it cannot be published yet."
    return None


def _correct_refusal(report: YearlyReport) -> str | None:
    if report.status != Status.PUBLISHED:
        return "Only a published report has a corrected edition; change the draft instead."
    if report.corrections.exists():
        return "A corrected edition of this report has been issued already."
    return None


SIGN_OFF = Transition("sign_off", _sign_off_refusal)
PUBLISH = Transition("publish", _publish_refusal)
CORRECT = Transition("correct", _correct_refusal)
SEND_TO_RECIPIENTS = Transition(
    "send", _needs(Status.PUBLISHED, doing="sent before it is published")
)
