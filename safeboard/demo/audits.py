"""Multi-agency case audits: five tools, an audit of strategy meetings and its re-audit a
year later (on the tool's second version) showing improvement, and an audit of child
protection plans under way, with answers still to come from auditor@ and lead@.

Tools are built through the tool services (so the second version is made the way the product
makes it); rounds, cases, answers and moderations are planned in memory and written in bulk.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from safeboard.actions.factories import ActionFactory, EvidenceFactory
from safeboard.actions.models import Action, Evidence
from safeboard.audits import tool_services
from safeboard.audits.factories import (
    AnswerFactory,
    AssignmentFactory,
    AuditRoundFactory,
    AuditToolFactory,
    FindingFactory,
    FindingThemeFactory,
    ModerationAttendeeFactory,
    ModerationFactory,
    SampleCaseAgencyFactory,
    SampleCaseFactory,
    ToolVersionFactory,
)
from safeboard.audits.models import (
    AgeBand,
    Answer,
    Assignment,
    AuditRound,
    AuditTool,
    Finding,
    Grade,
    Moderation,
    Question,
    SampleCase,
    ToolVersion,
)
from safeboard.audits.selectors import version_sections
from safeboard.audits.services import next_round_reference
from safeboard.audits.standards import answer_meets_standard
from safeboard.core.history import history_stamps
from safeboard.partnership.models import Person
from safeboard.themes.models import Theme

from . import audit_texts as texts
from .people import Directory
from .timeline import Clock


@dataclass(frozen=True)
class RoundPlan:
    title: str
    theme: str  # a theme's slug
    sample: str
    created: int  # days ago
    opened: int
    due: int  # days ago (negative: still to come)
    moderation: int
    closed: int | None
    yes_rate: float  # how often practice met the standard
    cases: tuple[tuple[str, ...], ...]  # the agencies involved in each case, by key
    # Agencies (by key) doing better or worse than the rest, by how much.
    leaning: tuple[tuple[str, float], ...] = ()
    # Questions (by their first words) answered better or worse than the rest.
    question_leaning: tuple[tuple[str, float], ...] = ()


# Who audits for each agency: the first named audits most cases.
AUDITORS = {
    "la": ("la.auditor", "auditor"),
    "police": ("police.auditor", "police.lead"),
    "community": ("community.lead",),
    "acute": ("acute.lead",),
    "schools": ("schools.lead",),
    "gp": ("gp.lead",),
}
CORE = ("la", "police")
EARLIER = RoundPlan(
    "Strategy meetings: do they plan the enquiry?",
    "recording",
    "Eight children whose strategy meeting or discussion was held in one quarter, chosen at "
    "random from the contact records, one in four from the out-of-hours service.",
    created=470,
    opened=462,
    due=430,
    moderation=416,
    closed=410,
    yes_rate=0.4,
    leaning=(("police", 0.3),),
    question_leaning=(("Does the record state the planned investigation", -0.3),),
    cases=(
        (*CORE, "community"),
        (*CORE, "schools"),
        (*CORE, "acute"),
        (*CORE,),
        (*CORE, "community", "schools"),
        (*CORE, "gp"),
        (*CORE, "acute"),
        (*CORE, "schools"),
    ),
)
LATER = RoundPlan(
    "Strategy meetings: re-audit",
    "recording",
    "Eight children whose strategy meeting was held a year after the first audit, chosen the "
    "same way, to see whether the new strategy record template has changed practice.",
    created=118,
    opened=112,
    due=84,
    moderation=70,
    closed=63,
    yes_rate=0.8,
    leaning=(("community", -0.3), ("acute", -0.3), ("gp", -0.3)),
    cases=EARLIER.cases,
)
IN_PROGRESS = RoundPlan(
    "Child protection plans: is it clear who does what?",
    "information-sharing",
    "Six children who became subject to a child protection plan in the last six months, one "
    "from each social work team.",
    created=26,
    opened=21,
    due=-5,
    moderation=-19,
    closed=None,
    yes_rate=0.6,
    cases=(
        (*CORE, "community", "schools"),
        (*CORE, "community"),
        (*CORE, "community", "schools"),
        (*CORE, "community"),
        (*CORE, "community", "schools"),
        (*CORE, "community"),
    ),
)
# The plans audit under way: who has answered what, case by case and agency by agency.
SUBMITTED, DRAFT, NOT_STARTED = "submitted", "draft", "not started"
IN_PROGRESS_STATES: dict[str, list[str | None]] = {
    "la": [SUBMITTED, SUBMITTED, DRAFT, SUBMITTED, NOT_STARTED, DRAFT],
    "police": [SUBMITTED, SUBMITTED, SUBMITTED, NOT_STARTED, NOT_STARTED, DRAFT],
    "community": [SUBMITTED, SUBMITTED, SUBMITTED, DRAFT, NOT_STARTED, NOT_STARTED],
    "schools": [SUBMITTED, None, NOT_STARTED, None, DRAFT, None],
}
# auditor@ and lead@ answer some cases of the plans audit (by case number).
IN_PROGRESS_AUDITORS = {
    "la": {3: "auditor", 5: "auditor"},
    "police": {2: "police.lead", 4: "police.lead", 6: "police.lead"},
}


@dataclass
class _Plan:
    """Everything the audits will write, gathered before the bulk writes."""

    rounds: list[AuditRound] = field(default_factory=list)
    cases: list[tuple[SampleCase, tuple[str, ...]]] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    answers: list[tuple[Assignment, Answer]] = field(default_factory=list)
    moderations: list[tuple[Moderation, list[Person]]] = field(default_factory=list)


class _Builder:
    def __init__(self, rng: random.Random, clock: Clock, directory: Directory) -> None:
        self.rng, self.clock, self.directory = rng, clock, directory
        self.manager = directory.manager
        self.plan = _Plan()

    def at(self, days_ago: int, hour: int = 10) -> datetime.datetime:
        return self.clock.at(self.clock.days_ago(days_ago), hour=hour)

    # Tools

    def tool(self, spec: texts.ToolSpec) -> AuditTool:
        tool = tool_services.tool_create(name=spec.name, purpose=spec.purpose)
        for section_spec in spec.sections:
            section = tool_services.section_add(
                tool=tool,
                title=section_spec.title,
                guidance=section_spec.guidance,
                agency_types=section_spec.answered_by,
            )
            for question in section_spec.questions:
                tool_services.question_add(
                    section=section,
                    text=question.text,
                    kind=question.kind,
                    guidance=question.guidance,
                    answer_required=question.required,
                )
        return tool

    # Rounds

    def round(self, plan: RoundPlan, version: ToolVersion) -> AuditRound:
        clock = self.clock
        audit_round = AuditRound(
            reference=next_round_reference(clock.days_ago(plan.created).year),
            title=plan.title,
            tool_version=version,
            theme=Theme.objects.get(slug=plan.theme),
            sample=plan.sample,
            answers_due_on=clock.days_ago(plan.due),
            moderation_on=clock.days_ago(plan.moderation),
            status=AuditRound.Status.CLOSED if plan.closed else AuditRound.Status.OPEN,
            opened_on=clock.days_ago(plan.opened),
            closed_on=clock.days_ago(plan.closed) if plan.closed else None,
            created_by=self.manager,
        )
        history_stamps(audit_round)._history_date = self.at(plan.closed or plan.opened, hour=16)
        history_stamps(audit_round)._history_user = self.manager
        AuditRoundFactory.create_in_bulk([audit_round], validate=True, with_history=True)
        audit_round.created_at = self.at(plan.created)
        AuditRoundFactory.update_in_bulk([audit_round], ["created_at"])
        version.frozen_at = version.frozen_at or self.at(plan.created)
        ToolVersionFactory.update_in_bulk([version], ["frozen_at"])
        self.plan.rounds.append(audit_round)
        return audit_round

    def cases(self, audit_round: AuditRound, plan: RoundPlan) -> list[tuple[SampleCase, tuple]]:
        rng = self.rng
        made = []
        for number, agency_keys in enumerate(plan.cases, start=1):
            case = SampleCase(
                round=audit_round,
                number=number,
                reference=f"{audit_round.reference}-C{number}",
                age_band=rng.choice(AgeBand.values),
                context=rng.choice(texts.CASE_CONTEXT),
            )
            history_stamps(case)._history_date = self.at(plan.created - 1)
            history_stamps(case)._history_user = self.manager
            self.plan.cases.append((case, agency_keys))
            made.append((case, agency_keys))
        return made

    def auditor(self, agency_key: str, case_number: int, *, in_progress: bool) -> Person:
        if in_progress:
            named = IN_PROGRESS_AUDITORS.get(agency_key, {}).get(case_number)
            if named:
                return self.directory.people[named]
        return self.directory.people[AUDITORS[agency_key][0]]


def _choice(rng: random.Random, question: Question, yes_rate: float) -> str:
    roll = rng.random()
    if question.kind == Question.Kind.GRADE:
        if roll < yes_rate * 0.25:
            return Grade.OUTSTANDING
        if roll < yes_rate:
            return Grade.GOOD
        return (
            Grade.REQUIRES_IMPROVEMENT
            if roll < yes_rate + (1 - yes_rate) * 0.7
            else Grade.INADEQUATE
        )
    if roll < yes_rate:
        return "yes"
    return "partly" if roll < yes_rate + (1 - yes_rate) * 0.5 else "no"


def _text_answer(rng: random.Random, question: Question) -> str:
    if "difference" in question.text:
        return rng.choice(texts.DIFFERENCE_MADE)
    if "child say" in question.text:
        return rng.choice(texts.CHILD_WOULD_SAY)
    return rng.choice(texts.LIVED_EXPERIENCE)


def _proposed_grade(rng: random.Random, share_met: float) -> str:
    if share_met >= 0.85:
        return Grade.OUTSTANDING if rng.random() < 0.3 else Grade.GOOD
    if share_met >= 0.6:
        return Grade.GOOD
    if share_met >= 0.25:
        return Grade.REQUIRES_IMPROVEMENT
    return Grade.INADEQUATE


_GRADE_ORDER = [value for value, _ in Grade.choices]


def _answers_for(
    builder: _Builder,
    assignment: Assignment,
    questions: list[Question],
    plan: RoundPlan,
    *,
    agency_key: str,
    part: float = 1.0,
) -> float:
    """Write the assignment's answers (the first `part` of them); the share meeting the standard."""
    rng = builder.rng
    agency_rate = plan.yes_rate + dict(plan.leaning).get(agency_key, 0.0)
    met, counted = 0, 0
    for question in questions[: max(1, round(len(questions) * part))]:
        if question.kind == Question.Kind.TEXT:
            answer = Answer(question=question, text=_text_answer(rng, question))
        else:
            leaning = sum(
                delta for start, delta in plan.question_leaning if question.text.startswith(start)
            )
            choice = _choice(rng, question, min(0.95, max(0.05, agency_rate + leaning)))
            comment = rng.choice(texts.EVIDENCE_COMMENTS) if rng.random() < 0.3 else ""
            answer = Answer(question=question, choice=choice, text=comment)
            met += bool(answer_meets_standard(question.kind, choice))
            counted += 1
        builder.plan.answers.append((assignment, answer))
    return met / counted if counted else 0.0


def _audit(builder: _Builder, audit_round: AuditRound, plan: RoundPlan, *, in_progress=False):
    """The round's cases, their assignments and answers, and the moderation of each case
    whose agencies have all submitted (all of them in a closed round)."""
    rng, clock = builder.rng, builder.clock
    sections = version_sections(audit_round.tool_version)
    # Answers come in by the due date, or by yesterday in a round whose date is still to come.
    answered_by = max(plan.due, 1)
    for case, agency_keys in builder.cases(audit_round, plan):
        proposals: list[tuple[str, str, Person]] = []
        all_in = True
        for key in agency_keys:
            agency = builder.directory.agencies[key]
            state: str | None = SUBMITTED
            if in_progress:
                state = IN_PROGRESS_STATES[key][case.number - 1]
                if state is None:
                    continue
            auditor = builder.auditor(key, case.number, in_progress=in_progress)
            due_on = clock.days_ago(plan.due)
            if in_progress and key == "police" and case.number == 4:
                due_on = clock.days_ago(2)  # given an earlier date, now overdue
            assignment = Assignment(case=case, agency=agency, auditor=auditor, due_on=due_on)
            questions = [
                question
                for section in sections
                if section.is_answered_by(agency)
                for question in section.questions.all()
            ]
            if state != NOT_STARTED:
                share = _answers_for(
                    builder,
                    assignment,
                    questions,
                    plan,
                    agency_key=key,
                    part=1.0 if state == SUBMITTED else 0.5,
                )
                assignment.started_at = builder.at(answered_by + rng.randint(3, 12), hour=11)
            if state == SUBMITTED:
                assignment.proposed_grade = _proposed_grade(rng, share)
                assignment.summary = rng.choice(texts.AGENCY_VIEWS)
                assignment.submitted_at = builder.at(answered_by + rng.randint(0, 2), hour=15)
                proposals.append((agency.short_name, assignment.proposed_grade, auditor))
            else:
                all_in = False
            history_stamps(assignment)._history_date = assignment.submitted_at or builder.at(
                plan.opened
            )
            history_stamps(assignment)._history_user = builder.directory.user_of(auditor)
            builder.plan.assignments.append(assignment)
        if all_in and (not in_progress or case.number == 1):
            builder.plan.moderations.append(_moderation(builder, case, plan, proposals))


def _moderation(builder: _Builder, case: SampleCase, plan: RoundPlan, proposals) -> tuple:
    rng = builder.rng
    # A case of a round whose moderation meeting is still to come was moderated early: today.
    moderated = max(plan.moderation, 0)
    counts = Counter(grade for _, grade, _ in proposals)
    # The commonest proposal; on a tie, the lower grade: moderation errs towards caution.
    agreed = max(counts, key=lambda grade: (counts[grade], _GRADE_ORDER.index(grade)))
    moderation = Moderation(
        case=case,
        agreed_grade=agreed,
        moderated_on=builder.clock.days_ago(moderated),
        recorded_by=builder.manager,
    )
    if len(counts) > 1:
        said = "; ".join(f"{name}: {Grade(grade).label.lower()}" for name, grade, _ in proposals)
        moderation.disagreement = f"{said}. {rng.choice(texts.DISAGREEMENT_REASONS)}"
        moderation.resolution = f"{rng.choice(texts.RESOLUTIONS)} {Grade(agreed).label} agreed."
    history_stamps(moderation)._history_date = builder.at(moderated, hour=12)
    history_stamps(moderation)._history_user = builder.manager
    attendees = [auditor for _, _, auditor in proposals] + [builder.directory.people["manager"]]
    return moderation, list(dict.fromkeys(attendees))


def _write(builder: _Builder) -> None:
    plan = builder.plan
    cases = [case for case, _ in plan.cases]
    SampleCaseFactory.create_in_bulk(
        cases, validate=True, with_history=True, history_user=builder.manager
    )
    through = SampleCaseAgencyFactory._meta.model
    agencies = builder.directory.agencies
    SampleCaseAgencyFactory.create_in_bulk(
        through(samplecase_id=case.pk, agency_id=agencies[key].pk)
        for case, keys in plan.cases
        for key in keys
    )
    AssignmentFactory.create_in_bulk(plan.assignments, validate=True, with_history=True)
    answers = []
    for assignment, answer in plan.answers:
        answer.assignment = assignment
        answers.append(answer)
    AnswerFactory.create_in_bulk(answers, batch_size=500)
    moderations = [moderation for moderation, _ in plan.moderations]
    ModerationFactory.create_in_bulk(moderations, validate=True, with_history=True)
    attendees = ModerationAttendeeFactory._meta.model
    ModerationAttendeeFactory.create_in_bulk(
        attendees(moderation_id=moderation.pk, person_id=person.pk)
        for moderation, people in plan.moderations
        for person in people
    )


def _findings(builder: _Builder, earlier: AuditRound, later: AuditRound) -> None:
    """The findings of the two closed rounds, and the actions the areas for improvement led to."""
    people, clock = builder.directory.people, builder.clock
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    specs = [
        (
            earlier,
            "improvement",
            "Strategy records rarely state the planned investigation",
            "Most records list who attended and that an enquiry will follow, but not whether it is "
            "single or joint, who leads, or what each agency will do.",
            "The planned investigation was recorded in too few of the eight cases; see question 2.1.",
            ["recording", "information-sharing"],
            (
                "Add 'the planned investigation' to the strategy meeting record template",
                "la.lead",
                -300,
                (
                    "Every strategy meeting chair now records the planned investigation in the "
                    "new template's own section.",
                    "The re-audit of strategy meetings found the planned investigation recorded "
                    "in most records: see question 2.1 of its report.",
                ),
            ),
        ),
        (
            earlier,
            "improvement",
            "Siblings are seldom considered at strategy meetings",
            "Other children in the household were named in few records, and plans for them in fewer.",
            "Moderation found two cases where a sibling's risk was not discussed at all.",
            ["professional-curiosity"],
            (
                "Brief strategy meeting chairs on considering every child in the household",
                "la.lead",
                -250,
                (
                    "All eleven strategy meeting chairs attended the briefing; the tool now asks "
                    "about every child in the household.",
                ),
            ),
        ),
        (
            earlier,
            "strength",
            "The police take a full part in strategy meetings",
            "The police were invited, took part or sent what they knew, and their own records "
            "say what was planned.",
            "The police met the standard in more of their answers than Children's Services did: "
            "see the results by agency.",
            ["information-sharing"],
            None,
        ),
        (
            later,
            "strength",
            "The planned investigation is now recorded",
            "Since the new template, most strategy records say who leads, whether the enquiry is "
            "joint and what each agency will do.",
            "Compare question 2.1 with the first audit: the share meeting the standard has risen.",
            ["recording"],
            None,
        ),
        (
            later,
            "improvement",
            "Health is not always invited",
            "Community health services were invited to fewer strategy meetings than the other "
            "agencies, though they often knew the family best.",
            "Health services met the standard on question 1.1 less often than the other "
            "agencies: see the results by question and agency.",
            ["information-sharing"],
            (
                "Add the community trust's safeguarding team to the strategy meeting invitation list",
                "community.lead",
                75,
                (),
            ),
        ),
    ]
    findings, links, actions = [], [], []
    for audit_round, kind, title, text, evidence, theme_slugs, action in specs:
        finding = Finding(
            round=audit_round,
            kind=kind,
            title=title,
            text=text,
            evidence=evidence,
            created_by=builder.manager,
        )
        assert audit_round.closed_on is not None, "findings come from closed rounds"
        history_stamps(finding)._history_date = clock.at(audit_round.closed_on, hour=14)
        history_stamps(finding)._history_user = builder.manager
        findings.append(finding)
        links.append(theme_slugs)
        actions.append(action)
    FindingFactory.create_in_bulk(findings, validate=True, with_history=True)
    for finding in findings:
        finding.created_at = history_stamps(finding)._history_date
    FindingFactory.update_in_bulk(findings, ["created_at"])
    through = FindingThemeFactory._meta.model
    FindingThemeFactory.create_in_bulk(
        through(finding_id=finding.pk, theme_id=themes[slug].pk)
        for finding, slugs in zip(findings, links, strict=True)
        for slug in slugs
    )
    source_type = ContentType.objects.get_for_model(Finding)
    made = []
    for finding, action in zip(findings, actions, strict=True):
        if action is None:
            continue
        action_title, owner_key, due_in, action_evidence = action
        owner = people[owner_key]
        record = Action(
            title=action_title,
            owner_agency=owner.agency,
            owner_person=owner,
            due_on=clock.days_ahead(due_in),
            status=Action.Status.COMPLETE if action_evidence else Action.Status.IN_PROGRESS,
            completed_on=clock.days_ahead(due_in - 12) if action_evidence else None,
            source_type=source_type,
            source_id=finding.pk,
            created_by=builder.manager,
        )
        history_stamps(record)._history_date = history_stamps(finding)._history_date
        made.append((record, action_evidence))
    actions_made = [record for record, _ in made]
    ActionFactory.create_in_bulk(
        actions_made, validate=True, with_history=True, history_user=builder.manager
    )
    for record in actions_made:
        record.created_at = history_stamps(record)._history_date
    ActionFactory.update_in_bulk(actions_made, ["created_at"])
    _action_evidence(builder, made, later)


def _action_evidence(builder: _Builder, made, later: AuditRound) -> None:
    """What each completed action did, dated when it was done, and for the first, the
    re-audit that showed its impact, dated when the re-audit closed."""
    entries = []
    for record, evidence in made:
        days = [record.completed_on, later.closed_on]
        for text, day in zip(evidence, days, strict=False):
            entry = Evidence(action=record, description=text, evidence_dated=day)
            entry.added_by = builder.directory.user_of(record.owner_person)
            history_stamps(entry)._history_date = builder.clock.at(day, hour=15)
            entries.append(entry)
    EvidenceFactory.create_in_bulk(entries, validate=True, with_history=True)
    for entry in entries:
        entry.added_at = history_stamps(entry)._history_date
    EvidenceFactory.update_in_bulk(entries, ["added_at"])


def build_audits(*, rng: random.Random, clock: Clock, directory: Directory) -> list[AuditRound]:
    builder = _Builder(rng, clock, directory)
    tools = {spec.key: builder.tool(spec) for spec in texts.TOOLS}
    _date_tools(builder)

    strategy = tools[texts.STRATEGY.key]
    earlier = builder.round(EARLIER, strategy.versions.get())
    _audit(builder, earlier, EARLIER)
    # A year on, the tool gains a question about siblings: its first version is frozen, so
    # the change makes a second version, which the re-audit uses.
    plan_section = strategy.versions.get().sections.get(title="The plan")
    extra = texts.STRATEGY_V2_QUESTION
    second = tool_services.question_add(
        section=plan_section, text=extra.text, kind=extra.kind, guidance=extra.guidance
    ).section.version
    second.created_at = builder.at(200)
    ToolVersionFactory.update_in_bulk([second], ["created_at"])
    later = builder.round(LATER, second)
    _audit(builder, later, LATER)
    plans = builder.round(IN_PROGRESS, tools[texts.PLANS.key].versions.get())
    _audit(builder, plans, IN_PROGRESS, in_progress=True)
    _write(builder)
    _findings(builder, earlier, later)
    return [earlier, later, plans]


def _date_tools(builder: _Builder) -> None:
    """The tools and their first versions were written a year and a half ago."""
    tools = list(AuditTool.objects.all())
    for tool in tools:
        tool.created_at, tool.created_by = builder.at(540), builder.manager
    AuditToolFactory.update_in_bulk(tools, ["created_at", "created_by"])
    versions = list(ToolVersion.objects.all())
    for version in versions:
        version.created_at = builder.at(540)
    ToolVersionFactory.update_in_bulk(versions, ["created_at"])
