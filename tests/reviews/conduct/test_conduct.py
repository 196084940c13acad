"""The review itself: set-up, team, agencies' contributions, events, milestones, reports,
publication and grade."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.core.uploads import only_these_types_message
from safeboard.reviews import lifecycle
from safeboard.reviews.conduct import services as review_services
from safeboard.reviews.decision import services as decision_services
from safeboard.reviews.factories import ReviewFactory, partners_agreeing
from safeboard.reviews.frameworks.timescales import review_due
from safeboard.reviews.models import (
    AgencyContribution,
    Decision,
    Review,
    ReviewDocument,
    TeamMember,
)
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _in_review(cast, review, outcome=Decision.Outcome.LCSPR) -> Review:
    decision_services.decision_record(
        review=review,
        outcome=outcome,
        reasons="Agencies did not work together.",
        partners=partners_agreeing(review.aware_date),
        answers={c.pk: {"answer": "met", "reason": "Yes."} for c in review.edition.criteria.all()},
        recorded_by=cast[Role.BUSINESS_MANAGER],
    )
    review.refresh_from_db()
    return review


def _set_up(review, **overrides):
    values = {
        "review": review,
        "title": "Child A",
        "methodology": Review.Methodology.LEARNING_TOGETHER,
        "lead_reviewer": "Dr Imogen Hale",
        "started_on": review.aware_date + datetime.timedelta(days=7),
        "family_involvement": "The mother met the lead reviewer twice.",
    }
    values.update(overrides)
    review_services.review_set_up(**values)


def test_a_practice_review_is_due_six_months_after_it_starts(cast, review):
    review = _in_review(cast, review)
    start = review.aware_date + datetime.timedelta(days=7)
    _set_up(review, started_on=start, due_on=start)  # the asked-for date is ignored
    review.refresh_from_db()
    assert review.due_on == review_due(start, 6)
    assert review.methodology == Review.Methodology.LEARNING_TOGETHER


def test_a_learning_review_is_due_when_the_board_says(cast, review):
    review = _in_review(cast, review, Decision.Outcome.LEARNING_REVIEW)
    with pytest.raises(ValidationError) as error:
        _set_up(review)
    assert error.value.message_dict == {"due_on": [review_services.DUE_REQUIRED]}
    chosen = review.aware_date + datetime.timedelta(days=100)
    _set_up(review, due_on=chosen)
    review.refresh_from_db()
    assert review.due_on == chosen


def test_a_review_is_set_up_only_once_decided_on(cast, review):
    with pytest.raises(ValidationError) as error:
        _set_up(review)
    assert error.value.messages == [lifecycle.NOT_IN_REVIEW]


def test_the_set_up_page_asks_a_learning_review_for_its_due_date_only(cast, review, manager_client):
    review = _in_review(cast, review, Decision.Outcome.LEARNING_REVIEW)
    page = manager_client.get(reverse("reviews:setup", kwargs={"pk": review.pk}))
    assert 'name="due_on"' in page.content.decode()
    other = _in_review(cast, ReviewFactory(edition=review.edition))
    page = manager_client.get(reverse("reviews:setup", kwargs={"pk": other.pk}))
    assert 'name="due_on"' not in page.content.decode()


def test_a_team_member_sees_the_review_and_loses_it_when_removed(cast, review):
    practitioner = cast[Role.PRACTITIONER]
    client = signed_in_client(practitioner)
    url = reverse("reviews:detail", kwargs={"pk": review.pk})
    assert client.get(url).status_code == 404

    member = review_services.team_member_add(
        review=review, user=practitioner, role=TeamMember.Role.PANEL_MEMBER
    )
    assert client.get(url).status_code == 200

    review_services.team_member_remove(member=member)
    assert client.get(url).status_code == 404


def test_nobody_joins_the_team_twice(cast, review):
    user = cast[Role.AUDITOR]
    review_services.team_member_add(review=review, user=user, role=TeamMember.Role.REVIEW_TEAM)
    with pytest.raises(ValidationError) as error:
        review_services.team_member_add(review=review, user=user, role=TeamMember.Role.SUPPORT)
    assert "user" in error.value.message_dict


def test_the_business_manager_adds_a_panel_member_from_the_page(cast, review, manager_client):
    user = UserFactory(roles=[Role.BOARD_MEMBER])
    response = manager_client.post(
        reverse("reviews:team_add", kwargs={"pk": review.pk}),
        {"user": user.pk, "role": TeamMember.Role.PANEL_CHAIR},
    )
    assert response.status_code == 302
    assert review.team.get().user == user


def test_a_contribution_is_asked_for_and_received(cast, review):
    contribution = review_services.contribution_request(
        review=review,
        agency=cast.home_agency,
        kind=AgencyContribution.Kind.CHRONOLOGY,
        requested_on=TODAY,
        due_on=TODAY + datetime.timedelta(days=21),
    )
    with pytest.raises(ValidationError):
        review_services.contribution_received(
            contribution=contribution, received_on=TODAY - datetime.timedelta(days=1)
        )
    review_services.contribution_received(contribution=contribution, received_on=TODAY)
    contribution.refresh_from_db()
    assert contribution.received_on == TODAY
    with pytest.raises(ValidationError):
        review_services.contribution_received(contribution=contribution, received_on=TODAY)


def test_a_contribution_cannot_be_due_before_it_was_asked_for(cast, review):
    with pytest.raises(ValidationError) as error:
        review_services.contribution_request(
            review=review,
            agency=cast.home_agency,
            kind=AgencyContribution.Kind.AGENCY_REPORT,
            requested_on=TODAY,
            due_on=TODAY - datetime.timedelta(days=1),
        )
    assert error.value.message_dict == {"due_on": [review_services.CONTRIBUTION_DUE_BEFORE_REQUEST]}
    assert not AgencyContribution.objects.exists()


def test_events_and_milestones(cast, review):
    review_services.event_add(
        review=review,
        kind="practitioner",
        held_on=TODAY,
        title="Learning event with frontline staff",
        attendees=18,
    )
    milestone = review_services.milestone_add(
        review=review, title="Draft report to the panel", due_on=TODAY
    )
    review_services.milestone_complete(milestone=milestone, completed_on=TODAY)
    assert review.events.get().attendees == 18
    milestone.refresh_from_db()
    assert milestone.completed_on == TODAY
    with pytest.raises(ValidationError):
        review_services.milestone_add(review=review, title=" ", due_on=TODAY)


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(("name", "content"), [("report.pdf", PDF), ("report.docx", _docx())])
def test_reports_are_pdf_or_word(cast, review, name, content):
    document = review_services.document_upload(
        review=review,
        kind=ReviewDocument.Kind.DRAFT_REPORT,
        file=_upload(name, content),
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    assert document.original_name == name
    assert document.file.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.txt", b"plain words"),
        ("report.xlsx", _docx()),
        ("report.pdf", b"not a pdf at all"),
    ],
)
def test_anything_else_is_refused_and_nothing_is_saved(cast, review, name, content):
    with pytest.raises(ValidationError) as error:
        review_services.document_upload(
            review=review,
            kind=ReviewDocument.Kind.FINAL_REPORT,
            file=_upload(name, content),
            uploaded_by=cast[Role.BUSINESS_MANAGER],
        )
    assert "file" in error.value.message_dict
    assert not ReviewDocument.objects.exists()


def test_the_upload_page_names_the_types_it_takes(cast, review, manager_client):
    response = manager_client.post(
        reverse("reviews:document_upload", kwargs={"pk": review.pk}),
        {"kind": "final", "file": _upload("notes.txt", b"words")},
    )
    assert response.status_code == 400
    assert only_these_types_message({".pdf", ".docx"}) in response.content.decode()
    assert not ReviewDocument.objects.exists()


def test_a_report_downloads_through_the_reviews_gate_only(cast, review, manager_client):
    document = review_services.document_upload(
        review=review,
        kind=ReviewDocument.Kind.DRAFT_REPORT,
        file=_upload("draft.pdf", PDF),
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    url = reverse("reviews:document_download", kwargs={"pk": review.pk, "document_pk": document.pk})
    response = manager_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="draft.pdf"' in response["Content-Disposition"]
    assert signed_in_client(cast[Role.BOARD_MEMBER]).get(url).status_code == 404


def test_the_final_report_then_publication_then_the_panels_feedback(cast, review):
    review = _in_review(cast, review)
    with pytest.raises(ValidationError) as error:
        review_services.review_publish(review=review, published_on=TODAY)
    assert error.value.messages == [lifecycle.NO_FINAL_REPORT]
    with pytest.raises(ValidationError):
        review_services.review_panel_feedback(
            review=review, panel_feedback="Clear.", panel_feedback_on=TODAY
        )

    review_services.document_upload(
        review=review,
        kind=ReviewDocument.Kind.FINAL_REPORT,
        file=_upload("final.pdf", PDF),
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    review.refresh_from_db()
    assert review.stage == Review.Stage.REPORTED
    review_services.review_publish(
        review=review,
        published_on=TODAY,
        panel_notified_on=TODAY,
        secretary_of_state_notified_on=TODAY,
    )
    review_services.review_panel_feedback(
        review=review, panel_feedback="A clear analysis.", panel_feedback_on=TODAY
    )
    with pytest.raises(ValidationError) as error:
        review_services.review_grade(review=review, quality_grade=Review.QualityGrade.ADEQUATE)
    assert error.value.messages == [lifecycle.NOT_GRADED]

    review.refresh_from_db()
    assert review.is_published
    assert (review.panel_feedback, review.quality_grade) == ("A clear analysis.", "")
    assert signed_in_client(cast[Role.READER]).get(review.get_absolute_url()).status_code == 200


def test_nothing_is_added_to_a_closed_case(cast, review):
    review = _in_review(cast, review, Decision.Outcome.NO_REVIEW)
    with pytest.raises(ValidationError):
        review_services.milestone_add(review=review, title="Anything", due_on=TODAY)
