"""The daily reminder run as a background task that books its own next run.

django-tasks has no calendar, so each run (and `safeboard reminders schedule`, which
`make run` calls) makes sure exactly one future run is waiting in the queue.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from .services import send_daily_reminders


@task()
def daily_reminders(day: str | None = None) -> dict:
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    try:
        return send_daily_reminders(today=today).as_dict()
    finally:
        schedule_next_run()


def next_run_time(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next reminder hour after `now`, in local time."""
    now = timezone.localtime(now)
    run_at = now.replace(hour=settings.SAFEBOARD_REMINDER_HOUR, minute=0, second=0, microsecond=0)
    if run_at <= now:
        run_at += datetime.timedelta(days=1)  # wall-clock arithmetic: 07:00 either side of DST
    return run_at


def schedule_next_run(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the next daily run unless one is already waiting; None when nothing was queued."""
    backend = daily_reminders.get_backend()
    if not backend.supports_defer:
        return None  # e.g. the immediate backend of the test settings: nothing to wait for
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=daily_reminders.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return None
    run_at = next_run_time(now)
    daily_reminders.using(run_after=run_at).enqueue()
    return run_at
