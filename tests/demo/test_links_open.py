"""Every link a reader or a practitioner is shown on the demo opens for them: none answers 403.

The walk starts at the home page and follows the site's own links, visiting a few pages of
each kind (the first pages of each URL pattern it meets), and opens every link those pages
show. A page that lists records a user may not open shows their names without a link.
"""

from __future__ import annotations

import re
from collections import Counter, deque

import pytest
from django.urls import Resolver404, resolve

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from tests.conftest import signed_in_client

PAGES_PER_KIND = 2  # pages visited for each URL pattern
LINKS_PER_KIND = 30  # links opened for each URL pattern: enough to meet each agency's records
MOST_PAGES = 250
HREF = re.compile(r'href="(/[^"#]*)')
NOT_PAGES = ("/static/", "/media/", "/logout", "/accounts/logout")


def _kind(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        href = href.replace("&amp;", "&")
        if href.startswith(NOT_PAGES) or "format=" in href or "download" in href:
            continue
        links.add(href)
    return links


def _refused_links(user: User) -> list[str]:
    client = signed_in_client(user)
    visited: Counter[str] = Counter()
    opened: Counter[str] = Counter()
    status: dict[str, int] = {}
    refused = []
    queue = deque(["/"])
    pages = 0
    while queue and pages < MOST_PAGES:
        path = queue.popleft()
        kind = _kind(path.split("?")[0])
        if kind is None or visited[kind] >= PAGES_PER_KIND:
            continue
        visited[kind] += 1
        response = client.get(path)
        pages += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in sorted(_links(response.content.decode())):
            link_kind = _kind(link.split("?")[0])
            if link not in status and opened[link_kind] < LINKS_PER_KIND:
                opened[link_kind] += 1
                status[link] = client.get(link).status_code
            if status.get(link) == 403:
                refused.append(f"{path} links {link}")
            queue.append(link)
    return refused


@pytest.mark.parametrize("role", [Role.READER, Role.PRACTITIONER])
def test_no_link_shown_on_the_demo_answers_403(demo_db, role):
    user = User.objects.filter(role_assignments__role=role, is_active=True).order_by("pk").first()
    assert user is not None
    refused = _refused_links(user)
    assert refused == [], "\n".join(refused)
