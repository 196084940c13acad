import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from safeboard.actions.models import Action
from safeboard.core import uploads
from safeboard.meetings import models, services
from safeboard.meetings.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory
from safeboard.meetings.models import Attendance, Decision, Paper
from safeboard.partnership.factories import GroupFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _past_meeting(**kwargs):
    return MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=7), **kwargs)


def test_a_decision_with_an_action_creates_both_and_links_them():
    meeting = MeetingFactory()
    owner = PersonFactory()
    decision = services.decision_record(
        meeting=meeting,
        text="Commission a multi-agency audit of neglect cases.",
        action=services.DecisionAction(
            title="Plan the neglect audit", owner_person=owner, due_on=TODAY
        ),
    )
    action = Action.objects.get()
    assert action.source == decision
    assert (action.owner_person, action.owner_agency) == (owner, owner.agency)


def test_a_decision_with_an_action_but_no_due_date_saves_nothing():
    meeting = MeetingFactory()
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            meeting=meeting,
            text="Review the escalation policy.",
            action=services.DecisionAction(
                title="Redraft the policy", owner_person=PersonFactory(), due_on=None
            ),
        )
    assert services.ACTION_DUE_DATE_REQUIRED in error.value.message_dict["action_due_on"]
    assert (Decision.objects.count(), Action.objects.count()) == (0, 0)


def test_when_the_action_is_refused_the_decision_is_undone_too():
    meeting = MeetingFactory()
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            meeting=meeting,
            text="Agree the training plan.",
            action=services.DecisionAction(
                title="x" * 201, owner_person=PersonFactory(), due_on=TODAY
            ),
        )
    assert "action_title" in error.value.message_dict
    assert (Decision.objects.count(), Action.objects.count()) == (0, 0)


def test_a_decision_without_an_action_creates_no_action():
    services.decision_record(meeting=MeetingFactory(), text="Note the annual report.")
    assert (Decision.objects.count(), Action.objects.count()) == (1, 0)


def test_a_decision_cannot_point_at_another_meetings_agenda_item():
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            meeting=MeetingFactory(), text="Agree.", agenda_item=AgendaItemFactory()
        )
    assert services.AGENDA_ITEM_OF_ANOTHER_MEETING in error.value.message_dict["agenda_item"]
    assert Decision.objects.count() == 0


def test_agenda_items_are_added_at_the_next_position():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, position=3)
    item = services.agenda_item_add(meeting=meeting, title="Any other business")
    assert item.position == 4
    assert services.agenda_item_add(meeting=MeetingFactory(), title="Welcome").position == 1


def test_a_paper_keeps_its_sniffed_content_type_and_size(media):
    paper = services.paper_upload(
        meeting=MeetingFactory(),
        title="Minutes of the last meeting",
        file=SimpleUploadedFile("minutes.pdf", b"%PDF-1.7 minutes\n%%EOF"),
    )
    assert (paper.content_type, paper.size_bytes) == ("application/pdf", 22)


def test_an_image_is_not_a_paper(media):
    with pytest.raises(ValidationError) as error:
        services.paper_upload(
            meeting=MeetingFactory(),
            title="Photo of the whiteboard",
            file=SimpleUploadedFile("board.png", b"\x89PNG\r\n\x1a\n" + b"0" * 10),
        )
    assert services.PAPER_TYPE_NOT_ALLOWED in error.value.message_dict["file"]
    assert Paper.objects.count() == 0
    assert not any(media.rglob("*.png"))


def test_an_oversize_paper_is_refused(media, settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.paper_upload(
            meeting=MeetingFactory(),
            title="Big report",
            file=SimpleUploadedFile("big.txt", b"eleven bytes"),
        )
    assert uploads.too_large_message(10) in error.value.message_dict["file"]
    assert Paper.objects.count() == 0


def test_minutes_cannot_be_approved_in_the_future():
    meeting = _past_meeting()
    with pytest.raises(ValidationError) as error:
        services.minutes_record(
            meeting=meeting, minutes="Notes.", approved_on=TODAY + datetime.timedelta(days=1)
        )
    assert services.MINUTES_APPROVED_IN_FUTURE in error.value.message_dict["minutes_approved_on"]


def test_minutes_cannot_be_approved_before_the_meeting():
    meeting = _past_meeting()
    with pytest.raises(ValidationError) as error:
        services.minutes_record(
            meeting=meeting,
            minutes="Notes.",
            approved_on=meeting.held_on - datetime.timedelta(days=1),
        )
    assert models.MINUTES_APPROVED_BEFORE_MEETING in error.value.message_dict["minutes_approved_on"]
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_minutes_approved_on_the_day_of_the_meeting_are_recorded():
    meeting = _past_meeting()
    services.minutes_record(meeting=meeting, minutes="Notes.", approved_on=meeting.held_on)
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.minutes_approved_on) == ("Notes.", meeting.held_on)


def test_the_group_of_a_meeting_with_attendance_cannot_change():
    attendance = AttendanceFactory(meeting=_past_meeting())
    meeting = attendance.meeting
    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=meeting,
            group=GroupFactory(),
            title=meeting.title,
            starts_at=meeting.starts_at,
            location="",
        )
    assert services.GROUP_FIXED_ONCE_ATTENDED in error.value.message_dict["group"]


def _member(meeting, **kwargs):
    return MembershipFactory(group=meeting.group, **kwargs).person


def test_recording_attendance_twice_corrects_the_rows_instead_of_adding_more():
    meeting = _past_meeting()
    person = _member(meeting)
    entry = services.AttendanceEntry(person_id=person.pk, status=Attendance.Status.APOLOGIES)
    services.attendance_record(meeting=meeting, entries=[entry])
    services.attendance_record(
        meeting=meeting,
        entries=[
            services.AttendanceEntry(
                person_id=person.pk, status=Attendance.Status.DEPUTY, deputy_name="Sam Lee"
            )
        ],
    )
    row = Attendance.objects.get()
    assert (row.status, row.deputy_name, row.agency) == ("deputy", "Sam Lee", person.agency)


def test_a_deputy_must_be_named_and_nothing_is_saved_without():
    meeting = _past_meeting()
    present, deputised = _member(meeting), _member(meeting)
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            meeting=meeting,
            entries=[
                services.AttendanceEntry(person_id=present.pk, status="present"),
                services.AttendanceEntry(person_id=deputised.pk, status="deputy", deputy_name=" "),
            ],
        )
    field = services.attendance_field("deputy_name", deputised.pk)
    expected = services.DEPUTY_NAME_REQUIRED_FOR.format(name=deputised.full_name)
    assert error.value.message_dict[field] == [expected]
    assert Attendance.objects.count() == 0


def test_attendance_is_refused_for_someone_not_in_the_group_that_day():
    meeting = _past_meeting()
    left_before = _member(meeting, ended_on=meeting.held_on - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            meeting=meeting,
            entries=[services.AttendanceEntry(person_id=left_before.pk, status="present")],
        )
    assert services.NOT_EXPECTED_AT_MEETING in error.value.messages
    assert Attendance.objects.count() == 0


def test_attendance_keeps_the_agency_the_person_worked_for_at_the_meeting():
    meeting = _past_meeting()
    person = _member(meeting)
    first_agency = person.agency
    # The person's first version predates the meeting; then they move agency.
    person.history.update(history_date=meeting.starts_at - datetime.timedelta(days=30))
    person.agency = PersonFactory().agency
    person.save()
    services.attendance_record(
        meeting=meeting,
        entries=[services.AttendanceEntry(person_id=person.pk, status="present")],
    )
    assert Attendance.objects.get().agency == first_agency
