from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.audits.factories import (
    AssignmentFactory,
    AuditRoundFactory,
    FindingFactory,
    SampleCaseFactory,
    two_section_version,
)
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}
LEADS = {Role.BUSINESS_MANAGER, Role.CHAIR}
# Everyone with a part in audits; practitioners, readers and accounts without a role have none.
CAN_LIST = LEADS | BOARD_BUSINESS_READERS | {Role.LEARNING_OFFICER, Role.AGENCY_LEAD, Role.AUDITOR}
# Board business readers and the learning officer read the report once the round is closed;
# so do the leads and auditors of an agency that took part in it (and of no other agency).
CLOSED_REPORT_READERS = BOARD_BUSINESS_READERS | {Role.LEARNING_OFFICER}
PARTICIPANTS = {Role.AGENCY_LEAD, Role.AUDITOR}
# The home agency's auditor is assigned; its agency lead sees the assignment too.
CAN_VIEW_ASSIGNMENT = LEADS | {Role.AUDITOR, Role.AGENCY_LEAD}


def _tool(cast):
    return {"pk": two_section_version().tool.pk}


def _version(cast):
    return {"pk": two_section_version().pk}


def _section(cast):
    return {"pk": two_section_version().sections.first().pk}


def _question(cast):
    from safeboard.audits.models import Question

    version = two_section_version()
    return {"pk": Question.objects.filter(section__version=version).first().pk}


def _open_round(cast):
    return {"pk": AuditRoundFactory().pk}


def _round_setting_up(cast):
    return {"pk": AuditRoundFactory(setting_up=True).pk}


def _closed_round(cast):
    return {"pk": AuditRoundFactory(closed=True).pk}


def _closed_round_home_took_part_in(cast):
    """A closed round in which the home agency answered a case."""
    audit_round = AuditRoundFactory(closed=True)
    AssignmentFactory(case__round=audit_round, agency=cast.home_agency)
    return {"pk": audit_round.pk}


def _case(cast):
    return {"pk": SampleCaseFactory(agencies=[cast.home_agency]).pk}


def _case_setting_up(cast):
    """Cases change only while their round is being set up."""
    case = SampleCaseFactory(agencies=[cast.home_agency], round__setting_up=True)
    return {"pk": case.pk}


def _home_assignment(cast, **traits):
    """The home agency's part of a case in an open round, assigned to its auditor."""
    assignment = AssignmentFactory(
        agency=cast.home_agency, auditor=cast[Role.AUDITOR].person, **traits
    )
    return {"pk": assignment.pk}


def _submitted_home_assignment(cast):
    return _home_assignment(cast, submitted=True)


def _finding(cast):
    return {"pk": FindingFactory().pk}


ACCESS_CASES = [
    AccessCase("audits:round_list", CAN_LIST),
    AccessCase("audits:round_create", MANAGER),
    AccessCase("audits:round_detail", LEADS, _open_round),
    AccessCase("audits:round_edit", MANAGER, _open_round),
    AccessCase("audits:round_open", MANAGER, _round_setting_up),
    AccessCase("audits:round_close", MANAGER, _open_round),
    AccessCase(
        "audits:round_report",
        LEADS | CLOSED_REPORT_READERS | PARTICIPANTS,
        _closed_round_home_took_part_in,
        other_agency_refused=True,
    ),
    AccessCase(
        "audits:round_report_pdf",
        LEADS | CLOSED_REPORT_READERS | PARTICIPANTS,
        _closed_round_home_took_part_in,
        other_agency_refused=True,
    ),
    AccessCase("audits:case_add", MANAGER, _open_round),
    AccessCase("audits:finding_add", MANAGER, _open_round),
    AccessCase("audits:case_detail", LEADS, _case),
    AccessCase("audits:case_edit", MANAGER, _case_setting_up),
    AccessCase("audits:assignment_add", MANAGER, _case),
    AccessCase("audits:case_moderate", MANAGER, _case),
    AccessCase(
        "audits:assignment_detail",
        CAN_VIEW_ASSIGNMENT,
        _home_assignment,
        other_agency_refused=True,
    ),
    AccessCase(
        "audits:assignment_answer", {Role.AUDITOR}, _home_assignment, other_agency_refused=True
    ),
    AccessCase("audits:assignment_edit", MANAGER, _home_assignment, other_agency_refused=True),
    AccessCase("audits:assignment_remove", MANAGER, _home_assignment, other_agency_refused=True),
    AccessCase(
        "audits:assignment_reopen", MANAGER, _submitted_home_assignment, other_agency_refused=True
    ),
    AccessCase("audits:finding_edit", MANAGER, _finding),
    AccessCase("audits:finding_add_action", MANAGER, _finding),
    AccessCase("audits:tool_list", LEADS),
    AccessCase("audits:tool_create", MANAGER),
    AccessCase("audits:tool_detail", LEADS, _tool),
    AccessCase("audits:tool_edit", MANAGER, _tool),
    AccessCase("audits:section_add", MANAGER, _tool),
    AccessCase("audits:version_detail", LEADS, _version),
    AccessCase("audits:section_edit", MANAGER, _section),
    AccessCase("audits:section_remove", MANAGER, _section),
    AccessCase("audits:question_add", MANAGER, _section),
    AccessCase("audits:question_edit", MANAGER, _question),
    AccessCase("audits:question_remove", MANAGER, _question),
]
