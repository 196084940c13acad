"""Who may open each page of the meetings app."""

from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.meetings import services
from safeboard.meetings.factories import AgendaItemFactory, MeetingFactory
from safeboard.partnership.factories import MembershipFactory
from tests.access import EVERY_ROLE, AccessCase


def _meeting_the_practitioner_sits_on(cast):
    """A subgroup meeting whose members include the home agency's practitioner."""
    meeting = MeetingFactory()
    MembershipFactory(group=meeting.group, person=cast[Role.PRACTITIONER].person)
    return meeting


def _meeting(cast):
    return {"pk": _meeting_the_practitioner_sits_on(cast).pk}


def _agenda_item(cast):
    item = AgendaItemFactory(meeting=_meeting_the_practitioner_sits_on(cast))
    return {"pk": item.meeting_id, "item_pk": item.pk}


def _paper(cast):
    paper = services.paper_upload(
        meeting=_meeting_the_practitioner_sits_on(cast),
        title="Performance report",
        file=SimpleUploadedFile("report.txt", b"Quarter 2 figures"),
    )
    return {"pk": paper.pk}


# Board business readers read every meeting; a practitioner reads their own group's.
CAN_READ = BOARD_BUSINESS_READERS | {Role.PRACTITIONER}
RUNS_MEETINGS = {Role.BUSINESS_MANAGER}

ACCESS_CASES = [
    AccessCase("meetings:list", EVERY_ROLE),
    AccessCase("meetings:detail", CAN_READ, _meeting, other_agency_refused=True),
    AccessCase("meetings:paper_download", CAN_READ, _paper, other_agency_refused=True),
    AccessCase("meetings:create", RUNS_MEETINGS),
    AccessCase("meetings:edit", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:agenda_add", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:agenda_edit", RUNS_MEETINGS, _agenda_item, other_agency_refused=True),
    AccessCase("meetings:paper_upload", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:decision_add", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:minutes_edit", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:attendance", RUNS_MEETINGS, _meeting, other_agency_refused=True),
    AccessCase("meetings:attendance_report", {Role.BUSINESS_MANAGER, Role.CHAIR}),
]
