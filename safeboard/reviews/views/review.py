"""A review's page, and the two statutory steps recorded on it: the notification and the
rapid review."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core.selectors import shown_page_sections

from .. import selectors, services
from ..forms import SentOnForm
from ..models import Review
from ..review_services import is_statutory_review
from ..steps import FINISHED_STAGES, REPORT_IN_STAGES
from ..timescales import notification_due, rapid_review_due
from .common import ReviewFormView, ReviewMixin, list_crumb


def _learning_links(review: Review) -> list[dict]:
    """The review's learning pages: its findings, recommendations and briefings."""
    return [
        {"href": reverse("reviews:findings", kwargs={"pk": review.pk}), "text": "Findings"},
        {
            "href": reverse("reviews:recommendations", kwargs={"pk": review.pk}),
            "text": "Recommendations and action plan",
        },
        {
            "href": reverse("reviews:briefing_list") + "?kind=review",
            "text": "Learning briefings",
        },
    ]


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


class ReviewDetailView(ReviewMixin, View):
    """The whole case for those who work on it; the published parts for everyone else."""

    permission_required = "reviews.view_review"

    def get_review(self) -> Review:
        if not hasattr(self, "_review"):
            try:
                self._review = selectors.review_for_page(self.kwargs["pk"])
            except Review.DoesNotExist as error:
                raise Http404("No review could be found.") from error
        return self._review

    def get(self, request, pk):
        review = self.get_review()
        user = request.user
        can_work = user.has_perm("reviews.work_on_review", review)
        context = {
            "review": review,
            "can_work": can_work,
            "learning_links": _learning_links(review),
            "sections": shown_page_sections(page="review", record=review, user=user),
            "crumbs": [list_crumb(), {"text": review.reference}],
        }
        if can_work:
            context.update(self._working_context(review, user))
        return render(request, "reviews/review_detail.html", context)

    def _working_context(self, review: Review, user) -> dict:
        page = selectors.review_page(review=review, today=timezone.localdate())
        decision = page.decision
        open_case = review.stage not in FINISHED_STAGES
        in_review = review.stage in {Review.Stage.IN_REVIEW, Review.Stage.REPORTED}
        can_manage = user.has_perm("reviews.manage_review", review)
        return {
            "page": page,
            "answers": selectors.decision_answers(decision) if decision else [],
            "can_record_notification": open_case
            and review.notification_working_days is not None
            and review.notification_sent_on is None,
            "can_record_rapid_review": open_case
            and review.rapid_review_working_days is not None
            and review.notification_sent_on is not None
            and review.rapid_review_sent_on is None,
            "rapid_review_waits_for_notification": open_case
            and review.rapid_review_working_days is not None
            and review.notification_sent_on is None,
            "can_decide": (decision is None or decision.signed_off_at is None)
            and review.stage not in REPORT_IN_STAGES,
            "can_sign_off": decision is not None
            and decision.signed_off_at is None
            and user.has_perm("reviews.sign_off_decision", review),
            "in_review": in_review,
            "statutory": is_statutory_review(review),
            "open_case": open_case,
            "can_manage": can_manage,
            "can_publish": can_manage and review.stage == Review.Stage.REPORTED,
            "can_grade": can_manage and review.stage in REPORT_IN_STAGES,
            "can_view_access_log": user.has_perm("reviews.view_access_log"),
        }


class SentOnView(ReviewFormView):
    """A statutory step recorded by the day it was sent, with its due date beside the form."""

    def get_form(self, data=None, files=None):
        if data is None:
            return SentOnForm(initial={"sent_on": timezone.localdate()}, submit_label="Save")
        return SentOnForm(data, submit_label="Save")

    def due(self, review: Review):
        raise NotImplementedError

    def page_context(self):
        review = self.get_review()
        due = self.due(review)
        context = super().page_context()
        if due:
            context["due_text"] = f"Due by {_long_date(due)} ({review.edition})."
        return context


class NotificationSentView(SentOnView):
    heading = "Record the notification"
    success_text = "The notification has been recorded."

    def due(self, review: Review):
        return notification_due(review)

    def page_context(self):
        body = self.get_review().edition.notification_body or "the national body"
        return {
            **super().page_context(),
            "intro": f"The day the serious incident was notified to {body}.",
        }

    def call_service(self, data):
        services.record_notification_sent(review=self.get_review(), sent_on=data["sent_on"])


class RapidReviewSentView(SentOnView):
    heading = "Record the rapid review"
    success_text = "The rapid review has been recorded as sent to the Panel."
    intro = "The day the partners sent the rapid review to the Panel."

    def due(self, review: Review):
        return rapid_review_due(review, notification_sent_on=review.notification_sent_on)

    def call_service(self, data):
        services.record_rapid_review_sent(review=self.get_review(), sent_on=data["sent_on"])
