"""The conduct of a review: its set-up, team, agencies' contributions, events, milestones,
reports, publication and quality grade. Each form goes back to the review's page; a form
the review's state does not allow is refused (lifecycle.py).

The reports are uploaded as PDF or Word only, and downloaded only through the review's gate
(the files are never served from a public address)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from safeboard.core.dates import long_date

from .. import lifecycle
from ..cases.forms import ConfirmForm
from ..cases.mixins import ReviewFormView, ReviewMixin
from ..models import AgencyContribution, Milestone, ReviewDocument, TeamMember
from . import services
from .forms import (
    ContributionForm,
    DocumentForm,
    EventForm,
    MilestoneCompleteForm,
    MilestoneForm,
    PanelFeedbackForm,
    PublishForm,
    QualityGradeForm,
    ReceivedForm,
    ReviewSetUpForm,
    TeamMemberForm,
)


class ReviewSetUpView(ReviewFormView):
    form_class = ReviewSetUpForm
    heading = "The review\u2019s details"
    success_text = "The review\u2019s details have been saved."

    def refusal(self):
        return lifecycle.set_up_refusal(self.get_review())

    def form_kwargs(self):
        return {"statutory": services.is_statutory_review(self.get_review())}

    def initial(self):
        review = self.get_review()
        return {
            "title": review.title or review.child_pseudonym,
            "methodology": review.methodology,
            "lead_reviewer": review.lead_reviewer,
            "started_on": review.started_on,
            "due_on": review.due_on,
            "family_involvement": review.family_involvement,
        }

    def page_context(self):
        context = super().page_context()
        review = self.get_review()
        if services.is_statutory_review(review):
            context["intro"] = (
                f"The review is due {review.review_months} months after it starts "
                f"({review.edition})."
            )
        else:
            context["intro"] = "The board sets the timescale of a near-miss or learning review."
        return context

    def call_service(self, data):
        services.review_set_up(review=self.get_review(), **data)


class TeamMemberAddView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = TeamMemberForm
    heading = "Add someone to the review team"
    intro = (
        "Until the review is published, only its team, the business manager and the chair can "
        "open it."
    )

    def call_service(self, data):
        return services.team_member_add(review=self.get_review(), **data)

    def success_message(self, record):
        return f"{record.user} has joined the team as {record.get_role_display().lower()}."


class TeamMemberRemoveView(ReviewFormView):
    permission_required = "reviews.manage_review"
    heading = "Remove from the review team"

    def get_member(self) -> TeamMember:
        return get_object_or_404(
            TeamMember.objects.select_related("user__person"),
            pk=self.kwargs["member_pk"],
            review=self.get_review(),
        )

    def get_form(self, data=None, files=None):
        return ConfirmForm(data, submit_label="Remove from the team")

    def page_context(self):
        member = self.get_member()
        context = super().page_context()
        context["intro"] = (
            f"{member.user} ({member.get_role_display().lower()}) will no longer be able to "
            "open the review, unless they are the business manager or the chair."
        )
        context["cancel_url"] = self.get_review().get_absolute_url() + "#team"
        return context

    def call_service(self, data):
        member = self.get_member()
        self.success_text = f"{member.user} has left the team."
        services.team_member_remove(member=member)


class ContributionRequestView(ReviewFormView):
    form_class = ContributionForm
    heading = "Ask an agency for a chronology or report"
    success_text = "The request has been recorded."

    def refusal(self):
        return lifecycle.addition_refusal(self.get_review())

    def call_service(self, data):
        services.contribution_request(review=self.get_review(), **data)


class ContributionReceivedView(ReviewFormView):
    form_class = ReceivedForm
    heading = "Contribution received"
    success_text = "The contribution has been marked as received."

    def get_contribution(self) -> AgencyContribution:
        return get_object_or_404(
            AgencyContribution.objects.select_related("agency"),
            pk=self.kwargs["contribution_pk"],
            review=self.get_review(),
        )

    def refusal(self):
        return lifecycle.receipt_refusal(self.get_contribution())

    def page_context(self):
        contribution = self.get_contribution()
        context = super().page_context()
        context["intro"] = (
            f"{contribution.get_kind_display()} from {contribution.agency}, asked for on "
            f"{long_date(contribution.requested_on)}, due {long_date(contribution.due_on)}."
        )
        return context

    def call_service(self, data):
        services.contribution_received(contribution=self.get_contribution(), **data)


class EventAddView(ReviewFormView):
    form_class = EventForm
    heading = "Add a practitioner event or meeting"
    success_text = "The event has been added."

    def refusal(self):
        return lifecycle.addition_refusal(self.get_review())

    def call_service(self, data):
        services.event_add(review=self.get_review(), **data)


class MilestoneAddView(ReviewFormView):
    form_class = MilestoneForm
    heading = "Add a milestone"
    success_text = "The milestone has been added."

    def refusal(self):
        return lifecycle.addition_refusal(self.get_review())

    def call_service(self, data):
        services.milestone_add(review=self.get_review(), **data)


class MilestoneCompleteView(ReviewFormView):
    form_class = MilestoneCompleteForm
    heading = "Milestone done"
    success_text = "The milestone has been marked as done."

    def get_milestone(self) -> Milestone:
        return get_object_or_404(
            Milestone, pk=self.kwargs["milestone_pk"], review=self.get_review()
        )

    def refusal(self):
        return lifecycle.completion_refusal(self.get_milestone())

    def page_context(self):
        milestone = self.get_milestone()
        context = super().page_context()
        context["intro"] = f"{milestone.title}, due {long_date(milestone.due_on)}."
        return context

    def call_service(self, data):
        services.milestone_complete(milestone=self.get_milestone(), **data)


class PublishView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = PublishForm
    heading = "Record the publication"
    success_text = "The review is published."

    def refusal(self):
        return lifecycle.publication_refusal(self.get_review())

    def call_service(self, data):
        services.review_publish(review=self.get_review(), **data)


class PanelFeedbackView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = PanelFeedbackForm
    heading = "The Panel\u2019s feedback"
    intro = "What the national Panel said of the review\u2019s final report, and when."
    success_text = "The Panel\u2019s feedback has been saved."

    def refusal(self):
        return lifecycle.panel_feedback_refusal(self.get_review())

    def initial(self):
        review = self.get_review()
        return {
            "panel_feedback": review.panel_feedback,
            "panel_feedback_on": review.panel_feedback_on,
        }

    def call_service(self, data):
        services.review_panel_feedback(review=self.get_review(), **data)


class QualityGradeView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = QualityGradeForm
    heading = "Ofsted\u2019s grade"
    intro = "Ofsted\u2019s evaluation of the serious case review: good, adequate or inadequate."
    success_text = "The quality grade has been saved."

    def refusal(self):
        return lifecycle.grading_refusal(self.get_review())

    def initial(self):
        return {"quality_grade": self.get_review().quality_grade}

    def call_service(self, data):
        services.review_grade(review=self.get_review(), **data)


class DocumentUploadView(ReviewFormView):
    form_class = DocumentForm
    heading = "Upload a report"
    intro = "The draft or final report, or the rapid review, as a PDF or Word (.docx) file."
    multipart = True

    def call_service(self, data):
        return services.document_upload(
            review=self.get_review(), uploaded_by=self.request.user, **data
        )

    def success_message(self, record):
        return f"{record.get_kind_display()} uploaded: {record.original_name}."

    def success_url(self, record):
        return self.get_review().get_absolute_url() + "#documents"


class DocumentDownloadView(ReviewMixin, View):
    """The team's documents; a published review's final report for every reader too."""

    permission_required = "reviews.view_review"

    def get(self, request, pk, document_pk):
        review = self.get_review()
        documents = ReviewDocument.objects.filter(review=review)
        if not request.user.has_perm("reviews.work_on_review", review):
            documents = documents.filter(kind=ReviewDocument.Kind.FINAL_REPORT)
        document = get_object_or_404(documents, pk=document_pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as error:
            raise Http404("The file is missing from the store.") from error
        return FileResponse(
            handle,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type or "application/octet-stream",
        )
