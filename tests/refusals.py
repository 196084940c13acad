"""A form page whose record's state refuses its change refuses a GET as it refuses a POST."""

from __future__ import annotations

import html
import re

_MAIN = re.compile(r"<main\b.*</main>", re.DOTALL)
# What differs between two renderings of one page's main content: the CSRF token.
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _page(response) -> str:
    """The page's main content, without what changes from request to request."""
    main = _MAIN.search(response.content.decode())
    assert main, "The page has no <main> element."
    return _CSRF.sub("", html.unescape(main.group()))


def assert_refused_alike(client, url: str, message: str, data: dict | None = None) -> None:
    """GET and POST both answer 400 with the refusal, and with the same page."""
    got = client.get(url)
    posted = client.post(url, data or {})
    assert got.status_code == 400
    assert posted.status_code == 400
    assert message in _page(got)
    assert _page(got) == _page(posted)
