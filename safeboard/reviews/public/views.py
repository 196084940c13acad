"""The public pages of case reviews, read without signing in: the published reviews with
their final reports, and the learning briefings marked public. Each view is exempt from the
sign-in requirement (LoginRequiredMiddleware) by Django's `login_not_required`, and shows
published records only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from . import selectors


@method_decorator(login_not_required, name="dispatch")
class PublishedReviewsView(View):
    def get(self, request):
        return render(
            request,
            "reviews/public/reviews.html",
            {
                "reviews": selectors.published_reviews(),
                "theme_briefings": list(selectors.public_briefings().filter(review__isnull=True)),
            },
        )


@method_decorator(login_not_required, name="dispatch")
class PublishedReportView(View):
    def get(self, request, pk, document_pk):
        document = selectors.published_final_report(pk, document_pk)
        if document is None:
            raise Http404("No published report could be found.")
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


@method_decorator(login_not_required, name="dispatch")
class PublicBriefingView(View):
    def get(self, request, pk):
        briefing = selectors.public_briefings().filter(pk=pk).first()
        if briefing is None:
            raise Http404("No public briefing could be found.")
        return render(request, "reviews/public/briefing.html", {"briefing": briefing})
