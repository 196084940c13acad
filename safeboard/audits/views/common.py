"""What the audit views share: the record each page is about, and the way back to it."""

from __future__ import annotations

from django.urls import reverse

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Assignment, AuditRound, AuditTool, Finding, SampleCase

FORM_TEMPLATE = "core/form.html"


def audits_crumb() -> dict:
    return {"text": "Case audits", "href": reverse("audits:round_list")}


def tools_crumb() -> dict:
    return {"text": "Audit tools", "href": reverse("audits:tool_list")}


def round_crumb(audit_round: AuditRound) -> dict:
    return {"text": audit_round.reference, "href": audit_round.get_absolute_url()}


class AuditFormView(ServiceFormView):
    """A form page of the audits: a caption and an introduction above the form."""

    template_name = FORM_TEMPLATE
    intro = ""

    def caption(self) -> str:
        return ""

    def page_context(self) -> dict:
        return {"caption": self.caption(), "lead": self.intro}


class ToolObjectMixin(RecordMixin, RulePermissionMixin):
    model = AuditTool

    def crumbs(self) -> list[dict]:
        tool = self.get_object()
        return [tools_crumb(), {"text": tool.name, "href": tool.get_absolute_url()}]


class RoundObjectMixin(RecordMixin, RulePermissionMixin):
    model = AuditRound

    def get_queryset(self):
        return AuditRound.objects.select_related("tool_version__tool", "theme")

    def crumbs(self) -> list[dict]:
        return [audits_crumb(), round_crumb(self.get_object())]


class CaseObjectMixin(RecordMixin, RulePermissionMixin):
    model = SampleCase

    def transition_record(self) -> AuditRound:
        return self.get_object().round

    def get_queryset(self):
        return SampleCase.objects.select_related("round__tool_version__tool")

    def crumbs(self) -> list[dict]:
        case = self.get_object()
        return [
            audits_crumb(),
            round_crumb(case.round),
            {"text": case.reference, "href": case.get_absolute_url()},
        ]


class AssignmentObjectMixin(RecordMixin, RulePermissionMixin):
    model = Assignment

    def transition_record(self) -> AuditRound:
        return self.get_object().case.round

    def get_queryset(self):
        return Assignment.objects.select_related(
            "case__round__tool_version__tool", "agency", "auditor"
        )

    def crumbs(self) -> list[dict]:
        assignment = self.get_object()
        crumbs = [audits_crumb()]
        if self.request.user.has_perm("audits.view_round", assignment.case.round):
            crumbs.append(round_crumb(assignment.case.round))
        crumbs.append(
            {
                "text": f"{assignment.case.reference}, {assignment.agency.name}",
                "href": assignment.get_absolute_url(),
            }
        )
        return crumbs


class FindingObjectMixin(RecordMixin, RulePermissionMixin):
    model = Finding

    def get_queryset(self):
        return Finding.objects.select_related("round")

    def crumbs(self) -> list[dict]:
        finding = self.get_object()
        return [audits_crumb(), round_crumb(finding.round)]
