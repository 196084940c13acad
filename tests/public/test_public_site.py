"""The public site: every page anyone reads without signing in shows published records only.

The test fills the partnership with what must never leave SafeBoard (a case review still
confidential to its team, a challenge, an open self-assessment, an indicator the business
manager has not made public, a board paper not marked for readers), each carrying a marker,
then walks every public page as an anonymous visitor: every URL named in the permission
walk's PUBLIC set, every page registered with the public site, and every URL under /public/.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from PIL import Image

from safeboard.accounts.roles import Role
from safeboard.challenges.factories import ChallengeFactory
from safeboard.core.extension_points import public_pages
from safeboard.meetings import services as meeting_services
from safeboard.meetings.factories import MeetingFactory
from safeboard.public.services import branding_update
from safeboard.reviews.factories import ReviewFactory
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Frequency
from safeboard.scorecard.periods import PeriodKey
from safeboard.scorecard.public.services import indicator_set_public
from tests.self_assessment.factories import open_assessment
from tests.test_permissions import PUBLIC, PUBLIC_OF_A_RECORD, PUBLIC_UNTIL_THERE_IS_SOMETHING

MARKERS = [
    "Child Zebra",  # a restricted case review's pseudonym
    "A secret summary of the incident",
    "Unanswered challenge about strategy meetings",
    "Hidden indicator of missing children",
    "Private paper on a named family",
    "Draft self-assessment not yet complete",
]
PUBLIC_PREFIX = "/public/"


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple]:
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _routes(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            found.append((f"{namespace}{pattern.name}", "/" + route, pattern.pattern.converters))
    return found


def public_urls() -> list[str]:
    """Every public page that needs no record: the names in PUBLIC, the registered pages,
    and every URL under the public site's prefix."""
    names = set(PUBLIC - PUBLIC_OF_A_RECORD - PUBLIC_UNTIL_THERE_IS_SOMETHING)
    names |= {page.url_name for page in public_pages}
    under_prefix = [
        name
        for name, route, converters in _routes(get_resolver())
        if route.startswith(PUBLIC_PREFIX) and not converters
    ]
    names |= set(under_prefix)
    return sorted(reverse(name) for name in names)


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


def a_png(width: int = 60, height: int = 40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 94, 165)).save(buffer, format="PNG")
    return buffer.getvalue()


def _figures(indicator, values):
    for month, value in enumerate(values, start=1):
        key = PeriodKey(datetime.date(2025, month, 1), Frequency.MONTHLY)
        FigureFactory(indicator=indicator, period=PeriodFactory(key=key), value=Decimal(value))


@pytest.fixture
def partnership_with_secrets(cast):
    ReviewFactory(child_pseudonym="Child Zebra", summary="A secret summary of the incident.")
    ChallengeFactory(title="Unanswered challenge about strategy meetings")
    hidden = IndicatorFactory(name="Hidden indicator of missing children")
    _figures(hidden, [5, 6, 7, 8, 9])
    shown = IndicatorFactory(name="Children seen within ten days")
    _figures(shown, [50, 52, 51, 53, 55, 54])
    indicator_set_public(indicator=shown, is_public=True, reason="Shared with the public")
    meeting_services.paper_upload(
        meeting=MeetingFactory(),
        title="Private paper on a named family",
        file=SimpleUploadedFile("paper.txt", b"Private"),
    )
    open_assessment(title="Draft self-assessment not yet complete")
    branding_update(
        name="Shire Safeguarding Children Partnership",
        logo=SimpleUploadedFile("logo.png", a_png()),
        logo_text="The partnership's emblem",
    )
    return shown


def test_the_walk_reaches_the_public_site(db):
    urls = public_urls()
    assert reverse("public:front") in urls
    assert reverse("scorecard_public:scorecard") in urls


def test_every_public_page_shows_nothing_restricted(client, partnership_with_secrets):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        body = _body(response)
        for marker in MARKERS:
            assert marker not in body, f"{url} shows {marker!r}"


def test_public_pages_carry_no_service_navigation(client, db):
    for url in public_urls():
        if not url.startswith(PUBLIC_PREFIX):
            continue
        body = _body(client.get(url))
        assert "govuk-service-navigation" not in body, url
        assert "Sign out" not in body, url


def test_a_signed_in_reader_sees_the_public_site_as_anyone_does(
    client_for, cast, partnership_with_secrets
):
    reader = client_for(cast[Role.READER])
    for url in public_urls():
        body = _body(reader.get(url))
        for marker in MARKERS:
            assert marker not in body, f"{url} shows {marker!r} to a reader"


def test_the_front_page_lists_every_registered_public_page(client, db):
    body = client.get(reverse("public:front")).content.decode()
    for page in public_pages:
        assert reverse(page.url_name) in body
        assert page.label in body


def test_the_sign_in_page_links_to_the_public_site(client, db):
    body = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("public:front")}"' in body


def test_the_public_scorecard_shows_public_indicators_only(client, partnership_with_secrets):
    body = client.get(reverse("scorecard_public:scorecard")).content.decode()
    assert "Children seen within ten days" in body
    assert 'role="img"' in body  # its chart
    assert "Figures for Children seen within ten days" in body  # and its table
    assert "Hidden indicator of missing children" not in body


def test_a_public_indicator_retired_leaves_the_public_scorecard(client, partnership_with_secrets):
    shown = partnership_with_secrets
    shown.is_active = False
    shown.save()
    body = client.get(reverse("scorecard_public:scorecard")).content.decode()
    assert "Children seen within ten days" not in body
