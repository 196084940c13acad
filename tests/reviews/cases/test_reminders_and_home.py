"""Case review steps chase the business manager and the review's panel chair and lead reviewer
by email, and show on the home page of those who work on the review."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders
from safeboard.reviews.cases.reminders import review_step_reminders
from safeboard.reviews.factories import (
    AgencyContributionFactory,
    MilestoneFactory,
    ReviewFactory,
    TeamMemberFactory,
)
from safeboard.reviews.frameworks.timescales import add_working_days
from safeboard.reviews.models import Review, TeamMember
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)  # a Monday


def _case(**fields) -> Review:
    return ReviewFactory(
        child_pseudonym="Child K",
        summary="Lived at 4 Hill Road with her grandmother.",
        **fields,
    )


def test_an_overdue_notification_and_a_rapid_review_due_this_week(cast, wt2023):
    # Aware 13 working days before today: the notification is overdue, the rapid review due
    # on Wednesday.
    aware = datetime.date(2026, 11, 4)
    review = _case(aware_date=aware, incident_date=aware)
    lead = UserFactory()
    TeamMemberFactory(review=review, user=lead, role=TeamMember.Role.LEAD_REVIEWER)
    TeamMemberFactory(review=review, user=UserFactory(), role=TeamMember.Role.PANEL_MEMBER)

    due = list(review_step_reminders(TODAY))

    recipients = {d.recipient for d in due}
    assert recipients == {cast[Role.BUSINESS_MANAGER], lead}
    by_kind = {d.kind: d for d in due if d.recipient == lead}
    overdue = by_kind[ReminderKind.REVIEW_STEP_OVERDUE]
    assert overdue.due_on == add_working_days(aware, 5)
    assert overdue.text.startswith(f"Case review {review.reference} (Child K): Notify the")
    soon = by_kind[ReminderKind.REVIEW_STEP_DUE]
    assert soon.due_on == add_working_days(aware, 15) == datetime.date(2026, 11, 25)
    assert "Send the rapid review to the Panel is due on 25 November 2026" in soon.text


def test_the_text_names_the_case_by_reference_and_pseudonym_only(cast, wt2023):
    aware = datetime.date(2026, 11, 4)
    _case(aware_date=aware, incident_date=aware)
    for due in review_step_reminders(TODAY):
        assert "Hill Road" not in due.text and "grandmother" not in due.text


def test_contributions_and_milestones_are_reminded_one_by_one(cast, wt2023):
    aware = TODAY - datetime.timedelta(days=60)
    review = _case(aware_date=aware, incident_date=aware)
    review.notification_sent_on = review.rapid_review_sent_on = review.aware_date
    review.stage = Review.Stage.IN_REVIEW
    review.save()
    late = AgencyContributionFactory(
        review=review,
        agency=cast.home_agency,
        requested_on=TODAY - datetime.timedelta(days=30),
        due_on=TODAY - datetime.timedelta(days=2),
    )
    milestone = MilestoneFactory(review=review, due_on=TODAY + datetime.timedelta(days=3))
    AgencyContributionFactory(review=review, agency=cast.home_agency, received_on=TODAY)

    due = [d for d in review_step_reminders(TODAY) if d.record != review]

    assert {(d.record, d.kind) for d in due} == {
        (late, ReminderKind.REVIEW_STEP_OVERDUE),
        (milestone, ReminderKind.REVIEW_STEP_DUE),
    }
    assert all(d.url == review.get_absolute_url() for d in due)


def test_finished_cases_are_not_chased(cast, wt2023):
    aware = datetime.date(2026, 10, 1)
    _case(aware_date=aware, incident_date=aware, stage=Review.Stage.CLOSED)
    _case(
        aware_date=aware,
        incident_date=aware,
        stage=Review.Stage.PUBLISHED,
        published_on=TODAY,
    )
    assert list(review_step_reminders(TODAY)) == []


def test_the_daily_run_emails_the_business_manager(cast, wt2023):
    aware = datetime.date(2026, 11, 4)
    _case(aware_date=aware, incident_date=aware)

    send_daily_reminders(today=TODAY)

    manager = cast[Role.BUSINESS_MANAGER]
    assert set(ReminderItem.objects.filter(recipient=manager).values_list("kind", flat=True)) == {
        ReminderKind.REVIEW_STEP_OVERDUE,
        ReminderKind.REVIEW_STEP_DUE,
    }
    email = next(m for m in mail.outbox if m.to == [manager.email])
    assert "Case review step overdue" in email.body


def _home(user) -> str:
    return signed_in_client(user).get(reverse("core:home")).content.decode()


def test_the_home_page_shows_steps_due_within_14_days_to_those_on_the_case(cast, wt2023):
    today = datetime.date.today()
    review = _case(aware_date=today, incident_date=today)
    far = _case(aware_date=today, incident_date=today, stage=Review.Stage.IN_REVIEW)
    far.notification_sent_on = far.rapid_review_sent_on = today
    far.due_on = today + datetime.timedelta(days=120)
    far.save()
    TeamMemberFactory(review=review, user=cast[Role.AUDITOR])

    auditor = _home(cast[Role.AUDITOR])
    assert "Case review steps due" in auditor
    assert review.reference in auditor and far.reference not in auditor
    assert "Notify the Child Safeguarding Practice Review Panel" in auditor
    # The rapid review, 15 working days on, is more than 14 days away.
    assert "Send the rapid review to the Panel" not in auditor

    assert review.reference in _home(cast[Role.CHAIR])
    assert "Case review steps due" not in _home(cast[Role.BOARD_MEMBER])
