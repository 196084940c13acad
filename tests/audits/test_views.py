"""Case audit pages from the outside: building a tool, setting up a round, answering,
moderating, findings and the report; who may do what; bad input shown as an error."""

from __future__ import annotations

import csv
import datetime
import html
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.audits.answer_services import answer_field
from safeboard.audits.factories import (
    AssignmentFactory,
    AuditRoundFactory,
    FindingFactory,
    two_section_version,
)
from safeboard.audits.models import (
    Assignment,
    AuditRound,
    Finding,
    Moderation,
    SampleCase,
    ToolVersion,
)
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme
from tests.audits.conftest import answers_snapshot
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def manager(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def police_auditor(cast):
    return signed_in_client(cast[Role.AUDITOR])


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _answers_form(audit, **overrides) -> dict:
    yes_no, grade = audit.police_only
    voice, lived = audit.everyone
    data = {
        answer_field(yes_no.pk): "yes",
        f"comment_{yes_no.pk}": "Seen the same day by a detective and a social worker.",
        answer_field(grade.pk): "good",
        answer_field(voice.pk): "partly",
        answer_field(lived.pk): "Frightened at home; settled at school.",
        "proposed_grade": "good",
        "summary": "Timely joint work.",
        "save_draft": "",
    }
    data.update(overrides)
    return data


# Building a tool


def test_the_manager_builds_a_tool_section_by_section(manager):
    response = manager.post(
        reverse("audits:tool_create"),
        {"name": "Strategy meetings", "purpose": "Does the strategy meeting plan the enquiry?"},
    )
    version = ToolVersion.objects.get()
    assert response["Location"] == version.tool.get_absolute_url()
    manager.post(
        reverse("audits:section_add", args=[version.tool.pk]),
        {"title": "Police", "agency_types": [Agency.Type.POLICE], "guidance": ""},
    )
    section = version.sections.get()
    manager.post(
        reverse("audits:question_add", args=[section.pk]),
        {
            "text": "Does the record state the planned investigation?",
            "kind": "yes_no_partly",
            "answer_required": "on",
        },
    )
    page = _text(manager.get(version.tool.get_absolute_url()))
    assert "1.1" in page and "Does the record state the planned investigation?" in page
    assert "<strong>Answered by:</strong> Police" in page


def test_changing_a_tool_in_use_says_a_new_version_was_made(manager):
    audit_round = AuditRoundFactory()
    section = audit_round.tool_version.sections.first()
    response = manager.post(
        reverse("audits:section_edit", args=[section.pk]),
        {"title": "Police and the MASH", "agency_types": [Agency.Type.POLICE]},
        follow=True,
    )
    assert "so the change made version 2" in _text(response)
    section.refresh_from_db()
    assert section.title == "The police"


# Setting up a round


def test_the_manager_sets_up_a_round_and_adds_a_case(cast, manager):
    tool = two_section_version(frozen=False).tool
    response = manager.post(
        reverse("audits:round_create"),
        {
            "title": "Strategy discussions, spring",
            "tool": tool.pk,
            "theme": Theme.objects.get(slug="recording").pk,
            "sample": "Ten strategy discussions from January to March.",
            "answers_due_on": (TODAY + 21 * DAY).isoformat(),
            "moderation_on": "",
        },
    )
    audit_round = AuditRound.objects.get()
    assert response["Location"] == audit_round.get_absolute_url()
    response = manager.post(
        reverse("audits:case_add", args=[audit_round.pk]),
        {"age_band": "under_1", "agencies": [cast.home_agency.pk, cast.other_agency.pk]},
    )
    case = SampleCase.objects.get()
    assert response["Location"] == case.get_absolute_url()
    page = _text(manager.get(audit_round.get_absolute_url()))
    assert case.reference in page
    assert "No auditor yet" in page


def test_a_case_with_no_agencies_gets_an_error_and_nothing_is_saved(manager):
    audit_round = AuditRoundFactory(setting_up=True)
    response = manager.post(
        reverse("audits:case_add", args=[audit_round.pk]), {"age_band": "under_1"}
    )
    assert response.status_code == 400
    assert "Choose at least one agency involved with the case." in _text(response)
    assert not SampleCase.objects.exists()


def test_opening_a_round_with_cases_missing_an_auditor_names_them(cast, manager):
    audit_round = AuditRoundFactory(setting_up=True)
    manager.post(
        reverse("audits:case_add", args=[audit_round.pk]),
        {"age_band": "1_4", "agencies": [cast.home_agency.pk]},
    )
    response = manager.post(reverse("audits:round_open", args=[audit_round.pk]))
    assert response.status_code == 400
    assert f"{audit_round.reference}-C1 ({cast.home_agency.name})" in _text(response)
    audit_round.refresh_from_db()
    assert audit_round.status == AuditRound.Status.SETTING_UP


def test_the_manager_assigns_an_auditor_to_an_agency_of_the_case(cast, manager):
    audit_round = AuditRoundFactory(setting_up=True)
    manager.post(
        reverse("audits:case_add", args=[audit_round.pk]),
        {"age_band": "1_4", "agencies": [cast.home_agency.pk]},
    )
    case = SampleCase.objects.get()
    response = manager.post(
        reverse("audits:assignment_add", args=[case.pk]),
        {"agency": cast.home_agency.pk, "auditor": cast[Role.AUDITOR].person.pk, "due_on": ""},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.auditor, assignment.due_on) == (
        cast[Role.AUDITOR].person,
        audit_round.answers_due_on,
    )
    response = manager.post(reverse("audits:round_open", args=[audit_round.pk]))
    audit_round.refresh_from_db()
    assert audit_round.status == AuditRound.Status.OPEN


# Answering


def test_an_auditor_sees_only_the_sections_their_agency_answers(audit):
    health = signed_in_client(audit.health_auditor)
    page = _text(health.get(reverse("audits:assignment_answer", args=[audit.health.pk])))
    assert "Every agency" in page
    assert "Was the child seen within the timescale?" not in page
    assert "Was the child's voice recorded?" in page


def test_an_auditor_cannot_open_another_agencys_answers(audit):
    health = signed_in_client(audit.health_auditor)
    assert (
        health.get(reverse("audits:assignment_answer", args=[audit.police.pk])).status_code == 403
    )
    assert health.get(audit.police.get_absolute_url()).status_code == 403


def test_an_auditor_saves_a_draft_then_submits(audit, police_auditor):
    url = reverse("audits:assignment_answer", args=[audit.police.pk])
    response = police_auditor.post(url, _answers_form(audit))
    assert response["Location"] == url
    assert audit.police.answers.count() == 4
    data = _answers_form(audit)
    del data["save_draft"]
    data["submit_answers"] = ""
    response = police_auditor.post(url, data)
    assert response["Location"] == audit.police.get_absolute_url()
    audit.police.refresh_from_db()
    assert audit.police.is_submitted
    page = _text(police_auditor.get(url))
    assert "can no longer be changed" in page


def test_submitting_with_questions_unanswered_names_them_and_locks_nothing(audit, police_auditor):
    grade = audit.police_only[1]
    data = _answers_form(audit, **{answer_field(grade.pk): "", "submit_answers": ""})
    del data["save_draft"]
    before = answers_snapshot(audit.police)
    response = police_auditor.post(
        reverse("audits:assignment_answer", args=[audit.police.pk]), data
    )
    assert response.status_code == 400
    assert "Answer question 1.2 before submitting." in _text(response)
    assert answers_snapshot(audit.police) == before


def test_a_grade_outside_the_scale_gets_an_error_and_nothing_is_saved(audit, police_auditor):
    grade = audit.police_only[1]
    before = answers_snapshot(audit.police)
    response = police_auditor.post(
        reverse("audits:assignment_answer", args=[audit.police.pk]),
        _answers_form(audit, **{answer_field(grade.pk): "excellent"}),
    )
    assert response.status_code == 400
    assert "\u201cexcellent\u201d is not a grade on the scale" in _text(response)
    assert answers_snapshot(audit.police) == before


def test_answering_a_section_not_assigned_gets_an_error_and_nothing_is_saved(audit):
    health = signed_in_client(audit.health_auditor)
    voice = audit.everyone[0]
    police_question = audit.police_only[0]
    before = answers_snapshot(audit.health)
    response = health.post(
        reverse("audits:assignment_answer", args=[audit.health.pk]),
        {answer_field(voice.pk): "yes", answer_field(police_question.pk): "yes", "save_draft": ""},
    )
    assert response.status_code == 400
    assert "\u201cThe police\u201d is not a section" in _text(response)
    assert answers_snapshot(audit.health) == before


def test_answering_after_the_round_is_closed_gets_an_error(audit, police_auditor):
    AuditRound.objects.filter(pk=audit.audit_round.pk).update(status="closed", closed_on=TODAY)
    before = answers_snapshot(audit.police)
    response = police_auditor.post(
        reverse("audits:assignment_answer", args=[audit.police.pk]), _answers_form(audit)
    )
    assert response.status_code == 400
    assert "This round is closed: answers can no longer be changed." in _text(response)
    assert answers_snapshot(audit.police) == before


def test_the_agency_lead_sees_the_agencys_assignments_but_cannot_answer(audit, cast):
    lead = signed_in_client(cast[Role.AGENCY_LEAD])
    page = _text(lead.get(reverse("audits:round_list")))
    assert "Your agency's cases in rounds under way" in page
    assert audit.case.reference in page
    url = reverse("audits:assignment_answer", args=[audit.police.pk])
    assert lead.get(url).status_code == 403


def test_the_auditor_finds_their_cases_on_the_home_page(audit, police_auditor):
    page = _text(police_auditor.get(reverse("core:home")))
    assert "Case audits waiting for your answers" in page
    assert reverse("audits:assignment_answer", args=[audit.police.pk]) in page


def test_nobody_without_answers_to_give_sees_the_panel(cast, audit):
    page = _text(signed_in_client(cast[Role.CHAIR]).get(reverse("core:home")))
    assert "Case audits waiting for your answers" not in page


# Moderation, findings and the report


def _submit_both(audit, health_grade="requires_improvement"):
    Assignment.objects.filter(pk=audit.police.pk).update(
        submitted_at=timezone.now(), proposed_grade="good"
    )
    Assignment.objects.filter(pk=audit.health.pk).update(
        submitted_at=timezone.now(), proposed_grade=health_grade
    )


def test_moderation_records_the_grade_and_the_disagreement(audit, manager, cast):
    _submit_both(audit)
    url = reverse("audits:case_moderate", args=[audit.case.pk])
    page = _text(manager.get(url))
    assert "Requires improvement" in page and "Good" in page
    data = {
        "agreed_grade": "good",
        "moderated_on": TODAY.isoformat(),
        "attendees": [audit.police.auditor.pk, audit.health.auditor.pk],
    }
    response = manager.post(url, data)
    assert response.status_code == 400
    assert "record where the views differed" in _text(response)
    assert not Moderation.objects.exists()
    data |= {"disagreement": "Health saw drift.", "resolution": "The plan was reviewed on time."}
    response = manager.post(url, data)
    assert response["Location"] == audit.case.get_absolute_url()
    assert Moderation.objects.get().agreed_grade == "good"


def test_a_finding_and_its_action(audit, manager, cast):
    response = manager.post(
        reverse("audits:finding_add", args=[audit.audit_round.pk]),
        {
            "kind": "improvement",
            "title": "The planned investigation is rarely recorded",
            "text": "Strategy records seldom say who will do what.",
            "evidence": "4 of 10 cases.",
            "themes": [Theme.objects.get(slug="recording").pk],
        },
    )
    finding = Finding.objects.get()
    assert response["Location"] == finding.get_absolute_url()
    manager.post(
        reverse("audits:finding_add_action", args=[finding.pk]),
        {
            "title": "Add the planned investigation to the strategy template",
            "owner_person": cast[Role.AGENCY_LEAD].person.pk,
            "due_on": (TODAY + 60 * DAY).isoformat(),
        },
    )
    action = Action.objects.get()
    assert action.source == finding
    page = _text(manager.get(reverse("audits:round_report", args=[audit.audit_round.pk])))
    assert "The planned investigation is rarely recorded" in page
    assert action.title in page


def test_a_finding_without_a_theme_gets_an_error(audit, manager):
    response = manager.post(
        reverse("audits:finding_add", args=[audit.audit_round.pk]),
        {"kind": "strength", "title": "Good", "text": "Good.", "evidence": "All cases."},
    )
    assert response.status_code == 400
    assert "Choose at least one theme for the finding." in _text(response)
    assert not Finding.objects.exists()


def test_the_report_shows_the_standard_met_as_a_chart_and_a_table(audit, manager):
    _submit_both(audit)
    from safeboard.audits.factories import AnswerFactory

    AnswerFactory(assignment=audit.police, question=audit.everyone[0], choice="yes")
    AnswerFactory(assignment=audit.health, question=audit.everyone[0], choice="no")
    page = _text(manager.get(reverse("audits:round_report", args=[audit.audit_round.pk])))
    assert 'role="img"' in page
    assert "Answers meeting the standard, by question" in page
    assert "50%" in page and "1 of 2" in page


def test_the_report_downloads_as_pdf_and_as_a_spreadsheet(audit, manager):
    _submit_both(audit)
    url = reverse("audits:round_report", args=[audit.audit_round.pk])
    pdf = manager.get(reverse("audits:round_report_pdf", args=[audit.audit_round.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    response = manager.get(url + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Question",
        "Question text",
        "Agency",
        "Met the standard",
        "Answered",
        "Per cent met",
    ]
    assert ["2.1", "Was the child's voice recorded?", "All agencies", "0", "0", ""] in rows


def test_board_members_read_the_report_only_once_the_round_is_closed(cast):
    board = signed_in_client(cast[Role.BOARD_MEMBER])
    open_round = AuditRoundFactory()
    closed = AuditRoundFactory(closed=True)
    assert board.get(reverse("audits:round_report", args=[open_round.pk])).status_code == 403
    assert board.get(reverse("audits:round_report", args=[closed.pk])).status_code == 200
    page = _text(board.get(reverse("audits:round_list")))
    assert closed.title in page
    assert reverse("audits:round_report", args=[closed.pk]) in page
    assert reverse("audits:round_report", args=[open_round.pk]) not in page


def test_the_report_compares_with_the_latest_earlier_round_of_the_tool(manager):
    later = AuditRoundFactory()
    earlier = AuditRoundFactory(tool_version=later.tool_version, closed=True, title="Autumn")
    AuditRound.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - 300 * DAY)
    page = _text(manager.get(reverse("audits:round_report", args=[later.pk])))
    assert f"Standard met: {earlier.reference} and {later.reference}" in page
    page = _text(manager.get(reverse("audits:round_report", args=[later.pk]) + "?earlier="))
    assert "No earlier closed round" in page


def test_reopening_needs_a_reason(manager):
    assignment = AssignmentFactory(submitted=True)
    url = reverse("audits:assignment_reopen", args=[assignment.pk])
    response = manager.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Give the reason for reopening the answers." in _text(response)
    manager.post(url, {"reason": "Wrong case."})
    assignment.refresh_from_db()
    assert not assignment.is_submitted


def test_the_history_of_a_finding_is_shown_to_the_chair(cast):
    finding = FindingFactory()
    chair = signed_in_client(cast[Role.CHAIR])
    response = chair.get(reverse("core:history", args=["audits.finding", finding.pk]))
    assert response.status_code == 200
