"""The readers' dashboard (councillors, inspectors): what is published, the public scorecard,
and the board's papers marked for them."""

from __future__ import annotations

from safeboard.meetings.selectors import papers_for_readers
from safeboard.scorecard.public.selectors import public_indicators

from .selectors import listed_public_pages


def reader_dashboard(*, user, today):
    if not user.has_perm("public.read_published"):
        return None
    return {
        "pages": listed_public_pages(),
        "indicators": list(public_indicators()[:20]),
        "papers": list(papers_for_readers()),
    }
