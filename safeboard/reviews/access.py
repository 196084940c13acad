"""Every page of a case review goes through one gate.

A user who may not see the review gets 404, as if it did not exist: a 403 would tell them
there is a confidential review with that number. Each permitted request for a review that is
not published is written to the review's view log, which the business manager can read.
"""

from __future__ import annotations

from django.db.models import Model
from django.http import Http404
from django.shortcuts import get_object_or_404

from safeboard.core.views_mixins import RulePermissionMixin

from .models import Review, ReviewViewLog

NOT_FOUND = "No review could be found."


class ReviewAccessMixin(RulePermissionMixin):
    """For views of one review. By default the review is the URL's `pk`; views of a record
    inside a review (a finding, a briefing) override `get_review`. The default rule is
    `reviews.work_on_review` (team, business manager, chair); pages of a published review that
    every signed-in user may read set `permission_required = "reviews.view_review"`."""

    permission_required = "reviews.work_on_review"

    def get_review(self) -> Review:
        if not hasattr(self, "_review"):
            self._review = get_object_or_404(Review, pk=self.kwargs["pk"])
        return self._review

    def get_permission_object(self) -> Model:
        """What the rule is checked against: the review, unless a view names another record."""
        return self.get_review()

    def has_permission(self) -> bool:
        allowed = super().has_permission()
        review = self.get_review()
        if allowed and not review.is_published:
            log_view(review, self.request)
        return allowed

    def handle_no_permission(self):
        raise Http404(NOT_FOUND)


def log_view(review: Review, request) -> None:
    ReviewViewLog.objects.create(
        review=review, user=request.user, path=request.get_full_path()[:300]
    )
