"""What meets the standard: one rule for every report, tested by its own name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeboard.audits.models import Grade, Question, YesNoPartly
from safeboard.audits.standards import answer_meets_standard

KIND = Question.Kind


@pytest.mark.parametrize(
    ("kind", "choice", "meets"),
    [
        (KIND.YES_NO_PARTLY, YesNoPartly.YES, True),
        (KIND.YES_NO_PARTLY, YesNoPartly.PARTLY, False),
        (KIND.YES_NO_PARTLY, YesNoPartly.NO, False),
        (KIND.GRADE, Grade.OUTSTANDING, True),
        (KIND.GRADE, Grade.GOOD, True),
        (KIND.GRADE, Grade.REQUIRES_IMPROVEMENT, False),
        (KIND.GRADE, Grade.INADEQUATE, False),
    ],
)
def test_answer_meets_standard(kind, choice, meets):
    assert answer_meets_standard(kind, choice) is meets


@given(st.text())
def test_free_text_never_counts(text):
    assert answer_meets_standard(KIND.TEXT, text) is None


@pytest.mark.parametrize("kind", [KIND.YES_NO_PARTLY, KIND.GRADE])
def test_an_unanswered_question_does_not_count(kind):
    assert answer_meets_standard(kind, "") is None
