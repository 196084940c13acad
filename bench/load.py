"""Twenty people at once on the production server: gunicorn (three workers), production
settings, the demo partnership, over loopback.

Each simulated person signs in with their own session and walks the layout-only page and the
main list and detail pages. Each page's row gives its p50 and errors (any answer but 200), and
its p95 against the layout-only page's p95 in the same run. It needs PostgreSQL (as
production does): DATABASE_URL or SAFEBOARD_BENCH_DATABASE_URL naming a server; otherwise it
says it was skipped.
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
HOME = "/"  # the dashboard: every module's panels for the person signed in
LIST_PAGES = [
    HOME,
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
LAYOUT_PAGE = "/accessibility/"


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


def _walk(client, pages: list[str]) -> list[tuple[str, float, int]]:
    """Each page in turn: (page, seconds, status)."""
    answers = []
    for page in pages:
        started = time.perf_counter()
        response = client.get(page, follow=False)
        answers.append((page, time.perf_counter() - started, response.status))
    return answers


def postgres_url() -> str | None:
    """The PostgreSQL server to test on, if DATABASE_URL (as given to `make bench`) or
    SAFEBOARD_BENCH_DATABASE_URL names one."""
    url = os.environ.get("SAFEBOARD_BENCH_DATABASE_URL") or ""
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _p95(seconds: list[float]) -> float:
    return statistics.quantiles(seconds, n=20)[-1] if len(seconds) > 1 else seconds[0]


def bench_load() -> list[Result]:
    """Every page's p50, p95 and errors with twenty people at once; the ratio is each page's
    p95 against the layout-only page's p95 in the same run (goal <= 3x, no errors)."""
    from safeboard.config.settings.base import DEMO_PASSWORD
    from tests.production.client import SiteClient
    from tests.production.server import ProductionSite, fresh_database

    url = postgres_url()
    if url is None:
        print(
            "load: skipped, DATABASE_URL does not name a PostgreSQL server "
            "(make bench DATABASE_URL=postgresql://user:password@host/db runs it)"
        )
        return []
    workdir = Path(tempfile.mkdtemp(prefix="safeboard-load-"))
    with fresh_database(url, workdir) as database_url:
        site = ProductionSite(
            workdir=workdir, database_url=database_url, extra_env={"WEB_CONCURRENCY": "3"}
        )
        site.install_demo()
        base_url = site.start_web()
        try:
            people = [SiteClient(base_url) for _ in range(USERS)]
            for person in people:
                assert person.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD).status == 200
            pages = list(dict.fromkeys([LAYOUT_PAGE, *_walkable_pages(people[0])]))
            with ThreadPoolExecutor(max_workers=USERS) as pool:
                walks = list(pool.map(lambda person: _walk(person, pages * ROUNDS), people))
        finally:
            site.stop()
    by_page: dict[str, list[float]] = {page: [] for page in pages}
    errors: dict[str, int] = dict.fromkeys(pages, 0)
    for page, seconds, status in (answer for walk in walks for answer in walk):
        by_page[page].append(seconds)
        errors[page] += status != 200
    layout_p95 = _p95(by_page[LAYOUT_PAGE])
    every = [seconds for timings in by_page.values() for seconds in timings]
    print(
        f"load: {len(pages)} pages x {ROUNDS} rounds x {USERS} people = {len(every)} "
        f"requests, {sum(errors.values())} errors, p95 {_p95(every) * 1000:.0f} ms, "
        f"{os.cpu_count()} cores"
    )
    return [
        Result(
            f"{USERS} people at once: {page} p50 {statistics.median(timings) * 1000:.0f} ms, "
            f"{errors[page]} errors; p95 vs layout page p95; goal <= 3x",
            len(timings),
            _p95(timings),
            baseline=layout_p95,
        )
        for page, timings in by_page.items()
    ]
