"""The meeting pages: what they show, and bad input refused with the data unchanged."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.core import uploads
from safeboard.meetings import models, services
from safeboard.meetings.factories import AgendaItemFactory, MeetingFactory
from safeboard.meetings.models import Attendance, Decision, Meeting, Paper
from safeboard.partnership.factories import MembershipFactory, PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
ERROR_SUMMARY = 'class="govuk-error-summary"'


@pytest.fixture
def manager(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def past_meeting():
    return MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=7))


def _text(response) -> str:
    return response.content.decode()


def test_the_business_manager_adds_a_meeting(manager, cast):
    group = MembershipFactory(person=cast[Role.BOARD_MEMBER].person).group
    response = manager.post(
        reverse("meetings:create"),
        {
            "group": group.pk,
            "title": "Board meeting",
            "starts_on": "2031-03-04",
            "starts_at_time": "14:30",
            "location": "Town Hall",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == "2031-03-04 14:30"


def test_a_meeting_with_an_impossible_date_is_refused(manager):
    group = MeetingFactory().group
    response = manager.post(
        reverse("meetings:create"),
        {"group": group.pk, "title": "Board", "starts_on": "2031-02-30", "starts_at_time": "25:00"},
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert Meeting.objects.count() == 1  # only the factory's


def test_an_oversize_paper_is_refused_with_an_error_summary_and_nothing_saved(
    manager, media, settings
):
    settings.MAX_UPLOAD_BYTES = 100
    meeting = MeetingFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Annual report", "file": SimpleUploadedFile("report.txt", b"x" * 101)},
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert uploads.too_large_message(100) in _text(response)
    assert Paper.objects.count() == 0
    assert not any(media.iterdir())


def test_a_program_renamed_as_a_pdf_is_refused(manager, media):
    meeting = MeetingFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Report", "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03program")},
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert "does not match its name (.pdf)" in _text(response)
    assert Paper.objects.count() == 0
    assert not any(media.iterdir())


def test_a_paper_cannot_be_filed_under_another_meetings_agenda_item(manager, media):
    meeting, foreign_item = MeetingFactory(), AgendaItemFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {
            "title": "Report",
            "agenda_item": foreign_item.pk,
            "file": SimpleUploadedFile("report.txt", b"Figures"),
        },
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert Paper.objects.count() == 0


def test_a_paper_downloads_as_an_attachment_with_its_content_type(cast, media):
    meeting = MeetingFactory()
    paper = services.paper_upload(
        meeting=meeting, title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.7 x\n%%EOF")
    )
    response = signed_in_client(cast[Role.CHAIR]).get(
        reverse("meetings:paper_download", args=[paper.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="report')
    assert b"".join(response.streaming_content) == b"%PDF-1.7 x\n%%EOF"


def test_a_paper_is_refused_to_someone_outside_the_group(cast, media):
    paper = services.paper_upload(
        meeting=MeetingFactory(),
        title="Report",
        file=SimpleUploadedFile("report.txt", b"Confidential figures"),
    )
    response = signed_in_client(cast[Role.PRACTITIONER]).get(
        reverse("meetings:paper_download", args=[paper.pk])
    )
    assert response.status_code == 403


def _decision_post(meeting, **overrides):
    owner = PersonFactory()
    data = {
        "text": "Audit the response to neglect.",
        "needs_action": "yes",
        "action_title": "Plan the neglect audit",
        "action_owner": owner.pk,
        "action_due_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
    }
    return reverse("meetings:decision_add", args=[meeting.pk]), {**data, **overrides}


def test_a_decision_with_an_action_shows_on_the_meeting_with_a_link_to_its_action(manager):
    meeting = MeetingFactory()
    url, data = _decision_post(meeting)
    assert manager.post(url, data).status_code == 302
    action = Action.objects.get()
    page = _text(manager.get(reverse("meetings:detail", args=[meeting.pk])))
    assert "Audit the response to neglect." in page
    assert reverse("actions:detail", args=[action.pk]) in page
    assert action.display_status in page


def test_the_action_page_says_which_decision_it_came_from(manager):
    meeting = MeetingFactory()
    url, data = _decision_post(meeting)
    manager.post(url, data)
    action = Action.objects.get()
    page = _text(manager.get(reverse("actions:detail", args=[action.pk])))
    assert "Audit the response to neglect." in page
    assert Decision.objects.get().get_absolute_url().startswith(meeting.get_absolute_url())


def test_a_decision_wanting_an_action_without_a_due_date_is_refused_and_nothing_saved(manager):
    meeting = MeetingFactory()
    url, data = _decision_post(meeting, action_due_on="")
    response = manager.post(url, data)
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert services.ACTION_DUE_DATE_REQUIRED in _text(response)
    assert (Decision.objects.count(), Action.objects.count()) == (0, 0)


def test_a_forged_action_owner_is_refused(manager):
    meeting = MeetingFactory()
    url, data = _decision_post(meeting, action_owner="999999")
    response = manager.post(url, data)
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert (Decision.objects.count(), Action.objects.count()) == (0, 0)


def test_minutes_approved_before_the_meeting_are_refused_and_unchanged(manager, past_meeting):
    approved_on = past_meeting.held_on - datetime.timedelta(days=1)
    response = manager.post(
        reverse("meetings:minutes_edit", args=[past_meeting.pk]),
        {"minutes": "Draft minutes.", "minutes_approved_on": approved_on.isoformat()},
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert models.MINUTES_APPROVED_BEFORE_MEETING in _text(response)
    past_meeting.refresh_from_db()
    assert (past_meeting.minutes, past_meeting.minutes_approved_on) == ("", None)


def test_minutes_approved_tomorrow_are_refused(manager, past_meeting):
    response = manager.post(
        reverse("meetings:minutes_edit", args=[past_meeting.pk]),
        {"minutes": "Minutes.", "minutes_approved_on": str(TODAY + datetime.timedelta(days=1))},
    )
    assert response.status_code == 400
    assert services.MINUTES_APPROVED_IN_FUTURE in _text(response)
    past_meeting.refresh_from_db()
    assert past_meeting.minutes_approved_on is None


def test_the_attendance_form_lists_the_members_on_the_day_and_only_them(manager, past_meeting):
    current = MembershipFactory(group=past_meeting.group).person
    joined_later = MembershipFactory(
        group=past_meeting.group, started_on=past_meeting.held_on + datetime.timedelta(days=1)
    ).person
    page = _text(manager.get(reverse("meetings:attendance", args=[past_meeting.pk])))
    assert current.full_name in page
    assert joined_later.full_name not in page


def _status(person):
    return services.attendance_field("status", person.pk)


def _deputy(person):
    return services.attendance_field("deputy_name", person.pk)


def test_recording_attendance_upserts_one_row_per_member(manager, past_meeting):
    alice = MembershipFactory(group=past_meeting.group).person
    bob = MembershipFactory(group=past_meeting.group).person
    url = reverse("meetings:attendance", args=[past_meeting.pk])
    manager.post(url, {_status(alice): "present", _status(bob): "apologies"})
    response = manager.post(
        url,
        {_status(alice): "present", _status(bob): "deputy", _deputy(bob): "Dana Deputy"},
    )
    assert response.status_code == 302
    rows = {row.person: row for row in Attendance.objects.all()}
    assert {person: row.status for person, row in rows.items()} == {
        alice: "present",
        bob: "deputy",
    }
    assert (rows[bob].deputy_name, rows[bob].agency) == ("Dana Deputy", bob.agency)


def test_a_deputy_without_a_name_is_refused_and_attendance_unchanged(manager, past_meeting):
    alice = MembershipFactory(group=past_meeting.group).person
    response = manager.post(
        reverse("meetings:attendance", args=[past_meeting.pk]),
        {_status(alice): "deputy", _deputy(alice): ""},
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert Attendance.objects.count() == 0


def test_a_forged_attendance_status_is_refused(manager, past_meeting):
    alice = MembershipFactory(group=past_meeting.group).person
    response = manager.post(
        reverse("meetings:attendance", args=[past_meeting.pk]), {_status(alice): "asleep"}
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)
    assert Attendance.objects.count() == 0


def test_agenda_items_show_in_order_on_the_meeting_page(manager):
    meeting = MeetingFactory()
    for title in ("Welcome", "Performance report", "Any other business"):
        manager.post(reverse("meetings:agenda_add", args=[meeting.pk]), {"title": title})
    page = _text(manager.get(reverse("meetings:detail", args=[meeting.pk])))
    positions = [page.index(title) for title in ("Welcome", "Performance", "Any other")]
    assert positions == sorted(positions)


def test_the_meeting_page_links_to_its_history(manager):
    meeting = MeetingFactory()
    page = _text(manager.get(reverse("meetings:detail", args=[meeting.pk])))
    assert reverse("core:history", args=["meetings.meeting", meeting.pk]) in page


def test_a_member_sees_their_groups_meetings_and_not_others(cast):
    practitioner = cast[Role.PRACTITIONER]
    mine = MeetingFactory(title="Neglect subgroup meeting")
    MembershipFactory(group=mine.group, person=practitioner.person)
    MeetingFactory(title="Quality assurance subgroup meeting")
    page = _text(signed_in_client(practitioner).get(reverse("meetings:list")))
    assert "Neglect subgroup meeting" in page
    assert "Quality assurance subgroup meeting" not in page


def test_past_meetings_are_listed_separately(cast, past_meeting):
    MeetingFactory(title="Next board")
    client = signed_in_client(cast[Role.CHAIR])
    past_page = _text(client.get(reverse("meetings:list"), {"when": "past"}))
    assert past_meeting.title in past_page
    assert "Next board" not in past_page


def test_a_forged_group_filter_is_refused_on_the_list(cast):
    response = signed_in_client(cast[Role.PRACTITIONER]).get(
        reverse("meetings:list"), {"group": MeetingFactory().group_id}
    )
    assert response.status_code == 400
    assert ERROR_SUMMARY in _text(response)


def test_a_paper_uploads_and_is_listed_on_the_meeting(manager, media):
    meeting = MeetingFactory()
    response = manager.post(
        reverse("meetings:paper_upload", args=[meeting.pk]),
        {"title": "Quarterly scorecard", "file": SimpleUploadedFile("scorecard.txt", b"Figures")},
    )
    paper = Paper.objects.get()
    assert response.status_code == 302
    assert (paper.content_type, paper.meeting) == ("text/plain", meeting)
    page = _text(manager.get(reverse("meetings:detail", args=[meeting.pk])))
    assert reverse("meetings:paper_download", args=[paper.pk]) in page


def test_changing_an_agenda_item_keeps_its_place(manager):
    item = AgendaItemFactory(position=2, title="Scorecard")
    response = manager.post(
        reverse("meetings:agenda_edit", args=[item.meeting_id, item.pk]),
        {"title": "Scorecard: quarter 2"},
    )
    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.position, item.title) == (2, "Scorecard: quarter 2")


def test_the_meeting_list_is_paginated(cast):
    MeetingFactory.create_batch(26)
    client = signed_in_client(cast[Role.CHAIR])
    assert "Page 1 of 2" in _text(client.get(reverse("meetings:list")))
    assert "Page 2 of 2" in _text(client.get(reverse("meetings:list"), {"page": 2}))


def test_every_error_summary_link_lands_on_a_field_of_the_page(manager):
    import re

    meeting = MeetingFactory()
    url, data = _decision_post(meeting, needs_action="", text="")
    response = manager.post(url, data)
    assert response.status_code == 400
    page = _text(response)
    summary = page.split(ERROR_SUMMARY, 1)[1].split("</ul>", 1)[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert "id_needs_action" in targets
    for target in targets:
        assert f'id="{target}"' in page, f"the error summary links to #{target}, not on the page"
