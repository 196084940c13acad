import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from safeboard.actions import services
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action, DueDateChange
from safeboard.core import uploads
from safeboard.partnership.factories import AgencyFactory, PersonFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_action_create_refuses_an_owner_from_another_agency():
    person = PersonFactory()
    with pytest.raises(ValidationError) as error:
        services.action_create(
            title="Audit strategy meetings",
            owner_agency=AgencyFactory(),
            owner_person=person,
            due_on=TODAY,
        )
    assert services.OWNER_NOT_IN_AGENCY in error.value.message_dict["owner_person"]
    assert Action.objects.count() == 0


def test_action_create_records_where_the_action_came_from():
    source = PersonFactory()  # any record can be a source
    owner = PersonFactory()
    action = services.action_create(
        title="Share the briefing",
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=TODAY,
        source=source,
    )
    assert action.source == source


def test_an_action_without_a_due_date_cannot_be_saved():
    owner = PersonFactory()
    with pytest.raises(ValidationError) as error:
        services.action_create(
            title="Ongoing", owner_agency=owner.agency, owner_person=owner, due_on=None
        )
    assert "due_on" in error.value.message_dict


def test_moving_the_due_date_needs_a_reason_and_keeps_the_old_date():
    action = ActionFactory(due_on=TODAY)
    new_date = TODAY + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        services.action_move_due_date(action=action, new_due_on=new_date, reason="  ")
    assert services.REASON_REQUIRED in error.value.message_dict["reason"]
    action.refresh_from_db()
    assert action.due_on == TODAY

    services.action_move_due_date(action=action, new_due_on=new_date, reason="Waiting for data")
    action.refresh_from_db()
    change = DueDateChange.objects.get(action=action)
    assert (change.previous_due_on, change.new_due_on, action.due_on) == (TODAY, new_date, new_date)
    assert action.history.first().history_change_reason == "Due date moved: Waiting for data"


def test_moving_the_due_date_to_the_same_date_is_refused():
    action = ActionFactory(due_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.action_move_due_date(action=action, new_due_on=TODAY, reason="No change")
    assert services.SAME_DUE_DATE in error.value.message_dict["new_due_on"]


def test_the_first_progress_update_starts_the_action():
    action = ActionFactory()
    services.action_add_progress(action=action, text="Met the designated nurses")
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS


def test_overdue_is_derived_from_the_due_date_not_stored():
    action = ActionFactory(due_on=TODAY - datetime.timedelta(days=1))
    assert action.is_overdue()
    assert action.display_status == "Overdue"
    services.action_complete(action=action)
    assert not action.is_overdue()
    assert action.display_status == "Complete"


def test_completing_twice_is_refused():
    action = ActionFactory()
    services.action_complete(action=action)
    with pytest.raises(ValidationError, match=services.ALREADY_COMPLETE):
        services.action_complete(action=action)


def test_evidence_keeps_the_date_of_the_evidence_itself():
    action = ActionFactory()
    dated = TODAY - datetime.timedelta(days=40)
    evidence = services.action_add_evidence(
        action=action, description="Re-audit: 9 of 10 plans now have outcomes", evidence_dated=dated
    )
    assert evidence.evidence_dated == dated
    assert evidence.added_at.date() >= TODAY - datetime.timedelta(days=1)


def test_evidence_from_the_future_is_refused():
    with pytest.raises(ValidationError) as error:
        services.action_add_evidence(
            action=ActionFactory(),
            description="x",
            evidence_dated=TODAY + datetime.timedelta(days=1),
        )
    assert services.EVIDENCE_IN_FUTURE in error.value.message_dict["evidence_dated"]


def test_evidence_with_a_disguised_file_is_refused_and_nothing_is_saved():
    action = ActionFactory()
    fake_pdf = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ValidationError) as error:
        services.action_add_evidence(
            action=action, description="x", evidence_dated=TODAY, file=fake_pdf
        )
    assert (
        uploads.CONTENT_DOES_NOT_MATCH.format(extension=".pdf") in error.value.message_dict["file"]
    )
    assert action.evidence.count() == 0


def test_a_reason_is_not_repeated_by_a_later_save(db):
    action = ActionFactory(due_on=datetime.date(2027, 1, 1))
    services.action_move_due_date(
        action=action, new_due_on=datetime.date(2027, 2, 1), reason="Waiting for data"
    )
    action.title = "Renamed"
    action.save()
    assert action.history.first().history_change_reason is None
