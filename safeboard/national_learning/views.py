"""The log of national learning: the list, one review with the partnership's decision,
recommendations and actions, and the forms that record them."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import DecisionForm, RecommendationActionForm, RecommendationForm, ReviewForm
from .models import NationalReview, Recommendation


class ReviewListView(RulePermissionMixin, View):
    permission_required = "national_learning.view"
    crumb_title = "National learning"
    crumb_parent = None

    def get(self, request):
        return render(
            request,
            "national_learning/review_list.html",
            {
                "reviews": list(selectors.review_list()),
                "can_record": request.user.has_perm("national_learning.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ReviewMixin(RecordMixin, RulePermissionMixin):
    model = NationalReview
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class ReviewDetailView(ReviewMixin, View):
    permission_required = "national_learning.view"
    crumb_parent = "national_learning:review_list"

    @staticmethod
    def crumb_title(review: NationalReview) -> str:
        return review.title

    def get(self, request, pk):
        review = self.get_object()
        return render(
            request,
            "national_learning/review_detail.html",
            {
                "review": review,
                "themes": list(review.themes.order_by("position", "name")),
                "recommendations": selectors.review_recommendations(review=review),
                "can_record": request.user.has_perm("national_learning.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ReviewCreateView(ServiceFormView):
    permission_required = "national_learning.record"
    form_class = ReviewForm
    heading = "Log a national review or report"
    crumb_parent = "national_learning:review_list"

    def call_service(self, data):
        return services.review_log(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"{record.title} added to the log."


class ReviewFormView(ReviewMixin, ServiceFormView):
    def page_context(self):
        return {"caption": self.get_object().title}


class ReviewEditView(ReviewFormView):
    permission_required = "national_learning.record"
    form_class = ReviewForm
    heading = "Change the entry"
    success_text = "The entry has been changed."

    def initial(self):
        review = self.get_object()
        fields = ("kind", "title", "publisher", "published_on", "link", "summary")
        return {field: getattr(review, field) for field in fields} | {
            "themes": list(review.themes.all())
        }

    def call_service(self, data):
        services.review_update(review=self.get_object(), **data)


class DecisionView(ReviewFormView):
    permission_required = "national_learning.record"
    form_class = DecisionForm
    heading = "Record what the partnership decided"
    success_text = "Decision recorded."

    def initial(self):
        review = self.get_object()
        return (
            {"decision": review.decision, "decided_on": review.decided_on}
            if review.decision
            else {}
        )

    def call_service(self, data):
        services.review_decide(review=self.get_object(), **data)


class RecommendationAddView(ReviewFormView):
    permission_required = "national_learning.record"
    form_class = RecommendationForm
    heading = "Add a recommendation"
    success_text = "Recommendation added."

    def call_service(self, data):
        services.recommendation_add(review=self.get_object(), **data)


class RecommendationActionAddView(RecordMixin, ServiceFormView):
    model = Recommendation
    permission_required = "national_learning.record"
    form_class = RecommendationActionForm
    heading = "Add an action"
    success_text = "Action added."

    def get_queryset(self):
        return Recommendation.objects.select_related("review")

    @staticmethod
    def crumb_parent(recommendation: Recommendation):
        return recommendation.review

    def page_context(self):
        return {
            "caption": str(self.get_object()),
            "lead": "The action joins the partnership\u2019s action plan, answering this "
            "recommendation, and carries the themes of the review.",
        }

    def call_service(self, data):
        services.recommendation_add_action(
            recommendation=self.get_object(), created_by=self.request.user, **data
        )

    def success_url(self, record):
        return self.get_object().get_absolute_url()
