"""The demo partnership's Section 11: a closed cycle and an open one with every state."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from safeboard.accounts.models import User
from safeboard.demo.build import build_demo
from safeboard.section11.models import Chase, Cycle, EvidenceRequest, Rating, Return
from tests.conftest import signed_in_client


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo()
        transaction.set_rollback(True)


@pytest.fixture
def current(demo, db) -> Cycle:
    return Cycle.objects.get(status=Cycle.Status.OPEN)


def test_the_demo_has_a_closed_cycle_before_this_years_open_one(demo, db):
    closed = Cycle.objects.get(status=Cycle.Status.CLOSED)
    current = Cycle.objects.get(status=Cycle.Status.OPEN)
    assert current.previous_cycle == closed
    assert closed.returns_due_on.year == current.returns_due_on.year - 2


def test_most_organisations_have_returned_and_a_few_have_drafts(current):
    statuses = list(current.returns.values_list("status", flat=True))
    assert statuses.count(Return.Status.SUBMITTED) == 7
    assert statuses.count(Return.Status.DRAFT) == 2
    assert statuses.count(Return.Status.NOT_STARTED) == 2


def test_the_two_non_returners_have_reminders_a_call_and_an_escalation_letter(current):
    for agency_return in current.returns.filter(status=Return.Status.NOT_STARTED):
        kinds = set(agency_return.chases.values_list("kind", flat=True))
        assert {
            Chase.Kind.REMINDER,
            Chase.Kind.OVERDUE_REMINDER,
            Chase.Kind.ESCALATION_LETTER,
        } <= kinds
        letter = agency_return.chases.get(kind=Chase.Kind.ESCALATION_LETTER)
        assert letter.letter.name.endswith(".pdf")
    assert Chase.objects.filter(kind=Chase.Kind.OTHER_CONTACT).count() == 1


def test_answers_were_carried_forward_and_some_still_wait_to_be_confirmed(current):
    drafts = current.returns.filter(status=Return.Status.DRAFT)
    assert all(agency_return.carried_forward_from_id for agency_return in drafts)
    assert Rating.objects.filter(agency_return__in=drafts, is_carried_forward=True).exists()


def test_the_panel_has_moderated_and_the_board_has_asked_for_evidence(current):
    assert Rating.objects.filter(
        agency_return__cycle=current, moderated_score__isnull=False
    ).exists()
    statuses = set(
        EvidenceRequest.objects.filter(rating__agency_return__cycle=current).values_list(
            "status", flat=True
        )
    )
    assert statuses == {EvidenceRequest.Status.OPEN, EvidenceRequest.Status.CONCLUDED}


def test_the_police_lead_opens_their_draft_from_the_home_page(current):
    lead = User.objects.get(email="lead@demo.safeboard.test")
    draft = current.returns.get(agency=lead.agency)
    page = signed_in_client(lead).get(reverse("core:home")).content.decode()
    assert draft.get_absolute_url() in page


def test_the_managers_chase_list_and_picture_open(current):
    manager = signed_in_client(User.objects.get(email="manager@demo.safeboard.test"))
    for url in (
        reverse("section11:chase_list", args=[current.pk]),
        reverse("section11:picture", args=[current.pk]),
    ):
        assert manager.get(url).status_code == 200
