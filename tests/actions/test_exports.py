"""The actions export says what the action's page says, in a bounded number of queries."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.utils import timezone

from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.actions.selectors import action_list, with_sources, with_themes
from safeboard.actions.views import EXPORT_COLUMNS, export_columns
from safeboard.core import exports
from safeboard.core.exports import cell_rows, export_response
from safeboard.partnership.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _as_the_model_says(action: Action) -> list:
    return [
        action.pk,
        action.title,
        action.owner_agency.name,
        action.owner_person.full_name,
        action.due_on,
        action.display_status,
        action.completed_on or "",
        action.source_type.name if action.source_type else "",
        f"{action.source_shown.kind}: {action.source_shown.text}" if action.source_shown else "",
        "",  # no address: no page of a person that this reader may open
        "",  # no themes
        action.description,
    ]


def test_each_exported_row_says_what_the_model_says():
    today = timezone.localdate()
    ActionFactory(due_on=today - datetime.timedelta(days=3))  # overdue
    ActionFactory(due_on=today, status=Action.Status.IN_PROGRESS)
    ActionFactory(
        due_on=today - datetime.timedelta(days=9),
        status=Action.Status.COMPLETE,
        completed_on=today,
        source=PersonFactory(),
        description="Done",
    )
    rows = with_sources(with_themes(list(action_list())), user=None)
    exported = list(cell_rows(action_list(), EXPORT_COLUMNS))
    assert exported == [_as_the_model_says(action) for action in rows]
    assert [row[5] for row in exported] == ["Complete", "Overdue", "In progress"]
    assert exported[0][7] == "person"


def test_the_csv_export_is_what_the_model_says_written_by_csv_writer(monkeypatch):
    """Cells made a column of a chunk at a time: the file is the one written row by row."""
    monkeypatch.setattr(exports, "CHUNK_ROWS", 2)
    today = timezone.localdate()
    ActionFactory(title="=HYPERLINK(1)", description='Says "why", on\ntwo lines')
    ActionFactory(due_on=today, status=Action.Status.IN_PROGRESS, source=PersonFactory())
    ActionFactory(status=Action.Status.COMPLETE, completed_on=today, description="-1")
    rows = with_sources(with_themes(list(action_list())), user=None)
    expected = io.StringIO()
    expected.write("\ufeff")
    writer = csv.writer(expected)
    writer.writerow([column.heading for column in EXPORT_COLUMNS])
    for action in rows:
        writer.writerow([exports._safe_cell(value) for value in _as_the_model_says(action)])
    response = export_response(
        rows=action_list(), columns=EXPORT_COLUMNS, file_format="csv", filename="actions"
    )
    assert b"".join(response.streaming_content).decode("utf-8") == expected.getvalue()


@pytest.mark.parametrize("count", [3, 30])
def test_the_export_reads_the_actions_in_a_bounded_number_of_queries(
    count, django_assert_max_num_queries
):
    ActionFactory.create_batch(count, source=PersonFactory())
    with django_assert_max_num_queries(4):  # the actions, their themes, their sources
        assert len(list(cell_rows(action_list(), EXPORT_COLUMNS))) == count


def test_the_export_names_the_source_record_and_links_it_for_a_reader_who_may_open_it(cast):
    from safeboard.accounts.roles import Role
    from safeboard.priorities.factories import PriorityFactory

    priority = PriorityFactory(title="Neglect: see the child sooner")
    ActionFactory(source=priority)
    ActionFactory(source=PriorityFactory(title="Exploitation"))
    manager = cast[Role.BUSINESS_MANAGER]
    rows = action_list(user=manager)
    by_title = {row[1]: row for row in cell_rows(rows, export_columns(manager))}
    named = [row for row in by_title.values() if "Neglect: see the child sooner" in row[8]]
    assert len(named) == 1
    assert named[0][9].endswith(priority.get_absolute_url())


def test_an_action_from_a_section_11_improvement_item_is_exported_for_every_reader(cast):
    """The item is shown on its agency's return: whether its name is linked is that page's
    rule, asked of the return, for every role that reads the actions."""
    from safeboard.section11.factories import ImprovementItemFactory

    item = ImprovementItemFactory()
    ActionFactory(source=item)
    for user in [*cast.by_role.values(), cast.other_agency_lead, cast.no_role]:
        user.__dict__.pop("_may_open", None)
        rows = action_list(user=user)
        (row,) = [row for row in cell_rows(rows, export_columns(user)) if row[8]]
        assert str(item) in row[8]
        assert row[9] == "" or row[9].endswith(item.get_absolute_url())
