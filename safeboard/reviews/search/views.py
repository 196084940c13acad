"""Search the findings and recommendations of every review the user may see."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from ..access import log_view
from .forms import SearchForm
from .selectors import MAX_RESULTS, search_findings


class SearchView(RulePermissionMixin, View):
    permission_required = "reviews.search_findings"

    def get(self, request):
        form = SearchForm(request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        results = search_findings(request.user, query) if query else []
        # A result shows a restricted review's words, so it is a look like any other (0007).
        for review in {result.review.pk: result.review for result in results}.values():
            if not review.is_published:
                log_view(review, request)
        return render(
            request,
            "reviews/lessons/search.html",
            {
                "form": form,
                "query": query,
                "results": results,
                "max_results": MAX_RESULTS,
                "crumbs": [{"text": "Search findings and recommendations"}],
            },
            status=400 if form.errors else 200,
        )
