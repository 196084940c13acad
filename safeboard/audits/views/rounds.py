"""Audit rounds: the list everyone in audits starts from, and the business manager's set-up."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.accounts.roles import Role
from safeboard.core import breadcrumbs
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services, states
from ..forms import ConfirmForm, RoundForm
from ..models import AuditRound
from .common import AuditFormView, RoundObjectMixin


class RoundListView(RulePermissionMixin, View):
    permission_required = "audits.list_rounds"
    crumb_title = "Case audits"

    def get(self, request):
        user = request.user
        sees_rounds = selectors.reads_some_reports(user)
        agency_assignments = []
        if user.has_role(Role.AGENCY_LEAD):
            agency_assignments = list(selectors.assignments_of_agency(agency_id=user.agency_id))
        return render(
            request,
            "audits/round_list.html",
            {
                "rounds": list(selectors.round_list(user=user)) if sees_rounds else None,
                "only_closed": not user.has_perm("audits.view_round"),
                "my_assignments": list(selectors.assignments_of_auditor(person_id=user.person_id)),
                "agency_assignments": agency_assignments,
                "can_set_up": user.has_perm("audits.set_up_round"),
                "can_view_tools": user.has_perm("audits.view_tools"),
            },
        )


class RoundCreateView(AuditFormView):
    permission_required = "audits.set_up_round"
    form_class = RoundForm
    heading = "Set up an audit round"
    intro = (
        "A round audits a sample of cases with one tool. Next you add the cases and an "
        "auditor for each agency involved, then open the round for answers."
    )

    def call_service(self, data):
        return services.round_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"Round {record.reference} set up. Add the cases in its sample."

    crumb_parent = "audits:round_list"


class RoundDetailView(RoundObjectMixin, View):
    permission_required = "audits.view_round"
    crumb_parent = "audits:round_list"
    crumb_unpermitted = "hidden"

    @staticmethod
    def crumb_title(audit_round: AuditRound) -> str:
        return audit_round.reference

    def get(self, request, pk):
        audit_round = self.get_object()
        user = request.user
        can_set_up = user.has_perm("audits.set_up_round") and states.SET_UP.allows(audit_round)
        return render(
            request,
            "audits/round_detail.html",
            {
                "audit_round": audit_round,
                "page": selectors.round_page(audit_round=audit_round),
                "can_set_up": can_set_up,
                "can_open": can_set_up and states.OPEN.allows(audit_round),
                "can_close": can_set_up and states.CLOSE.allows(audit_round),
                "can_moderate": user.has_perm("audits.moderate_case")
                and states.MODERATE.allows(audit_round),
                "can_write_findings": user.has_perm("audits.write_finding")
                and states.WRITE_FINDING.allows(audit_round),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class RoundFormView(RoundObjectMixin, AuditFormView):
    def caption(self):
        return str(self.get_object())


class RoundEditView(RoundFormView):
    permission_required = "audits.set_up_round"
    transition = states.SET_UP
    form_class = RoundForm
    heading = "Change the round"
    success_text = "The round has been changed."

    def form_kwargs(self):
        return {"with_tool": False}

    def initial(self):
        audit_round = self.get_object()
        return {
            "title": audit_round.title,
            "theme": audit_round.theme,
            "sample": audit_round.sample,
            "answers_due_on": audit_round.answers_due_on,
            "moderation_on": audit_round.moderation_on,
        }

    def call_service(self, data):
        services.round_update(audit_round=self.get_object(), **data)


class RoundOpenView(RoundFormView):
    permission_required = "audits.set_up_round"
    transition = states.OPEN
    form_class = ConfirmForm
    heading = "Open the round for answers"
    intro = (
        "Each auditor will see their cases on their home page and be reminded as the due date "
        "comes. You can still add cases and auditors once the round is open."
    )
    success_text = "The round is open for answers."

    def form_kwargs(self):
        return {"submit_label": "Open the round for answers"}

    def call_service(self, data):
        services.round_open(audit_round=self.get_object())


class RoundCloseView(RoundFormView):
    permission_required = "audits.set_up_round"
    transition = states.CLOSE
    form_class = ConfirmForm
    heading = "Close the round"
    intro = (
        "Closing makes the answers and grades final, and the report readable by the board, "
        "its lay members and the learning and development officer. You can still write "
        "findings and add actions."
    )
    success_text = "The round is closed."

    def form_kwargs(self):
        return {"submit_label": "Close the round"}

    def call_service(self, data):
        services.round_close(audit_round=self.get_object())
