"""Sections later modules add to a review's page, such as the training a review led to
(decision 8: the later module registers from its AppConfig.ready; reviews never imports it).

`build(review=, user=)` returns the template's context, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewSection:
    template: str
    build: Callable[..., dict | None]


_sections: list[ReviewSection] = []


def register_review_section(template: str, build: Callable[..., dict | None]) -> None:
    if all(section.template != template for section in _sections):
        _sections.append(ReviewSection(template, build))


def review_sections(*, review, user) -> list[tuple[str, dict]]:
    shown = []
    for section in _sections:
        context = section.build(review=review, user=user)
        if context is not None:
            shown.append((section.template, context))
    return shown
