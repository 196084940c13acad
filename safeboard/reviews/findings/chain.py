"""Case review findings as the start of a chain of learning (core/extension_points.py,
`ChainSource`): each finding with the recommendations made because of it and the actions
answering them. A reader sees only the findings of reviews they may open; the others are
counted, never shown (decision 7)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from safeboard.accounts.models import User
from safeboard.actions.selectors import actions_answering
from safeboard.core.chains import recommendation_links
from safeboard.core.extension_points import ChainLink, ChainLinks, ChainStep
from safeboard.themes.models import Theme

from ..cases.selectors import visible_reviews
from ..models import Finding, Recommendation

FINDING_KIND = "Case review finding"
RECOMMENDATION_KIND = "Case review recommendation"
HIDDEN_REASON = "from a review you cannot open"


def _findings(themes: Iterable[Theme] | None) -> QuerySet[Finding]:
    findings = Finding.objects.all()
    if themes is not None:
        # Each finding once, however many of the themes it carries.
        tagged = Finding.objects.filter(themes__in=list(themes)).values("pk")
        findings = findings.filter(pk__in=tagged)
    return findings


def _finding_step(finding: Finding) -> ChainStep:
    return ChainStep(
        kind=FINDING_KIND,
        label=finding.title,
        url=finding.get_absolute_url(),
        text=finding.text,
        where=str(finding.review),
        record=finding,
    )


def _recommendation_step(recommendation: Recommendation) -> ChainStep:
    return ChainStep(
        kind=RECOMMENDATION_KIND,
        label=f"Recommendation {recommendation.number}",
        url=recommendation.get_absolute_url(),
        text=recommendation.text,
        where=str(recommendation.review),
        record=recommendation,
    )


def review_chain_links(*, themes: Iterable[Theme] | None, user: User | None) -> ChainLinks:
    """One link per recommendation of each finding tagged with `themes` (one link for a
    finding without any), newest review first. With `themes` None, every finding, and the
    recommendations that answer no finding as links of their own. Four queries."""
    themes = list(themes) if themes is not None else None
    findings = _findings(themes)
    hidden = 0
    if user is not None:
        readable = visible_reviews(user)
        hidden = findings.exclude(review__in=readable).count()
        findings = findings.filter(review__in=readable)
    found = list(
        findings.select_related("review").order_by(
            "-review__aware_date", "review_id", "position", "id"
        )
    )
    recommendations = Recommendation.objects.select_related("review").order_by("number", "id")
    if themes is None:
        loose = recommendations.filter(finding__isnull=True)
        if user is not None:
            loose = loose.filter(review__in=visible_reviews(user))
        asked = list(recommendations.filter(finding__in=[f.pk for f in found])) + list(loose)
    else:
        asked = list(recommendations.filter(finding__in=[f.pk for f in found]))
    actions = actions_answering(asked)
    by_finding: dict[int | None, list[Recommendation]] = defaultdict(list)
    for recommendation in asked:
        by_finding[recommendation.finding_id].append(recommendation)
    links = recommendation_links(
        found,
        by_finding,
        actions,
        finding_step=_finding_step,
        recommendation_step=_recommendation_step,
    )
    for recommendation in by_finding.get(None, []):
        links.append(
            ChainLink(
                None,
                _recommendation_step(recommendation),
                tuple(actions.get(recommendation.pk, [])),
            )
        )
    return ChainLinks(links=links, hidden=hidden, hidden_reason=HIDDEN_REASON)
