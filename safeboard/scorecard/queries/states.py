"""The life of a query to an indicator's owning agency, as named states and the changes each
allows.

Open (asked) -> answered (the board judges: accepts, or challenges, which opens it again)
-> accepted (closed). The query's page, the form pages (GET and POST alike) and the services
all ask these predicates; the refusals are the errors they show.
"""

from __future__ import annotations

from safeboard.core.asking.stages import awaits_answer, is_answered, is_closed
from safeboard.core.transitions import Transition

from ..models import IndicatorQuery

__all__ = ["ANSWER", "JUDGE", "awaits_answer", "is_answered", "is_closed"]

NOT_OPEN = "This query is not waiting for an answer: it has been {status}."
NOT_ANSWERED = "There is no answer to judge: the agency has not answered this query yet."

_STATUS_WORDS = {
    IndicatorQuery.Status.ANSWERED: "answered",
    IndicatorQuery.Status.ACCEPTED: "answered and the answer accepted",
}


def _answer_refusal(query: IndicatorQuery) -> str | None:
    if awaits_answer(query):
        return None
    return NOT_OPEN.format(status=_STATUS_WORDS[IndicatorQuery.Status(query.status)])


ANSWER = Transition("query_may_be_answered", _answer_refusal)
JUDGE = Transition(
    "query_answer_may_be_judged", lambda query: None if is_answered(query) else NOT_ANSWERED
)
