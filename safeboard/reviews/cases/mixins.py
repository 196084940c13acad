"""What every page of one review shares: the gate (404 for those refused, each look logged),
the review the form works on, and the refusal of a form the review's state does not allow."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse

from safeboard.core.service_views import ServiceFormView

from ..access import ReviewAccessMixin
from ..models import Review

FORM_TEMPLATE = "reviews/review_form.html"


def list_crumb() -> dict:
    return {"text": "Case reviews", "href": reverse("reviews:list")}


class ReviewMixin(ReviewAccessMixin):
    """The review named by the URL's `pk`, with its edition, behind the review's gate."""

    def get_review(self) -> Review:
        if not hasattr(self, "_review"):
            self._review = get_object_or_404(
                Review.objects.select_related("edition"), pk=self.kwargs["pk"]
            )
        return self._review

    def get_object(self) -> Review:
        return self.get_review()

    def crumbs(self) -> list[dict]:
        review = self.get_review()
        return [list_crumb(), {"text": review.reference, "href": review.get_absolute_url()}]


class ReviewFormView(ReviewMixin, ServiceFormView):
    """A form on one review that calls one service, then goes back to the review's page.

    Where the review's state forbids the action, `refusal()` gives the reason (lifecycle.py):
    a GET then shows it as the service's refusal of a POST shows, in the error summary with
    status 400, so nobody fills in a form that cannot be saved."""

    template_name = FORM_TEMPLATE
    intro = ""
    multipart = False

    def refusal(self) -> str | None:
        return None

    def get(self, request, **kwargs):
        refusal = self.refusal()
        if refusal is None:
            return super().get(request, **kwargs)
        form = self.get_form()
        form.cleaned_data = {}  # an unbound form takes an error once it has cleaned data
        form.add_error(None, refusal)
        return self.show(form, status=400)

    def page_context(self) -> dict:
        return {"review": self.get_review(), "intro": self.intro, "multipart": self.multipart}

    def success_url(self, record) -> str:
        return self.get_review().get_absolute_url()
