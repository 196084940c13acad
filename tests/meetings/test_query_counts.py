"""The busiest pages run the same number of queries for a few records as for many."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.meetings import services
from safeboard.meetings.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory
from safeboard.partnership.factories import GroupFactory, PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15
LAST_MONTH = timezone.now() - datetime.timedelta(days=30)


@pytest.fixture
def queries_for(django_assert_max_num_queries):
    """How many queries one page takes, at most MAX_QUERIES, once caches are warm."""

    def count(client, url) -> int:
        client.get(url)  # warm the content type cache and the session outside the count
        with django_assert_max_num_queries(MAX_QUERIES) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    return count


def _fill_meeting(meeting, count):
    for _ in range(count):
        item = AgendaItemFactory(meeting=meeting, presenter=PersonFactory())
        services.paper_upload(
            meeting=meeting,
            title=f"Paper for {item.title}",
            agenda_item=item,
            file=SimpleUploadedFile("paper.txt", b"Figures"),
        )
        owner = PersonFactory()
        services.decision_record(
            meeting=meeting,
            text="Agreed.",
            agenda_item=item,
            action=services.DecisionAction(
                title="Follow up", owner_person=owner, due_on=timezone.localdate()
            ),
        )
        AttendanceFactory(meeting=meeting)


def test_the_meeting_page_does_not_grow_with_its_contents(cast, media, queries_for):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    few, many = MeetingFactory(), MeetingFactory()
    _fill_meeting(few, 1)
    _fill_meeting(many, 12)
    few_count = queries_for(client, reverse("meetings:detail", args=[few.pk]))
    many_count = queries_for(client, reverse("meetings:detail", args=[many.pk]))
    assert many_count == few_count


def test_the_meeting_list_does_not_grow_with_the_meetings(cast, queries_for):
    client = signed_in_client(cast[Role.PRACTITIONER])
    group = GroupFactory()
    group.memberships.create(
        person=cast[Role.PRACTITIONER].person, seniority="practitioner", started_on="2020-01-01"
    )
    MeetingFactory(group=group)
    few_count = queries_for(client, reverse("meetings:list"))
    MeetingFactory.create_batch(20, group=group)
    MeetingFactory.create_batch(5)  # of other groups
    many_count = queries_for(client, reverse("meetings:list"))
    assert many_count == few_count


def test_the_attendance_report_does_not_grow_with_the_attendance(cast, queries_for):
    client = signed_in_client(cast[Role.CHAIR])
    url = reverse("meetings:attendance_report")
    AttendanceFactory(meeting=MeetingFactory(starts_at=LAST_MONTH))
    few_count = queries_for(client, url)
    for meeting in MeetingFactory.create_batch(5, starts_at=LAST_MONTH):
        AttendanceFactory.create_batch(6, meeting=meeting)
    many_count = queries_for(client, url)
    assert many_count == few_count
