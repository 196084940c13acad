"""What counts as meeting the standard a case audit question sets.

A question asks whether practice met a standard ("Does the record state the planned
investigation?"). Its answers are counted the way multi-agency audit reports usually count
them: only a full "yes" meets the standard (a "partly" is an area for improvement, not a pass),
and on the four-point grade only outstanding and good meet it (requires improvement is not
yet good enough, as in an inspection judgement). Free-text answers are read, not counted.
"""

from __future__ import annotations

from .models import Grade, Question, YesNoPartly

_MEETS: dict[str, set[str]] = {
    Question.Kind.YES_NO_PARTLY: {YesNoPartly.YES},
    Question.Kind.GRADE: {Grade.OUTSTANDING, Grade.GOOD},
}


def answer_meets_standard(kind: str, choice: str) -> bool | None:
    """True when an answer meets the standard, False when it does not, None when it does not
    count: a free-text question, or a question left unanswered."""
    if kind not in _MEETS or not choice:
        return None
    return choice in _MEETS[kind]
