"""One agency's part of a case: the auditor answers it; the business manager manages it."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core import breadcrumbs

from .. import answer_services, selectors, services
from ..forms import AnswerForm, AssignmentForm, ConfirmForm, ReopenForm
from ..models import Assignment, AuditRound
from .common import AssignmentObjectMixin, AuditFormView


class AssignmentDetailView(AssignmentObjectMixin, View):
    permission_required = "audits.view_assignment"

    @staticmethod
    def crumb_title(assignment: Assignment) -> str:
        return f"{assignment.case.reference}, {assignment.agency.name}"

    @staticmethod
    def crumb_parent(assignment: Assignment) -> AuditRound:
        # An auditor answers without seeing the case; the round shows to those who may see it.
        return assignment.case.round

    def get(self, request, pk):
        assignment = self.get_object()
        user = request.user
        audit_round = assignment.case.round
        is_open = audit_round.status == AuditRound.Status.OPEN
        can_set_up = user.has_perm("audits.set_up_round") and not audit_round.is_closed
        return render(
            request,
            "audits/assignment_detail.html",
            {
                "assignment": assignment,
                "case": assignment.case,
                "sections": selectors.assignment_answers(assignment=assignment),
                "can_answer": is_open
                and not assignment.is_submitted
                and user.has_perm("audits.answer_assignment", assignment),
                "can_change": can_set_up,
                "can_remove": can_set_up and not assignment.is_submitted,
                "can_reopen": can_set_up and is_open and assignment.is_submitted,
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class AssignmentFormView(AssignmentObjectMixin, AuditFormView):
    def caption(self):
        assignment = self.get_object()
        return f"{assignment.case.reference}, {assignment.agency.name}"


class AnswerView(AssignmentFormView):
    permission_required = "audits.answer_assignment"
    form_class = AnswerForm
    heading = "Answer the case audit"
    template_name = "audits/answer_form.html"

    def form_kwargs(self):
        assignment = self.get_object()
        if not hasattr(self, "_sections"):
            self._sections = selectors.assignment_answers(assignment=assignment)
        return {"sections": self._sections, "assignment": assignment}

    def get_form(self, data=None, files=None):
        self.form = super().get_form(data, files)
        return self.form

    def page_context(self):
        assignment = self.get_object()
        audit_round = assignment.case.round
        return {
            **super().page_context(),
            "assignment": assignment,
            "case": assignment.case,
            "audit_round": audit_round,
            "agencies": list(assignment.case.agencies.all()),
            "is_locked": assignment.is_submitted or audit_round.status != AuditRound.Status.OPEN,
        }

    def call_service(self, data):
        self.submitting = AnswerForm.SUBMIT in self.request.POST
        return answer_services.assignment_save_answers(
            assignment=self.get_object(),
            answers=self.form.answers(),
            proposed_grade=data["proposed_grade"],
            summary=data["summary"],
            submit=self.submitting,
            changed_by=self.request.user,
        )

    def success_message(self, record):
        if self.submitting:
            return "Your answers have been submitted. Thank you."
        return "Your draft has been saved. Submit your answers when every question is answered."

    def success_url(self, record):
        if self.submitting:
            return record.get_absolute_url()
        return reverse("audits:assignment_answer", kwargs={"pk": record.pk})


class AssignmentEditView(AssignmentFormView):
    permission_required = "audits.set_up_round"
    form_class = AssignmentForm
    heading = "Change the auditor or due date"
    success_text = "The assignment has been changed."

    def initial(self):
        assignment = self.get_object()
        return {"auditor": assignment.auditor, "due_on": assignment.due_on}

    def call_service(self, data):
        services.assignment_update(
            assignment=self.get_object(),
            auditor=data["auditor"],
            due_on=data["due_on"] or self.get_object().due_on,
        )


class AssignmentRemoveView(AssignmentFormView):
    permission_required = "audits.set_up_round"
    form_class = ConfirmForm
    heading = "Remove the assignment"
    intro = (
        "For an agency that turns out to hold no record of the case. Any draft answers are "
        "removed with it."
    )
    success_text = "The assignment has been removed."

    def form_kwargs(self):
        return {"submit_label": "Remove the assignment"}

    def call_service(self, data):
        return services.assignment_remove(assignment=self.get_object())


class AssignmentReopenView(AssignmentFormView):
    permission_required = "audits.set_up_round"
    form_class = ReopenForm
    heading = "Reopen the answers"
    intro = "The auditor can then correct the answers and submit them again."
    success_text = "The answers are reopened: the auditor can change them and submit again."

    def call_service(self, data):
        answer_services.assignment_reopen(assignment=self.get_object(), **data)
