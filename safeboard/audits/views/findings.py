"""A round's findings, written by the business manager, and the actions they lead to."""

from __future__ import annotations

from .. import services, states
from ..forms import FindingActionForm, FindingForm
from .common import AuditFormView, FindingObjectMixin, RoundObjectMixin


class FindingAddView(RoundObjectMixin, AuditFormView):
    permission_required = "audits.write_finding"
    transition = states.WRITE_FINDING
    form_class = FindingForm
    heading = "Add a finding"
    intro = (
        "A strength to keep, or an area for improvement. Tag it with the themes of practice "
        "it concerns; an area for improvement usually leads to an action."
    )

    def caption(self):
        return str(self.get_object())

    def call_service(self, data):
        return services.finding_add(
            audit_round=self.get_object(), created_by=self.request.user, **data
        )

    def success_message(self, record):
        return "Finding added."


class FindingFormView(FindingObjectMixin, AuditFormView):
    def caption(self):
        return self.get_object().title


class FindingEditView(FindingFormView):
    permission_required = "audits.write_finding"
    form_class = FindingForm
    heading = "Change the finding"
    success_text = "The finding has been changed."

    def initial(self):
        finding = self.get_object()
        return {
            "kind": finding.kind,
            "title": finding.title,
            "text": finding.text,
            "evidence": finding.evidence,
            "themes": list(finding.themes.all()),
        }

    def call_service(self, data):
        services.finding_update(finding=self.get_object(), **data)


class FindingActionAddView(FindingFormView):
    permission_required = "audits.write_finding"
    form_class = FindingActionForm
    heading = "Add an action"
    intro = "The action joins the partnership\u2019s action plan, linked to this finding."
    success_text = "Action added."

    def call_service(self, data):
        services.finding_add_action(finding=self.get_object(), created_by=self.request.user, **data)
