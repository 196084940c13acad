"""Setting up, opening and closing rounds; cases, auditors and findings. Bad input is refused
by name and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.audits import services, tool_services
from safeboard.audits.factories import (
    AssignmentFactory,
    AuditRoundFactory,
    FindingFactory,
    ModerationFactory,
    SampleCaseFactory,
    two_section_version,
)
from safeboard.audits.models import AgeBand, Assignment, AuditRound, SampleCase
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def police():
    return AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)


@pytest.fixture
def school():
    return AgencyFactory(name="Ashcombe Primary", type=Agency.Type.EDUCATION)


def _auditor(agency):
    return UserFactory(person=PersonFactory(agency=agency), roles=[Role.AUDITOR]).person


def _new_round(**overrides) -> AuditRound:
    details = {
        "title": "Strategy discussions, spring",
        "tool": two_section_version(frozen=False).tool,
        "theme": Theme.objects.get(slug="recording"),
        "sample": "Ten strategy discussions held between January and March.",
        "answers_due_on": TODAY + 21 * DAY,
    }
    details.update(overrides)
    return services.round_create(**details)


def test_a_round_freezes_the_tools_latest_version_and_numbers_itself():
    first = _new_round()
    assert first.reference == f"MACA-{TODAY.year}-01"
    assert first.tool_version.is_frozen
    second = _new_round(tool=first.tool)
    assert second.reference == f"MACA-{TODAY.year}-02"
    assert second.tool_version == first.tool_version


def test_a_round_needs_a_tool_with_questions():
    tool = tool_services.tool_create(name="Empty", purpose="Nothing yet.")
    with pytest.raises(ValidationError) as error:
        _new_round(tool=tool)
    assert error.value.message_dict["tool"] == [tool_services.TOOL_NOT_EMPTY]
    assert not AuditRound.objects.exists()


def test_a_round_cannot_be_due_in_the_past_or_moderated_before_it_is_due():
    with pytest.raises(ValidationError) as error:
        _new_round(answers_due_on=TODAY - DAY, moderation_on=TODAY - 2 * DAY)
    assert error.value.message_dict == {
        "answers_due_on": [services.DUE_IN_PAST],
        "moderation_on": [services.MODERATION_BEFORE_DUE],
    }


def test_a_retired_tool_is_not_used_for_a_new_round():
    tool = two_section_version(frozen=False).tool
    tool.is_active = False
    tool.save()
    with pytest.raises(ValidationError) as error:
        _new_round(tool=tool)
    assert error.value.message_dict["tool"] == [services.TOOL_RETIRED]


def test_a_case_is_given_a_reference_from_the_round(police):
    audit_round = AuditRoundFactory(setting_up=True)
    first = services.case_add(audit_round=audit_round, age_band=AgeBand.UNDER_1, agencies=[police])
    second = services.case_add(audit_round=audit_round, age_band=AgeBand.AGE_5_9, agencies=[police])
    assert [first.reference, second.reference] == [
        f"{audit_round.reference}-C1",
        f"{audit_round.reference}-C2",
    ]
    assert list(second.agencies.all()) == [police]


def test_a_sample_case_with_no_agencies_is_refused():
    audit_round = AuditRoundFactory(setting_up=True)
    with pytest.raises(ValidationError) as error:
        services.case_add(audit_round=audit_round, age_band=AgeBand.UNDER_1, agencies=[])
    assert error.value.message_dict["agencies"] == [services.CASE_NEEDS_AGENCIES]
    assert not SampleCase.objects.exists()


def test_a_case_none_of_whose_agencies_the_tool_audits_is_refused(school):
    audit_round = AuditRoundFactory(setting_up=True)
    audit_round.tool_version.sections.update(agency_types=[Agency.Type.POLICE])
    with pytest.raises(ValidationError) as error:
        services.case_add(audit_round=audit_round, age_band=AgeBand.AGE_10_15, agencies=[school])
    assert "None of the agencies chosen" in error.value.message_dict["agencies"][0]
    assert not SampleCase.objects.exists()


def test_a_case_cannot_be_added_to_a_closed_round(police):
    audit_round = AuditRoundFactory(closed=True)
    with pytest.raises(ValidationError) as error:
        services.case_add(audit_round=audit_round, age_band=AgeBand.UNDER_1, agencies=[police])
    assert error.value.messages == [services.ROUND_CLOSED]


def test_an_agency_with_an_auditor_stays_on_the_case(police, school):
    case = SampleCaseFactory(round=AuditRoundFactory(setting_up=True), agencies=[police, school])
    AssignmentFactory(case=case, agency=police)
    with pytest.raises(ValidationError) as error:
        services.case_update(case=case, age_band=case.age_band, agencies=[school])
    assert police.name in error.value.message_dict["agencies"][0]
    assert set(case.agencies.all()) == {police, school}


def test_an_auditor_is_assigned_for_an_agency_involved(police):
    case = SampleCaseFactory(agencies=[police])
    assignment = services.assignment_add(case=case, agency=police, auditor=_auditor(police))
    assert assignment.due_on == case.round.answers_due_on


def test_an_auditor_must_be_for_an_agency_involved_in_the_case(police, school):
    case = SampleCaseFactory(agencies=[police])
    with pytest.raises(ValidationError) as error:
        services.assignment_add(case=case, agency=school, auditor=_auditor(school))
    assert error.value.message_dict["agency"] == [
        services.AGENCY_NOT_INVOLVED.format(agency=school.name)
    ]
    assert not Assignment.objects.exists()


def test_an_agency_that_answers_no_section_gets_no_auditor(police, school):
    case = SampleCaseFactory(agencies=[police, school])
    case.round.tool_version.sections.update(agency_types=[Agency.Type.POLICE])
    with pytest.raises(ValidationError) as error:
        services.assignment_add(case=case, agency=school, auditor=_auditor(school))
    assert "answers no section" in error.value.message_dict["agency"][0]


def test_an_auditor_needs_an_account(police):
    case = SampleCaseFactory(agencies=[police])
    with pytest.raises(ValidationError) as error:
        services.assignment_add(case=case, agency=police, auditor=PersonFactory(agency=police))
    assert "no active SafeBoard account" in error.value.message_dict["auditor"][0]


def test_an_agency_has_one_auditor_per_case(police):
    case = SampleCaseFactory(agencies=[police])
    services.assignment_add(case=case, agency=police, auditor=_auditor(police))
    with pytest.raises(ValidationError) as error:
        services.assignment_add(case=case, agency=police, auditor=_auditor(police))
    assert "already has an auditor" in error.value.message_dict["agency"][0]


def test_a_round_opens_only_when_every_agency_that_answers_has_an_auditor(police, school):
    audit_round = AuditRoundFactory(setting_up=True)
    with pytest.raises(ValidationError) as error:
        services.round_open(audit_round=audit_round)
    assert error.value.messages == [services.ROUND_HAS_NO_CASES]
    case = SampleCaseFactory(round=audit_round, agencies=[police, school])
    AssignmentFactory(case=case, agency=police)
    with pytest.raises(ValidationError) as error:
        services.round_open(audit_round=audit_round)
    assert f"{case.reference} ({school.name})" in error.value.messages[0]
    AssignmentFactory(case=case, agency=school)
    opened = services.round_open(audit_round=audit_round)
    assert (opened.status, opened.opened_on) == (AuditRound.Status.OPEN, TODAY)


def test_a_round_closes_only_when_every_case_is_moderated(police):
    audit_round = AuditRoundFactory()
    moderated, waiting = SampleCaseFactory.create_batch(2, round=audit_round, agencies=[police])
    ModerationFactory(case=moderated)
    with pytest.raises(ValidationError) as error:
        services.round_close(audit_round=audit_round)
    assert waiting.reference in error.value.messages[0]
    ModerationFactory(case=waiting)
    closed = services.round_close(audit_round=audit_round)
    assert (closed.status, closed.closed_on) == (AuditRound.Status.CLOSED, TODAY)


def test_a_new_due_date_moves_the_auditors_still_due_on_the_old_one(police):
    audit_round = AuditRoundFactory()
    on_round_date = AssignmentFactory(case__round=audit_round)
    own_date = AssignmentFactory(case__round=audit_round, due_on=TODAY + 30 * DAY)
    submitted = AssignmentFactory(case__round=audit_round, submitted=True)
    services.round_update(
        audit_round=audit_round,
        title=audit_round.title,
        theme=audit_round.theme,
        sample=audit_round.sample,
        answers_due_on=TODAY + 28 * DAY,
    )
    due = dict(Assignment.objects.values_list("pk", "due_on"))
    assert due[on_round_date.pk] == TODAY + 28 * DAY
    assert due[own_date.pk] == TODAY + 30 * DAY
    assert due[submitted.pk] == audit_round.answers_due_on


def test_submitted_answers_keep_their_auditor(police):
    assignment = AssignmentFactory(submitted=True)
    with pytest.raises(ValidationError) as error:
        services.assignment_update(
            assignment=assignment, auditor=_auditor(police), due_on=assignment.due_on
        )
    assert error.value.message_dict["auditor"] == [services.AUDITOR_FIXED_ONCE_SUBMITTED]


def test_submitted_answers_cannot_be_removed():
    assignment = AssignmentFactory(submitted=True)
    with pytest.raises(ValidationError):
        services.assignment_remove(assignment=assignment)
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_a_finding_needs_a_theme_and_an_open_round():
    with pytest.raises(ValidationError) as error:
        services.finding_add(
            audit_round=AuditRoundFactory(),
            kind="improvement",
            title="Plans do not name who does what",
            text="Few plans name the agency responsible for each action.",
            evidence="3 of 8 plans named them.",
            themes=[],
        )
    assert error.value.message_dict["themes"] == [services.FINDING_NEEDS_THEME]
    with pytest.raises(ValidationError) as error:
        services.finding_add(
            audit_round=AuditRoundFactory(setting_up=True),
            kind="strength",
            title="Good",
            text="Good.",
            evidence="All.",
            themes=Theme.objects.all()[:1],
        )
    assert error.value.messages == [services.FINDING_BEFORE_OPEN]


def test_an_action_from_a_finding_joins_the_action_plan_owned_by_the_owners_agency(police):
    finding = FindingFactory()
    owner = PersonFactory(agency=police)
    action = services.finding_add_action(
        finding=finding,
        title="Name the investigating officer in every strategy record",
        owner_person=owner,
        due_on=TODAY + 60 * DAY,
    )
    assert (action.source, action.owner_agency) == (finding, police)
    assert Action.objects.count() == 1
