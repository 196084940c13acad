"""Links of a chain of learning for a source whose findings lead to recommendations (a case
review, the child death overview panel, national learning): shared so that each source only
reads its records and names its steps (core/extension_points.py, `ChainSource`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .extension_points import RECOMMENDATION, ChainLink, ChainStep


def recommendation_links(
    findings: Iterable[Any],
    recommendations_of: Mapping[Any, Sequence[Any]],
    actions_of: Mapping[int, Sequence[Any]],
    *,
    finding_step: Callable[[Any], ChainStep],
    recommendation_step: Callable[[Any], ChainStep],
) -> list[ChainLink]:
    """One link per recommendation of each finding, in the findings' order, with the actions
    answering it; a finding with no recommendation is still one link, asking for one."""
    links = []
    for finding in findings:
        step = finding_step(finding)
        made = recommendations_of.get(finding.pk, ())
        if not made:
            links.append(ChainLink(step, None, (), RECOMMENDATION))
        for recommendation in made:
            actions = tuple(actions_of.get(recommendation.pk, ()))
            links.append(
                ChainLink(step, recommendation_step(recommendation), actions, RECOMMENDATION)
            )
    return links
