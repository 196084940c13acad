"""(d) The daily reminder run over the scaled partnership, against reading what is due.

The run finds everything due within 7 days or overdue (actions, challenges, risks,
priorities), checks a week of reminder history, escalates overdue challenges and writes and
sends one digest per person. The baseline only reads the same due records with their owners'
email addresses: the floor any reminder job pays. Each run is rolled back, so every run
starts from the same state.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from .timing import Result, median_seconds

RUNS = 5
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class _RollBack(Exception):
    pass


def _rolled_back(function):
    def run() -> None:
        try:
            with transaction.atomic():
                function()
                raise _RollBack
        except _RollBack:
            pass

    return run


def bench_daily_reminders() -> Result:
    from safeboard.actions.models import Action
    from safeboard.challenges.models import Challenge
    from safeboard.priorities.models import Priority
    from safeboard.reminders.services import send_daily_reminders
    from safeboard.risks.models import Risk

    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=7)
    summary = {}

    def reminders() -> None:
        summary["last"] = send_daily_reminders(today=today)

    def baseline() -> None:
        list(
            Action.objects.exclude(status="complete")
            .filter(due_on__lte=horizon)
            .values_list("pk", "title", "due_on", "owner_person__user__email")
        )
        list(
            Challenge.objects.filter(
                status="awaiting_response", response_due_on__lte=horizon
            ).values_list("pk", "title", "response_due_on", "agency__people__user__email")
        )
        list(
            Risk.objects.exclude(status="closed")
            .filter(review_date__lte=horizon)
            .values_list("pk", "title", "review_date", "owner_person__user__email")
        )
        list(
            Priority.objects.filter(status="active", review_date__lte=horizon).values_list(
                "pk", "title", "review_date", "lead_person__user__email"
            )
        )

    with override_settings(EMAIL_BACKEND=LOCMEM):
        timed = median_seconds(_rolled_back(reminders), RUNS)
        floor = median_seconds(baseline, RUNS)
    last = summary["last"]
    return Result(
        f"daily reminders: {last.digests_sent} digests, {last.items_sent} items",
        RUNS,
        timed,
        floor,
    )
