"""A link to a record only for someone who may open it; its name in plain text for others.

A list (a priority's risks, a theme's findings...) names records that some readers may not
open. Whether they may is decided by the very rule the record's page checks: the page's
address is resolved to its view, and the view's `permission_required` is asked of the user
with the record. No second copy of the rule, and no link that answers 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.urls import Resolver404, resolve, reverse

# A record id no real record has: a list's one `reverse` puts it where each id goes.
_ANY_ID = 987654321987


@functools.lru_cache(maxsize=512)
def _permissions_of(path: str) -> tuple[str, ...] | None:
    """The permissions the view at `path` requires; None when it names none."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    required = getattr(view_class, "permission_required", None)
    if not required:
        return None
    return (required,) if isinstance(required, str) else tuple(required)


def may_open(user: Any, url: str, record: models.Model | None = None) -> bool:
    """Whether `user` would be let into the page at `url` (about `record`, if given).

    A record shown as part of another's page (an audit finding in its round's report) names
    that record as its `page_record`: the page's rule is asked about it. Each answer is kept
    on the user for the request, so a list asks once per record, not once per row.
    """
    if not url or user is None or not user.is_authenticated:
        return False
    path = url.split("?", 1)[0].split("#", 1)[0]
    permissions = _permissions_of(path)
    if permissions is None:
        return True  # a page every signed-in user may open
    about = getattr(record, "page_record", record)
    key = (permissions, type(about).__name__, getattr(about, "pk", None))
    answers = user.__dict__.setdefault("_may_open", {})
    if key not in answers:
        answers[key] = all(user.has_perm(permission, about) for permission in permissions)
    return answers[key]


def addresses_of(viewname: str, kwarg: str = "pk") -> Callable[[int], str]:
    """The page address of each record of one kind from a single `reverse`: a list of fifty
    rows resolves the URL pattern once, not once a row. For views taking one integer id."""
    head, marker, tail = reverse(viewname, kwargs={kwarg: _ANY_ID}).partition(str(_ANY_ID))
    if not marker:
        raise ValueError(f"{viewname} does not take its {kwarg} as written")
    return lambda record_id: f"{head}{int(record_id)}{tail}"


def record_url(record: Any) -> str:
    get_url = getattr(record, "get_absolute_url", None)
    return get_url() if get_url is not None else ""


def openable(user: Any, records: Iterable[Any]) -> set[int]:
    """The ids of the records `user` may open, for a list that decides once per row."""
    return {record.pk for record in records if may_open(user, record_url(record), record)}
