"""Evidence is any page of SafeBoard, linked by its address: a local path that leads somewhere.

Kept as a path, never a full address, so that a link never leaves SafeBoard: a full address
pasted from the browser keeps its path only. The path must resolve to one of SafeBoard's
pages, so that a typo is caught when it is made rather than when it is followed. Who may open
the page is checked when it is opened, as for any link.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

NOT_A_LOCAL_PATH = (
    "Enter the address of a SafeBoard page, e.g. /audits/4/ (copy it from the page itself)."
)
NO_SUCH_PAGE = "There is no SafeBoard page at {path}. Copy the address from the page itself."


class NotEvidence(ValueError):
    pass


def evidence_path(value: str) -> str:
    """The SafeBoard path `value` links to ("" for no link); NotEvidence says what is wrong."""
    value = value.strip()
    if not value:
        return ""
    if any(ord(character) < 32 for character in value) or "\\" in value:
        raise NotEvidence(NOT_A_LOCAL_PATH)
    parts = urlsplit(value)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and not parts.scheme):
        raise NotEvidence(NOT_A_LOCAL_PATH)
    path = parts.path
    if not path.startswith("/") or path.startswith("//"):
        raise NotEvidence(NOT_A_LOCAL_PATH)
    try:
        resolve(path)
    except Resolver404 as error:
        raise NotEvidence(NO_SUCH_PAGE.format(path=path)) from error
    return path + (f"?{parts.query}" if parts.query else "")
