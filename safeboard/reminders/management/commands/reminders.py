"""`safeboard reminders send` runs today's reminders now; `schedule` books the daily run."""

from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from safeboard.reminders.services import send_daily_reminders
from safeboard.reminders.tasks import schedule_next_run


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must be a date like 2026-11-23, not {value!r}.") from error


class Command(BaseCommand):
    help = "Send the daily reminder digests now, or book the daily run with the worker."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="what", required=True)
        send = actions.add_parser("send", help="Escalate and send today's digests now.")
        send.add_argument("--date", type=str, help="Run as if today were this date (YYYY-MM-DD).")
        actions.add_parser("schedule", help="Queue the next daily run unless one is waiting.")

    def handle(self, *args, what: str, date: str | None = None, **options):
        if what == "send":
            today = _date(date) if date else None
            self.stdout.write(json.dumps(send_daily_reminders(today=today).as_dict()))
            return
        run_at = schedule_next_run()
        if run_at is None:
            self.stdout.write(
                "The daily reminder run is already queued (or the backend runs tasks at once)."
            )
        else:
            self.stdout.write(f"The daily reminder run is queued for {run_at:%Y-%m-%d %H:%M %Z}.")
