"""What children said as the start of a chain of learning (core/extension_points.py,
`ChainSource`): each view coded to the theme, with the action its response led to. A view
asks for no set next step (a response may change a policy rather than raise an action), so
no link is counted as a gap. Readers without access to the voice record are told how many
views are left out, never what they say."""

from __future__ import annotations

from collections.abc import Iterable

from safeboard.accounts.models import User
from safeboard.core.extension_points import ChainLink, ChainLinks, ChainStep
from safeboard.themes.models import Theme

from .models import Contribution

KIND = "What children and young people said"
HIDDEN_REASON = "from children and young people, which you do not have access to"


def _step(contribution: Contribution) -> ChainStep:
    return ChainStep(
        kind=KIND,
        label=str(contribution),
        url=contribution.get_absolute_url(),
        text=contribution.text,
        where=f"{contribution.activity.title} ({contribution.activity.get_kind_display()})",
        record=contribution,
    )


def voice_chain_links(*, themes: Iterable[Theme] | None, user: User | None) -> ChainLinks:
    """One link per view coded to `themes` (every view when None), newest first. Two
    queries."""
    contributions = Contribution.objects.all()
    if themes is not None:
        tagged = Contribution.objects.filter(themes__in=list(themes)).values("pk")
        contributions = contributions.filter(pk__in=tagged)
    if user is not None and not user.has_perm("voice.view"):
        return ChainLinks(links=[], hidden=contributions.count(), hidden_reason=HIDDEN_REASON)
    found = contributions.select_related("activity", "response__action").order_by(
        "-activity__held_on", "activity_id", "id"
    )
    links = []
    for contribution in found:
        response = getattr(contribution, "response", None)
        action = response.action if response is not None else None
        links.append(ChainLink(_step(contribution), None, (action,) if action else ()))
    return ChainLinks(links=links)
