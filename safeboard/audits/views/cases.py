"""The cases of a round: adding them, naming their auditors, reading and moderating them."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs

from .. import answer_services, selectors, services
from ..answer_history import answer_changes
from ..forms import AssignmentForm, CaseForm, ModerationForm
from ..models import AuditRound, Moderation, SampleCase
from .common import AuditFormView, CaseObjectMixin, RoundObjectMixin


class CaseAddView(RoundObjectMixin, AuditFormView):
    permission_required = "audits.set_up_round"
    form_class = CaseForm
    heading = "Add a case to the sample"
    intro = (
        "The case gets a reference made from the round\u2019s. Keep the key to the real case "
        "record outside SafeBoard, with the audit team."
    )

    def caption(self):
        return str(self.get_object())

    def call_service(self, data):
        return services.case_add(audit_round=self.get_object(), **data)

    def success_message(self, record):
        return f"Case {record.reference} added. Assign an auditor for each agency involved."


class CaseFormView(CaseObjectMixin, AuditFormView):
    def caption(self):
        case = self.get_object()
        return f"{case.reference}, {case.round.title}"


class CaseEditView(CaseFormView):
    permission_required = "audits.set_up_round"
    form_class = CaseForm
    heading = "Change the case"
    success_text = "The case has been changed."

    def initial(self):
        case = self.get_object()
        return {
            "age_band": case.age_band,
            "agencies": list(case.agencies.all()),
            "context": case.context,
        }

    def call_service(self, data):
        services.case_update(case=self.get_object(), **data)


class AssignmentAddView(CaseFormView):
    permission_required = "audits.set_up_round"
    form_class = AssignmentForm
    heading = "Assign an auditor"
    intro = "The auditor answers the sections of the tool their agency answers, for this case."

    def form_kwargs(self):
        return {"case": self.get_object()}

    def initial(self):
        case = self.get_object()
        missing = selectors.agencies_without_auditor(
            case=case, sections=selectors.version_sections(case.round.tool_version)
        )
        return {"agency": missing[0]} if missing else {}

    def call_service(self, data):
        services.assignment_add(case=self.get_object(), **data)

    def success_message(self, record):
        return "Auditor assigned."


class CaseDetailView(CaseObjectMixin, View):
    permission_required = "audits.view_case"

    @staticmethod
    def crumb_title(case: SampleCase) -> str:
        return case.reference

    @staticmethod
    def crumb_parent(case: SampleCase) -> AuditRound:
        return case.round

    def get(self, request, pk):
        case = self.get_object()
        page = selectors.case_page(case=case)
        all_in = bool(page.assignments) and all(a.is_submitted for a in page.assignments)
        changes = None
        if request.user.has_perm("audits.moderate_case"):
            questions = {row.question.pk: row.question for _, rows in page.sections for row in rows}
            changes = answer_changes(case=case, questions=questions)
        return render(
            request,
            "audits/case_detail.html",
            {
                "case": case,
                "page": page,
                "answer_changes": changes,
                "can_set_up": request.user.has_perm("audits.set_up_round")
                and case.round.status == AuditRound.Status.SETTING_UP,
                "can_moderate": request.user.has_perm("audits.moderate_case")
                and case.round.status == AuditRound.Status.OPEN
                and all_in,
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ModerationView(CaseFormView):
    permission_required = "audits.moderate_case"
    form_class = ModerationForm
    heading = "Moderate the case"
    intro = (
        "Record the grade the moderation meeting agreed. Where the agencies\u2019 grades "
        "differed, record where and how the panel settled it."
    )
    template_name = "audits/moderation_form.html"
    success_text = "The moderation has been recorded."

    def form_kwargs(self):
        return {"audit_round": self.get_object().round}

    def initial(self):
        moderation = Moderation.objects.filter(case=self.get_object()).first()
        if moderation is None:
            return {"attendees": [self.request.user.person_id]}
        return {
            "agreed_grade": moderation.agreed_grade,
            "moderated_on": moderation.moderated_on,
            "attendees": list(moderation.attendees.all()),
            "others_present": moderation.others_present,
            "disagreement": moderation.disagreement,
            "resolution": moderation.resolution,
        }

    def page_context(self):
        case = self.get_object()
        assignments = case.assignments.select_related("agency", "auditor").order_by("agency__name")
        return {**super().page_context(), "case": case, "assignments": list(assignments)}

    def call_service(self, data):
        answer_services.moderation_record(
            case=self.get_object(), recorded_by=self.request.user, **data
        )
