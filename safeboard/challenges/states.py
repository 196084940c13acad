"""The life of a challenge, as named states and the changes each allows.

Awaiting response (asked) -> responded (the board has the next move: judge the response,
then, once accepted, close) -> closed. The detail page's buttons, the form pages (GET and
POST alike) and the services all ask these predicates; the refusals are the errors they
show.
"""

from __future__ import annotations

from safeboard.core.asking.stages import awaits_answer, is_answered, is_closed
from safeboard.core.transitions import Transition

from . import selectors
from .models import Challenge, ChallengeResponse

__all__ = ["awaits_answer", "is_answered", "is_closed"]

CHALLENGE_CLOSED = "This challenge is closed: it cannot be changed."
AWAITING_JUDGEMENT = (
    "The agency has already responded: the board must judge that response before the "
    "agency can respond again."
)
RESPONSE_ACCEPTED = (
    "The board has accepted the agency\u2019s response: the challenge is waiting to be closed."
)
NO_RESPONSE_TO_JUDGE = "There is no response to judge: the agency has not responded yet."
JUDGE_BEFORE_CLOSING = "Judge the agency\u2019s latest response before closing the challenge."


def pending_response(challenge: Challenge) -> ChallengeResponse | None:
    """The agency's latest response, while the board has not judged it."""
    return selectors.latest_unjudged_response(challenge=challenge)


def awaits_judgement(challenge: Challenge, *, pending: ChallengeResponse | None) -> bool:
    """The agency has responded and the board has still to judge that response."""
    return is_answered(challenge) and pending is not None


def may_close(challenge: Challenge, *, pending: ChallengeResponse | None) -> bool:
    """Open, with no response waiting for judgement: every round ends with a judgement."""
    return not is_closed(challenge) and pending is None


def _respond_refusal(challenge: Challenge) -> str | None:
    if is_closed(challenge):
        return CHALLENGE_CLOSED
    if is_answered(challenge):
        return AWAITING_JUDGEMENT if pending_response(challenge) else RESPONSE_ACCEPTED
    return None


def _judge_refusal(challenge: Challenge) -> str | None:
    if is_closed(challenge):
        return CHALLENGE_CLOSED
    if not awaits_judgement(challenge, pending=pending_response(challenge)):
        return NO_RESPONSE_TO_JUDGE
    return None


def _close_refusal(challenge: Challenge) -> str | None:
    if is_closed(challenge):
        return CHALLENGE_CLOSED
    if not may_close(challenge, pending=pending_response(challenge)):
        return JUDGE_BEFORE_CLOSING
    return None


RESPOND = Transition("challenge_may_be_answered", _respond_refusal)
JUDGE = Transition("challenge_response_may_be_judged", _judge_refusal)
CLOSE = Transition("challenge_may_be_closed", _close_refusal)
