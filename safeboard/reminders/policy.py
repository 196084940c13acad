"""How often the same item is reminded.

A due date coming up is reminded once. Something overdue is reminded again each week while
it stays overdue, so it keeps chasing without a daily flood. Nothing is ever reminded twice
to the same person on the same day: the database's unique constraint makes sure of it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType

from .models import ReminderItem, ReminderKind
from .sources import Due

REPEAT_EVERY_DAYS = 7

ONCE_PER_DUE_DATE = frozenset(
    {
        ReminderKind.ACTION_DUE_SOON,
        ReminderKind.CHALLENGE_RESPONSE_DUE,
        ReminderKind.CHALLENGE_ESCALATED,
        ReminderKind.QUERY_ANSWER_DUE,
        ReminderKind.FIGURES_DUE,
        ReminderKind.REVIEW_STEP_DUE,
        ReminderKind.AUDIT_ANSWERS_DUE,
        ReminderKind.S11_RETURN_DUE,
        ReminderKind.TRAINING_SESSION_SOON,
        ReminderKind.TRAINING_FOLLOW_UP_DUE,
    }
)
WEEKLY_WHILE_DUE = frozenset(
    {
        ReminderKind.ACTION_OVERDUE,
        ReminderKind.CHALLENGE_OVERDUE,
        ReminderKind.RISK_REVIEW_DUE,
        ReminderKind.PRIORITY_REVIEW_DUE,
        ReminderKind.PROTOCOL_REVIEW_DUE,
        ReminderKind.QUERY_OVERDUE,
        ReminderKind.FIGURES_LATE,
        ReminderKind.REVIEW_STEP_OVERDUE,
        ReminderKind.AUDIT_ANSWERS_OVERDUE,
        ReminderKind.S11_RETURN_OVERDUE,
        ReminderKind.S11_EVIDENCE_REQUESTED,
        ReminderKind.TRAINING_EVALUATION_DUE,
    }
)

# An item's identity for the policy: (recipient, kind, content type, record id).
ItemKey = tuple[int, str, int, int]


def _key(due: Due) -> ItemKey:
    content_type = ContentType.objects.get_for_model(due.record)
    return (due.recipient.pk, str(due.kind), content_type.pk, due.record.pk)


def still_to_send(due_items: Iterable[Due], *, today: datetime.date) -> list[Due]:
    """The items not already reminded under their kind's policy (one query for the history)."""
    due_items = list(due_items)
    # Due-soon reminders go out at most DUE_SOON_DAYS before the date; a week of history is
    # enough for both policies.
    since = today - datetime.timedelta(days=REPEAT_EVERY_DAYS)
    sent_once: set[tuple[ItemKey, datetime.date]] = set()
    sent_recently: set[ItemKey] = set()
    history = ReminderItem.objects.filter(day__gte=since, day__lte=today).values_list(
        "recipient_id", "kind", "item_type_id", "item_id", "due_on", "day"
    )
    for recipient_id, kind, type_id, item_id, due_on, day in history:
        key = (recipient_id, kind, type_id, item_id)
        sent_once.add((key, due_on))
        if day > since:
            sent_recently.add(key)

    to_send, seen = [], set()
    for due in due_items:
        key = _key(due)
        if key in seen:
            continue
        seen.add(key)
        if due.kind in ONCE_PER_DUE_DATE and (key, due.due_on) in sent_once:
            continue
        if due.kind in WEEKLY_WHILE_DUE and key in sent_recently:
            continue
        to_send.append(due)
    return to_send
