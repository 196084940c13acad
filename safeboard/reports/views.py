"""The yearly report's pages for those who sign in: list, draft, review, sign-off, publish."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core import extension_points as points
from safeboard.core.pdf import pdf_response
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import pages, periods, selectors, services, states
from .forms import (
    ContributionForm,
    CorrectionForm,
    NarrativeForm,
    PeriodForm,
    RecipientForm,
    SummaryForm,
)
from .models import YearlyReport

FORM_TEMPLATE = "reports/report_form.html"


class ReportListView(RulePermissionMixin, View):
    permission_required = "reports.list_reports"
    crumb_title = "Yearly reports"
    crumb_parent = None

    def get(self, request):
        every = request.user.has_perm("reports.view_unpublished_reports")
        reports = selectors.reports_for(include_unpublished=every)
        return render(
            request,
            "reports/report_list.html",
            {
                "reports": reports,
                "can_draft": request.user.has_perm("reports.draft_report"),
                "can_record_contributions": request.user.has_perm("reports.record_contributions"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ReportObjectMixin(RecordMixin, RulePermissionMixin):
    model = YearlyReport
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def get_queryset(self):
        return YearlyReport.objects.select_related(
            "corrects",
            "drafted_by__person",
            "sent_for_review_by__person",
            "signed_off_by__person",
            "published_by__person",
        )


class ReportDetailView(ReportObjectMixin, View):
    permission_required = "reports.view_report"
    crumb_parent = "reports:list"

    @staticmethod
    def crumb_title(report: YearlyReport) -> str:
        return report.title

    def get(self, request, pk):
        report = self.get_object()
        user = request.user
        context = pages.report_context(report)
        context.update(
            {
                "crumbs": breadcrumbs.page_trail(self),
                "pdf_url": "reports:pdf",
                "can_edit": user.has_perm("reports.draft_report") and states.EDIT.allows(report),
                "workflow": [
                    {
                        "url_name": url_name,
                        "label": label,
                        "warning": warning,
                    }
                    for url_name, label, permission, transition, warning in WORKFLOW_BUTTONS
                    if user.has_perm(permission, report) and transition.allows(report)
                ],
                "can_record_recipients": user.has_perm("reports.record_recipients")
                and states.SEND_TO_RECIPIENTS.allows(report),
                "can_correct": user.has_perm("reports.draft_report")
                and states.CORRECT.allows(report),
            }
        )
        return render(request, "reports/report_detail.html", context)


class ReportPdfView(ReportObjectMixin, View):
    permission_required = "reports.view_report"

    def get(self, request, pk):
        report = self.get_object()
        return pdf_response(
            "reports/report_pdf.html",
            pages.report_context(report),
            filename=pages.pdf_filename(report),
            request=request,
            tagged=True,
        )


class ReportCreateView(ServiceFormView):
    permission_required = "reports.draft_report"
    form_class = PeriodForm
    heading = "Start a yearly report"
    template_name = FORM_TEMPLATE
    crumb_parent = "reports:list"
    success_text = "The draft report has been started."

    def initial(self):
        start = periods.last_complete_year(timezone.localdate())
        return {"period_start": start, "period_end": periods.twelve_months_from(start)}

    def call_service(self, data):
        return services.create_report(created_by=self.request.user, **data)


class ReportFormView(ReportObjectMixin, ServiceFormView):
    template_name = FORM_TEMPLATE

    def page_context(self) -> dict:
        return {"report": self.get_object()}


class SummaryView(ReportFormView):
    permission_required = "reports.draft_report"
    transition = states.EDIT
    form_class = SummaryForm
    heading = "Write the summary for councillors"
    success_text = "The summary has been saved."

    def initial(self):
        return {"plain_summary": self.get_object().plain_summary}

    def call_service(self, data):
        services.set_summary(report=self.get_object(), written_by=self.request.user, **data)


class NarrativeView(ReportFormView):
    permission_required = "reports.draft_report"
    transition = states.EDIT
    form_class = NarrativeForm
    success_text = "The narrative has been saved."

    def section(self):
        key = self.kwargs["key"]
        if key not in points.report_sections:
            raise Http404("No such section")
        return points.report_sections[key]

    @property
    def heading(self):
        return f"Narrative: {self.section().heading}"

    def initial(self):
        narrative = self.get_object().narratives.filter(section_key=self.kwargs["key"]).first()
        return {"text": narrative.text if narrative else ""}

    def call_service(self, data):
        services.set_narrative(
            report=self.get_object(),
            section_key=self.section().key,
            written_by=self.request.user,
            **data,
        )

    def success_url(self, record):
        return self.get_object().get_absolute_url() + f"#{self.section().key}"


class RecipientView(ReportFormView):
    permission_required = "reports.record_recipients"
    transition = states.SEND_TO_RECIPIENTS
    form_class = RecipientForm
    heading = "Record who the report was sent to"
    success_text = "The recipient has been recorded."

    def initial(self):
        return {"sent_on": timezone.localdate()}

    def call_service(self, data):
        services.record_recipient(report=self.get_object(), recorded_by=self.request.user, **data)


class CorrectionView(ReportFormView):
    permission_required = "reports.draft_report"
    transition = states.CORRECT
    form_class = CorrectionForm
    heading = "Issue a corrected edition"
    success_text = "A corrected edition has been started as a draft."

    def call_service(self, data):
        return services.issue_correction(
            report=self.get_object(), issued_by=self.request.user, **data
        )


class ContributionsView(ServiceFormView):
    permission_required = "reports.record_contributions"
    form_class = ContributionForm
    heading = "Partners' financial contributions"
    template_name = "reports/contributions.html"
    crumb_parent = "reports:list"
    success_text = "The contribution has been saved."

    def initial(self):
        today = timezone.localdate()
        return {"financial_year": today.year if today.month >= 4 else today.year - 1}

    def page_context(self):
        return {"contributions": selectors.contributions_between(first_year=0, last_year=9999)}

    def call_service(self, data):
        services.record_contribution(recorded_by=self.request.user, **data)

    def success_url(self, record):
        return self.request.path


class TransitionView(ReportObjectMixin, View):
    """A workflow button: POST only; the service refuses what the state forbids."""

    http_method_names = ["post"]
    service: Callable[..., object] = staticmethod(lambda **kwargs: None)
    by = ""
    done = ""

    def post(self, request, pk):
        report = self.get_object()
        try:
            type(self).service(report=report, **{self.by: request.user})
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done)
        return redirect(report.get_absolute_url())


class SendForReviewView(TransitionView):
    permission_required = "reports.send_for_review"
    service = staticmethod(services.send_for_review)
    by = "sent_by"
    done = "The report has been sent to the board for review."


class ReturnToDraftView(TransitionView):
    permission_required = "reports.return_to_draft"
    service = staticmethod(services.return_to_draft)
    by = "returned_by"
    done = "The report has been returned to draft."


class SignOffView(TransitionView):
    permission_required = "reports.sign_off"
    service = staticmethod(services.sign_off)
    by = "signed_off_by"
    done = "You have signed the report off. It can now be published."


class PublishView(TransitionView):
    permission_required = "reports.publish_report"
    service = staticmethod(services.publish_report)
    by = "published_by"
    done = "The report has been published. Its figures are now fixed."


# The workflow's buttons on the report page: url name, label, rule, transition, warning.
WORKFLOW_BUTTONS = [
    (
        "reports:send_for_review",
        "Send to the board for review",
        "reports.send_for_review",
        states.SEND_FOR_REVIEW,
        False,
    ),
    ("reports:sign_off", "Sign the report off", "reports.sign_off", states.SIGN_OFF, False),
    ("reports:publish", "Publish the report", "reports.publish_report", states.PUBLISH, False),
    (
        "reports:return_to_draft",
        "Return to draft",
        "reports.return_to_draft",
        states.RETURN_TO_DRAFT,
        True,
    ),
]
