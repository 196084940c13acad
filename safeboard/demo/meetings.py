"""A year of meetings, up to and past today: agendas, decisions, minutes and attendance."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from safeboard.core.history import history_stamps
from safeboard.meetings.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
)
from safeboard.meetings.models import AgendaItem, Attendance, Decision, Meeting
from safeboard.partnership.models import Group, Membership

from . import agendas
from .governance import BOARD, MEMBERSHIPS, SUBGROUPS
from .names import NameBook
from .people import POOR_ATTENDER, Directory
from .timeline import Clock

# Days from today of the first meeting of each group, and the days between meetings:
# the board meets about every two months, the subgroups quarterly.
CALENDAR = {
    "board": (-350, 61, 10),
    "pqa": (-335, 91, 14),
    "case_review": (-320, 91, 10),
    "learning": (-305, 91, 14),
    "exploitation": (-290, 91, 10),
}
LAST_MEETING_AFTER = 125  # days from today

# How members attend: most turn up, some send deputies or apologies, a few just do not.
ATTENDANCE_WEIGHTS = {
    "usual": {"present": 82, "deputy": 8, "apologies": 8, "absent": 2},
    "poor": {"present": 30, "deputy": 10, "apologies": 32, "absent": 28},
}


@dataclass(frozen=True)
class DecisionForAction:
    decision: Decision
    spec: agendas.DecisionSpec
    decided_on: datetime.date


def build_meetings(
    *, rng: random.Random, clock: Clock, directory: Directory, groups: dict[str, Group]
) -> list[DecisionForAction]:
    """Build every meeting and return the decisions that ask an agency to act."""
    meetings = _schedule(rng, clock, groups)
    MeetingFactory.create_in_bulk(meetings, with_history=True, history_user=directory.manager)
    past = [m for m in meetings if m.starts_at.date() < clock.today]
    dealt = _decisions_dealt(past)
    items = _agenda_items(rng, directory, meetings, dealt)
    AgendaItemFactory.create_in_bulk(items, with_history=True, history_user=directory.manager)
    decisions = _decisions(rng, directory, dealt, items)
    DecisionFactory.create_in_bulk(
        [d.decision for d in decisions], with_history=True, history_user=directory.manager
    )
    # recorded_at is stamped on creation; date each decision to its meeting.
    for made in decisions:
        made.decision.recorded_at = history_stamps(made.decision)._history_date
    DecisionFactory.update_in_bulk([d.decision for d in decisions], ["recorded_at"])
    attendances = _attendance(rng, clock, directory, past)
    AttendanceFactory.create_in_bulk(attendances, with_history=True, history_user=directory.manager)
    _write_minutes(rng, clock, directory, meetings, items, decisions, attendances)
    return [made for made in decisions if made.spec.action_title]


def _schedule(rng: random.Random, clock: Clock, groups: dict[str, Group]) -> list[Meeting]:
    meetings = []
    for key, (first, every, hour) in CALENDAR.items():
        group = groups[key]
        kind = "board" if key == "board" else "subgroup"
        short = "Partnership Board" if key == "board" else group.name
        for offset in range(first, LAST_MEETING_AFTER + 1, every):
            day = clock.weekday_on_or_after(clock.days_ahead(offset))
            starts_at = clock.at(day, hour=hour, minute=rng.choice((0, 30)))
            meeting = Meeting(
                group=group,
                title=f"{short}, {day:%B %Y}",
                starts_at=starts_at,
                location=rng.choice(agendas.LOCATIONS[kind]),
            )
            history_stamps(meeting)._history_date = min(
                starts_at - datetime.timedelta(days=42), timezone.now()
            )
            meetings.append(meeting)
    return meetings


def _group_key(meeting: Meeting) -> str:
    """The builder's label for the meeting's group ("board", "pqa"...), found by its name."""
    return next(spec.key for spec in (BOARD, *SUBGROUPS) if spec.name == meeting.group.name)


def _chair_key(group_key: str) -> str:
    return next(row[0] for row in MEMBERSHIPS[group_key] if row[1] == Membership.Role.CHAIR)


def _decisions_dealt(past: list[Meeting]) -> dict[Meeting, tuple[agendas.DecisionSpec, ...]]:
    """Each group's decisions, dealt in turn to its past meetings, so none is made twice."""
    dealt = {}
    for group_key, pool in agendas.DECISIONS.items():
        held = sorted((m for m in past if _group_key(m) == group_key), key=lambda m: m.starts_at)
        for index, meeting in enumerate(held):
            dealt[meeting] = pool[index :: len(held)] or (agendas.NOTED,)
    return dealt


def _agenda_items(
    rng: random.Random,
    directory: Directory,
    meetings: list[Meeting],
    dealt: dict[Meeting, tuple[agendas.DecisionSpec, ...]],
) -> list[AgendaItem]:
    """Each meeting's agenda: the standing items around a few of its group's topics, always
    including the topics its decisions were made under."""
    items = []
    for index, meeting in enumerate(meetings):
        chair = directory.people[_chair_key(_group_key(meeting))]
        pool = agendas.TOPICS[_group_key(meeting)]
        chosen = [pool[(index + n) % len(pool)] for n in range(rng.randint(2, 3))]
        needed = {spec.topic for spec in dealt.get(meeting, ())}
        topics = [t for t in pool if t in chosen or t.title in needed]
        rows = [(agendas.OPENING, chair, "")]
        rows.append((agendas.LAST_MINUTES, directory.people["manager"], ""))
        rows += [(t.title, directory.people[t.presenter], t.summary) for t in topics]
        rows.append((agendas.CLOSING, chair, ""))
        papers_out = min(meeting.starts_at - datetime.timedelta(days=7), timezone.now())
        for position, (title, presenter, summary) in enumerate(rows, start=1):
            item = AgendaItem(
                meeting=meeting,
                position=position,
                title=title,
                presenter=presenter,
                summary=summary,
            )
            history_stamps(item)._history_date = papers_out
            items.append(item)
    return items


def _decisions(
    rng: random.Random,
    directory: Directory,
    dealt: dict[Meeting, tuple[agendas.DecisionSpec, ...]],
    items: list[AgendaItem],
) -> list[DecisionForAction]:
    """Each decision under the agenda topic it was made under."""
    topic_items: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.summary:  # a topic, not a standing item
            topic_items.setdefault(item.meeting_id, []).append(item)
    made = []
    for meeting, specs in dealt.items():
        for spec in specs:
            agency = directory.agencies[spec.owner].name if spec.owner else ""
            # Drawn for every decision, so that the demo's later draws stay as they were.
            drawn = rng.choice(topic_items[meeting.pk])
            under = next((i for i in topic_items[meeting.pk] if i.title == spec.topic), drawn)
            decision = Decision(
                meeting=meeting, agenda_item=under, text=spec.text.format(agency=agency)
            )
            history_stamps(decision)._history_date = meeting.starts_at + datetime.timedelta(hours=2)
            made.append(DecisionForAction(decision, spec, meeting.starts_at.date()))
    return made


def _members_on(clock: Clock, group_key: str, day: datetime.date) -> list[str]:
    keys = []
    for person_key, _role, _level, since, until in MEMBERSHIPS[group_key]:
        started = clock.days_ago(since)
        ended = clock.days_ago(until) if until is not None else None
        if started <= day and (ended is None or day <= ended):
            keys.append(person_key)
    return keys


def _attendance(
    rng: random.Random, clock: Clock, directory: Directory, past: list[Meeting]
) -> list[Attendance]:
    deputies = NameBook(rng)
    attendances = []
    for meeting in past:
        for person_key in _members_on(clock, _group_key(meeting), meeting.starts_at.date()):
            person = directory.people[person_key]
            spec = directory.specs[person_key]
            status: str
            if person_key in {"manager", _chair_key(_group_key(meeting))}:
                status = Attendance.Status.PRESENT
            else:
                weights = ATTENDANCE_WEIGHTS["poor" if spec.agency == POOR_ATTENDER else "usual"]
                status = rng.choices(list(weights), weights=list(weights.values()))[0]
            attendance = Attendance(
                meeting=meeting,
                person=person,
                agency=person.agency,
                status=status,
                deputy_name=deputies.full_name() if status == Attendance.Status.DEPUTY else "",
            )
            history_stamps(attendance)._history_date = meeting.starts_at
            attendances.append(attendance)
    return attendances


def _write_minutes(rng, clock, directory, meetings, items, decisions, attendances) -> None:
    by_meeting_items: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting_items.setdefault(item.meeting_id, []).append(item)
    by_meeting_decisions: dict[int, list[Decision]] = {}
    for made in decisions:
        by_meeting_decisions.setdefault(made.decision.meeting_id, []).append(made.decision)
    counts: dict[int, dict[str, int]] = {}
    for attendance in attendances:
        tally = counts.setdefault(attendance.meeting_id, dict.fromkeys(Attendance.Status, 0))
        tally[attendance.status] += 1

    written = []
    by_group: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        by_group.setdefault(_group_key(meeting), []).append(meeting)
    for group_meetings in by_group.values():
        group_meetings.sort(key=lambda m: m.starts_at)
        for meeting, following in zip(group_meetings, group_meetings[1:] + [None], strict=True):
            if meeting.starts_at.date() >= clock.today:
                continue
            meeting.minutes = _minutes_text(
                rng,
                directory,
                meeting,
                by_meeting_items[meeting.pk],
                by_meeting_decisions.get(meeting.pk, []),
                counts.get(meeting.pk, {}),
            )
            if following is not None and following.starts_at.date() < clock.today:
                meeting.minutes_approved_on = following.starts_at.date()
            drafted = meeting.starts_at + datetime.timedelta(days=rng.randint(3, 10))
            history_stamps(meeting)._history_date = min(drafted, timezone.now())
            written.append(meeting)
    MeetingFactory.update_in_bulk(
        written,
        ["minutes", "minutes_approved_on"],
        with_history=True,
        history_user=directory.manager,
    )


def _minutes_text(rng, directory, meeting, items, decisions, tally) -> str:
    chair = directory.people[_chair_key(_group_key(meeting))]
    present = tally.get(Attendance.Status.PRESENT, 0)
    deputies = tally.get(Attendance.Status.DEPUTY, 0)
    apologies = tally.get(Attendance.Status.APOLOGIES, 0)
    absent = tally.get(Attendance.Status.ABSENT, 0)
    paragraphs = [
        f"Chaired by {chair.full_name}. {present} members present, {deputies} represented by "
        f"a deputy, {apologies} apologies and {absent} absent without apologies."
    ]
    for item in items:
        if item.title == agendas.OPENING:
            continue
        if item.title == agendas.LAST_MINUTES:
            paragraphs.append(
                f"{item.position}. {item.title}. The minutes were agreed as a true record. "
                "Open actions were reviewed against the action log."
            )
        elif item.title == agendas.CLOSING:
            paragraphs.append(f"{item.position}. {item.title}. None.")
        else:
            presenter = item.presenter.full_name if item.presenter else "the chair"
            paragraphs.append(
                f"{item.position}. {item.title}. {presenter} presented: {item.summary} "
                f"{rng.choice(agendas.DISCUSSION)}"
            )
    if decisions:
        paragraphs.append("Decisions: " + " ".join(d.text for d in decisions))
    return "\n\n".join(paragraphs)
