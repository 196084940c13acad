"""A review's findings and recommendations: the pages that read them and the forms that
change them. Every view goes through ReviewAccessMixin: those who may not see the review get
404, and permitted views of a review not yet published are logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, export_response
from safeboard.core.history import history_entries
from safeboard.core.selectors import shown_page_sections
from safeboard.core.service_views import ServiceFormView

from ..access import ReviewAccessMixin
from ..briefings.selectors import visible_briefings
from ..models import Finding, Recommendation, Review
from . import selectors, services
from .export import COLUMNS as LESSON_COLUMNS
from .export import lesson_rows
from .forms import (
    ConfirmDeleteForm,
    FindingForm,
    RecommendationActionsForm,
    RecommendationForm,
)

READ = "reviews.view_review"
WORK = "reviews.work_on_review"


def review_crumbs(review: Review) -> list[dict]:
    return [
        {"text": "Case reviews", "href": reverse("reviews:list")},
        {"text": review.reference, "href": review.get_absolute_url()},
    ]


def findings_url(review: Review) -> str:
    return reverse("reviews:findings", kwargs={"pk": review.pk})


def recommendations_url(review: Review) -> str:
    return reverse("reviews:recommendations", kwargs={"pk": review.pk})


class FindingsView(ReviewAccessMixin, View):
    permission_required = READ

    def get(self, request, pk):
        review = self.get_review()
        user = request.user
        return render(
            request,
            "reviews/lessons/findings.html",
            {
                "review": review,
                "findings": selectors.review_findings(review=review),
                "briefings": list(visible_briefings(user).filter(review=review)),
                "can_work": user.has_perm(WORK, review),
                "can_see_themes": user.has_perm("themes.list_themes"),
                "crumbs": [*review_crumbs(review), {"text": "Findings"}],
            },
        )


class RecommendationsView(ReviewAccessMixin, View):
    permission_required = READ

    def get(self, request, pk):
        review = self.get_review()
        recommendations = selectors.review_recommendations(review=review)
        return render(
            request,
            "reviews/lessons/recommendations.html",
            {
                "review": review,
                "rows": selectors.recommendation_rows(recommendations=recommendations),
                "progress": selectors.action_plan_progress(recommendations=recommendations),
                "can_work": request.user.has_perm(WORK, review),
                "sections": shown_page_sections(
                    page="review_recommendations", record=review, user=request.user
                ),
                "crumbs": [*review_crumbs(review), {"text": "Recommendations"}],
            },
        )


class LessonsExportView(ReviewAccessMixin, View):
    """The findings, recommendations and action plan as CSV or Excel."""

    permission_required = READ

    def get(self, request, pk):
        review = self.get_review()
        file_format = request.GET.get("format", "csv")
        if file_format not in EXPORT_FORMATS:
            return HttpResponseBadRequest("Ask for format=csv or format=xlsx.")
        return export_response(
            rows=lesson_rows(review),
            columns=LESSON_COLUMNS,
            file_format=file_format,
            filename=f"{review.reference}-findings-recommendations-actions",
        )


class LessonFormView(ReviewAccessMixin, ServiceFormView):
    """A form about a review's findings or recommendations, for those who work on it."""

    permission_required = WORK
    back_text = ""

    def back_url(self) -> str:
        raise NotImplementedError

    def success_url(self, record):
        return self.back_url()

    def crumbs(self):
        return [
            *review_crumbs(self.get_review()),
            {"text": self.back_text, "href": self.back_url()},
        ]

    def page_context(self):
        return {"caption": str(self.get_review())}


class FindingFormView(LessonFormView):
    form_class: type = FindingForm
    back_text = "Findings"

    def back_url(self):
        return findings_url(self.get_review())

    def get_finding(self) -> Finding:
        return get_object_or_404(self.get_review().findings, pk=self.kwargs["finding_pk"])


class FindingCreateView(FindingFormView):
    heading = "Add a finding"
    success_text = "The finding has been added."

    def call_service(self, data):
        return services.finding_create(review=self.get_review(), **data)

    def success_url(self, record):
        return record.get_absolute_url()


class FindingEditView(FindingFormView):
    heading = "Change the finding"
    success_text = "The finding has been changed."

    def initial(self):
        return FindingForm.initial_for(self.get_finding())

    def form_kwargs(self):
        return {"finding": self.get_finding()}

    def call_service(self, data):
        return services.finding_update(finding=self.get_finding(), **data)

    def success_url(self, record):
        return record.get_absolute_url()


class FindingDeleteView(FindingFormView):
    form_class = ConfirmDeleteForm
    heading = "Delete the finding"
    success_text = "The finding has been deleted."

    def form_kwargs(self):
        return {"submit_label": "Delete the finding"}

    def page_context(self):
        finding = self.get_finding()
        linked = ", ".join(str(r.number) for r in finding.recommendations.order_by("number"))
        lead = f"\u201c{finding.title}\u201d will be deleted."
        if linked:
            lead += f" Recommendations linked to it ({linked}) stay, no longer linked to a finding."
        return {**super().page_context(), "lead": lead}

    def call_service(self, data):
        services.finding_delete(finding=self.get_finding())


class FindingMoveView(ReviewAccessMixin, View):
    permission_required = WORK
    http_method_names = ["post"]

    def post(self, request, pk, finding_pk):
        review = self.get_review()
        finding = get_object_or_404(review.findings, pk=finding_pk)
        try:
            services.finding_move(finding=finding, direction=request.POST.get("direction", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(finding.get_absolute_url())


class RecommendationFormView(LessonFormView):
    form_class: type = RecommendationForm
    back_text = "Recommendations"

    def back_url(self):
        return recommendations_url(self.get_review())

    def get_recommendation(self) -> Recommendation:
        return get_object_or_404(
            self.get_review().recommendations, pk=self.kwargs["recommendation_pk"]
        )

    def form_kwargs(self):
        return {"review": self.get_review()}

    def success_url(self, record):
        return record.get_absolute_url() if record else self.back_url()


class RecommendationCreateView(RecommendationFormView):
    heading = "Add a recommendation"
    success_text = "The recommendation has been added."

    def initial(self):
        review = self.get_review()
        initial = {"number": services.next_recommendation_number(review)}
        finding = review.findings.filter(pk=self.request.GET.get("finding") or 0).first()
        if finding is not None:
            initial["finding"] = finding
        return initial

    def call_service(self, data):
        return services.recommendation_create(review=self.get_review(), **data)


class RecommendationEditView(RecommendationFormView):
    heading = "Change the recommendation"
    success_text = "The recommendation has been changed."

    def initial(self):
        return RecommendationForm.initial_for(self.get_recommendation())

    def form_kwargs(self):
        return {**super().form_kwargs(), "recommendation": self.get_recommendation()}

    def call_service(self, data):
        return services.recommendation_update(recommendation=self.get_recommendation(), **data)


class RecommendationDeleteView(RecommendationFormView):
    form_class = ConfirmDeleteForm
    heading = "Delete the recommendation"
    success_text = "The recommendation has been deleted."

    def form_kwargs(self):
        return {"submit_label": "Delete the recommendation"}

    def page_context(self):
        recommendation = self.get_recommendation()
        return {
            **super().page_context(),
            "lead": f"Recommendation {recommendation.number} will be deleted: "
            f"\u201c{recommendation.text}\u201d",
        }

    def call_service(self, data):
        services.recommendation_delete(recommendation=self.get_recommendation())


class RecommendationActionsView(RecommendationFormView):
    """One action on the spine for each named agency that has none from it yet."""

    form_class = RecommendationActionsForm
    heading = "Create the actions"
    success_text = "The actions have been added to the action plan."

    def agencies(self):
        if not hasattr(self, "_agencies"):
            self._agencies = services.agencies_awaiting_actions(self.get_recommendation())
        return self._agencies

    def form_kwargs(self):
        return {"recommendation": self.get_recommendation(), "agencies": self.agencies()}

    def get(self, request, **kwargs):
        if not self.agencies():
            messages.warning(request, services.NO_AGENCY_WITHOUT_ACTION)
            return redirect(self.get_recommendation().get_absolute_url())
        return super().get(request, **kwargs)

    def page_context(self):
        recommendation = self.get_recommendation()
        return {
            **super().page_context(),
            "lead": f"Recommendation {recommendation.number}: {recommendation.text} Each "
            "agency below gets an action on the action plan; its owner sees it on their "
            "home page.",
        }

    def call_service(self, data):
        recommendation = self.get_recommendation()
        services.recommendation_create_actions(
            recommendation=recommendation,
            created_by=self.request.user,
            **RecommendationActionsForm.service_arguments(data, self.agencies()),
        )
        return recommendation


class LessonHistoryView(ReviewAccessMixin, View):
    """The History tab of a finding or recommendation, behind the review's own gate (the
    shared History page answers 403, which would tell an outsider the review exists)."""

    permission_required = WORK
    model: type[Finding] | type[Recommendation]
    url_kwarg = ""

    def get(self, request, pk, **kwargs):
        review = self.get_review()
        record = get_object_or_404(self.model, review=review, pk=kwargs[self.url_kwarg])
        return render(
            request,
            "core/history.html",
            {
                "record": record,
                "entries": history_entries(record),
                "model_name": self.model._meta.verbose_name,
                "crumbs": [*review_crumbs(review), {"text": f"History of {record}"}],
            },
        )


class FindingHistoryView(LessonHistoryView):
    model = Finding
    url_kwarg = "finding_pk"


class RecommendationHistoryView(LessonHistoryView):
    model = Recommendation
    url_kwarg = "recommendation_pk"
