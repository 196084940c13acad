"""Where an asked record stands: waiting for the answer, with the board, or closed.

Each record keeps its own statuses (a challenge stays "responded" once the board accepts the
response, until it is closed); its model maps them to these stages with `STAGES`, and the
predicates below read the stage, so that both records answer "may the agency answer now?"
and "is it overdue?" the same way.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping

from django.utils import timezone


class Stage(enum.StrEnum):
    ASKED = "asked"  # waiting for the agency's answer
    ANSWERED = "answered"  # the agency has answered: the board has the next move
    CLOSED = "closed"  # settled: nothing more is asked


# The colour of a status tag at each stage; an overdue answer shows red.
TAG_COLOURS = {Stage.ASKED: "blue", Stage.ANSWERED: "yellow", Stage.CLOSED: "green"}
OVERDUE = "Overdue"


class AskedRecord:
    """Mixed into a model with a `status` field and a `response_due_on` date.

    The model names the stage of each of its statuses in `STAGES`.
    """

    STAGES: Mapping[str, Stage]
    status: str
    response_due_on: datetime.date
    get_status_display: Callable[[], str]  # Django adds it for a field with choices

    @property
    def stage(self) -> Stage:
        return self.STAGES[self.status]

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Still waiting for the answer after the day it was due."""
        return awaits_answer(self) and self.response_due_on < (today or timezone.localdate())

    @property
    def display_status(self) -> str:
        """Overdue is derived from the due date, never stored."""
        return OVERDUE if self.is_overdue() else self.get_status_display()

    @property
    def status_tag_colour(self) -> str:
        return "red" if self.is_overdue() else TAG_COLOURS[self.stage]


def awaits_answer(record: AskedRecord) -> bool:
    """The agency has been asked and has not answered (again) yet."""
    return record.stage is Stage.ASKED


def is_answered(record: AskedRecord) -> bool:
    """The agency has answered: the board has the next move."""
    return record.stage is Stage.ANSWERED


def is_closed(record: AskedRecord) -> bool:
    return record.stage is Stage.CLOSED
