"""The board and its subgroups, who sits on them, and the induction of new members."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from safeboard.core.history import history_stamps
from safeboard.partnership.factories import (
    GroupFactory,
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
)
from safeboard.partnership.models import Group, InductionItem, InductionPlan, Membership

from .names import PARTNERSHIP_NAME
from .people import Directory
from .timeline import Clock


@dataclass(frozen=True)
class GroupSpec:
    key: str
    name: str
    purpose: str


BOARD = GroupSpec(
    "board",
    f"{PARTNERSHIP_NAME} Board",
    "The three safeguarding partners and the relevant agencies agree the partnership's "
    "priorities, hold each other to account for how well children are protected, and "
    "publish what they have learned.",
)
SUBGROUPS = (
    GroupSpec(
        "pqa",
        "Performance and Quality Assurance Subgroup",
        "Reads the multi-agency scorecard and audit findings each quarter, asks agencies to "
        "explain unexpected change, and tells the board where practice is improving or not.",
    ),
    GroupSpec(
        "case_review",
        "Case Review Subgroup",
        "Decides which serious incidents need a rapid review or a local child safeguarding "
        "practice review, oversees the reviews, and tracks their recommendations.",
    ),
    GroupSpec(
        "learning",
        "Learning and Development Subgroup",
        "Turns what reviews and audits teach into multi-agency training and briefings, and "
        "checks whether practice changed as a result.",
    ),
    GroupSpec(
        "exploitation",
        "Child Exploitation Subgroup",
        "Brings together what agencies know about sexual and criminal exploitation, missing "
        "children and the places and people linked to harm, and agrees joint action.",
    ),
)

Role = Membership.Role
Level = Membership.Seniority

# (person key, role, seniority, started days ago, ended days ago or None)
MEMBERSHIPS: dict[str, tuple[tuple[str, str, str, int, int | None], ...]] = {
    "board": (
        ("chair", Role.CHAIR, Level.EXECUTIVE, 1100, None),
        ("la.board", Role.VICE_CHAIR, Level.EXECUTIVE, 900, None),
        ("police.board", Role.MEMBER, Level.SENIOR, 600, None),
        ("icb.board.former", Role.MEMBER, Level.EXECUTIVE, 1000, 150),
        ("icb.board", Role.MEMBER, Level.EXECUTIVE, 40, None),
        ("acute.board", Role.MEMBER, Level.EXECUTIVE, 800, None),
        ("community.board", Role.MEMBER, Level.EXECUTIVE, 700, None),
        ("schools.board", Role.MEMBER, Level.SENIOR, 500, None),
        ("probation.board", Role.MEMBER, Level.SENIOR, 650, None),
        ("yjs.board", Role.MEMBER, Level.SENIOR, 750, None),
        ("cvs.board", Role.MEMBER, Level.EXECUTIVE, 900, None),
        ("gp.board", Role.MEMBER, Level.SENIOR, 400, None),
        ("lay.1", Role.LAY_MEMBER, Level.LAY, 290, None),
        ("lay.2", Role.LAY_MEMBER, Level.LAY, 120, None),
        ("manager", Role.ADVISER, Level.SENIOR, 1000, None),
        ("la.lead_member", Role.ADVISER, Level.EXECUTIVE, 500, None),
    ),
    "pqa": (
        ("la.lead", Role.CHAIR, Level.SENIOR, 800, None),
        ("icb.lead", Role.VICE_CHAIR, Level.SENIOR, 700, None),
        ("police.lead", Role.MEMBER, Level.MANAGER, 600, None),
        ("acute.lead", Role.MEMBER, Level.MANAGER, 650, None),
        ("community.lead", Role.MEMBER, Level.MANAGER, 500, None),
        ("schools.lead", Role.MEMBER, Level.MANAGER, 450, None),
        ("academies.lead", Role.MEMBER, Level.MANAGER, 600, 90),
        ("probation.lead", Role.MEMBER, Level.MANAGER, 550, None),
        ("analyst", Role.ADVISER, Level.MANAGER, 700, None),
        ("auditor", Role.MEMBER, Level.MANAGER, 700, None),
        ("manager", Role.ADVISER, Level.SENIOR, 1000, None),
        ("lay.1", Role.LAY_MEMBER, Level.LAY, 200, None),
    ),
    "case_review": (
        ("community.board", Role.CHAIR, Level.EXECUTIVE, 700, None),
        ("icb.lead", Role.VICE_CHAIR, Level.SENIOR, 700, None),
        ("la.auditor", Role.MEMBER, Level.MANAGER, 600, None),
        ("police.auditor", Role.MEMBER, Level.MANAGER, 500, None),
        ("acute.lead", Role.MEMBER, Level.MANAGER, 650, None),
        ("gp.lead", Role.MEMBER, Level.MANAGER, 400, None),
        ("probation.board", Role.MEMBER, Level.SENIOR, 650, None),
        ("yjs.lead", Role.MEMBER, Level.MANAGER, 500, None),
        ("harbour.lead", Role.MEMBER, Level.MANAGER, 450, None),
        ("la.cpc", Role.MEMBER, Level.PRACTITIONER, 600, 200),
        ("manager", Role.ADVISER, Level.SENIOR, 1000, None),
    ),
    "learning": (
        ("schools.lead", Role.CHAIR, Level.MANAGER, 450, None),
        ("learning", Role.VICE_CHAIR, Level.MANAGER, 800, None),
        ("learning.2", Role.MEMBER, Level.MANAGER, 400, None),
        ("college.lead", Role.MEMBER, Level.MANAGER, 500, None),
        ("academies.lead", Role.MEMBER, Level.MANAGER, 600, None),
        ("cvs.board", Role.MEMBER, Level.EXECUTIVE, 900, None),
        ("lanterns.lead", Role.MEMBER, Level.MANAGER, 350, None),
        ("community.lead", Role.MEMBER, Level.MANAGER, 500, None),
        ("police.lead", Role.MEMBER, Level.MANAGER, 600, None),
        ("community.hv", Role.MEMBER, Level.PRACTITIONER, 300, None),
        ("la.sw", Role.MEMBER, Level.PRACTITIONER, 300, None),
        ("la.ssw", Role.MEMBER, Level.PRACTITIONER, 500, 60),
        ("lay.2", Role.LAY_MEMBER, Level.LAY, 100, None),
    ),
    "exploitation": (
        ("police.board", Role.CHAIR, Level.SENIOR, 600, None),
        ("yjs.board", Role.VICE_CHAIR, Level.SENIOR, 750, None),
        ("la.exploitation", Role.MEMBER, Level.PRACTITIONER, 500, None),
        ("police.missing", Role.MEMBER, Level.PRACTITIONER, 500, None),
        ("police.dc", Role.MEMBER, Level.PRACTITIONER, 500, 120),
        ("yjs.officer", Role.MEMBER, Level.PRACTITIONER, 400, None),
        ("college.welfare", Role.MEMBER, Level.PRACTITIONER, 400, None),
        ("academies.pastoral", Role.MEMBER, Level.PRACTITIONER, 300, None),
        ("lanterns.worker", Role.MEMBER, Level.PRACTITIONER, 350, None),
        ("probation.po", Role.MEMBER, Level.PRACTITIONER, 450, None),
        ("community.camhs", Role.MEMBER, Level.PRACTITIONER, 400, None),
        ("harbour.idva", Role.MEMBER, Level.PRACTITIONER, 450, None),
    ),
}


def build_groups(*, clock: Clock, directory: Directory) -> dict[str, Group]:
    started = clock.at(clock.days_ago(1100), hour=9)
    board = Group(name=BOARD.name, kind=Group.Kind.BOARD, purpose=BOARD.purpose)
    history_stamps(board)._history_date = started
    GroupFactory.create_in_bulk([board], with_history=True, history_user=directory.manager)
    subgroups = [
        Group(name=spec.name, kind=Group.Kind.SUBGROUP, purpose=spec.purpose, parent=board)
        for spec in SUBGROUPS
    ]
    for subgroup in subgroups:
        history_stamps(subgroup)._history_date = started
    GroupFactory.create_in_bulk(subgroups, with_history=True, history_user=directory.manager)
    groups = {BOARD.key: board}
    groups.update({spec.key: group for spec, group in zip(SUBGROUPS, subgroups, strict=True)})
    _build_memberships(clock, directory, groups)
    return groups


def _build_memberships(clock: Clock, directory: Directory, groups: dict[str, Group]) -> None:
    memberships = []
    for group_key, rows in MEMBERSHIPS.items():
        for person_key, role, seniority, since, until in rows:
            membership = Membership(
                group=groups[group_key],
                person=directory.people[person_key],
                role=role,
                seniority=seniority,
                started_on=clock.days_ago(since),
                ended_on=clock.days_ago(until) if until is not None else None,
            )
            history_stamps(membership)._history_date = clock.at(membership.started_on, hour=9)
            memberships.append(membership)
    MembershipFactory.create_in_bulk(memberships, with_history=True, history_user=directory.manager)


# (title, days after the plan starts that it is due)
INDUCTION_ITEMS = (
    ("Introductory meeting with the business manager", 7),
    ("Meet the independent chair", 14),
    ("Read the members' handbook", 14),
    ("Read the latest annual report and business plan", 21),
    ("Visit the multi-agency safeguarding hub", 45),
    ("Observe a board meeting before taking part in one", 60),
    ("Complete the multi-agency safeguarding foundation course", 75),
)

# (new member, buddy, started days ago, days to target, items done, plan completed days ago)
INDUCTION_PLANS = (
    ("lay.1", "cvs.board", 290, 90, len(INDUCTION_ITEMS), 170),
    ("lay.2", "lay.1", 120, 150, 4, None),
    ("icb.board", "la.board", 40, 90, 2, None),
)


def build_induction_plans(*, rng: random.Random, clock: Clock, directory: Directory) -> None:
    plans, items = [], []
    for person_key, buddy_key, since, target, done, completed in INDUCTION_PLANS:
        started_on = clock.days_ago(since)
        plan = InductionPlan(
            person=directory.people[person_key],
            buddy=directory.people[buddy_key],
            started_on=started_on,
            target_completion_on=started_on + datetime.timedelta(days=target),
            completed_on=clock.days_ago(completed) if completed is not None else None,
        )
        history_stamps(plan)._history_date = clock.at(started_on, hour=9)
        plans.append(plan)
        for index, (title, due_after) in enumerate(INDUCTION_ITEMS):
            due_on = started_on + datetime.timedelta(days=due_after)
            completed_on = None
            if index < done:
                late_or_early = datetime.timedelta(days=rng.randint(-5, 10))
                completed_on = min(max(due_on + late_or_early, started_on), clock.today)
            item = InductionItem(plan=plan, title=title, due_on=due_on, completed_on=completed_on)
            history_stamps(item)._history_date = history_stamps(plan)._history_date
            items.append(item)
    InductionPlanFactory.create_in_bulk(plans, with_history=True, history_user=directory.manager)
    InductionItemFactory.create_in_bulk(items, with_history=True, history_user=directory.manager)
