"""The daily reminder run: every module's daily step (escalating what is overdue), then one
digest per person.

Each person's digest is written and sent in its own transaction: the digest row is unique
per person and day, so a second run on the same day (or two workers at once) finds it
and sends nothing more; if the email cannot be sent, the digest is rolled back and the
next run tries again.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.dates import long_date
from safeboard.core.extension_points import daily_steps
from safeboard.core.notify import send_email

from .models import ReminderDigest, ReminderItem, ReminderKind
from .policy import still_to_send
from .sources import Due, everything_due

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    day: datetime.date
    escalations: int = 0
    digests_sent: int = 0
    items_sent: int = 0
    already_sent_today: int = 0
    failed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "escalations": self.escalations,
            "digests_sent": self.digests_sent,
            "items_sent": self.items_sent,
            "already_sent_today": self.already_sent_today,
            "failed": self.failed,
        }


def site_url(path: str) -> str:
    return settings.SAFEBOARD_SITE_URL.rstrip("/") + path


def send_daily_reminders(*, today: datetime.date | None = None) -> RunSummary:
    today = today or timezone.localdate()
    summary = RunSummary(day=today)
    # Escalations first (each module's daily step), so that today's digests mention them.
    for step in daily_steps:
        summary.escalations += step.run(today=today)

    by_recipient: dict[User, list[Due]] = defaultdict(list)
    for due in still_to_send(everything_due(today), today=today):
        by_recipient[due.recipient].append(due)

    already = set(
        ReminderDigest.objects.filter(day=today, recipient__in=list(by_recipient)).values_list(
            "recipient_id", flat=True
        )
    )
    for recipient, items in sorted(by_recipient.items(), key=lambda pair: pair[0].pk):
        if recipient.pk in already:
            summary.already_sent_today += 1
            continue
        try:
            sent = _send_digest(recipient, items, today=today)
        except Exception:  # one person's failed email must not stop everybody else's
            logger.exception("Reminder digest for %s could not be sent", recipient.email)
            summary.failed.append(recipient.email)
            continue
        if sent:
            summary.digests_sent += 1
            summary.items_sent += len(items)
        else:
            summary.already_sent_today += 1
    return summary


def _send_digest(recipient: User, items: list[Due], *, today: datetime.date) -> bool:
    """Record and send one person's digest; False when another run already sent today's."""
    items = sorted(items, key=lambda due: (list(ReminderKind).index(due.kind), due.due_on))
    subject = _subject(len(items), today)
    body = render_to_string(
        "reminders/email/digest.txt",
        {
            "recipient": recipient,
            "today": today,
            "sections": _sections(items),
            "history_url": site_url("/reminders/"),
        },
    )
    try:
        with transaction.atomic():
            digest = ReminderDigest.objects.create(
                recipient=recipient,
                day=today,
                email=recipient.email,
                subject=subject,
                body=body,
                sent_at=timezone.now(),
            )
            ReminderItem.objects.bulk_create(
                ReminderItem(
                    digest=digest,
                    recipient=recipient,
                    day=today,
                    kind=due.kind,
                    item_type=ContentType.objects.get_for_model(due.record),
                    item_id=due.record.pk,
                    due_on=due.due_on,
                    text=due.text[:400],
                    url=due.url,
                )
                for due in items
            )
            send_email(to=[recipient.email], subject=subject, body=body)
    except IntegrityError:
        return False
    return True


def _subject(count: int, today: datetime.date) -> str:
    things = "1 reminder" if count == 1 else f"{count} reminders"
    return f"SafeBoard: {things} for {long_date(today, weekday=True)}"


def _sections(items: list[Due]) -> list[dict]:
    sections: dict[ReminderKind, list[dict]] = {}
    for due in items:
        sections.setdefault(due.kind, []).append({"text": due.text, "url": site_url(due.url)})
    return [
        {"heading": ReminderKind(kind).label, "items": entries}
        for kind, entries in sections.items()
    ]
