"""Pages in one process, DEBUG off, one person: the layout against a redirect, and every main
list and detail page against the layout.

(a) The layout-only page (`/accessibility/`, signed in) against an anonymous request for a
    page that redirects to sign-in: both go through the whole middleware, so the ratio is the
    price of rendering the GOV.UK layout (goal <= 25x).
(b) Each main list page, and a couple of detail pages linked from it, against the layout-only
    page: the price of the page's own queries and markup (goal <= 3x).
(c) The home page against the layout-only page, with the number of panels it showed. It is
    neither a list nor a detail page but a dashboard, each of its panels a short list of
    its own module (the person's actions, the case review steps due, the Section 11 return,
    ...), so it is printed with its panel count and held to no goal of its own.
Medians of SAFEBOARD_BENCH_PAGE_RUNS requests each (default 21), after one warm-up request. Each
page's requests alternate with the layout-only page's, and its ratio is against the layout's
median over those same moments: a machine busier in one part of the run than another moves
both sides of each ratio alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from .timing import Result, median_seconds, medians_in_turn

RUNS = int(os.environ.get("SAFEBOARD_BENCH_PAGE_RUNS") or 21)
LAYOUT_PAGE = "/accessibility/"
REDIRECTING_PAGE = "/actions/"
LAYOUT_GOAL = 25.0
PAGE_GOAL = 3.0
HOST = "localhost"
_HREF = re.compile(r'href="([^"]+)"')


def signed_in_client(email: str):
    """A test client signed in as the demo person with `email`, past any second factor."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from safeboard.accounts.models import User

    user = User.objects.get(email=email)
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    if user.requires_two_factor:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="bench", defaults={"confirmed": True}
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def main_pages(client) -> list[str]:
    """The main list pages this person may open, and a couple of detail pages from each."""
    from .load import DETAIL, DETAILS_PER_LIST, HOME, LIST_PAGES

    pages = []
    for list_page in LIST_PAGES:
        if list_page == HOME:
            continue
        response = client.get(list_page)
        if response.status_code != 200:
            continue
        pages.append(list_page)
        section = list_page.strip("/").split("/")[0]
        details = [
            href
            for href in dict.fromkeys(_HREF.findall(response.content.decode()))
            if DETAIL.match(href) and href.split("/")[1] == section
        ]
        pages.extend(details[:DETAILS_PER_LIST])
    return list(dict.fromkeys(pages))


def _getter(client, path: str, status: int) -> Callable[[], None]:
    def get() -> None:
        response = client.get(path)
        if response.status_code != status:
            raise AssertionError(f"{path} answered {response.status_code}, not {status}")

    return get


def _timed(client, path: str, status: int) -> float:
    return median_seconds(_getter(client, path, status), RUNS)


def _timed_beside(client, path: str, baseline: str) -> tuple[float, float]:
    """The medians of `path` and of `baseline`, their requests taken in turn."""
    layout, page = medians_in_turn(
        [_getter(client, baseline, 200), _getter(client, path, 200)], RUNS
    )
    return page, layout


def _dashboard(client, email: str) -> Result:
    from django.utils import timezone

    from safeboard.accounts.models import User
    from safeboard.core.selectors import shown_home_panels

    from .load import HOME

    panels = shown_home_panels(user=User.objects.get(email=email), today=timezone.localdate())
    page, layout = _timed_beside(client, HOME, LAYOUT_PAGE)
    return Result(
        f"home dashboard {HOME} ({len(panels)} panels) vs layout-only page; a dashboard, "
        "not a list or detail page: no goal",
        RUNS,
        page,
        layout,
    )


def bench_pages(email: str) -> list[Result]:
    from django.test import Client, override_settings

    with override_settings(DEBUG=False):
        client = signed_in_client(email)
        redirect = _timed(Client(HTTP_HOST=HOST), REDIRECTING_PAGE, 302)
        layout = _timed(client, LAYOUT_PAGE, 200)
        results = [
            Result(
                f"layout-only page {LAYOUT_PAGE} vs anonymous redirect {REDIRECTING_PAGE} "
                f"(DEBUG off); goal <= {LAYOUT_GOAL:.0f}x",
                RUNS,
                layout,
                redirect,
            )
        ]
        results.append(_dashboard(client, email))
        for path in main_pages(client):
            page, layout_beside = _timed_beside(client, path, LAYOUT_PAGE)
            results.append(
                Result(
                    f"page {path} vs layout-only page; goal <= {PAGE_GOAL:.0f}x",
                    RUNS,
                    page,
                    layout_beside,
                )
            )
    return results
