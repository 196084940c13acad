"""A zip bomb posted to a page that takes a file is refused with the reason, and nothing is
stored: an action's evidence, a meeting paper, a review's report (each goes through
core.uploads.validate_upload, as Section 11 evidence and the sign-in sheet do)."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Evidence
from safeboard.core.uploads import MACRO_ENABLED, ZIP_BOMB
from safeboard.meetings.factories import MeetingFactory
from safeboard.meetings.models import Paper
from safeboard.reviews.factories import ReviewFactory, edition
from safeboard.reviews.models import ReviewDocument
from tests.conftest import signed_in_client

from .test_uploads import docx, docx_bomb, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def manager(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


def _bomb() -> SimpleUploadedFile:
    return SimpleUploadedFile("report.docx", docx_bomb())


def _refused_with(response, message: str) -> bool:
    return response.status_code == 400 and message in html.unescape(response.content.decode())


def _stored(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_a_zip_bomb_as_an_actions_evidence_is_refused_and_nothing_stored(manager, media):
    action = ActionFactory()
    response = manager.post(
        reverse("actions:evidence", kwargs={"pk": action.pk}),
        {"description": "Re-audit", "evidence_dated": "2026-10-01", "file": _bomb()},
    )
    assert _refused_with(response, ZIP_BOMB)
    assert not Evidence.objects.exists()
    assert _stored(media) == []


def test_a_zip_bomb_as_a_meeting_paper_is_refused_and_nothing_stored(manager, media):
    meeting = MeetingFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Annual report", "file": _bomb()},
    )
    assert _refused_with(response, ZIP_BOMB)
    assert not Paper.objects.exists()
    assert _stored(media) == []


def test_a_zip_bomb_as_a_reviews_report_is_refused_and_nothing_stored(cast, manager, media):
    review = ReviewFactory(edition=edition("wt2023"), referred_by=cast[Role.BUSINESS_MANAGER])
    response = manager.post(
        reverse("reviews:document_upload", kwargs={"pk": review.pk}),
        {"kind": ReviewDocument.Kind.FINAL_REPORT, "file": _bomb()},
    )
    assert _refused_with(response, ZIP_BOMB)
    assert not ReviewDocument.objects.exists()
    assert _stored(media) == []


def test_a_macro_enabled_workbook_as_a_meeting_paper_is_refused(manager, media):
    meeting = MeetingFactory()
    workbook = xlsx({"xl/vbaProject.bin": b"\0" * 512})
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Budget", "file": SimpleUploadedFile("budget.xlsx", workbook)},
    )
    assert _refused_with(response, MACRO_ENABLED)
    assert not Paper.objects.exists()


def test_an_ordinary_word_document_as_a_meeting_paper_is_stored(manager, media):
    meeting = MeetingFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Annual report", "file": SimpleUploadedFile("report.docx", docx())},
    )
    assert response.status_code == 302
    assert Paper.objects.count() == 1
    assert len(_stored(media)) == 1
