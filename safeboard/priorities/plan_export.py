"""The business plan as a spreadsheet: each priority with its measures and its actions.

One row per measure and per action, under its priority's number and title, so the plan can
be sorted and filtered in a spreadsheet; a priority with neither still has its row. Read in
three queries whatever the plan's size: the priorities, their measures, their actions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.selectors import visible_to
from safeboard.core.exports import Column

from .models import BusinessPlan, Priority, PriorityMeasure


def plan_rows(*, plan: BusinessPlan, user: User | None) -> Iterator[dict[str, Any]]:
    priorities = list(
        plan.priorities.select_related("lead_agency", "lead_person").order_by("number", "pk")
    )
    measures = defaultdict(list)
    for measure in PriorityMeasure.objects.filter(priority__in=priorities).order_by("id"):
        measures[measure.priority_id].append(measure)
    actions = defaultdict(list)
    spine = Action.objects.select_related("owner_agency", "owner_person").filter(
        source_type=ContentType.objects.get_for_model(Priority),
        source_id__in=[priority.pk for priority in priorities],
    )
    for action in visible_to(spine, user=user).order_by("due_on", "pk"):
        actions[action.source_id].append(action)
    for priority in priorities:
        about = {"priority": priority}
        items = [{**about, "kind": "Measure", "measure": m} for m in measures[priority.pk]]
        items += [{**about, "kind": "Action", "action": a} for a in actions[priority.pk]]
        yield from items or [{**about, "kind": ""}]


def _action(row: dict, read) -> Any:
    action = row.get("action")
    return read(action) if action is not None else ""


PLAN_COLUMNS = [
    Column("Priority", lambda row: row["priority"].number),
    Column("Title", lambda row: row["priority"].title),
    Column("Lead agency", lambda row: row["priority"].lead_agency.name),
    Column("Lead", lambda row: row["priority"].lead_person.full_name),
    Column("Priority status", lambda row: row["priority"].get_status_display()),
    Column("Progress", lambda row: row["priority"].get_progress_display()),
    Column("Next review", lambda row: row["priority"].review_date),
    Column("Kind", lambda row: row["kind"]),
    Column(
        "Measure or action",
        lambda row: str(row["measure"]) if "measure" in row else _action(row, lambda a: a.title),
    ),
    Column("Owning agency", lambda row: _action(row, lambda a: a.owner_agency.name)),
    Column("Owner", lambda row: _action(row, lambda a: a.owner_person.full_name)),
    Column("Due date", lambda row: _action(row, lambda a: a.due_on)),
    Column("Action status", lambda row: _action(row, lambda a: a.display_status)),
]
