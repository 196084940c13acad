"""Shared set-up for the case audit tests: an open round whose case two agencies audit."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory, SampleCaseFactory
from safeboard.audits.models import Answer, Assignment, AuditRound, Question, SampleCase
from safeboard.partnership.factories import PersonFactory


@dataclass
class Audit:
    """An open round with one case: the police (the cast's home agency) answer both sections,
    the health trust (the other agency) only the section every agency answers."""

    audit_round: AuditRound
    case: SampleCase
    police: Assignment
    health: Assignment
    police_only: list[Question]  # section 1: a yes/no/partly question, then a grade
    everyone: list[Question]  # section 2: a yes/no/partly question, then free text
    health_auditor: object


@pytest.fixture
def audit(cast) -> Audit:
    audit_round = AuditRoundFactory()
    case = SampleCaseFactory(round=audit_round, agencies=[cast.home_agency, cast.other_agency])
    health_auditor = UserFactory(
        person=PersonFactory(agency=cast.other_agency), roles=[Role.AUDITOR]
    )
    police = AssignmentFactory(
        case=case, agency=cast.home_agency, auditor=cast[Role.AUDITOR].person
    )
    health = AssignmentFactory(case=case, agency=cast.other_agency, auditor=health_auditor.person)
    sections = list(audit_round.tool_version.sections.order_by("position"))
    return Audit(
        audit_round=audit_round,
        case=case,
        police=police,
        health=health,
        police_only=list(sections[0].questions.order_by("position")),
        everyone=list(sections[1].questions.order_by("position")),
        health_auditor=health_auditor,
    )


def answers_snapshot(assignment: Assignment) -> tuple:
    """An assignment's state and answers, to prove that a refused change changed nothing."""
    assignment = Assignment.objects.get(pk=assignment.pk)
    return (
        assignment.proposed_grade,
        assignment.summary,
        assignment.started_at,
        assignment.submitted_at,
        assignment.history.count(),
        sorted(
            Answer.objects.filter(assignment=assignment).values_list(
                "question_id", "choice", "text"
            )
        ),
    )
