"""SafeBoard as deployed: production settings, gunicorn, the worker, a fresh partnership made
by `safeboard setup`, and its business manager signing in with a new second factor.

Run by CI against PostgreSQL (`pytest -m production`); on SQLite when run by hand.
"""

from __future__ import annotations

import json

import pytest

from .client import SiteClient
from .crawler import crawl
from .server import MANAGER_EMAIL, MANAGER_PASSWORD

pytestmark = pytest.mark.production


@pytest.fixture(scope="module")
def web(production_site) -> str:
    return production_site.start_web()


@pytest.fixture(scope="module")
def manager(web) -> SiteClient:
    client = SiteClient(web)
    page = client.sign_in(MANAGER_EMAIL, MANAGER_PASSWORD)
    assert "Set up two-factor authentication" in page.text, page.text[:2000]
    home, _ = client.pass_second_factor(page)
    assert home.status == 200
    return client


def test_the_business_manager_enrols_a_second_factor_at_first_sign_in(manager):
    home = manager.get("/")
    assert home.status == 200
    assert "Set up two-factor authentication" not in home.text


def test_every_page_the_business_manager_reaches_serves_without_an_error(
    manager, web, production_site
):
    report = crawl(manager)
    assert len(report.pages) > 40, sorted(report.pages)
    assert not report.server_errors(), (report.server_errors(), production_site.log_of(web))
    assert not report.broken_links()
    assert not report.failed_assets()
    assert not report.pages_without_csp
    assert not report.scripts_without_nonce


def test_an_anonymous_visitor_reaches_the_public_site_from_the_sign_in_page(web):
    visitor = SiteClient(web)
    sign_in = visitor.get("/sign-in/")
    links = sign_in.document().xpath("//a/@href")
    assert "/public/" in links, links

    report = crawl(visitor, start="/public/")
    assert len(report.pages) >= 3, sorted(report.pages)
    assert not report.server_errors()
    assert not report.failed_assets()
    assert not report.pages_without_csp


def test_static_assets_are_served_hashed_and_long_cached(manager):
    home = manager.get("/")
    stylesheet = home.document().xpath("//link[@rel='stylesheet']/@href")[0]
    assert stylesheet.startswith("/static/") and stylesheet.count(".") >= 2
    response = manager.get(stylesheet)
    assert response.status == 200
    assert "max-age=315360000" in response.headers.get("Cache-Control", "")


def test_every_page_carries_the_content_security_and_permissions_policies(web):
    page = SiteClient(web).get("/sign-in/")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "camera=()" in page.headers["Permissions-Policy"]


def test_production_refuses_plain_http(web):
    client = SiteClient(web)
    response = client.request("GET", "/sign-in/", headers={"X-Forwarded-Proto": "http"})
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_the_worker_runs_queued_tasks(production_site):
    production_site.start_worker()
    queued = production_site.command(
        "shell",
        "--no-imports",
        "-c",
        "from safeboard.reminders.tasks import daily_reminders; "
        "print(daily_reminders.enqueue().id)",
    ).strip()
    check = (
        "import time; from django_tasks_db.models import DBTaskResult; "
        "deadline = time.monotonic() + 60\n"
        f"while DBTaskResult.objects.get(id='{queued}').status not in ('SUCCESSFUL', 'FAILED') "
        "and time.monotonic() < deadline: time.sleep(0.5)\n"
        f"print(DBTaskResult.objects.get(id='{queued}').status)"
    )
    assert production_site.command("shell", "--no-imports", "-c", check).strip() == "SUCCESSFUL"


def _two_servers(production_site, **env: str) -> tuple[SiteClient, SiteClient]:
    first = production_site.start_web(**env)
    second = production_site.start_web(**env)
    return SiteClient(first), SiteClient(second)


@pytest.mark.parametrize("cache", ["database", "redis"])
def test_a_lock_out_holds_across_two_servers(production_site, cache, request):
    env = {"REDIS_URL": request.getfixturevalue("redis_url")} if cache == "redis" else {}
    first, second = _two_servers(production_site, AXES_FAILURE_LIMIT="4", **env)
    email = f"locked-{cache}@shire-partnership.example"
    for attempt in range(3):
        client = first if attempt % 2 else second
        assert client.sign_in(email, "wrong-password").status == 200
    # The fourth failure locks, though made on the other server with the address in capitals.
    assert first.sign_in(email.upper(), "wrong-password").status == 429
    assert second.sign_in(email, "wrong-password").status == 429


@pytest.mark.parametrize("cache", ["database", "redis"])
def test_a_rate_limit_holds_across_two_servers(production_site, cache, request):
    env = {"REDIS_URL": request.getfixturevalue("redis_url")} if cache == "redis" else {}
    first, second = _two_servers(production_site, SAFEBOARD_PASSWORD_RESET_RATE="3/h", **env)
    address = f"reset-{cache}@shire-partnership.example"
    statuses = []
    for attempt in range(4):
        client = first if attempt % 2 else second
        client.get("/password-reset/")
        statuses.append(
            client.post_form("/password-reset/", {"email": address}, follow=False).status
        )
    assert statuses == [302, 302, 302, 429]


def test_the_api_answers_with_its_schema_to_the_signed_in_manager(manager):
    response = manager.request("GET", "/api/schema/", headers={"Accept": "application/json"})
    assert response.status == 200
    assert json.loads(response.body)["info"]["title"] == "SafeBoard API"
