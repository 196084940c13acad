"""The case as a whole: the list of case reviews, and a review's page with the actions its
state allows (lifecycle.py)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core.selectors import shown_page_sections
from safeboard.core.views_mixins import RulePermissionMixin

from .. import lifecycle
from ..conduct.services import is_statutory_review
from ..models import Review
from . import selectors
from .forms import ReviewFilterForm
from .mixins import ReviewMixin, list_crumb

PAGE_SIZE = 50


class ReviewListView(RulePermissionMixin, View):
    """Everyone with a role sees the published reviews; the team, the business manager and
    the chair also see the reviews they work on, with the next step due."""

    permission_required = "reviews.list_reviews"

    def get(self, request):
        user = request.user
        filter_form = ReviewFilterForm(request.GET or None)
        filters = selectors.ReviewFilters()
        if filter_form.is_valid():
            filters = selectors.ReviewFilters(**filter_form.cleaned_data)
        reviews = selectors.review_list(user=user, filters=filters)
        page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "reviews/review_list.html",
            {
                "page": page,
                "rows": selectors.with_next_step(page.object_list, today=timezone.localdate()),
                "filter_form": filter_form,
                "query": query.urlencode(),
                "can_refer": user.has_perm("reviews.refer_case"),
                "can_manage_frameworks": user.has_perm("reviews.manage_frameworks"),
                "can_view_access_log": user.has_perm("reviews.view_access_log"),
            },
            status=400 if filter_form.errors else 200,
        )


def _lesson_links(review: Review) -> list[dict]:
    """The pages of the review's lessons: its findings, recommendations and briefings."""
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
            "lesson_links": _lesson_links(review),
            "sections": shown_page_sections(page="review", record=review, user=user),
            "crumbs": [list_crumb(), {"text": review.reference}],
        }
        if can_work:
            context.update(self._working_context(review, user))
        else:
            context["final_reports"] = selectors.published_final_reports(review)
        return render(request, "reviews/review_detail.html", context)

    def _working_context(self, review: Review, user) -> dict:
        """What the people working on the case see: each button shows only where the
        review's state allows its action (lifecycle.py), and the user's role too."""
        page = selectors.review_page(review=review, today=timezone.localdate())
        decision = page.decision
        can_manage = user.has_perm("reviews.manage_review", review)
        return {
            "page": page,
            "can_record_notification": lifecycle.notification_awaited(review),
            "can_record_rapid_review": lifecycle.rapid_review_awaited(review),
            "rapid_review_waits_for_notification": (
                lifecycle.rapid_review_waits_for_notification(review)
            ),
            "can_decide": lifecycle.decision_refusal(review, decision) is None,
            "can_sign_off": decision is not None
            and lifecycle.sign_off_refusal(decision) is None
            and user.has_perm("reviews.sign_off_decision", review),
            "in_review": lifecycle.set_up_refusal(review) is None,
            "review_held": lifecycle.is_held(review),
            "statutory": is_statutory_review(review),
            "open_case": lifecycle.addition_refusal(review) is None,
            "accepts_documents": lifecycle.accepts_documents(review),
            "can_manage": can_manage,
            "can_publish": can_manage and lifecycle.publication_refusal(review) is None,
            "can_grade": can_manage and lifecycle.grading_refusal(review) is None,
            "can_record_feedback": can_manage and lifecycle.panel_feedback_refusal(review) is None,
            "ofsted_graded": lifecycle.is_ofsted_graded(review),
            "below_criteria": lifecycle.below_criteria_outcome(review) is not None,
            "can_view_access_log": user.has_perm("reviews.view_access_log"),
        }
