"""Child death learning as the start of a chain of learning (core/extension_points.py,
`ChainSource`): each finding with the recommendations made because of it and the actions
answering them. Readers without access are told how many findings are left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from safeboard.accounts.models import User
from safeboard.actions.selectors import actions_answering
from safeboard.core.chains import recommendation_links
from safeboard.core.extension_points import ChainLinks, ChainStep
from safeboard.themes.models import Theme

from .models import Finding, Recommendation

FINDING_KIND = "Child death review learning"
RECOMMENDATION_KIND = "Child death review recommendation"
HIDDEN_REASON = "from the child death overview panel, which you do not have access to"


def _finding_step(finding: Finding) -> ChainStep:
    return ChainStep(
        kind=FINDING_KIND,
        label=finding.title,
        url=finding.get_absolute_url(),
        text=finding.text,
        where=f"Child death overview panel, {finding.category.name}",
        record=finding,
    )


def _recommendation_step(recommendation: Recommendation) -> ChainStep:
    return ChainStep(
        kind=RECOMMENDATION_KIND,
        label=str(recommendation),
        url=recommendation.get_absolute_url(),
        text=recommendation.text,
        where="Child death overview panel",
        record=recommendation,
    )


def child_death_chain_links(*, themes: Iterable[Theme] | None, user: User | None) -> ChainLinks:
    """One link per recommendation of each finding tagged with `themes` (one for a finding
    without any), newest first. Three queries."""
    findings = Finding.objects.all()
    if themes is not None:
        findings = findings.filter(
            pk__in=Finding.objects.filter(themes__in=list(themes)).values("pk")
        )
    if user is not None and not user.has_perm("child_deaths.view"):
        return ChainLinks(links=[], hidden=findings.count(), hidden_reason=HIDDEN_REASON)
    found = list(findings.select_related("category").order_by("-agreed_on", "-id"))
    asked = list(
        Recommendation.objects.filter(finding__in=[f.pk for f in found]).order_by("made_on", "id")
    )
    actions = actions_answering(asked)
    read = {finding.pk: finding for finding in found}
    by_finding: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in asked:
        recommendation.finding = read[recommendation.finding_id]  # no query for its page's address
        by_finding[recommendation.finding_id].append(recommendation)
    links = recommendation_links(
        found,
        by_finding,
        actions,
        finding_step=_finding_step,
        recommendation_step=_recommendation_step,
    )
    return ChainLinks(links=links)
