"""Twenty people at once on the production server: gunicorn (three workers), production
settings, the demo partnership, over loopback.

Each simulated person signs in with their own session and walks the main list and detail
pages. The baseline is the same walk by one person alone, in the same run, so the ratio is
what concurrency costs; every answer must be 200 (any other is counted as an error).
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .timing import Result

USERS = 20
ROUNDS = 3
LIST_PAGES = [
    "/",
    "/actions/",
    "/actions/agency/",
    "/actions/all/",
    "/priorities/",
    "/risks/",
    "/challenges/",
    "/reviews/",
    "/meetings/",
    "/scorecard/",
    "/training/",
    "/audits/",
]
DETAIL = re.compile(r"^/(actions|priorities|risks|challenges|reviews|meetings|audits)/\d+/$")
DETAILS_PER_LIST = 2
DEMO_SIGN_IN = "board@demo.safeboard.test"


def _walkable_pages(client) -> list[str]:
    """The list pages this person may open, and a couple of detail pages from each."""
    pages = []
    for list_page in LIST_PAGES:
        response = client.get(list_page, follow=False)
        if response.status != 200:
            continue
        pages.append(list_page)
        details = [
            href
            for href in dict.fromkeys(response.document().xpath("//a/@href"))
            if DETAIL.match(href) and href.split("/")[1] == list_page.strip("/").split("/")[0]
        ]
        pages.extend(details[:DETAILS_PER_LIST])
    return pages


def _walk(client, pages: list[str]) -> tuple[list[float], list[str]]:
    timings, errors = [], []
    for page in pages:
        started = time.perf_counter()
        response = client.get(page, follow=False)
        timings.append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(f"{page}: {response.status}")
    return timings, errors


def bench_load() -> list[Result]:
    from safeboard.config.settings.base import DEMO_PASSWORD
    from tests.production.client import SiteClient
    from tests.production.server import ProductionSite, fresh_database

    workdir = Path(tempfile.mkdtemp(prefix="safeboard-load-"))
    with fresh_database(os.environ.get("SAFEBOARD_BENCH_DATABASE_URL"), workdir) as url:
        site = ProductionSite(workdir=workdir, database_url=url, extra_env={"WEB_CONCURRENCY": "3"})
        site.install_demo()
        base_url = site.start_web()
        try:
            people = [SiteClient(base_url) for _ in range(USERS)]
            for person in people:
                assert person.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD).status == 200
            pages = _walkable_pages(people[0])
            alone, alone_errors = _walk(people[0], pages * ROUNDS)
            with ThreadPoolExecutor(max_workers=USERS) as pool:
                walks = list(pool.map(lambda person: _walk(person, pages * ROUNDS), people))
        finally:
            site.stop()
    together = [seconds for timings, _ in walks for seconds in timings]
    errors = alone_errors + [error for _, found in walks for error in found]
    p95 = statistics.quantiles(together, n=20)[-1]
    print(
        f"load: {len(pages)} pages x {ROUNDS} rounds x {USERS} people = {len(together)} "
        f"requests, {len(errors)} errors, p95 {p95 * 1000:.0f} ms"
        + (f"; first errors: {errors[:5]}" if errors else "")
    )
    if errors:
        raise SystemExit("the load benchmark had errors")
    return [
        Result(
            f"{USERS} people at once, lists and details (p95 {p95 * 1000:.0f} ms)",
            len(together),
            statistics.median(together),
            baseline=statistics.median(alone),
        )
    ]
