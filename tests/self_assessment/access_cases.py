"""Who may open each page of the board's self-assessment."""

import datetime

from safeboard.accounts.roles import Role
from safeboard.self_assessment.models import Question
from tests.access import AccessCase

from .factories import completed_assessment, open_assessment

MEMBERS = {Role.BUSINESS_MANAGER, Role.CHAIR, Role.BOARD_MEMBER}
RUNS_IT = {Role.BUSINESS_MANAGER}


def _open(cast):
    return {"pk": open_assessment().pk}


def _completed(cast):
    assessment = completed_assessment(
        person=cast[Role.CHAIR].person,
        title="Board self-assessment 2025",
        opened_on=datetime.date(2025, 3, 1),
        completed_on=datetime.date(2025, 4, 1),
        score_of=lambda question: 3,
    )
    return {"pk": assessment.pk}


def _question(cast):
    return {"pk": Question.objects.first().pk}


ACCESS_CASES = [
    AccessCase("self_assessment:list", MEMBERS),
    AccessCase("self_assessment:detail", MEMBERS, _completed),
    AccessCase("self_assessment:rate", MEMBERS, _open),
    AccessCase("self_assessment:open", RUNS_IT),
    AccessCase("self_assessment:complete", RUNS_IT, _open),
    AccessCase("self_assessment:add_action", RUNS_IT, _completed),
    AccessCase("self_assessment:questions", RUNS_IT),
    AccessCase("self_assessment:question_add", RUNS_IT),
    AccessCase("self_assessment:question_edit", RUNS_IT, _question),
]
