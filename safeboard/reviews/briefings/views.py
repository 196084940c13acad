"""Learning briefings: the list everyone reads, a briefing's page and PDF, and the forms that
write and share them. A briefing of a review goes through the review's gate: outside its team
it does not exist until the review is published and the briefing shared."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.history import history_entries
from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.themes.models import Theme

from ..access import ReviewAccessMixin, log_view
from ..findings.views import review_crumbs
from ..models import Briefing
from . import services
from .forms import BriefingForm, ShareForm, ThemeBriefingForm
from .pdf import briefing_context, briefing_pdf_response
from .selectors import briefing_list

PAGE_SIZE = 30
KINDS = {"review": "Briefings from case reviews", "theme": "Briefings on a theme"}


def list_crumb() -> dict:
    return {"text": "Learning briefings", "href": reverse("reviews:briefing_list")}


class BriefingListView(RulePermissionMixin, View):
    permission_required = "reviews.list_briefings"

    def get(self, request):
        kind = request.GET.get("kind", "")
        if kind not in KINDS:
            kind = ""
        page = Paginator(briefing_list(user=request.user, kind=kind), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "reviews/lessons/briefing_list.html",
            {
                "page": page,
                "kind": kind,
                "kinds": KINDS,
                "kind_label": KINDS.get(kind, "All briefings"),
                "query": f"kind={kind}" if kind else "",
                "can_write_theme_briefing": request.user.has_perm("reviews.write_theme_briefing"),
                "crumbs": [{"text": "Learning briefings"}],
            },
        )


class BriefingAccessMixin(ReviewAccessMixin):
    """The briefing named by the URL's pk, checked with a briefing rule. Whoever is refused
    gets 404; a permitted view of a briefing of an unpublished review is logged against it."""

    permission_required = "reviews.view_briefing"

    def get_briefing(self) -> Briefing:
        if not hasattr(self, "_briefing"):
            self._briefing = get_object_or_404(
                Briefing.objects.select_related("review", "theme"), pk=self.kwargs["pk"]
            )
        return self._briefing

    def get_review(self):
        return self.get_briefing().review

    def get_permission_object(self) -> Briefing:
        return self.get_briefing()

    def has_permission(self) -> bool:
        allowed = RulePermissionMixin.has_permission(self)
        review = self.get_review()
        if allowed and review is not None and not review.is_published:
            log_view(review, self.request)
        return allowed

    def briefing_crumbs(self) -> list[dict]:
        briefing = self.get_briefing()
        return [list_crumb(), {"text": briefing.title, "href": briefing.get_absolute_url()}]


class BriefingDetailView(BriefingAccessMixin, View):
    def get(self, request, pk):
        briefing = self.get_briefing()
        user = request.user
        return render(
            request,
            "reviews/lessons/briefing_detail.html",
            {
                **briefing_context(briefing),
                "can_change": user.has_perm("reviews.change_briefing", briefing),
                "can_see_review": briefing.review is not None
                and user.has_perm("reviews.view_review", briefing.review),
                "can_see_themes": user.has_perm("themes.list_themes"),
                "crumbs": [list_crumb(), {"text": briefing.title}],
            },
        )


class BriefingPdfView(BriefingAccessMixin, View):
    def get(self, request, pk):
        return briefing_pdf_response(self.get_briefing(), request=request)


class ReviewBriefingCreateView(ReviewAccessMixin, ServiceFormView):
    permission_required = "reviews.work_on_review"
    form_class = BriefingForm
    heading = "Write a learning briefing"
    success_text = "The briefing has been saved. Share it with practitioners when it is ready."

    def call_service(self, data):
        return services.briefing_create(review=self.get_review(), **data)

    def crumbs(self):
        review = self.get_review()
        return [
            *review_crumbs(review),
            {"text": "Findings", "href": reverse("reviews:findings", kwargs={"pk": review.pk})},
        ]

    def page_context(self):
        return {
            "caption": str(self.get_review()),
            "lead": "One page for practitioners: keep each part short.",
        }


class ThemeBriefingCreateView(ServiceFormView):
    permission_required = "reviews.write_theme_briefing"
    form_class = ThemeBriefingForm
    heading = "Write a briefing on a theme"
    success_text = "The briefing has been saved. Share it with practitioners when it is ready."

    def initial(self):
        theme = Theme.objects.filter(is_active=True, slug=self.request.GET.get("theme", "")).first()
        return {"theme": theme} if theme else {}

    def call_service(self, data):
        return services.briefing_create(**data)

    def crumbs(self):
        return [list_crumb()]

    def page_context(self):
        return {
            "lead": "What several reviews, audits or courses taught about one theme, on one page."
        }


class BriefingFormView(BriefingAccessMixin, ServiceFormView):
    permission_required = "reviews.change_briefing"

    def get_object(self):
        return self.get_briefing()

    def crumbs(self):
        return self.briefing_crumbs()

    def page_context(self):
        return {"caption": self.get_briefing().title}


class BriefingEditView(BriefingFormView):
    form_class = BriefingForm
    heading = "Change the briefing"
    success_text = "The briefing has been changed."

    def initial(self):
        return BriefingForm.initial_for(self.get_briefing())

    def call_service(self, data):
        services.briefing_update(briefing=self.get_briefing(), **data)


class BriefingShareView(BriefingFormView):
    form_class = ShareForm
    heading = "Share with practitioners"
    success_text = "The briefing is marked as shared with practitioners."

    def initial(self):
        shared_on = self.get_briefing().shared_on
        return {"shared_on": shared_on} if shared_on else {}

    def page_context(self):
        review = self.get_review()
        lead = "Every practitioner signed in to SafeBoard can then read it and print it."
        if review is not None and not review.is_published:
            lead = (
                "The review is not published yet: practitioners will see the briefing once "
                "it is, and until then only the review team, the business manager and the "
                "chair can read it."
            )
        return {**super().page_context(), "lead": lead}

    def call_service(self, data):
        services.briefing_share(briefing=self.get_briefing(), **data)


class BriefingWithdrawView(BriefingAccessMixin, View):
    permission_required = "reviews.change_briefing"
    http_method_names = ["post"]

    def post(self, request, pk):
        briefing = services.briefing_withdraw(briefing=self.get_briefing())
        messages.success(request, "The briefing is withdrawn from practitioners.")
        return redirect(briefing)


class BriefingHistoryView(BriefingAccessMixin, View):
    permission_required = "reviews.change_briefing"

    def get(self, request, pk):
        briefing = self.get_briefing()
        return render(
            request,
            "core/history.html",
            {
                "record": briefing,
                "entries": history_entries(briefing),
                "model_name": "learning briefing",
                "crumbs": [*self.briefing_crumbs(), {"text": "History"}],
            },
        )
