"""The results of a round: how often the standard was met, by question and by agency, the
moderated grades, and the comparison with an earlier round of the same tool.

Only submitted answers count: a draft may still change. Per question and agency, the tally
counts cases (an agency answers a case once); per question across agencies, it counts answers.
What meets the standard is decided by standards.answer_meets_standard alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from safeboard.partnership.models import Agency

from . import selectors
from .models import Assignment, AuditRound, Grade, Question, SampleCase, Section
from .standards import answer_meets_standard


@dataclass(frozen=True)
class Tally:
    """How many counted answers met the standard."""

    met: int = 0
    counted: int = 0

    def plus(self, met: bool) -> Tally:
        return Tally(self.met + int(met), self.counted + 1)

    @property
    def percent(self) -> float | None:
        """The share that met the standard, 0 to 100; None when nothing was counted."""
        return 100 * self.met / self.counted if self.counted else None

    @property
    def rounded(self) -> int | None:
        percent = self.percent
        return None if percent is None else round(percent)


@dataclass
class QuestionResult:
    question: Question
    overall: Tally
    by_agency: list[Tally | None]  # one per agency of the round; None where it is not asked


@dataclass
class SectionResult:
    section: Section
    questions: list[QuestionResult]


@dataclass
class AgencyResult:
    agency: Agency
    tally: Tally
    assigned: int
    submitted: int


@dataclass
class GradeCount:
    grade: str
    label: str
    agreed: int
    proposed: int


@dataclass
class CaseGrades:
    case: SampleCase
    proposed: list[tuple[Agency, str]]  # each submitted agency's proposed grade (label)
    agreed: str  # the moderated grade (label), or ""
    views_differed: bool


@dataclass
class RoundResults:
    audit_round: AuditRound
    agencies: list[Agency]
    sections: list[SectionResult]
    by_agency: list[AgencyResult]
    overall: Tally
    grades: list[GradeCount]
    cases: list[CaseGrades]
    assigned: int = 0
    submitted: int = 0
    moderated: int = 0
    text_questions: list[Question] = field(default_factory=list)

    @property
    def measured(self) -> list[QuestionResult]:
        return [result for section in self.sections for result in section.questions]


def _submitted_choices(assignments: list[Assignment]) -> dict[tuple[int, int], str]:
    """(assignment id, question id) -> the choice given, for submitted assignments only."""
    from .models import Answer

    submitted = [assignment.pk for assignment in assignments if assignment.is_submitted]
    rows = Answer.objects.filter(assignment_id__in=submitted).values_list(
        "assignment_id", "question_id", "choice"
    )
    return {(assignment_id, question_id): choice for assignment_id, question_id, choice in rows}


def _question_result(
    question: Question,
    section: Section,
    agencies: list[Agency],
    assignments: list[Assignment],
    choices: dict[tuple[int, int], str],
) -> QuestionResult:
    by_agency: dict[int, Tally] = {
        agency.pk: Tally() for agency in agencies if section.is_answered_by(agency)
    }
    overall = Tally()
    for assignment in assignments:
        met = answer_meets_standard(question.kind, choices.get((assignment.pk, question.pk), ""))
        if met is None or assignment.agency_id not in by_agency:
            continue
        by_agency[assignment.agency_id] = by_agency[assignment.agency_id].plus(met)
        overall = overall.plus(met)
    return QuestionResult(question, overall, [by_agency.get(agency.pk) for agency in agencies])


def _case_grades(cases: list[SampleCase], assignments: list[Assignment]) -> list[CaseGrades]:
    by_case: dict[int, list[Assignment]] = {}
    for assignment in assignments:
        by_case.setdefault(assignment.case_id, []).append(assignment)
    rows = []
    for case in cases:
        submitted = [a for a in by_case.get(case.pk, []) if a.is_submitted and a.proposed_grade]
        moderation = getattr(case, "moderation", None)
        agreed = moderation.agreed_grade if moderation else ""
        proposed = {assignment.proposed_grade for assignment in submitted}
        rows.append(
            CaseGrades(
                case=case,
                proposed=[(a.agency, Grade(a.proposed_grade).label) for a in submitted],
                agreed=Grade(agreed).label if agreed else "",
                views_differed=len(proposed) > 1 or bool(agreed and proposed - {agreed}),
            )
        )
    return rows


def round_results(*, audit_round: AuditRound) -> RoundResults:
    sections = selectors.version_sections(audit_round.tool_version)
    assignments = list(Assignment.objects.filter(case__round=audit_round).select_related("agency"))
    cases = list(
        audit_round.cases.select_related("moderation")
        .prefetch_related("agencies")
        .order_by("number")
    )
    agencies = sorted({a.agency for a in assignments}, key=lambda agency: agency.name)
    choices = _submitted_choices(assignments)
    submitted = [assignment for assignment in assignments if assignment.is_submitted]

    section_results, text_questions = [], []
    for section in sections:
        measured = []
        for question in section.questions.all():
            if question.is_measured:
                measured.append(_question_result(question, section, agencies, submitted, choices))
            else:
                text_questions.append(question)
        if measured:
            section_results.append(SectionResult(section, measured))

    by_agency, overall = [], Tally()
    for index, agency in enumerate(agencies):
        tally = Tally()
        for result in (r for s in section_results for r in s.questions):
            cell = result.by_agency[index]
            if cell is not None:
                tally = Tally(tally.met + cell.met, tally.counted + cell.counted)
        overall = Tally(overall.met + tally.met, overall.counted + tally.counted)
        mine = [a for a in assignments if a.agency_id == agency.pk]
        by_agency.append(
            AgencyResult(agency, tally, len(mine), sum(1 for a in mine if a.is_submitted))
        )

    case_grades = _case_grades(cases, assignments)
    grades = [
        GradeCount(
            grade=value,
            label=label,
            agreed=sum(1 for row in case_grades if row.agreed == label),
            proposed=sum(1 for a in submitted if a.proposed_grade == value),
        )
        for value, label in Grade.choices
    ]
    return RoundResults(
        audit_round=audit_round,
        agencies=agencies,
        sections=section_results,
        by_agency=by_agency,
        overall=overall,
        grades=grades,
        cases=case_grades,
        assigned=len(assignments),
        submitted=len(submitted),
        moderated=sum(1 for row in case_grades if row.agreed),
        text_questions=text_questions,
    )


# Comparison with an earlier round


def earlier_rounds(*, audit_round: AuditRound) -> QuerySet[AuditRound]:
    """Closed rounds of the same tool (any version) set up before this one, newest first."""
    return (
        AuditRound.objects.filter(
            tool_version__tool_id=audit_round.tool_version.tool_id,
            status=AuditRound.Status.CLOSED,
            created_at__lt=audit_round.created_at,
        )
        .exclude(pk=audit_round.pk)
        .select_related("tool_version")
        .order_by("-created_at", "-id")
    )


@dataclass
class ComparisonRow:
    number: str
    text: str
    earlier: Tally | None  # None: the question was not asked in that round
    later: Tally | None

    @property
    def change(self) -> float | None:
        """The change in the share meeting the standard, in percentage points."""
        if self.earlier is None or self.later is None:
            return None
        if self.earlier.percent is None or self.later.percent is None:
            return None
        return round(self.later.percent - self.earlier.percent)


@dataclass
class Comparison:
    earlier: RoundResults
    later: RoundResults
    rows: list[ComparisonRow]
    overall: ComparisonRow


def compare_rounds(*, earlier: RoundResults, later: RoundResults) -> Comparison:
    """Question by question, matched by the key a question keeps from version to version."""
    earlier_by_key = {result.question.key: result for result in earlier.measured}
    rows, seen = [], set()
    for result in later.measured:
        before = earlier_by_key.get(result.question.key)
        seen.add(result.question.key)
        rows.append(
            ComparisonRow(
                number=result.question.number,
                text=result.question.text,
                earlier=before.overall if before else None,
                later=result.overall,
            )
        )
    for result in earlier.measured:
        if result.question.key not in seen:
            rows.append(
                ComparisonRow(
                    number=f"({result.question.number})",
                    text=result.question.text,
                    earlier=result.overall,
                    later=None,
                )
            )
    overall = ComparisonRow("", "All questions", earlier.overall, later.overall)
    return Comparison(earlier=earlier, later=later, rows=rows, overall=overall)
