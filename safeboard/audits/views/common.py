"""What the audit views share: the record each page is about, and the way back to it."""

from __future__ import annotations

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Assignment, AuditRound, AuditTool, Finding, SampleCase

FORM_TEMPLATE = "core/form.html"


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

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class RoundObjectMixin(RecordMixin, RulePermissionMixin):
    model = AuditRound

    def get_queryset(self):
        return AuditRound.objects.select_related("tool_version__tool", "theme")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class CaseObjectMixin(RecordMixin, RulePermissionMixin):
    model = SampleCase

    def get_queryset(self):
        return SampleCase.objects.select_related("round__tool_version__tool")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class AssignmentObjectMixin(RecordMixin, RulePermissionMixin):
    model = Assignment

    def get_queryset(self):
        return Assignment.objects.select_related(
            "case__round__tool_version__tool", "agency", "auditor"
        )

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class FindingObjectMixin(RecordMixin, RulePermissionMixin):
    model = Finding

    def get_queryset(self):
        return Finding.objects.select_related("round")

    @staticmethod
    def crumb_parent(finding: Finding) -> AuditRound:
        return finding.round
