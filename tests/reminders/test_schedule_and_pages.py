"""The daily job as a task that books its next run, the command, and the reminders pages."""

from __future__ import annotations

import datetime
import json
import zoneinfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from safeboard.reminders.models import ReminderDigest
from safeboard.reminders.tasks import daily_reminders, next_run_time, schedule_next_run
from tests.conftest import signed_in_client

from .builders import TODAY, Role, account, action_due, days

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_task_runs_the_reminders_and_reports_what_it_sent():
    owner = account(Role.PRACTITIONER)
    action_due(owner, days(2))

    result = daily_reminders.enqueue(day=TODAY.isoformat())

    assert result.return_value["digests_sent"] == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            datetime.datetime(2026, 11, 23, 6, 59, tzinfo=LONDON),
            datetime.datetime(2026, 11, 23, 7, tzinfo=LONDON),
        ),
        (
            datetime.datetime(2026, 11, 23, 7, 0, tzinfo=LONDON),
            datetime.datetime(2026, 11, 24, 7, tzinfo=LONDON),
        ),
        # The clocks go forward overnight: still seven o'clock on the wall.
        (
            datetime.datetime(2026, 3, 28, 9, 0, tzinfo=LONDON),
            datetime.datetime(2026, 3, 29, 7, tzinfo=LONDON),
        ),
    ],
)
def test_the_next_run_is_the_next_seven_oclock(now, expected):
    assert next_run_time(now) == expected
    assert next_run_time(now).utcoffset() == expected.utcoffset()


@override_settings(TASKS=DATABASE_TASKS)
def test_scheduling_queues_exactly_one_future_run():
    now = datetime.datetime(2026, 11, 23, 12, tzinfo=LONDON)
    first = schedule_next_run(now)
    second = schedule_next_run(now)
    queued = DBTaskResult.objects.get()

    assert first == datetime.datetime(2026, 11, 24, 7, tzinfo=LONDON)
    assert second is None
    assert queued.task_path == daily_reminders.module_path
    assert queued.run_after == first


def test_the_command_sends_now_and_prints_the_summary(capsys):
    owner = account(Role.PRACTITIONER)
    action_due(owner, days(1))

    call_command("reminders", "send", "--date", TODAY.isoformat())

    summary = json.loads(capsys.readouterr().out)
    assert summary["day"] == "2026-11-23" and summary["digests_sent"] == 1


def test_the_command_refuses_a_wrong_date():
    with pytest.raises(
        CommandError, match="--date must be a date like 2026-11-23, not '23/11/2026'"
    ):
        call_command("reminders", "send", "--date", "23/11/2026")


def test_people_see_what_was_sent_to_them_and_not_to_others():
    owner = account(Role.PRACTITIONER)
    other = account(Role.PRACTITIONER)
    for user in (owner, other):
        action_due(user, days(1))
        action_due(user, days(-4))
    call_command("reminders", "send", "--date", TODAY.isoformat())
    client = signed_in_client(owner)

    page = client.get(reverse("reminders:list"))

    assert page.status_code == 200
    digests = list(page.context["page"].object_list)
    assert [d.recipient for d in digests] == [owner] and digests[0].item_count == 2
    mine = ReminderDigest.objects.get(recipient=owner)
    detail = client.get(reverse("reminders:detail", args=[mine.pk]))
    assert "Action overdue" in detail.content.decode()
    theirs = ReminderDigest.objects.get(recipient=other)
    assert client.get(reverse("reminders:detail", args=[theirs.pk])).status_code == 403


def _queries_for_reminders_page(user) -> int:
    client = signed_in_client(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reminders:list")).status_code == 200
    return len(queries)


def test_the_reminders_page_costs_the_same_for_3_or_30_emails():
    owner = account(Role.PRACTITIONER)
    for day in range(3):
        action_due(owner, days(day + 1))
        call_command("reminders", "send", "--date", days(day).isoformat())
    few = _queries_for_reminders_page(owner)
    for day in range(3, 30):
        action_due(owner, days(day + 1))
        call_command("reminders", "send", "--date", days(day).isoformat())
    assert ReminderDigest.objects.filter(recipient=owner).count() == 30
    assert _queries_for_reminders_page(owner) == few
