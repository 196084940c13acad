"""The access log: every look at a review before publication, for the business manager."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from ..cases.mixins import list_crumb
from . import selectors
from .forms import AccessLogFilterForm

PAGE_SIZE = 50


class AccessLogView(RulePermissionMixin, View):
    permission_required = "reviews.view_access_log"

    def get(self, request):
        filter_form = AccessLogFilterForm(request.GET or None, reviews=selectors.logged_reviews())
        review = None
        if filter_form.is_valid():
            review = filter_form.cleaned_data["review"]
        entries = selectors.access_log(review_id=review.pk if review else None)
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "reviews/access_log.html",
            {
                "page": page,
                "filter_form": filter_form,
                "review": review,
                "query": query.urlencode(),
                "crumbs": [list_crumb(), {"text": "Access log"}],
            },
            status=400 if filter_form.errors else 200,
        )
