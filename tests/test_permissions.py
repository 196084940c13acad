"""Every URL of SafeBoard has an access case, and every case holds from the outside."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from safeboard.core.public_views import is_public_view
from tests.access import AccessCase
from tests.conftest import signed_in_client

# Pages anyone may open without signing in, and pages for any signed-in account.
PUBLIC = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "core:accessibility",
    "exchange:feed",
    "exchange:schema",
    "learning:register",
    "learning:register_sent",
    "learning:register_confirm",
    "reports:public_list",
    "reports:public_detail",
    "reports:public_pdf",
    # The public site (safeboard.public and the pages modules register with it): read by
    # anyone; tests/public/test_public_site.py proves they show published records only.
    "public:front",
    "public:logo",
    "scorecard_public:scorecard",
    "voice:you_said_we_did",
    "reviews:public_reviews",
    "reviews:public_report",
    "reviews:public_briefing",
}
# Public pages of one record: tested with their records by their own app's tests.
PUBLIC_OF_A_RECORD = {
    "accounts:password_reset_confirm",
    "reports:public_detail",
    "reports:public_pdf",
    "reviews:public_report",
    "reviews:public_briefing",
}
# The API asks for a token or session itself (scorecard/api/auth.py, REST framework's
# authentication), not through the sign-in page: anonymous calls get 401 or 403 from it.
TOKEN_AUTHENTICATED = {
    "api:schema",
    "api:indicator_list",
    "api:indicator_figures",
    "api:figures_record",
    "learning_api:action_list",
    "learning_api:action",
    "learning_api:finding_list",
    "learning_api:theme_list",
}
# Public pages that answer 404 until there is something to show (no logo uploaded yet).
PUBLIC_UNTIL_THERE_IS_SOMETHING = {"public:logo"}
ANY_SIGNED_IN = {
    "core:home",
    "accounts:two_factor",
    "accounts:logout",
    "accounts:account",
    "accounts:keep_alive",
    "accounts:session_status",
}


def _url_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            names.add(f"{namespace}{pattern.name}")
    return names


def _all_access_cases() -> list[AccessCase]:
    cases = []
    for module in pkgutil.walk_packages(tests.__path__, prefix="tests."):
        if module.name.endswith(".access_cases"):
            cases += importlib.import_module(module.name).ACCESS_CASES
    return cases


ACCESS_CASES = _all_access_cases()
SIGNED_IN_ONLY_CASES = [c.url_name for c in ACCESS_CASES]


def test_every_url_has_an_access_case():
    named = _url_names(get_resolver())
    covered = PUBLIC | ANY_SIGNED_IN | {case.url_name for case in ACCESS_CASES}
    missing = sorted(named - covered)
    assert not missing, f"URLs with no access case (add them to an access_cases.py): {missing}"
    stale = sorted(covered - named)
    assert not stale, f"Access cases for URLs that no longer exist: {stale}"


@pytest.mark.parametrize(
    "url_name", sorted(PUBLIC - PUBLIC_OF_A_RECORD - PUBLIC_UNTIL_THERE_IS_SOMETHING)
)
def test_public_pages_open_without_signing_in(client, db, url_name):
    assert client.get(reverse(url_name)).status_code == 200


def _views_by_name(resolver: URLResolver, namespace: str = "") -> dict[str, object]:
    views = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            views |= _views_by_name(pattern, inner)
        elif isinstance(pattern, URLPattern):
            views[f"{namespace}{pattern.name}"] = pattern.callback
    return views


def test_only_the_public_pages_let_anonymous_visitors_in():
    """A view is opened without signing in only on purpose (core.public_views): any other
    view marked so, by mistake, fails here before it leaks."""
    anonymous = {
        name for name, view in _views_by_name(get_resolver()).items() if is_public_view(view)
    }
    assert anonymous == PUBLIC | TOKEN_AUTHENTICATED


@pytest.mark.parametrize("url_name", sorted(ANY_SIGNED_IN | {c.url_name for c in ACCESS_CASES}))
def test_signed_out_visitors_are_sent_to_sign_in(client, cast, url_name):
    case = next((c for c in ACCESS_CASES if c.url_name == url_name), None)
    kwargs = case.kwargs(cast) if case else {}
    response = client.get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("case", ACCESS_CASES, ids=lambda case: case.url_name)
def test_allowed_roles_get_in_and_every_other_role_is_refused(cast, case: AccessCase):
    url = reverse(case.url_name, kwargs=case.kwargs(cast))
    outcomes = {}
    for role, user in cast.by_role.items():
        response = getattr(signed_in_client(user), case.method)(url)
        outcomes[role] = response.status_code
    expected = {
        role: (case.allowed_status if role in case.allowed else case.refused_status)
        for role in cast.by_role
    }
    if case.method != "get":
        # A POST-only view answers allowed roles with a form error or redirect, not 403.
        refused = case.refused_status
        outcomes = {role: (refused if code == refused else "in") for role, code in outcomes.items()}
        expected = {role: ("in" if role in case.allowed else refused) for role in cast.by_role}
    assert outcomes == expected


@pytest.mark.parametrize(
    "case", [c for c in ACCESS_CASES if c.other_agency_refused], ids=lambda case: case.url_name
)
def test_another_agencys_lead_is_refused(cast, case: AccessCase):
    url = reverse(case.url_name, kwargs=case.kwargs(cast))
    response = getattr(signed_in_client(cast.other_agency_lead), case.method)(url)
    assert response.status_code == case.refused_status
