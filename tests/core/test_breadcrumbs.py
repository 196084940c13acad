"""Breadcrumbs are walked up from each page's declared parent."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.priorities.factories import PriorityFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


def _trail(response) -> list[tuple[str, str | None]]:
    """Each crumb's text and link (None for the page itself)."""
    nav = response.content.decode().split('<nav class="govuk-breadcrumbs"', 1)[1]
    nav = nav.split("</nav>", 1)[0]
    crumbs = []
    for item in re.findall(r'<li class="govuk-breadcrumbs__list-item"[^>]*>(.*?)</li>', nav):
        link = re.match(r'<a class="govuk-breadcrumbs__link" href="([^"]+)">(.*)</a>', item)
        crumbs.append(
            (html.unescape(link.group(2)), link.group(1)) if link else (html.unescape(item), None)
        )
    return crumbs


def test_a_priority_page_walks_up_to_its_plan_and_the_plans(cast):
    priority = PriorityFactory()
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])

    response = manager.get(priority.get_absolute_url())

    assert _trail(response) == [
        ("Business plans", reverse("priorities:plan_list")),
        (priority.plan.title, priority.plan.get_absolute_url()),
        (f"Priority {priority.number}", None),
    ]


def test_a_form_on_a_priority_links_the_priority_and_names_itself_last(cast):
    priority = PriorityFactory()
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])

    response = manager.get(reverse("priorities:edit", args=[priority.pk]))

    trail = _trail(response)
    assert trail[-2] == (f"Priority {priority.number}", priority.get_absolute_url())
    assert trail[-1][1] is None
    assert [text for text, _ in trail[:2]] == ["Business plans", priority.plan.title]


def _class_views(patterns, prefix=""):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _class_views(pattern.url_patterns, namespace)
        elif getattr(pattern.callback, "view_class", None) is not None:
            yield f"{prefix}{pattern.name}", pattern.callback.view_class


def test_every_page_named_as_a_parent_has_a_title():
    from django.urls import get_resolver

    from safeboard.core.breadcrumbs import _inherited

    views = dict(_class_views(get_resolver().url_patterns))
    for name, view_class in views.items():
        parent = _inherited(view_class, "crumb_parent")
        if isinstance(parent, str):
            assert parent in views, f"{name} names {parent}, which is not a page"
            assert _inherited(views[parent], "crumb_title"), f"{parent} has no crumb_title"
