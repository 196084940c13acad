"""The conduct of a review: its set-up, team, agencies' contributions, events, milestones,
publication and quality grade. Each form goes back to the review's page."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from safeboard.core.dates import long_date

from .. import review_services
from ..forms import (
    ConfirmForm,
    ContributionForm,
    EventForm,
    MilestoneCompleteForm,
    MilestoneForm,
    PublishForm,
    QualityGradeForm,
    ReceivedForm,
    ReviewSetUpForm,
    TeamMemberForm,
)
from ..models import AgencyContribution, Milestone, TeamMember
from .common import ReviewFormView


class ReviewSetUpView(ReviewFormView):
    form_class = ReviewSetUpForm
    heading = "The review\u2019s details"
    success_text = "The review\u2019s details have been saved."

    def form_kwargs(self):
        return {"statutory": review_services.is_statutory_review(self.get_review())}

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
        if review_services.is_statutory_review(review):
            context["intro"] = (
                f"The review is due {review.review_months} months after it starts "
                f"({review.edition})."
            )
        else:
            context["intro"] = "The board sets the timescale of a near-miss or learning review."
        return context

    def call_service(self, data):
        review_services.review_set_up(review=self.get_review(), **data)


class TeamMemberAddView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = TeamMemberForm
    heading = "Add someone to the review team"
    intro = (
        "Until the review is published, only its team, the business manager and the chair can "
        "open it."
    )

    def call_service(self, data):
        return review_services.team_member_add(review=self.get_review(), **data)

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
        review_services.team_member_remove(member=member)


class ContributionRequestView(ReviewFormView):
    form_class = ContributionForm
    heading = "Ask an agency for a chronology or report"
    success_text = "The request has been recorded."

    def call_service(self, data):
        review_services.contribution_request(review=self.get_review(), **data)


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

    def page_context(self):
        contribution = self.get_contribution()
        context = super().page_context()
        context["intro"] = (
            f"{contribution.get_kind_display()} from {contribution.agency}, asked for on "
            f"{long_date(contribution.requested_on)}, due {long_date(contribution.due_on)}."
        )
        return context

    def call_service(self, data):
        review_services.contribution_received(contribution=self.get_contribution(), **data)


class EventAddView(ReviewFormView):
    form_class = EventForm
    heading = "Add a practitioner event or meeting"
    success_text = "The event has been added."

    def call_service(self, data):
        review_services.event_add(review=self.get_review(), **data)


class MilestoneAddView(ReviewFormView):
    form_class = MilestoneForm
    heading = "Add a milestone"
    success_text = "The milestone has been added."

    def call_service(self, data):
        review_services.milestone_add(review=self.get_review(), **data)


class MilestoneCompleteView(ReviewFormView):
    form_class = MilestoneCompleteForm
    heading = "Milestone done"
    success_text = "The milestone has been marked as done."

    def get_milestone(self) -> Milestone:
        return get_object_or_404(
            Milestone, pk=self.kwargs["milestone_pk"], review=self.get_review()
        )

    def page_context(self):
        milestone = self.get_milestone()
        context = super().page_context()
        context["intro"] = f"{milestone.title}, due {long_date(milestone.due_on)}."
        return context

    def call_service(self, data):
        review_services.milestone_complete(milestone=self.get_milestone(), **data)


class PublishView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = PublishForm
    heading = "Record the publication"
    success_text = "The review is published."

    def call_service(self, data):
        review_services.review_publish(review=self.get_review(), **data)


class QualityGradeView(ReviewFormView):
    permission_required = "reviews.manage_review"
    form_class = QualityGradeForm
    heading = "Quality grade"
    intro = "The evaluation of the review\u2019s report: good, adequate or inadequate."
    success_text = "The quality grade has been saved."

    def initial(self):
        return {"quality_grade": self.get_review().quality_grade}

    def call_service(self, data):
        review_services.review_grade(review=self.get_review(), **data)
