"""The daily reminder run: who gets what, one digest a day, never the same item twice a day."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core import mail

from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge, ChallengeEscalation
from safeboard.reminders.models import ReminderDigest, ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders
from safeboard.risks.models import Risk

from .builders import (
    TODAY,
    Role,
    account,
    action_due,
    board_chair,
    challenge_due,
    days,
    priority_review_due,
    risk_review_due,
)

pytestmark = pytest.mark.django_db


def kinds_sent_to(user, day=TODAY) -> list[str]:
    return sorted(
        ReminderItem.objects.filter(recipient=user, day=day).values_list("kind", flat=True)
    )


def test_one_digest_carries_everything_due_for_a_person():
    lead = account(Role.AGENCY_LEAD)
    action_due(lead, days(5))
    action_due(lead, days(-3))
    risk_review_due(lead, days(2))
    priority_review_due(lead, days(-1))

    summary = send_daily_reminders(today=TODAY)

    assert summary.digests_sent == 1 and summary.items_sent == 4
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [lead.email]
    assert email.subject == "SafeBoard: 4 reminders for Monday 23 November 2026"
    for heading in ("Action due within 7 days", "Action overdue", "Risk review due"):
        assert heading in email.body
    assert "http://127.0.0.1:8000/actions/" in email.body
    assert kinds_sent_to(lead) == sorted(
        [
            ReminderKind.ACTION_DUE_SOON,
            ReminderKind.ACTION_OVERDUE,
            ReminderKind.RISK_REVIEW_DUE,
            ReminderKind.PRIORITY_REVIEW_DUE,
        ]
    )


def test_running_twice_on_the_same_day_sends_nothing_more():
    lead = account(Role.AGENCY_LEAD)
    action_due(lead, days(7))
    risk_review_due(lead, days(-10))

    first = send_daily_reminders(today=TODAY)
    second = send_daily_reminders(today=TODAY)

    assert first.digests_sent == 1
    assert second.digests_sent == 0 and second.items_sent == 0
    assert len(mail.outbox) == 1
    assert ReminderDigest.objects.filter(recipient=lead, day=TODAY).count() == 1
    assert ReminderItem.objects.filter(recipient=lead).count() == 2


def test_a_digest_already_written_today_by_another_run_is_not_sent_again():
    lead = account(Role.AGENCY_LEAD)
    action_due(lead, days(3))
    ReminderDigest.objects.create(
        recipient=lead,
        day=TODAY,
        email=lead.email,
        subject="Sent by the other worker",
        body="",
        sent_at=datetime.datetime(2026, 11, 23, 7, tzinfo=datetime.UTC),
    )

    summary = send_daily_reminders(today=TODAY)

    assert summary.already_sent_today == 1 and summary.digests_sent == 0
    assert mail.outbox == []


def test_the_unique_digest_stops_a_run_that_races_another(monkeypatch):
    """Both runs saw no digest; the second insert hits the constraint and sends nothing."""
    lead = account(Role.AGENCY_LEAD)
    action_due(lead, days(3))
    send_daily_reminders(today=TODAY)
    mail.outbox.clear()
    monkeypatch.setattr(
        ReminderDigest.objects, "filter", lambda **kw: ReminderDigest.objects.none()
    )
    # Forget what was reminded so the policy would send it again: only the constraint stops it.
    monkeypatch.setattr("safeboard.reminders.services.still_to_send", lambda due, today: list(due))

    summary = send_daily_reminders(today=TODAY)

    assert summary.digests_sent == 0 and summary.already_sent_today == 1
    assert mail.outbox == []
    assert ReminderItem.objects.filter(recipient=lead).count() == 1


def test_a_due_date_is_reminded_once_and_an_overdue_item_weekly():
    owner = account(Role.PRACTITIONER)
    soon = action_due(owner, days(6))
    late = action_due(owner, days(-1))

    sent_on = {}
    for offset in range(0, 15):
        day = days(offset)
        send_daily_reminders(today=day)
        for item in ReminderItem.objects.filter(day=day):
            sent_on.setdefault((item.item_id, item.kind), []).append(offset)

    assert sent_on[(soon.pk, ReminderKind.ACTION_DUE_SOON)] == [0]
    assert sent_on[(soon.pk, ReminderKind.ACTION_OVERDUE)] == [7, 14]
    assert sent_on[(late.pk, ReminderKind.ACTION_OVERDUE)] == [0, 7, 14]


def test_a_moved_due_date_is_reminded_again():
    owner = account(Role.PRACTITIONER)
    action = action_due(owner, days(5))
    send_daily_reminders(today=TODAY)
    Action.objects.filter(pk=action.pk).update(due_on=days(8))

    send_daily_reminders(today=days(1))

    assert kinds_sent_to(owner, days(1)) == [ReminderKind.ACTION_DUE_SOON]


def test_nothing_is_sent_for_finished_records_or_people_without_accounts():
    owner = account(Role.PRACTITIONER)
    action_due(owner, days(-2), status=Action.Status.COMPLETE, completed_on=days(-3))
    risk_review_due(owner, days(-5), status=Risk.Status.CLOSED)
    action_due(owner, days(30))
    from safeboard.actions.factories import ActionFactory

    ActionFactory(due_on=days(1))  # its owner has no account

    summary = send_daily_reminders(today=TODAY)

    assert summary.digests_sent == 0 and mail.outbox == []


def test_challenge_responses_are_chased_with_the_challenged_agencys_leads_only():
    chair = board_chair()
    lead = account(Role.AGENCY_LEAD)
    agency = lead.person.agency
    colleague = account(Role.PRACTITIONER, agency=agency)
    other_lead = account(Role.AGENCY_LEAD)
    challenge_due(agency, chair.person, days(4))
    challenge_due(agency, chair.person, days(-2))
    challenge_due(agency, chair.person, days(-3), status=Challenge.Status.RESPONDED)

    send_daily_reminders(today=TODAY)

    assert kinds_sent_to(lead) == [
        ReminderKind.CHALLENGE_OVERDUE,
        ReminderKind.CHALLENGE_RESPONSE_DUE,
    ]
    assert kinds_sent_to(colleague) == [] and kinds_sent_to(other_lead) == []
    assert kinds_sent_to(chair) == []


def test_an_overdue_challenge_escalates_once_and_tells_the_person_it_went_to():
    chair = board_chair()
    lead = account(Role.AGENCY_LEAD)
    agency = lead.person.agency
    board_member = account(Role.BOARD_MEMBER, agency=agency)
    challenge = challenge_due(agency, chair.person, days(-10))

    first = send_daily_reminders(today=TODAY)
    second = send_daily_reminders(today=TODAY)

    assert first.escalations == 1 and second.escalations == 0
    escalation = ChallengeEscalation.objects.get(challenge=challenge)
    assert escalation.level == 1 and escalation.escalated_on == TODAY
    assert escalation.escalated_to == board_member.person and escalation.is_automatic
    assert kinds_sent_to(board_member) == [ReminderKind.CHALLENGE_ESCALATED]
    assert kinds_sent_to(lead) == [ReminderKind.CHALLENGE_OVERDUE]

    later = send_daily_reminders(today=days(10))  # ten more days without an answer

    assert later.escalations == 1
    assert challenge.escalations.get(level=2).escalated_to == chair.person
    assert kinds_sent_to(chair, days(10)) == [ReminderKind.CHALLENGE_ESCALATED]


def test_one_failed_email_rolls_back_that_digest_and_spares_the_others():
    first = account(Role.PRACTITIONER)
    second = account(Role.PRACTITIONER)
    action_due(first, days(1))
    action_due(second, days(1))
    real_send = mail.EmailMessage.send

    def fail_for_first(message, *args, **kwargs):
        if message.to == [first.email]:
            raise ConnectionRefusedError("mail server down")
        return real_send(message, *args, **kwargs)

    with mock.patch("django.core.mail.EmailMessage.send", fail_for_first):
        summary = send_daily_reminders(today=TODAY)

    assert summary.failed == [first.email] and summary.digests_sent == 1
    assert not ReminderDigest.objects.filter(recipient=first).exists()
    assert not ReminderItem.objects.filter(recipient=first).exists()

    retry = send_daily_reminders(today=TODAY)

    assert retry.digests_sent == 1 and [m.to for m in mail.outbox] == [
        [second.email],
        [first.email],
    ]


def test_every_kind_of_reminder_has_a_repeat_policy():
    from safeboard.reminders.policy import ONCE_PER_DUE_DATE, WEEKLY_WHILE_DUE

    assert set(ReminderKind) == ONCE_PER_DUE_DATE | WEEKLY_WHILE_DUE
    assert not ONCE_PER_DUE_DATE & WEEKLY_WHILE_DUE
