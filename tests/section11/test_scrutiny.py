"""Moderation and peer challenge: the board checks what organisations declared."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders
from safeboard.section11 import return_services, scrutiny_services
from safeboard.section11.models import EvidenceRequest
from tests.conftest import signed_in_client

from .conftest import days, ratings_of


@pytest.fixture
def submitted(home_return):
    for rating, score in zip(ratings_of(home_return), [3, 3, 2], strict=True):
        return_services.rating_save(rating=rating, self_score=score)
    lead_person = home_return.agency.people.first()
    return_services.improvement_add(
        rating=ratings_of(home_return)[2],
        text="More training",
        owner_person=lead_person,
        due_on=days(40),
    )
    return_services.return_submit(agency_return=home_return)
    return home_return


def _moderate(agency_return, *entries):
    ratings = ratings_of(agency_return)
    scores = [
        scrutiny_services.ModeratedScore(rating=ratings[index], score=score, reason=reason)
        for index, score, reason in entries
    ]
    return scrutiny_services.return_moderate(agency_return=agency_return, scores=scores)


def test_the_panel_agrees_a_moderated_score_beside_the_self_assessed_one(submitted):
    _moderate(submitted, (0, 2, "No board reports seen this year."))
    rating = ratings_of(submitted)[0]
    assert (rating.self_score, rating.moderated_score) == (3, 2)
    assert rating.moderation_reason == "No board reports seen this year."
    assert rating.moderated_on is not None


def test_a_moderated_score_needs_its_reason(submitted):
    with pytest.raises(ValidationError) as error:
        _moderate(submitted, (0, 2, " "), (1, 3, "Agreed."))
    rating = ratings_of(submitted)[0]
    assert list(error.value.message_dict) == [f"reason_{rating.pk}"]
    assert all(r.moderated_score is None for r in ratings_of(submitted))


def test_a_draft_cannot_be_moderated(home_return):
    with pytest.raises(ValidationError) as error:
        _moderate(home_return, (0, 2, "Too early"))
    assert error.value.messages == [scrutiny_services.NOT_SUBMITTED]


def test_a_moderated_score_outside_the_scale_is_refused_through_the_page(submitted, cast):
    rating = ratings_of(submitted)[0]
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        reverse("section11:return_moderate", args=[submitted.pk]),
        {f"score_{rating.pk}": "9", f"reason_{rating.pk}": "Generous"},
    )
    assert response.status_code == 400
    assert "The moderated score must be a whole number from 0 to 3." in response.content.decode()
    rating.refresh_from_db()
    assert rating.moderated_score is None


def test_a_sample_is_drawn_from_the_standards_declared_met(submitted):
    requests = scrutiny_services.sample_draw(
        cycle=submitted.cycle,
        size=5,
        question="Show us the evidence.",
        response_due_on=days(21),
        rng=random.Random(1),
    )
    declared_met = {r.pk for r in ratings_of(submitted) if r.self_score == 3}
    assert {request.rating_id for request in requests} == declared_met
    assert all(request.is_sampled for request in requests)


def test_a_declaration_already_sampled_is_not_drawn_again(submitted):
    draw = {
        "cycle": submitted.cycle,
        "size": 5,
        "question": "Show us.",
        "response_due_on": days(21),
    }
    scrutiny_services.sample_draw(**draw)
    with pytest.raises(ValidationError) as error:
        scrutiny_services.sample_draw(**draw)
    assert error.value.messages == [scrutiny_services.NOTHING_TO_SAMPLE]


def test_peer_challenge_from_request_to_conclusion(submitted, cast):
    rating = ratings_of(submitted)[0]
    request = scrutiny_services.evidence_request_create(
        rating=rating, question="Show the board reports.", response_due_on=days(14)
    )
    lead = cast[Role.AGENCY_LEAD]
    send_daily_reminders(today=days(0))
    assert ReminderItem.objects.filter(
        recipient=lead, kind=ReminderKind.S11_EVIDENCE_REQUESTED
    ).exists()

    scrutiny_services.evidence_request_respond(
        request=request,
        response="The board's safeguarding reports for the year.",
        file=SimpleUploadedFile("reports.pdf", b"%PDF-1.4 reports\n%%EOF\n"),
        responded_by=lead,
    )
    request.refresh_from_db()
    assert request.status == EvidenceRequest.Status.ANSWERED
    assert rating.evidence.get().request == request

    scrutiny_services.evidence_request_conclude(
        request=request,
        conclusion=EvidenceRequest.Conclusion.SUPPORTED,
        note="Quarterly reports, challenged each time.",
    )
    request.refresh_from_db()
    assert request.status == EvidenceRequest.Status.CONCLUDED


def test_a_request_is_answered_once(submitted):
    request = scrutiny_services.evidence_request_create(
        rating=ratings_of(submitted)[0], question="Show us.", response_due_on=days(14)
    )
    scrutiny_services.evidence_request_respond(request=request, response="Here it is.")
    with pytest.raises(ValidationError) as error:
        scrutiny_services.evidence_request_respond(request=request, response="Again.")
    assert error.value.messages == [scrutiny_services.REQUEST_NOT_OPEN]


def test_another_organisation_cannot_answer_a_request(submitted, cast):
    request = scrutiny_services.evidence_request_create(
        rating=ratings_of(submitted)[0], question="Show us.", response_due_on=days(14)
    )
    response = signed_in_client(cast.other_agency_lead).post(
        reverse("section11:request_respond", args=[request.pk]), {"response": "Not ours"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == EvidenceRequest.Status.OPEN
