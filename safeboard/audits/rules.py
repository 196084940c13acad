"""Who may see and do what in multi-agency case audits.

The business manager builds the tools, sets up rounds, assigns auditors, moderates and writes
the findings; the chair reads everything. An auditor, whatever their role, answers only the
cases and sections assigned to them, and an agency's leads see their own agency's assignments.
Board business readers and the learning and development officer read the report of a round
once it is closed; an agency's leads and auditors read the report of a closed round their
agency took part in (it answered one of the round's cases), and of no other. Practitioners,
readers and accounts without a role have no part in audits.
"""

from __future__ import annotations

import rules

from safeboard.accounts.predicates import has_any_role, is_business_manager, is_chair
from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role

from . import states
from .models import Assignment

is_report_reader = has_any_role(*BOARD_BUSINESS_READERS, Role.LEARNING_OFFICER)
is_agency_lead = has_any_role(Role.AGENCY_LEAD)
is_auditor = has_any_role(Role.AUDITOR)


@rules.predicate
def is_assigned_auditor(user, assignment) -> bool:
    """The user is the person assigned to answer this case for this agency."""
    if assignment is None or not getattr(user, "is_authenticated", False):
        return False
    return user.person_id is not None and user.person_id == assignment.auditor_id


@rules.predicate
def works_for_assigned_agency(user, assignment) -> bool:
    """The user works for the agency whose part of the case this is."""
    if assignment is None or not getattr(user, "is_authenticated", False):
        return False
    return user.agency_id is not None and user.agency_id == assignment.agency_id


@rules.predicate
def is_closed_round(user, audit_round) -> bool:
    return audit_round is not None and states.is_closed(audit_round)


@rules.predicate
def agency_took_part(user, audit_round) -> bool:
    """The user's agency answered a case of the round (one query)."""
    if audit_round is None or not getattr(user, "is_authenticated", False):
        return False
    if user.agency_id is None:
        return False
    return Assignment.objects.filter(case__round=audit_round, agency_id=user.agency_id).exists()


is_audit_lead = is_business_manager | is_chair
# Those who read the reports of the closed rounds their own agency took part in.
is_participant_reader = is_agency_lead | is_auditor

can_list_rounds = is_audit_lead | is_report_reader | is_agency_lead | is_auditor
can_view_report = is_audit_lead | (
    is_closed_round & (is_report_reader | (is_participant_reader & agency_took_part))
)
can_view_assignment = (
    is_audit_lead | is_assigned_auditor | (is_agency_lead & works_for_assigned_agency)
)


@rules.predicate
def can_view_finding(user, finding) -> bool:
    """Whoever may read the report of the finding's round may read the finding."""
    return finding is not None and can_view_report.test(user, finding.round)


rules.add_perm("audits.list_rounds", can_list_rounds)
rules.add_perm("audits.view_tools", is_audit_lead)
rules.add_perm("audits.manage_tools", is_business_manager)
rules.add_perm("audits.view_round", is_audit_lead)
rules.add_perm("audits.set_up_round", is_business_manager)
rules.add_perm("audits.view_case", is_audit_lead)
rules.add_perm("audits.moderate_case", is_business_manager)
rules.add_perm("audits.view_assignment", can_view_assignment)
rules.add_perm("audits.answer_assignment", is_assigned_auditor)
rules.add_perm("audits.read_closed_reports", is_audit_lead | is_report_reader)
rules.add_perm("audits.read_own_agencys_reports", is_participant_reader)
rules.add_perm("audits.view_report", can_view_report)
rules.add_perm("audits.view_finding", can_view_finding)
rules.add_perm("audits.write_finding", is_business_manager)
