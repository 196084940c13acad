"""Reads of meetings for pages and reports."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import NullIf, Round
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.core.dates import a_year_before
from safeboard.partnership.models import Group, Membership, Person

from .models import AgendaItem, Attendance, Decision, Meeting, Paper


def upcoming_meetings_for(*, person_id: int) -> QuerySet[Meeting]:
    today = timezone.localdate()
    return (
        Meeting.objects.select_related("group")
        .filter(group__memberships__person_id=person_id, starts_at__date__gte=today)
        .distinct()
        .order_by("starts_at")
    )


def readable_groups(*, user: User) -> QuerySet[Group]:
    """The groups whose meetings the user may read: all for board readers, else their own."""
    if user.has_perm("meetings.read_every_meeting"):
        return Group.objects.all()
    if user.person_id is None:  # an account of no person is a member of nothing
        return Group.objects.none()
    return Group.objects.filter(
        pk__in=Membership.objects.filter(person_id=user.person_id).values("group_id")
    )


def meeting_list(*, user: User, upcoming: bool, group_id: int | None = None) -> QuerySet[Meeting]:
    """Upcoming meetings soonest first, or past meetings latest first."""
    meetings = Meeting.objects.select_related("group").filter(group__in=readable_groups(user=user))
    if group_id:
        meetings = meetings.filter(group_id=group_id)
    now = timezone.now()
    if upcoming:
        return meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")
    return meetings.filter(starts_at__lt=now).order_by("-starts_at", "-pk")


@dataclass
class DecisionWithActions:
    decision: Decision
    actions: list[Action] = field(default_factory=list)


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda_items: list[AgendaItem]
    papers: list[Paper]
    decisions: list[DecisionWithActions]
    attendances: list[Attendance]


def meeting_page(*, meeting: Meeting) -> MeetingPage:
    """Everything the meeting page shows, in a fixed number of queries."""
    decisions = [
        DecisionWithActions(decision)
        for decision in meeting.decisions.select_related("agenda_item").order_by("recorded_at")
    ]
    actions_by_decision = defaultdict(list)
    actions = Action.objects.select_related("owner_person", "owner_agency").filter(
        source_type=ContentType.objects.get_for_model(Decision),
        source_id__in=[row.decision.pk for row in decisions],
    )
    for action in actions.order_by("due_on", "pk"):
        actions_by_decision[action.source_id].append(action)
    for row in decisions:
        row.actions = actions_by_decision[row.decision.pk]
    return MeetingPage(
        meeting=meeting,
        agenda_items=list(
            meeting.agenda_items.select_related("presenter__agency").order_by("position")
        ),
        papers=list(meeting.papers.select_related("agenda_item").order_by("title", "pk")),
        decisions=decisions,
        attendances=list(
            meeting.attendances.select_related("person", "agency").order_by(
                "agency__name", "person__full_name"
            )
        ),
    )


def expected_members(*, meeting: Meeting) -> QuerySet[Person]:
    """The people expected at a meeting: members of its group on the meeting's date."""
    held_on = meeting.held_on
    current = Membership.objects.filter(group_id=meeting.group_id, started_on__lte=held_on).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=held_on)
    )
    return (
        Person.objects.select_related("agency")
        .filter(pk__in=current.values("person_id"))
        .order_by("full_name", "pk")
    )


def agencies_at(*, person_ids: list[int], moment: datetime.datetime) -> dict[int, int]:
    """Each person's agency at a moment, from their recorded history (absent if none then)."""
    versions = (
        Person.history.filter(id__in=person_ids, history_date__lte=moment)
        .latest_of_each()
        .values_list("id", "agency_id")
    )
    return dict(versions)


@dataclass(frozen=True)
class AttendancePeriod:
    from_date: datetime.date
    to_date: datetime.date
    group_id: int | None = None


def default_attendance_period(today: datetime.date | None = None) -> AttendancePeriod:
    """The last 12 months up to today."""
    today = today or timezone.localdate()
    return AttendancePeriod(
        from_date=a_year_before(today) + datetime.timedelta(days=1), to_date=today
    )


def _attendance_figures() -> dict:
    """Counts of recorded attendance, and the attendance rate.

    A member is expected at every meeting of their group while a member; each recorded
    attendance row is one expected place. The rate counts a deputy as attending, because
    the agency was represented; apologies are not attendance.
    """
    status = Attendance.Status
    expected = Count("pk")
    attended = Count("pk", filter=Q(status__in=[status.PRESENT, status.DEPUTY]))
    return {
        "expected": expected,
        "present": Count("pk", filter=Q(status=status.PRESENT)),
        "deputised": Count("pk", filter=Q(status=status.DEPUTY)),
        "apologies": Count("pk", filter=Q(status=status.APOLOGIES)),
        "absent": Count("pk", filter=Q(status=status.ABSENT)),
        "rate": Round(100.0 * attended / NullIf(expected, 0), 1),
    }


def _attendance_in(period: AttendancePeriod) -> QuerySet[Attendance]:
    rows = Attendance.objects.filter(
        meeting__starts_at__date__gte=period.from_date,
        meeting__starts_at__date__lte=period.to_date,
    )
    if period.group_id:
        rows = rows.filter(meeting__group_id=period.group_id)
    return rows


def attendance_by_agency(*, period: AttendancePeriod) -> list[Mapping[str, Any]]:
    """One row per agency, lowest attendance rate first (those to ask about come first)."""
    rows = _attendance_in(period).values("agency_id", "agency__name")
    rows = rows.annotate(**_attendance_figures())
    # The Django plugin cannot see names annotated from a dict, as "rate" is.
    return list(rows.order_by("rate", "agency__name"))  # type: ignore[misc]


def attendance_totals(*, period: AttendancePeriod) -> dict:
    return _attendance_in(period).aggregate(**_attendance_figures())


def papers_for_readers(*, limit: int = 20) -> QuerySet[Paper]:
    """The papers marked for readers (councillors, inspectors), newest meeting first."""
    return (
        Paper.objects.filter(for_readers=True)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "title")[:limit]
    )
