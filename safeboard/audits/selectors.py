"""Reads of case audits for pages, the home page and the reminder job.

The results of a round (standard met, grades, comparison) are read in results.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.partnership.models import Agency, Person
from safeboard.themes.models import Theme

from .models import (
    Answer,
    Assignment,
    AuditRound,
    AuditTool,
    Finding,
    Moderation,
    Question,
    SampleCase,
    Section,
    ToolVersion,
)

# Tools


def latest_version(tool: AuditTool) -> ToolVersion | None:
    return tool.versions.order_by("-number").first()


def tool_list() -> QuerySet[AuditTool]:
    """Every tool with its latest version number and how many rounds have used it."""
    latest = ToolVersion.objects.filter(tool=OuterRef("pk")).order_by("-number")
    rounds = (
        AuditRound.objects.filter(tool_version__tool=OuterRef("pk"))
        .order_by()
        .values("tool_version__tool")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return AuditTool.objects.annotate(
        latest_number=Subquery(latest.values("number")[:1]),
        round_count=Coalesce(Subquery(rounds, output_field=IntegerField()), 0),
    ).order_by("-is_active", "name")


def version_sections(version: ToolVersion) -> list[Section]:
    """The version's sections in order, numbered from 1, each with its numbered questions and
    the agencies it names (so `section.is_answered_by` costs no query)."""
    sections = list(
        version.sections.prefetch_related(
            "agencies", Prefetch("questions", queryset=Question.objects.order_by("position", "id"))
        ).order_by("position", "id")
    )
    for section_number, section in enumerate(sections, start=1):
        section.number = section_number
        for question_number, question in enumerate(section.questions.all(), start=1):
            question.number = f"{section_number}.{question_number}"
            question.sort_key = (section_number, question_number)
            question.section = section
    return sections


def numbered_questions(version: ToolVersion) -> dict[int, Question]:
    """Every question of the version by id, numbered "2.3" (section 2, question 3)."""
    return {
        question.pk: question
        for section in version_sections(version)
        for question in section.questions.all()
    }


def sections_answered_by(version: ToolVersion, agency: Agency) -> list[Section]:
    return [section for section in version_sections(version) if section.is_answered_by(agency)]


def tool_versions(tool: AuditTool) -> list[ToolVersion]:
    """The tool's versions, newest first, each with the rounds that used it."""
    return list(
        tool.versions.prefetch_related(
            Prefetch("rounds", queryset=AuditRound.objects.order_by("created_at", "id"))
        ).order_by("-number")
    )


def active_tools() -> QuerySet[AuditTool]:
    return AuditTool.objects.filter(is_active=True).order_by("name")


# Rounds


def _count_of(model: type[models.Model], **filters: Any) -> Coalesce:
    counted = model._default_manager.filter(**filters).order_by().values(next(iter(filters)))
    return Coalesce(
        Subquery(counted.annotate(count=Count("pk")).values("count"), output_field=IntegerField()),
        0,
    )


def with_progress(rounds: QuerySet[AuditRound]) -> QuerySet[AuditRound]:
    """Add case, assignment, submitted and moderated counts, one subquery each."""
    return rounds.annotate(
        case_count=_count_of(SampleCase, round=OuterRef("pk")),
        assignment_count=_count_of(Assignment, case__round=OuterRef("pk")),
        submitted_count=_count_of(
            Assignment, case__round=OuterRef("pk"), submitted_at__isnull=False
        ),
        moderated_count=_count_of(Moderation, case__round=OuterRef("pk")),
    )


def visible_rounds(*, user: User) -> QuerySet[AuditRound]:
    """Every round for the business manager and the chair; closed rounds for report readers;
    for an agency's leads and auditors, the closed rounds their agency took part in. The
    queryset form of the `audits.view_report` rule (rules.py)."""
    rounds = AuditRound.objects.select_related("tool_version__tool", "theme")
    if user.has_perm("audits.view_round"):
        return rounds
    closed = rounds.filter(status=AuditRound.Status.CLOSED)
    if user.has_perm("audits.read_closed_reports"):
        return closed
    if user.has_perm("audits.read_own_agencys_reports") and user.agency_id is not None:
        took_part = Assignment.objects.filter(agency_id=user.agency_id).values("case__round")
        return closed.filter(pk__in=took_part)
    return rounds.none()


def reads_some_reports(user: User) -> bool:
    """Whether the round list shows the user any rounds (those they may read the report of)."""
    return any(
        user.has_perm(permission)
        for permission in (
            "audits.view_round",
            "audits.read_closed_reports",
            "audits.read_own_agencys_reports",
        )
    )


def findings_about(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[Finding]:
    """Audit findings tagged with any of `themes`, each once."""
    return Finding.objects.filter(pk__in=Finding.objects.filter(themes__in=themes).values("pk"))


def theme_findings(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[Finding]:
    """Audit findings tagged with `themes` in the rounds whose report `user` may read (every
    round without a user), the latest round first, areas for improvement before strengths."""
    findings = findings_about(themes)
    if user is not None:
        findings = findings.filter(round__in=visible_rounds(user=user))
    return findings.select_related("round").order_by(
        "-round__created_at", "round_id", "-kind", "id"
    )


def theme_findings_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    """How many findings tagged with `themes` are in rounds whose report `user` may not read."""
    return findings_about(themes).exclude(round__in=visible_rounds(user=user)).count()


def round_list(*, user: User) -> QuerySet[AuditRound]:
    return with_progress(visible_rounds(user=user)).order_by("-created_at", "-id")


def _assignments() -> QuerySet[Assignment]:
    return Assignment.objects.select_related(
        "case__round__tool_version__tool", "agency", "auditor"
    ).order_by("due_on", "case__round__reference", "case__number", "agency__name")


def assignments_of_auditor(*, person_id: int | None) -> QuerySet[Assignment]:
    """The assignments of one auditor in rounds not yet closed."""
    if person_id is None:
        return Assignment.objects.none()
    return (
        _assignments()
        .filter(auditor_id=person_id)
        .exclude(case__round__status=AuditRound.Status.CLOSED)
    )


def assignments_of_agency(*, agency_id: int | None) -> QuerySet[Assignment]:
    """An agency's assignments in rounds not yet closed, for its leads."""
    if agency_id is None:
        return Assignment.objects.none()
    return (
        _assignments()
        .filter(agency_id=agency_id)
        .exclude(case__round__status=AuditRound.Status.CLOSED)
    )


def assignments_waiting_for(*, person_id: int | None) -> QuerySet[Assignment]:
    """What an auditor still has to submit in rounds open for answers, soonest due first."""
    if person_id is None:
        return Assignment.objects.none()
    return _assignments().filter(
        auditor_id=person_id,
        submitted_at__isnull=True,
        case__round__status=AuditRound.Status.OPEN,
    )


def cases_with_assignments(*, audit_round: AuditRound) -> QuerySet[SampleCase]:
    return audit_round.cases.prefetch_related(
        "agencies",
        Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "auditor")),
    ).order_by("number")


def agencies_without_auditor(*, case: SampleCase, sections: Sequence[Section]) -> list[Agency]:
    """The agencies involved in the case that answer a section but have no auditor yet."""
    assigned = {assignment.agency_id for assignment in case.assignments.all()}
    return [
        agency
        for agency in case.agencies.all()
        if agency.pk not in assigned and any(section.is_answered_by(agency) for section in sections)
    ]


def _actions_from(model: type[models.Model], ids: Iterable[int]) -> QuerySet[Action]:
    return Action.objects.select_related("owner_person", "owner_agency").filter(
        source_type=ContentType.objects.get_for_model(model), source_id__in=list(ids)
    )


@dataclass
class RoundPage:
    audit_round: AuditRound
    sections: list[Section]
    cases: list[SampleCase]
    findings: list[Finding]

    @property
    def assignments(self) -> list[Assignment]:
        return [assignment for case in self.cases for assignment in case.assignments.all()]


def findings_with_actions(*, audit_round: AuditRound) -> list[Finding]:
    """The round's findings, strengths first, each with `theme_list` and `action_list`."""
    findings = list(audit_round.findings.prefetch_related("themes").order_by("kind", "id"))
    by_finding: dict[int, list[Action]] = {}
    for action in _actions_from(Finding, [finding.pk for finding in findings]).order_by(
        "due_on", "pk"
    ):
        if action.source_id is not None:  # always, as the actions are the findings'
            by_finding.setdefault(action.source_id, []).append(action)
    for finding in findings:
        finding.action_list = by_finding.get(finding.pk, [])
    # Strengths ("strength") sort after areas for improvement ("improvement") by value.
    return sorted(findings, key=lambda finding: (finding.kind != "strength", finding.pk))


def round_page(*, audit_round: AuditRound) -> RoundPage:
    sections = version_sections(audit_round.tool_version)
    cases = list(cases_with_assignments(audit_round=audit_round).select_related("moderation"))
    for case in cases:
        case.missing_agencies = agencies_without_auditor(case=case, sections=sections)
        assignments = case.assignments.all()
        case.all_answers_in = (
            bool(assignments)
            and not case.missing_agencies
            and all(assignment.is_submitted for assignment in assignments)
        )
    return RoundPage(
        audit_round=audit_round,
        sections=sections,
        cases=cases,
        findings=findings_with_actions(audit_round=audit_round),
    )


# One assignment, one case


@dataclass
class AnsweredQuestion:
    question: Question
    answer: Answer | None


@dataclass
class AnsweredSection:
    section: Section
    questions: list[AnsweredQuestion]


def assignment_answers(*, assignment: Assignment) -> list[AnsweredSection]:
    """The sections the assignment's agency answers, each question with its answer if any."""
    sections = sections_answered_by(assignment.case.round.tool_version, assignment.agency)
    answers = {answer.question_id: answer for answer in assignment.answers.all()}
    return [
        AnsweredSection(
            section,
            [
                AnsweredQuestion(question, answers.get(question.pk))
                for question in section.questions.all()
            ],
        )
        for section in sections
    ]


@dataclass
class CaseQuestionRow:
    question: Question
    answers: list[Answer | None | bool]  # one per agency column: False where it is not asked


@dataclass
class CasePage:
    case: SampleCase
    assignments: list[Assignment]
    sections: list[tuple[Section, list[CaseQuestionRow]]]
    moderation: Moderation | None


def case_page(*, case: SampleCase) -> CasePage:
    """Every agency's answers to the case side by side, question by question."""
    assignments = list(
        case.assignments.select_related("agency", "auditor").prefetch_related("answers")
    )
    sections = version_sections(case.round.tool_version)
    answers = {
        (assignment.pk, answer.question_id): answer
        for assignment in assignments
        for answer in assignment.answers.all()
    }
    rows = []
    for section in sections:
        answering = [section.is_answered_by(assignment.agency) for assignment in assignments]
        if not any(answering):
            continue
        rows.append(
            (
                section,
                [
                    CaseQuestionRow(
                        question,
                        [
                            answers.get((assignment.pk, question.pk)) if asked else False
                            for assignment, asked in zip(assignments, answering, strict=True)
                        ],
                    )
                    for question in section.questions.all()
                ],
            )
        )
    moderation = Moderation.objects.filter(case=case).prefetch_related("attendees__agency").first()
    return CasePage(case=case, assignments=assignments, sections=rows, moderation=moderation)


def moderation_attendee_choices(*, audit_round: AuditRound) -> QuerySet[Person]:
    """Who may have attended a moderation: the round's auditors and the partnership team."""
    from safeboard.accounts.roles import Role

    return (
        Person.objects.filter(is_active=True)
        .filter(
            Q(audit_assignments__case__round=audit_round)
            | Q(user__role_assignments__role__in=[Role.BUSINESS_MANAGER, Role.CHAIR, Role.AUDITOR])
        )
        .select_related("agency")
        .distinct()
        .order_by("full_name")
    )


# Dates


def reminder_assignments(*, horizon: datetime.date) -> QuerySet[Assignment]:
    """Answers not yet submitted in open rounds, due on or before `horizon`."""
    return Assignment.objects.filter(
        submitted_at__isnull=True,
        case__round__status=AuditRound.Status.OPEN,
        due_on__lte=horizon,
    ).select_related("auditor__user", "agency", "case__round")
