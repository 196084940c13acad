"""Training in the daily reminder run: sessions coming up, evaluations to complete, the
follow-up survey 90 days on; learners without an account are emailed directly, once."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from safeboard.learning import reminders
from safeboard.learning.factories import FollowUpFactory, LearnerFactory
from safeboard.learning.models import Booking, FollowUp
from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders

from . import builders

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _kinds(user) -> list[str]:
    return sorted(ReminderItem.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_learner_with_an_account_is_reminded_of_a_session_within_a_week(cast, learner):
    soon = builders.booking(learner, on=builders.session(days=5))
    builders.booking(learner, on=builders.session(days=12))  # not yet
    builders.booking(learner, on=builders.session(days=3), status=Booking.Status.WAITING)

    send_daily_reminders(today=TODAY)

    item = ReminderItem.objects.get(recipient=learner.user)
    assert item.kind == ReminderKind.TRAINING_SESSION_SOON
    assert item.item_id == soon.pk and item.url == soon.get_absolute_url()
    assert soon.session.course.title in mail.outbox[0].body


def test_the_session_reminder_is_sent_once(cast, learner):
    builders.booking(learner, on=builders.session(days=5))
    send_daily_reminders(today=TODAY)
    send_daily_reminders(today=TODAY + datetime.timedelta(days=1))
    assert ReminderItem.objects.filter(recipient=learner.user).count() == 1


def test_a_learner_without_an_account_is_emailed_the_reminder_directly_once():
    place = builders.booking(LearnerFactory(email="ana@health.example"), builders.session(days=4))

    assert reminders.remind_learners_without_accounts(today=TODAY) == 1
    assert reminders.remind_learners_without_accounts(today=TODAY) == 0
    send_daily_reminders(today=TODAY + datetime.timedelta(days=1))

    assert [email.to for email in mail.outbox] == [["ana@health.example"]]
    assert place.session.course.title in mail.outbox[0].body
    place.refresh_from_db()
    assert place.reminded_for == place.session.starts_at


def test_a_session_moved_to_another_day_is_reminded_again():
    place = builders.booking(LearnerFactory(), builders.session(days=4))
    reminders.remind_learners_without_accounts(today=TODAY)
    session = place.session
    session.starts_at += datetime.timedelta(days=1)
    session.ends_at += datetime.timedelta(days=1)
    session.save()
    assert reminders.remind_learners_without_accounts(today=TODAY) == 1
    assert len(mail.outbox) == 2


def test_a_failed_email_is_not_recorded_so_it_is_tried_again(monkeypatch):
    place = builders.booking(LearnerFactory(), builders.session(days=4))

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert reminders.remind_learners_without_accounts(today=TODAY) == 0
    place.refresh_from_db()
    assert place.reminded_for is None


def test_an_attended_session_not_yet_evaluated_is_reminded_weekly(cast, learner):
    place = builders.attended(learner, on=builders.session(days=-3))
    builders.evaluated(learner, on=builders.session(days=-4))

    send_daily_reminders(today=TODAY)
    send_daily_reminders(today=TODAY + datetime.timedelta(days=3))
    send_daily_reminders(today=TODAY + datetime.timedelta(days=7))

    items = ReminderItem.objects.filter(recipient=learner.user)
    assert [item.kind for item in items] == [ReminderKind.TRAINING_EVALUATION_DUE] * 2
    assert {item.item_id for item in items} == {place.pk}
    assert items[0].url == f"/training/bookings/{place.pk}/evaluation/"


def test_the_follow_up_survey_is_made_and_sent_90_days_after_the_session():
    learner = LearnerFactory(email="sam@police.example")
    place = builders.attended(learner, on=builders.session(days=-90))
    builders.attended(LearnerFactory(), on=builders.session(days=-60))  # too soon
    builders.attended(LearnerFactory(), on=builders.session(days=-400))  # long past

    assert reminders.send_follow_up_surveys(today=TODAY) == 1
    assert reminders.send_follow_up_surveys(today=TODAY) == 0

    survey = FollowUp.objects.get()
    assert survey.booking == place and survey.sent_on == TODAY
    assert [email.to for email in mail.outbox] == [["sam@police.example"]]
    assert f"/training/bookings/{place.pk}/follow-up/" in mail.outbox[0].body


def test_the_daily_run_sends_the_follow_up_once(cast, learner):
    builders.attended(learner, on=builders.session(days=-91))
    send_daily_reminders(today=TODAY)
    send_daily_reminders(today=TODAY)
    assert FollowUp.objects.count() == 1


def test_a_follow_up_not_answered_is_reminded_once(cast, learner):
    place = builders.attended(learner, on=builders.session(days=-95))
    FollowUpFactory(booking=place, sent_on=TODAY - datetime.timedelta(days=5))
    send_daily_reminders(today=TODAY)
    send_daily_reminders(today=TODAY + datetime.timedelta(days=1))
    assert _kinds(learner.user) == [ReminderKind.TRAINING_FOLLOW_UP_DUE]
