"""Answers reopened and changed keep their own history: who changed which answer, from what
to what, shown on the case page to the business manager who moderates it."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.audits import answer_services
from safeboard.audits.answer_history import NO_ANSWER, answer_changes
from safeboard.audits.answer_services import ANSWERS_SUBMITTED, AnswerInput
from safeboard.audits.selectors import numbered_questions
from safeboard.partnership.factories import PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


def _answers(audit, *, first: str) -> list[AnswerInput]:
    yes_no, grade = audit.police_only
    voice, lived = audit.everyone
    return [
        AnswerInput(yes_no.pk, choice=first),
        AnswerInput(grade.pk, choice="good"),
        AnswerInput(voice.pk, choice="partly"),
        AnswerInput(lived.pk, text="Frightened at home; safe at school."),
    ]


def _submit(audit, *, first: str, by):
    return answer_services.assignment_save_answers(
        assignment=audit.police,
        answers=_answers(audit, first=first),
        proposed_grade="good",
        submit=True,
        changed_by=by,
    )


@pytest.fixture
def corrected(audit, cast):
    """The police answer and submit, the manager reopens, and a colleague who took over the
    case changes the first answer from yes to no and submits again."""
    _submit(audit, first="yes", by=cast[Role.AUDITOR])
    answer_services.assignment_reopen(assignment=audit.police, reason="Wrong case file read")
    colleague = UserFactory(
        person=PersonFactory(agency=cast.home_agency, full_name="Robin Colleague"),
        roles=[Role.AUDITOR],
    )
    _submit(audit, first="no", by=colleague)
    return colleague


def test_a_changed_answer_names_who_changed_which_question_from_what_to_what(audit, corrected):
    questions = numbered_questions(audit.audit_round.tool_version)

    (change,) = answer_changes(case=audit.case, questions=questions)

    assert change.who == str(corrected)
    assert change.question.pk == audit.police_only[0].pk
    assert (change.old, change.new) == ("Yes", "No")
    assert change.reason == ANSWERS_SUBMITTED


def test_an_answer_cleared_after_a_reopening_shows_as_no_answer(audit, cast):
    _submit(audit, first="yes", by=cast[Role.AUDITOR])
    answer_services.assignment_reopen(assignment=audit.police, reason="Check the voice question")
    voice = audit.everyone[0]
    answer_services.assignment_save_answers(
        assignment=audit.police,
        answers=[AnswerInput(voice.pk)],
        changed_by=cast[Role.AUDITOR],
    )

    changes = answer_changes(
        case=audit.case, questions=numbered_questions(audit.audit_round.tool_version)
    )
    (change,) = changes

    assert (change.question.pk, change.old, change.new) == (voice.pk, "Partly", NO_ANSWER)


def test_answers_given_before_the_first_submission_are_not_listed_as_changes(audit, cast):
    _submit(audit, first="yes", by=cast[Role.AUDITOR])

    assert answer_changes(case=audit.case, questions={}) == []


def test_the_business_manager_reads_the_changes_to_answers_on_the_case_page(audit, corrected, cast):
    url = reverse("audits:case_detail", args=[audit.case.pk])

    page = html.unescape(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(url).content.decode())

    section = page[page.index("Changes to answers") :]
    assert "Robin Colleague" in section
    assert audit.police_only[0].text in section
    assert "Yes" in section and "No" in section


def test_an_agency_lead_of_another_agency_cannot_read_the_changes_to_answers(
    audit, corrected, cast
):
    url = reverse("audits:case_detail", args=[audit.case.pk])

    response = signed_in_client(cast.other_agency_lead).get(url)

    assert response.status_code in (403, 404)
    assert "Robin Colleague" not in response.content.decode()
