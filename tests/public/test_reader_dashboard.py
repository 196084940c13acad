"""Councillors and inspectors (the reader role) get a dashboard: what is published, the public
scorecard, and the board's papers marked for them, which alone they may open."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.meetings import services as meeting_services
from safeboard.meetings.factories import MeetingFactory
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.public.services import indicator_set_public


@pytest.fixture
def papers(db):
    meeting = MeetingFactory(title="Board, June")

    def paper(title, for_readers):
        return meeting_services.paper_upload(
            meeting=meeting,
            title=title,
            file=SimpleUploadedFile("paper.txt", b"Figures"),
            for_readers=for_readers,
        )

    return paper("Yearly report for councillors", True), paper("Case discussion", False)


def test_a_reader_sees_published_pages_the_public_scorecard_and_their_papers(
    client_for, cast, papers
):
    indicator = IndicatorFactory(name="Children seen within ten days")
    indicator_set_public(indicator=indicator, is_public=True, reason="Shared")
    IndicatorFactory(name="Not for the public")
    body = client_for(cast[Role.READER]).get(reverse("core:home")).content.decode()
    assert "What the partnership publishes" in body
    assert reverse("scorecard_public:scorecard") in body
    assert "Children seen within ten days" in body
    assert "Not for the public" not in body
    assert "Yearly report for councillors" in body
    assert "Case discussion" not in body


def test_only_readers_get_the_readers_dashboard(client_for, cast, papers):
    body = client_for(cast[Role.PRACTITIONER]).get(reverse("core:home")).content.decode()
    assert "Board papers for readers" not in body


def test_a_reader_opens_a_paper_marked_for_readers_and_no_other(client_for, cast, papers):
    for_readers, not_for_readers = papers
    reader = client_for(cast[Role.READER])
    opened = reader.get(reverse("meetings:paper_download", kwargs={"pk": for_readers.pk}))
    assert opened.status_code == 200
    refused = reader.get(reverse("meetings:paper_download", kwargs={"pk": not_for_readers.pk}))
    assert refused.status_code == 403


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.AGENCY_LEAD, Role.AUDITOR])
def test_a_paper_for_readers_is_not_opened_by_those_outside_the_meeting(
    client_for, cast, papers, role
):
    for_readers, _ = papers
    response = client_for(cast[role]).get(
        reverse("meetings:paper_download", kwargs={"pk": for_readers.pk})
    )
    assert response.status_code == 403


def test_the_business_manager_marks_a_paper_for_readers_when_uploading(client_for, cast, media):
    meeting = MeetingFactory()
    client_for(cast[Role.BUSINESS_MANAGER]).post(
        reverse("meetings:paper_upload", kwargs={"pk": meeting.pk}),
        {"title": "Report", "file": SimpleUploadedFile("r.txt", b"x"), "for_readers": "on"},
    )
    assert meeting.papers.get().for_readers is True


def test_readers_find_the_published_pages_in_their_navigation(client_for, cast):
    body = client_for(cast[Role.READER]).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("public:front")}"' in body
