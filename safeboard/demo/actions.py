"""Eighty actions in every state, made through the action services so their history is real.

Each action's life is planned first (when it was raised, its due dates, its updates,
evidence and completion), then replayed in date order through `safeboard.actions.services`,
and finally dated to the days it would have happened. The business plan's actions come
from the priority they deliver, when their theme is one of the plan's priorities.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.actions import services
from safeboard.actions.models import Action
from safeboard.meetings.models import Decision
from safeboard.partnership.models import Person
from safeboard.priorities.models import Priority

from . import action_texts
from .meetings import DecisionForAction
from .people import Directory
from .timeline import Backdater, Clock, as_of

COMPLETE = "complete"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"
OVERDUE_IN_PROGRESS = "overdue_in_progress"
OVERDUE_NOT_STARTED = "overdue_not_started"

# How many actions end in each state. "Overdue" is never stored: it is an open action whose
# due date has passed.
FATES = {
    COMPLETE: 25,
    IN_PROGRESS: 20,
    NOT_STARTED: 15,
    OVERDUE_IN_PROGRESS: 14,
    OVERDUE_NOT_STARTED: 6,
}
TOTAL_ACTIONS = sum(FATES.values())

# Days ago an action of each fate was raised, when nothing else fixes it.
AGE_RANGE = {
    COMPLETE: (40, 340),
    IN_PROGRESS: (20, 260),
    NOT_STARTED: (3, 50),
    OVERDUE_IN_PROGRESS: (60, 330),
    OVERDUE_NOT_STARTED: (45, 200),
}

OWNER_WEIGHTS: dict[str, int] = {
    Role.AGENCY_LEAD: 3,
    Role.BUSINESS_MANAGER: 3,
    Role.BOARD_MEMBER: 2,
    Role.AUDITOR: 1,
    Role.LEARNING_OFFICER: 1,
    Role.PRACTITIONER: 1,
}

PROGRESS, MOVE, EVIDENCE, DONE = range(4)  # the order of events on the same day


@dataclass
class Plan:
    title: str
    description: str
    owner: Person
    created_on: datetime.date
    fate: str
    creator: User
    source: Decision | Priority | None = None


@dataclass(frozen=True, order=True)
class Event:
    day: datetime.date
    kind: int
    text: str = ""
    new_due_on: datetime.date | None = None


def build_actions(
    *,
    rng: random.Random,
    clock: Clock,
    directory: Directory,
    decisions: list[DecisionForAction],
    priorities: Mapping[str, Priority],
) -> list[Action]:
    """`priorities` maps an action theme (action_texts) to the priority that it delivers."""
    plans = _plans(rng, clock, directory, decisions, priorities)
    backdater = Backdater()
    actions = [_replay(rng, clock, directory, plan, backdater) for plan in plans]
    backdater.apply()
    return actions


def _plans(rng, clock, directory, decisions, priorities) -> list[Plan]:
    plans = []
    for made in decisions:
        age = (clock.today - made.decided_on).days
        plans.append(
            Plan(
                title=made.spec.action_title,
                description=f"Agreed at the {made.decision.meeting.title}: {made.decision.text}",
                owner=_owner(rng, directory, made.spec.owner),
                created_on=made.decided_on,
                fate=_fate_for_age(rng, age),
                creator=directory.manager,
                source=made.decision,
            )
        )
    for spec, fate in zip(
        _business_plan_specs(rng, len(plans)), _fates_left(rng, plans), strict=True
    ):
        owner = directory.people[spec.owner] if spec.owner else _owner(rng, directory, spec.agency)
        low, high = AGE_RANGE[fate]
        priority = priorities.get(spec.priority)
        plans.append(
            Plan(
                title=spec.title,
                description=_business_plan_description(spec, priority),
                owner=owner,
                created_on=clock.days_ago(rng.randint(low, high)),
                fate=fate,
                creator=directory.manager if rng.random() < 0.7 else directory.user_of(owner),
                source=priority,
            )
        )
    plans.sort(key=lambda plan: plan.created_on)
    return plans


def _business_plan_description(spec: action_texts.ActionSpec, priority: Priority | None) -> str:
    if priority is None:
        return f"The partnership's core work: {spec.priority.lower()}."
    return f"Delivers priority {priority.number} of the business plan: {priority.title}."


def _fate_for_age(rng: random.Random, age: int) -> str:
    """An action agreed long ago is more likely done, or overdue, than one agreed last month."""
    if age > 240:
        weights = {COMPLETE: 70, OVERDUE_IN_PROGRESS: 20, IN_PROGRESS: 10}
    elif age > 120:
        weights = {COMPLETE: 40, OVERDUE_IN_PROGRESS: 30, IN_PROGRESS: 20, OVERDUE_NOT_STARTED: 10}
    elif age > 60:
        weights = {COMPLETE: 20, IN_PROGRESS: 50, OVERDUE_IN_PROGRESS: 10, NOT_STARTED: 20}
    else:
        weights = {NOT_STARTED: 60, IN_PROGRESS: 40}
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _fates_left(rng: random.Random, plans: list[Plan]) -> list[str]:
    taken = Counter(plan.fate for plan in plans)
    fates = []
    for fate, wanted in FATES.items():
        fates += [fate] * max(0, wanted - taken[fate])
    fates = fates[: TOTAL_ACTIONS - len(plans)]
    fates += [IN_PROGRESS] * (TOTAL_ACTIONS - len(plans) - len(fates))
    rng.shuffle(fates)
    return fates


def _business_plan_specs(rng: random.Random, taken: int) -> list[action_texts.ActionSpec]:
    wanted = TOTAL_ACTIONS - taken
    named = [spec for spec in action_texts.BUSINESS_PLAN_ACTIONS if spec.owner]
    others = [spec for spec in action_texts.BUSINESS_PLAN_ACTIONS if not spec.owner]
    return named + rng.sample(others, wanted - len(named))


def _owner(rng: random.Random, directory: Directory, agency_key: str) -> Person:
    candidates = directory.active_people_of(agency_key, *OWNER_WEIGHTS)
    weights = [OWNER_WEIGHTS[directory.role_of(person)] for person in candidates]
    return rng.choices(candidates, weights=weights)[0]


def _replay(rng, clock: Clock, directory: Directory, plan: Plan, backdater: Backdater) -> Action:
    due_on, events = _life(rng, clock, plan)
    action = services.action_create(
        title=plan.title,
        description=plan.description,
        owner_agency=plan.owner.agency,
        owner_person=plan.owner,
        due_on=due_on,
        source=plan.source,
        created_by=plan.creator,
    )
    created_at = clock.at(plan.created_on, hour=rng.randint(9, 12), minute=rng.randint(0, 59))
    backdater.stamp(action, when=created_at, user=plan.creator, field="created_at")
    owner = directory.user_of(plan.owner)
    for event in sorted(events):
        when = clock.at(event.day, hour=13 + event.kind, minute=rng.randint(0, 59))
        as_of(action, when, owner)
        if event.kind == PROGRESS:
            update = services.action_add_progress(
                action=action, text=event.text, written_on=event.day, author=owner
            )
            backdater.stamp(update, when=when, user=owner, field="created_at")
        elif event.kind == MOVE:
            new_due_on = event.new_due_on
            assert new_due_on is not None, "a move has its new due date"
            change = services.action_move_due_date(
                action=action, new_due_on=new_due_on, reason=event.text, changed_by=owner
            )
            backdater.stamp(change, when=when, user=owner, field="changed_at")
        elif event.kind == EVIDENCE:
            evidence = services.action_add_evidence(
                action=action, description=event.text, evidence_dated=event.day, added_by=owner
            )
            backdater.stamp(evidence, when=when, user=owner, field="added_at")
        else:
            services.action_complete(action=action, completed_on=event.day)
    return action


def _life(rng: random.Random, clock: Clock, plan: Plan) -> tuple[datetime.date, list[Event]]:
    """The first due date of a planned action, and what happens to it up to today."""
    created, today = plan.created_on, clock.today
    age = (today - created).days

    def day(low: int, high: int) -> datetime.date:
        return created + datetime.timedelta(days=rng.randint(low, max(low, high)))

    def updates(last: datetime.date, count: int) -> list[Event]:
        span = (last - created).days
        if span < 2:
            return []
        days = sorted(rng.sample(range(1, span), min(count, span - 1)))
        return [
            Event(created + datetime.timedelta(days=d), PROGRESS, rng.choice(action_texts.PROGRESS))
            for d in days
        ]

    def move(due_on: datetime.date, new_due_on: datetime.date, latest: datetime.date) -> Event:
        on = due_on - datetime.timedelta(days=rng.randint(0, 7))
        on = min(max(on, created + datetime.timedelta(days=1)), latest)
        return Event(on, MOVE, rng.choice(action_texts.MOVE_REASONS), new_due_on)

    events: list[Event] = []
    if plan.fate == COMPLETE:
        due_on = day(30, 120)
        done = day(min(14, age - 1), age - 1)
        events += updates(done, rng.randint(1, 2))
        if done > due_on and rng.random() < 0.5:
            events.append(move(due_on, done + datetime.timedelta(days=rng.randint(0, 21)), done))
        evidenced = max(created, done - datetime.timedelta(days=rng.randint(0, 10)))
        events.append(Event(evidenced, EVIDENCE, rng.choice(action_texts.EVIDENCE)))
        events.append(Event(done, DONE))
        later = done + datetime.timedelta(days=rng.randint(30, 120))
        if later < today and rng.random() < 0.3:
            events.append(Event(later, EVIDENCE, rng.choice(action_texts.EVIDENCE)))
        return due_on, events

    if plan.fate in (OVERDUE_IN_PROGRESS, OVERDUE_NOT_STARTED):
        final_due = today - datetime.timedelta(days=rng.randint(1, max(1, min(100, age - 20))))
    elif plan.fate == IN_PROGRESS:
        final_due = today + datetime.timedelta(days=rng.randint(7, 150))
    else:
        final_due = today + datetime.timedelta(days=rng.randint(14, 180))

    due_on = final_due
    room = (min(final_due, today) - created).days  # days in which an earlier due date could fall
    if room >= 30 and rng.random() < 0.4:
        due_on = day(14, room - 5)
        events.append(move(due_on, final_due, today))
    if plan.fate in (IN_PROGRESS, OVERDUE_IN_PROGRESS):
        events += updates(today + datetime.timedelta(days=1), rng.randint(1, 3))
    return due_on, events
