"""A round's results: the standard met by question and agency, grades, and the comparison."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.audits import tool_services
from safeboard.audits.factories import (
    AnswerFactory,
    AssignmentFactory,
    AuditRoundFactory,
    ModerationFactory,
    SampleCaseFactory,
)
from safeboard.audits.models import AuditRound, Grade, Question
from safeboard.audits.results import Tally, compare_rounds, earlier_rounds, round_results
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def police():
    return AgencyFactory(name="Shire Constabulary", short_name="Police", type=Agency.Type.POLICE)


@pytest.fixture
def health():
    return AgencyFactory(name="Shire Health", type=Agency.Type.HEALTH_TRUST)


def _questions(audit_round):
    """(police yes/no, police grade, everyone's yes/no, everyone's free text)"""
    return tuple(
        Question.objects.filter(section__version=audit_round.tool_version).order_by(
            "section__position", "position"
        )
    )


def _answered(audit_round, agency, answers: dict, *, submitted=True, proposed=Grade.GOOD):
    case = SampleCaseFactory(round=audit_round)
    assignment = AssignmentFactory(
        case=case, agency=agency, submitted=submitted, proposed_grade=proposed if submitted else ""
    )
    for question, choice in answers.items():
        AnswerFactory(assignment=assignment, question=question, choice=choice)
    return assignment


def test_only_yes_and_good_grades_meet_the_standard_and_free_text_is_not_counted(police):
    audit_round = AuditRoundFactory()
    yes_no, grade, voice, lived = _questions(audit_round)
    _answered(audit_round, police, {yes_no: "yes", grade: "outstanding", voice: "partly"})
    _answered(audit_round, police, {yes_no: "no", grade: "requires_improvement", voice: "yes"})
    AnswerFactory(assignment__case__round=audit_round, question=lived, choice="")
    results = round_results(audit_round=audit_round)
    by_question = {r.question.pk: r.overall for r in results.measured}
    assert by_question == {yes_no.pk: Tally(1, 2), grade.pk: Tally(1, 2), voice.pk: Tally(1, 2)}
    assert [q.pk for q in results.text_questions] == [lived.pk]
    assert results.overall == Tally(3, 6)


def test_drafts_are_not_counted(police):
    audit_round = AuditRoundFactory()
    yes_no = _questions(audit_round)[0]
    _answered(audit_round, police, {yes_no: "yes"})
    _answered(audit_round, police, {yes_no: "no"}, submitted=False)
    results = round_results(audit_round=audit_round)
    assert results.measured[0].overall == Tally(1, 1)
    assert (results.submitted, results.assigned) == (1, 2)


def test_each_agency_is_tallied_on_the_questions_it_is_asked(police, health):
    audit_round = AuditRoundFactory()
    yes_no, grade, voice, _ = _questions(audit_round)
    _answered(audit_round, police, {yes_no: "yes", grade: "good", voice: "no"})
    _answered(audit_round, health, {voice: "yes"})
    results = round_results(audit_round=audit_round)
    assert [agency.name for agency in results.agencies] == ["Shire Constabulary", "Shire Health"]
    cells = {r.question.pk: r.by_agency for r in results.measured}
    assert cells[yes_no.pk] == [Tally(1, 1), None]  # health is not asked the police's section
    assert cells[voice.pk] == [Tally(0, 1), Tally(1, 1)]
    assert [row.tally for row in results.by_agency] == [Tally(2, 3), Tally(1, 1)]


def test_grades_are_counted_as_agreed_and_as_proposed(police, health):
    audit_round = AuditRoundFactory()
    first = _answered(audit_round, police, {}, proposed=Grade.GOOD)
    AssignmentFactory(
        case=first.case, agency=health, submitted=True, proposed_grade=Grade.INADEQUATE
    )
    ModerationFactory(case=first.case, agreed_grade=Grade.REQUIRES_IMPROVEMENT)
    _answered(audit_round, police, {}, proposed=Grade.GOOD)
    results = round_results(audit_round=audit_round)
    counts = {row.grade: (row.agreed, row.proposed) for row in results.grades}
    assert counts[Grade.REQUIRES_IMPROVEMENT] == (1, 0)
    assert counts[Grade.GOOD] == (0, 2)
    assert counts[Grade.INADEQUATE] == (0, 1)
    assert results.moderated == 1
    assert [row.views_differed for row in results.cases] == [True, False]


def _closed_round_on(version, **kwargs) -> AuditRound:
    return AuditRoundFactory(tool_version=version, closed=True, **kwargs)


def test_a_re_audit_is_compared_question_by_question_across_versions(police):
    earlier = _closed_round_on(AuditRoundFactory().tool_version)
    yes_no, grade, voice, _ = _questions(earlier)
    _answered(earlier, police, {yes_no: "no", grade: "good", voice: "no"})
    _answered(earlier, police, {yes_no: "yes", grade: "good", voice: "no"})
    # The tool changes after the first round: its grade question is removed.
    tool_services.question_remove(question=grade)
    later_version = earlier.tool.versions.get(number=2)
    later = AuditRoundFactory(tool_version=later_version)
    new_yes_no, new_voice, _ = _questions(later)
    _answered(later, police, {new_yes_no: "yes", new_voice: "yes"})
    _answered(later, police, {new_yes_no: "yes", new_voice: "no"})

    comparison = compare_rounds(
        earlier=round_results(audit_round=earlier), later=round_results(audit_round=later)
    )
    rows = {row.text: (row.earlier, row.later, row.change) for row in comparison.rows}
    assert rows[yes_no.text] == (Tally(1, 2), Tally(2, 2), 50)
    assert rows[voice.text] == (Tally(0, 2), Tally(1, 2), 50)
    assert rows[grade.text] == (Tally(2, 2), None, None)
    assert comparison.overall.change == 75 - 50


def test_earlier_rounds_are_closed_rounds_of_the_same_tool_set_up_before():
    later = AuditRoundFactory()
    version = later.tool_version
    now = timezone.now()
    before = _closed_round_on(version)
    still_open = AuditRoundFactory(tool_version=version)
    other_tool = AuditRoundFactory(closed=True)
    AuditRound.objects.filter(pk__in=[before.pk, still_open.pk, other_tool.pk]).update(
        created_at=now - datetime.timedelta(days=400)
    )
    assert list(earlier_rounds(audit_round=later)) == [before]
