"""The ask, answer and judge life shared by challenges and indicator queries."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from safeboard.core.asking.stages import (
    AskedRecord,
    Stage,
    awaits_answer,
    is_answered,
    is_closed,
)
from safeboard.core.transitions import Transition

TODAY = datetime.date(2026, 12, 6)


class Asked(AskedRecord):
    STAGES = {"waiting": Stage.ASKED, "answered": Stage.ANSWERED, "done": Stage.CLOSED}

    def __init__(self, status: str, due: datetime.date) -> None:
        self.status, self.response_due_on = status, due

    def get_status_display(self) -> str:
        return self.status.title()


def test_each_status_reads_as_its_stage():
    assert awaits_answer(Asked("waiting", TODAY))
    assert is_answered(Asked("answered", TODAY))
    assert is_closed(Asked("done", TODAY))


def test_an_unanswered_record_past_its_due_date_is_overdue():
    assert Asked("waiting", TODAY - datetime.timedelta(days=1)).is_overdue(TODAY)
    assert not Asked("waiting", TODAY).is_overdue(TODAY)


def test_an_answered_record_is_never_overdue():
    assert not Asked("answered", TODAY - datetime.timedelta(days=30)).is_overdue(TODAY)


def test_a_transition_the_state_refuses_raises_its_refusal():
    close = Transition("may_close", lambda record: None if is_answered(record) else "Not yet.")
    assert close.allows(Asked("answered", TODAY))
    with pytest.raises(ValidationError) as error:
        close.refuse_unless_allowed(Asked("waiting", TODAY))
    assert error.value.messages == ["Not yet."]
