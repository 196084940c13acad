"""Auditors are reminded of answers due within the week, then weekly while overdue."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory
from safeboard.audits.reminders import audit_answer_reminders
from safeboard.partnership.factories import PersonFactory
from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def _auditor():
    return UserFactory(person=PersonFactory(), roles=[Role.AUDITOR])


def _assignment(user, due_on, **kwargs):
    return AssignmentFactory(auditor=user.person, due_on=due_on, **kwargs)


def _kinds(user, day=TODAY) -> list[str]:
    return sorted(
        ReminderItem.objects.filter(recipient=user, day=day).values_list("kind", flat=True)
    )


def test_answers_due_within_the_week_and_overdue_are_reminded_to_the_auditor():
    auditor = _auditor()
    _assignment(auditor, _days(5))
    _assignment(auditor, _days(-2))
    _assignment(auditor, _days(20))
    send_daily_reminders(today=TODAY)
    assert _kinds(auditor) == sorted(
        [ReminderKind.AUDIT_ANSWERS_DUE, ReminderKind.AUDIT_ANSWERS_OVERDUE]
    )
    assert len(mail.outbox) == 1
    assert "Case audit" in mail.outbox[0].body


def test_a_due_date_is_reminded_once_and_overdue_answers_weekly():
    auditor = _auditor()
    _assignment(auditor, _days(5))
    _assignment(auditor, _days(-2))
    send_daily_reminders(today=TODAY)
    send_daily_reminders(today=_days(1))
    assert _kinds(auditor, _days(1)) == []
    send_daily_reminders(today=_days(7))
    # A week on, both are overdue: the one due on day 5 has joined the other.
    assert _kinds(auditor, _days(7)) == [ReminderKind.AUDIT_ANSWERS_OVERDUE] * 2


def test_submitted_answers_and_rounds_not_open_are_not_chased():
    auditor = _auditor()
    _assignment(auditor, _days(1), submitted=True)
    _assignment(auditor, _days(1), case__round=AuditRoundFactory(setting_up=True))
    _assignment(auditor, _days(-1), case__round=AuditRoundFactory(closed=True))
    assert list(audit_answer_reminders(TODAY)) == []


def test_an_auditor_without_an_account_is_skipped():
    AssignmentFactory(due_on=_days(1))
    assert list(audit_answer_reminders(TODAY)) == []


def test_the_reminder_links_to_the_answers_page():
    auditor = _auditor()
    assignment = _assignment(auditor, _days(3))
    (due,) = audit_answer_reminders(TODAY)
    assert due.url == f"/audits/assignments/{assignment.pk}/answer/"
    assert assignment.case.reference in due.text
