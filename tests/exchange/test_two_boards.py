"""Two SafeBoard installations on loopback, each with its own database.

The publishing board runs as it runs for real (tests/production/server.py: production
settings, a fresh database, `safeboard setup`, gunicorn): its learning is recorded in its own
process, and its business manager shares it on its sharing page. The subscribing board is this
test's own database: its business manager subscribes to the publisher's feed address, the
daily step pulls it through the real client (HTTPS-only outside the loopback, timeouts, a
byte cap), the findings appear in search and on the theme's page as another board's, and a
second pull adds nothing. The feed answers a conditional request with 304.

Marked `production` (it starts gunicorn): CI runs it in `pytest -m production`, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html  # type: ignore[import-untyped]  # no stubs installed
import pytest
import requests
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.exchange import services
from safeboard.exchange.models import ImportedItem, Pull, Subscription
from safeboard.themes.models import Theme
from tests.conftest import signed_in_client
from tests.production.client import SiteClient
from tests.production.server import (
    MANAGER_EMAIL,
    MANAGER_PASSWORD,
    PROJECT_DIR,
    ProductionSite,
    fresh_database,
)

# Installing the publisher (migrate, collectstatic, setup) takes minutes on a busy machine; the
# first test pays for it.
pytestmark = [pytest.mark.production, pytest.mark.timeout(1200)]

PUBLISHER = "Southshire Safeguarding Children Partnership"


@dataclass(frozen=True)
class Publisher:
    site: ProductionSite
    base_url: str
    theme_slug: str
    titles: list[str]

    @property
    def feed_url(self) -> str:
        return self.base_url + "/exchange/feed/"


def _share_on_the_sharing_page(base_url: str, finding_pks: list[int]) -> None:
    """The publisher's business manager signs in (enrolling a second factor) and presses
    Share beside each finding on the sharing page."""
    manager = SiteClient(base_url)
    page = manager.sign_in(MANAGER_EMAIL, MANAGER_PASSWORD)
    home, _ = manager.pass_second_factor(page)
    assert home.status == 200, home.text[:2000]
    sharing = manager.get("/exchange/")
    assert sharing.status == 200, sharing.text[:2000]
    actions = set(sharing.document().xpath("//form/@action"))
    for pk in finding_pks:
        action = f"/exchange/share/reviews.finding/{pk}/"
        assert action in actions, sorted(actions)
        shared = manager.post_form(action, {})
        assert shared.status == 200
        assert "Marked shareable with other boards." in shared.text


@pytest.fixture(scope="module")
def publisher(tmp_path_factory) -> Iterator[Publisher]:
    workdir = tmp_path_factory.mktemp("publishing-board")
    with fresh_database(os.environ.get("DATABASE_URL"), workdir) as database_url:
        site = ProductionSite(
            workdir=workdir,
            database_url=database_url,
            extra_env={
                # This checkout's code (and tests/exchange/publishing_board.py) in every
                # process of the publisher, whatever the environment has installed.
                "PYTHONPATH": str(PROJECT_DIR),
                "SAFEBOARD_BOARD_ID": "southshire",
                "SAFEBOARD_BOARD_NAME": PUBLISHER,
            },
        )
        try:
            site.install()
            made = json.loads(
                site.command(
                    "shell",
                    "-c",
                    "from tests.exchange.publishing_board import record_learning; "
                    f"record_learning({MANAGER_EMAIL!r})",
                )
                .strip()
                .splitlines()[-1]
            )
            # The subscriber reaches gunicorn directly, not through the TLS-ending proxy that
            # would add X-Forwarded-Proto, so the redirect to HTTPS is left to that proxy.
            base_url = site.start_web(SECURE_SSL_REDIRECT="false")
            _share_on_the_sharing_page(base_url, [finding["pk"] for finding in made["findings"]])
            yield Publisher(
                site=site,
                base_url=base_url,
                theme_slug=made["theme"],
                titles=[finding["title"] for finding in made["findings"]],
            )
        finally:
            site.stop()


def _table_rows(html: bytes, caption: str) -> list[str]:
    document = lxml.html.fromstring(html)
    tables = document.xpath(f"//table[caption[normalize-space()={caption!r}]]")
    assert tables, f"no table captioned {caption!r}"
    return [" ".join(row.text_content().split()) for row in tables[0].xpath(".//tbody/tr")]


def test_a_board_subscribes_to_a_neighbours_feed_and_pulls_it_once(publisher, cast):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    subscribed = manager.post(
        reverse("exchange:subscribe"),
        {"board_name": PUBLISHER, "feed_url": publisher.feed_url},
    )
    assert subscribed.status_code == 302, subscribed.content.decode()[:2000]
    subscription = Subscription.objects.get(feed_url=publisher.feed_url)

    # The daily step pulls every active subscription through the real client.
    services.pull_due()
    first = subscription.pulls.get()
    assert (first.status, first.error, first.imported, first.skipped) == (
        Pull.Status.SUCCEEDED,
        "",
        2,
        0,
    ), publisher.site.log_of(publisher.base_url)[-3000:]
    imported = ImportedItem.objects.filter(subscription=subscription)
    assert sorted(imported.values_list("title", flat=True)) == sorted(publisher.titles)
    assert {item.source_board for item in imported} == {PUBLISHER}
    assert {item.source_link for item in imported} == {publisher.feed_url}
    assert all(item.item_id.startswith("southshire:finding:") for item in imported)

    # Pulled again (the business manager's button): everything is already held.
    again = manager.post(reverse("exchange:pull", kwargs={"pk": subscription.pk}), follow=True)
    assert "Pulled: 0 new, 2 already held." in again.content.decode()
    second = subscription.pulls.latest("pk")
    assert (second.status, second.imported, second.skipped) == (Pull.Status.SUCCEEDED, 0, 2)
    assert imported.count() == 2

    found = manager.get(reverse("exchange:search"), {"q": "men in the household"})
    rows = _table_rows(found.content, "Learning from other boards")
    assert len(rows) == 1 and "Fathers were not seen" in rows[0] and PUBLISHER in rows[0], rows

    theme = Theme.objects.get(slug=publisher.theme_slug)
    theme_page = manager.get(theme.get_absolute_url())
    assert theme_page.status_code == 200
    page = theme_page.content.decode()
    for title in publisher.titles:
        row = next(
            (
                " ".join(tr.text_content().split())
                for tr in lxml.html.fromstring(theme_page.content).xpath("//tbody/tr")
                if title in tr.text_content()
            ),
            "",
        )
        assert f"Another board {PUBLISHER}" in row, page


def test_the_feed_answers_an_unchanged_request_with_304(publisher):
    feed = requests.get(publisher.feed_url, timeout=10)
    assert feed.status_code == 200
    assert len(feed.json()["items"]) == 2
    etag, last_modified = feed.headers["ETag"], feed.headers["Last-Modified"]

    unchanged = requests.get(publisher.feed_url, headers={"If-None-Match": etag}, timeout=10)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    since = requests.get(
        publisher.feed_url, headers={"If-Modified-Since": last_modified}, timeout=10
    )
    assert since.status_code == 304
    changed = requests.get(publisher.feed_url, headers={"If-None-Match": '"other"'}, timeout=10)
    assert changed.status_code == 200
