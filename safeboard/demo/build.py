"""Build the demo partnership: a fictional county's safeguarding children partnership.

Everything is invented and made from a fixed seed, so the same seed gives the same
partnership; dates are relative to the day it is built.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge
from safeboard.core.demo_credentials import DEFAULT_DEMO_PASSWORD
from safeboard.core.planner import refresh_statistics
from safeboard.meetings.models import Attendance, Decision, Meeting
from safeboard.partnership.models import (
    Agency,
    Group,
    HandbookPage,
    InductionPlan,
    Membership,
    Person,
)
from safeboard.priorities.models import BusinessPlan, Priority
from safeboard.risks.models import Risk, RiskReview
from safeboard.scorecard.models import Figure, FigureRevision, Indicator, IndicatorQuery

from .actions import build_actions
from .audits import build_audits
from .challenges import build_challenges
from .exchange import build_exchange
from .governance import build_groups, build_induction_plans
from .handbook import build_handbook
from .impact import build_impact
from .learning import build_learning
from .meetings import build_meetings
from .names import PARTNERSHIP_NAME
from .people import Directory, build_people
from .plan import build_plan, link_measures_to_indicators
from .public_face import build_public_face
from .reports import build_reports
from .review_lessons import build_review_lessons
from .reviews import build_reviews
from .risks import build_risks
from .scorecard import build_demo_scorecard
from .section11 import build_section11
from .self_assessment import build_self_assessments
from .timeline import Clock
from .voice import build_voice
from .wider_learning import build_wider_learning

DEFAULT_SEED = 2019  # the year boards became safeguarding children partnerships

PRODUCTION_REFUSED = (
    "The demo partnership is never built in production: its accounts share a public "
    "password and public two-factor secrets."
)
NOT_EMPTY = (
    "The database already holds a partnership; the demo is only built into an empty one. "
    "Use --if-empty to skip quietly, or start from a fresh database."
)

# The accounts to show someone trying the demo: one for each kind of user.
SHOWCASE = (
    "manager",
    "chair",
    "police.board",
    "police.lead",
    "community.hv",
    "lay.1",
    "auditor",
    "learning",
    "la.lead_member",
)


class DemoRefused(Exception):
    pass


@dataclass(frozen=True)
class Login:
    role: str
    email: str
    name: str
    agency: str
    totp_secret: str = ""


@dataclass(frozen=True)
class DemoResult:
    seed: int
    password: str
    logins: list[Login]
    counts: dict[str, int]


def demo_password() -> str:
    return getattr(settings, "DEMO_PASSWORD", None) or DEFAULT_DEMO_PASSWORD


def refuse_in_production() -> None:
    if getattr(settings, "SAFEBOARD_PRODUCTION", False):
        raise DemoRefused(PRODUCTION_REFUSED)


def has_partnership() -> bool:
    return Agency.objects.exists()


def build_demo(*, seed: int = DEFAULT_SEED, password: str | None = None) -> DemoResult:
    refuse_in_production()
    password = password or demo_password()
    with transaction.atomic():
        if has_partnership():
            raise DemoRefused(NOT_EMPTY)
        rng = random.Random(seed)
        clock = Clock(timezone.localdate())
        directory = build_people(rng=rng, clock=clock, password=password)
        groups = build_groups(clock=clock, directory=directory)
        build_induction_plans(rng=rng, clock=clock, directory=directory)
        build_handbook(clock=clock, directory=directory)
        decisions = build_meetings(rng=rng, clock=clock, directory=directory, groups=groups)
        # The registers draw on their own stream, so adding them left the rest unchanged.
        registers_rng = random.Random(f"{seed}-registers")
        plan = build_plan(rng=registers_rng, clock=clock, directory=directory)
        build_actions(
            rng=rng,
            clock=clock,
            directory=directory,
            decisions=decisions,
            priorities=plan.by_theme,
        )
        build_risks(rng=registers_rng, clock=clock, directory=directory, plan=plan)
        build_challenges(rng=registers_rng, clock=clock, directory=directory, plan=plan)
        build_demo_scorecard(
            rng=random.Random(f"{seed}-scorecard"), clock=clock, directory=directory, plan=plan
        )
        link_measures_to_indicators(plan)
        reviews = build_reviews(clock=clock, directory=directory)  # noqa: F841 - learning follows
        build_review_lessons(
            rng=random.Random(f"{seed}-review-learning"),
            clock=clock,
            directory=directory,
            reviews=reviews,
        )
        build_learning(rng=random.Random(f"{seed}-learning"), clock=clock)
        refresh_statistics()  # the bookings are the most rows by far; later steps read them
        build_audits(rng=random.Random(f"{seed}-audits"), clock=clock, directory=directory)
        build_section11(rng=random.Random(f"{seed}-section11"), clock=clock, directory=directory)
        # Voice and the wider sources of learning follow the plan, its actions and the
        # challenge log they link to, and come before the impact claims that read the chain.
        build_voice(clock=clock, directory=directory, plan=plan)
        build_wider_learning(clock=clock, directory=directory)
        build_impact(
            rng=random.Random(f"{seed}-impact"), clock=clock, directory=directory, plan=plan
        )
        build_self_assessments(
            rng=random.Random(f"{seed}-self-assessment"), clock=clock, directory=directory
        )
        build_public_face(clock=clock, directory=directory)
        build_exchange(directory=directory)
        # The reports' figures read the thousands of rows built above: the planner must
        # know how many there are before it plans those queries.
        refresh_statistics()
        # Last: the reports' figures are computed from everything built before.
        build_reports(clock=clock, directory=directory)
    return DemoResult(
        seed=seed, password=password, logins=_showcase(directory), counts=demo_counts()
    )


def _showcase(directory: Directory) -> list[Login]:
    logins = []
    for key in SHOWCASE:
        spec, person = directory.specs[key], directory.people[key]
        logins.append(
            Login(
                role=Role(spec.role).label,
                email=directory.users[key].email,
                name=person.full_name,
                agency=directory.agencies[spec.agency].short_name,
                totp_secret=directory.totp_secrets.get(key, ""),
            )
        )
    return logins


def demo_counts() -> dict[str, int]:
    today = timezone.localdate()
    open_actions = Action.objects.exclude(status=Action.Status.COMPLETE)
    return {
        "agencies": Agency.objects.count(),
        "people": Person.objects.count(),
        "groups": Group.objects.count(),
        "memberships": Membership.objects.count(),
        "ended memberships": Membership.objects.filter(ended_on__isnull=False).count(),
        "meetings held": Meeting.objects.filter(starts_at__date__lt=today).count(),
        "meetings to come": Meeting.objects.filter(starts_at__date__gte=today).count(),
        "attendance records": Attendance.objects.count(),
        "decisions": Decision.objects.count(),
        "induction plans": InductionPlan.objects.count(),
        "handbook pages": HandbookPage.objects.count(),
        "actions": Action.objects.count(),
        "not started": open_actions.filter(
            status=Action.Status.NOT_STARTED, due_on__gte=today
        ).count(),
        "in progress": open_actions.filter(
            status=Action.Status.IN_PROGRESS, due_on__gte=today
        ).count(),
        "complete": Action.objects.filter(status=Action.Status.COMPLETE).count(),
        "overdue": open_actions.filter(due_on__lt=today).count(),
        "business plans": BusinessPlan.objects.count(),
        "priorities": Priority.objects.count(),
        "risks": Risk.objects.count(),
        "risk reviews": RiskReview.objects.count(),
        "challenges": Challenge.objects.count(),
        "indicators": Indicator.objects.count(),
        "figures": Figure.objects.count(),
        "figure revisions": FigureRevision.objects.count(),
        "indicator queries": IndicatorQuery.objects.count(),
        **_scrutiny_and_learning_counts(),
    }


def _scrutiny_and_learning_counts() -> dict[str, int]:
    from safeboard.audits.models import AuditRound, AuditTool
    from safeboard.learning.models import Booking, Course, Learner, Session
    from safeboard.reviews.models import Briefing, Finding, Review
    from safeboard.section11.models import Cycle, Return

    return {
        "case reviews": Review.objects.count(),
        "review findings": Finding.objects.count(),
        "briefings": Briefing.objects.count(),
        "audit tools": AuditTool.objects.count(),
        "audit rounds": AuditRound.objects.count(),
        "section 11 cycles": Cycle.objects.count(),
        "section 11 returns": Return.objects.count(),
        "courses": Course.objects.count(),
        "sessions": Session.objects.count(),
        "practitioners": Learner.objects.count(),
        "attended places": Booking.objects.filter(attendance="attended").count(),
    }


def summary_lines(result: DemoResult) -> list[str]:
    c = result.counts
    return [
        f"Built the {PARTNERSHIP_NAME} (seed {result.seed}):",
        f"  {c['agencies']} agencies, {c['people']} people with accounts, {c['groups']} groups "
        f"({c['memberships']} memberships, {c['ended memberships']} ended)",
        f"  {c['meetings held']} meetings held and {c['meetings to come']} to come, "
        f"{c['attendance records']} attendance records, {c['decisions']} decisions",
        f"  {c['actions']} actions: {c['not started']} not started, {c['in progress']} in "
        f"progress, {c['complete']} complete, {c['overdue']} overdue",
        f"  {c['induction plans']} induction plans, {c['handbook pages']} handbook pages",
        f"  {c['business plans']} business plan with {c['priorities']} priorities, "
        f"{c['risks']} risks ({c['risk reviews']} reviews), {c['challenges']} challenges",
        f"  {c['indicators']} scorecard indicators with {c['figures']} figures "
        f"({c['figure revisions']} revised), {c['indicator queries']} queries to agencies",
        f"  {c['case reviews']} case reviews ({c['review findings']} findings, "
        f"{c['briefings']} briefings), {c['audit tools']} audit tools in {c['audit rounds']} "
        f"rounds, {c['section 11 cycles']} Section 11 cycles ({c['section 11 returns']} returns)",
        f"  {c['courses']} courses, {c['sessions']} sessions, {c['practitioners']} practitioners "
        f"({c['attended places']} places attended)",
    ]


def login_table(result: DemoResult) -> list[str]:
    rows = [("Role", "Sign in as", "Name", "Agency", "TOTP secret")]
    rows += [(a.role, a.email, a.name, a.agency, a.totp_secret) for a in result.logins]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines += [
        "",
        f"Every demo account's password is: {result.password}",
        "Accounts with a TOTP secret ask for a code at sign-in: add the secret to an "
        "authenticator app as a time-based key (6 digits, 30 seconds).",
    ]
    return lines
