"""The life of an audit round, as named states and the changes each allows.

Setting up (the sample and its auditors) -> open for answers (answers, reopening,
moderation, findings) -> closed (answers and grades final; findings and actions still
written). The pages' buttons, the form pages (GET and POST alike), the rules and the
services all ask these predicates; the refusals are the errors they show.
"""

from __future__ import annotations

from safeboard.core.transitions import Transition

from .models import AuditRound

ROUND_CLOSED = "This round is closed: it cannot be changed."
ROUND_ALREADY_OPEN = "This round is already open for answers."
ROUND_NOT_OPEN_TO_CLOSE = "Only a round open for answers can be closed."
CASE_CHANGE_ONLY_WHEN_SETTING_UP = (
    "Cases can only be changed while the round is being set up: answers may rest on them."
)
FINDING_BEFORE_OPEN = "Findings are written once the round is open for answers."
MODERATION_ROUND_NOT_OPEN = "Cases are moderated while the round is open for answers."
ANSWERS_NOT_OPEN_YET = "This round is not open for answers yet."
ANSWERS_CLOSED = "This round is closed: answers can no longer be changed."


def is_setting_up(audit_round: AuditRound) -> bool:
    return audit_round.status == AuditRound.Status.SETTING_UP


def is_open(audit_round: AuditRound) -> bool:
    """Open for answers."""
    return audit_round.status == AuditRound.Status.OPEN


def is_closed(audit_round: AuditRound) -> bool:
    """Closed: its answers and grades are final and its report is read by the board."""
    return audit_round.status == AuditRound.Status.CLOSED


def _unless_closed(audit_round: AuditRound) -> str | None:
    return ROUND_CLOSED if is_closed(audit_round) else None


def _open_refusal(audit_round: AuditRound) -> str | None:
    if is_closed(audit_round):
        return ROUND_CLOSED
    return None if is_setting_up(audit_round) else ROUND_ALREADY_OPEN


def _answer_refusal(audit_round: AuditRound) -> str | None:
    if is_setting_up(audit_round):
        return ANSWERS_NOT_OPEN_YET
    return ANSWERS_CLOSED if is_closed(audit_round) else None


# The round's details, its sample and its auditors change until it closes.
SET_UP = Transition("round_may_be_set_up", _unless_closed)
OPEN = Transition("round_may_open", _open_refusal)
CLOSE = Transition(
    "round_may_close", lambda audit_round: None if is_open(audit_round) else ROUND_NOT_OPEN_TO_CLOSE
)
CHANGE_CASE = Transition(
    "round_cases_may_change",
    lambda audit_round: None if is_setting_up(audit_round) else CASE_CHANGE_ONLY_WHEN_SETTING_UP,
)
ANSWER = Transition("round_takes_answers", _answer_refusal)
MODERATE = Transition(
    "round_cases_may_be_moderated",
    lambda audit_round: None if is_open(audit_round) else MODERATION_ROUND_NOT_OPEN,
)
WRITE_FINDING = Transition(
    "round_findings_may_be_written",
    lambda audit_round: FINDING_BEFORE_OPEN if is_setting_up(audit_round) else None,
)
