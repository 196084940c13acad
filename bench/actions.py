"""(a) The "all actions" list and (b) its CSV and Excel exports, over thousands of actions."""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections.abc import Callable

from django.utils import timezone

from .load import DEMO_SIGN_IN
from .timing import Result, median_seconds, medians_in_turn

SCALED_ACTIONS = 5_000
LIST_RUNS = 21
EXPORT_RUNS = 9
PAGE_SIZE = 50


def scale_actions(total: int = SCALED_ACTIONS, seed: int = 5) -> int:
    """Copy the demo's actions, in bulk and without history, until there are `total`."""
    from safeboard.actions.models import Action

    rng = random.Random(seed)
    today = timezone.localdate()
    templates = list(Action.objects.all())
    copies = []
    for number in range(total - len(templates)):
        model = rng.choice(templates)
        done = rng.random() < 0.3
        copies.append(
            Action(
                title=f"{model.title} ({number + 1})",
                description=model.description,
                owner_agency_id=model.owner_agency_id,
                owner_person_id=model.owner_person_id,
                due_on=today + datetime.timedelta(days=rng.randint(-200, 200)),
                status=Action.Status.COMPLETE
                if done
                else rng.choice([Action.Status.NOT_STARTED, Action.Status.IN_PROGRESS]),
                completed_on=today - datetime.timedelta(days=rng.randint(0, 200)) if done else None,
                source_type_id=model.source_type_id,
                source_id=model.source_id,
            )
        )
    Action.objects.bulk_create(copies, batch_size=500)
    return Action.objects.count()


def bench_action_list() -> Result:
    from safeboard.actions.models import Action
    from safeboard.actions.selectors import action_list

    def selector() -> None:
        actions = action_list()
        list(actions[:PAGE_SIZE])
        actions.count()

    def baseline() -> None:
        list(Action.objects.all()[:PAGE_SIZE])
        Action.objects.all().count()

    return Result(
        f"all actions: page of {PAGE_SIZE} + count",
        LIST_RUNS,
        median_seconds(selector, LIST_RUNS),
        median_seconds(baseline, LIST_RUNS),
    )


def bench_action_export(email: str = DEMO_SIGN_IN) -> list[Result]:
    """The CSV and the Excel download of the "all actions" list, as a signed-in reader gets
    them from the page (themes, source records and their links included), each against its
    floor: `csv.writer` over `values_list` of the same rows (goal: within 2x)."""
    from safeboard.accounts.models import User
    from safeboard.actions.selectors import action_list
    from safeboard.actions.views import EXPORT_COLUMNS
    from safeboard.core.exports import EXPORT_FORMATS

    from .pages import signed_in_client

    client = signed_in_client(email)
    user = User.objects.get(email=email)

    def export(file_format: str) -> Callable[[], None]:
        def run() -> None:
            response = client.get(f"/actions/all/?format={file_format}")
            assert response.status_code == 200, response.status_code
            if response.streaming:
                b"".join(response.streaming_content)
            else:
                len(response.content)

        return run

    def values():
        return action_list(user=user).values_list(
            "pk",
            "title",
            "owner_agency__name",
            "owner_person__full_name",
            "due_on",
            "status",
            "completed_on",
            "source_type__model",
            "description",
        )

    def floor() -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column.heading for column in EXPORT_COLUMNS])
        writer.writerows(values().iterator(chunk_size=1000))
        buffer.getvalue().encode("utf-8")

    def workbook_floor() -> None:
        headings = [column.heading for column in EXPORT_COLUMNS]
        _xlsxwriter_bytes([headings, *values().iterator(chunk_size=1000)])

    count = action_list(user=user).count()
    # The floor and each export in turn, so that a busier moment weighs on all alike.
    baseline, *medians = medians_in_turn(
        [floor, *(export(file_format) for file_format in EXPORT_FORMATS)], EXPORT_RUNS
    )
    timed = dict(zip(EXPORT_FORMATS, medians, strict=True))
    results = [
        Result(
            f"{name} export of {count:,} actions vs csv.writer over values_list; goal <= 2x",
            EXPORT_RUNS,
            timed[file_format],
            baseline,
        )
        for name, file_format in (("CSV", "csv"), ("Excel", "xlsx"))
    ]
    # For reference, beside the goal: the same values written by XlsxWriter, the mature
    # writer the export used before its own (decision 15), which costs several times
    # csv.writer on its own.
    results.append(
        Result(
            f"Excel export of {count:,} actions vs XlsxWriter over values_list",
            EXPORT_RUNS,
            timed["xlsx"],
            median_seconds(workbook_floor, EXPORT_RUNS),
        )
    )
    return results


def _xlsxwriter_bytes(rows: list) -> bytes:
    """The rows as a workbook written by XlsxWriter, each cell by its value's type, as the
    export wrote them before it had its own writer."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "remove_timezone": True, "default_date_format": "yyyy-mm-dd"}
    book = xlsxwriter.Workbook(buffer, options)
    sheet = book.add_worksheet("actions-all")
    for row_number, row in enumerate(rows):
        for column_number, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(row_number, column_number, value)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(row_number, column_number, value)
            else:
                sheet.write_number(row_number, column_number, value)
    book.close()
    return buffer.getvalue()
