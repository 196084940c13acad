"""National reviews and reports as the start of a chain of learning (core/extension_points.py,
`ChainSource`): each review with the recommendations the partnership made because of it and
the actions answering them. Readers without access are told how many are left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from safeboard.accounts.models import User
from safeboard.actions.selectors import actions_answering
from safeboard.core.chains import recommendation_links
from safeboard.core.extension_points import ChainLinks, ChainStep
from safeboard.themes.models import Theme

from .models import NationalReview, Recommendation

FINDING_KIND = "National review or report"
RECOMMENDATION_KIND = "Recommendation from national learning"
HIDDEN_REASON = "from national reviews, which you do not have access to"


def _finding_step(review: NationalReview) -> ChainStep:
    return ChainStep(
        kind=FINDING_KIND,
        label=review.title,
        url=review.get_absolute_url(),
        text=review.summary,
        where=f"{review.get_kind_display()}, {review.publisher}",
        record=review,
    )


def _recommendation_step(recommendation: Recommendation) -> ChainStep:
    return ChainStep(
        kind=RECOMMENDATION_KIND,
        label=str(recommendation),
        url=recommendation.get_absolute_url(),
        text=recommendation.text,
        where="National learning",
        record=recommendation,
    )


def national_chain_links(*, themes: Iterable[Theme] | None, user: User | None) -> ChainLinks:
    """One link per recommendation of each review tagged with `themes` (one for a review
    without any), newest first. Three queries."""
    findings = NationalReview.objects.all()
    if themes is not None:
        findings = findings.filter(
            pk__in=NationalReview.objects.filter(themes__in=list(themes)).values("pk")
        )
    if user is not None and not user.has_perm("national_learning.view"):
        return ChainLinks(links=[], hidden=findings.count(), hidden_reason=HIDDEN_REASON)
    found = list(findings.order_by("-published_on", "-id"))
    asked = list(
        Recommendation.objects.filter(review__in=[f.pk for f in found]).order_by("made_on", "id")
    )
    actions = actions_answering(asked)
    read = {finding.pk: finding for finding in found}
    by_finding: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in asked:
        recommendation.review = read[recommendation.review_id]  # no query for its page's address
        by_finding[recommendation.review_id].append(recommendation)
    links = recommendation_links(
        found,
        by_finding,
        actions,
        finding_step=_finding_step,
        recommendation_step=_recommendation_step,
    )
    return ChainLinks(links=links)
