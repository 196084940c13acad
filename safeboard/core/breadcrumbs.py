"""Breadcrumbs declared by parent: each page names itself and the page above it, and the trail
is found by walking up from page to parent, so no view builds a list of crumbs.

A view declares, as class attributes:
    crumb_title   the page's name in a trail: text, or a function of the page's record
    crumb_parent  the page above: a URL name (a page without a record), or a function of the
                  page's record giving the parent record (whose page is its
                  get_absolute_url()), a (URL name, record) pair for another page about a
                  record, or a URL name; None at the top
    crumb_unpermitted
                  for those who may not open the page (its `permission_required`, asked of
                  its record): "hidden" leaves it out of trails, "unlinked" names it without
                  a link; unset, it is always a link
A view whose parent is not a function of its record alone (a form on a part of something)
may instead define a method `get_crumb_parent(self)`.

`page_trail(view)` is the trail to a view's own page: its parents as links, then the page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.urls import resolve, reverse

Parent = Any  # a URL name, a record with get_absolute_url(), (URL name, record), or None

MAX_DEPTH = 10


def record(obj):
    """The usual parent of a form on a record: the record's own page."""
    return obj


def _view_class_at(path: str) -> type:
    match = resolve(path)
    view_class = getattr(match.func, "view_class", None)
    if view_class is None:
        raise TypeError(f"{match.view_name} is not a class-based view and cannot be a crumb")
    return view_class


@cache
def _view_class_named(url_name: str) -> type:
    return _view_class_at(reverse(url_name))


def _call_or_value(value: str | Callable | None, obj) -> Any:
    return value(obj) if callable(value) else value


def title_of(view_class: type, obj) -> str:
    return str(_call_or_value(_inherited(view_class, "crumb_title"), obj))


def _inherited(view_class: type, name: str):
    for klass in view_class.__mro__:
        if name in klass.__dict__:
            value = klass.__dict__[name]
            return value.__func__ if isinstance(value, staticmethod) else value
    return None


def parent_of(view_class: type, obj) -> Parent:
    return _call_or_value(_inherited(view_class, "crumb_parent"), obj)


def trail_to(parent: Parent, user) -> list[dict]:
    """The crumbs from the top down to `parent`, each a link."""
    crumbs: list[dict] = []
    for _ in range(MAX_DEPTH):
        if parent is None:
            break
        if isinstance(parent, str):
            href, obj, view_class = reverse(parent), None, _view_class_named(parent)
        elif isinstance(parent, tuple):
            url_name, obj = parent
            href = reverse(url_name, kwargs={"pk": obj.pk})
            view_class = _view_class_at(href)
        else:
            href, obj = parent.get_absolute_url(), parent
            view_class = _view_class_at(href.split("?")[0].split("#")[0])
        crumb = {"text": title_of(view_class, obj), "href": href}
        unpermitted = _inherited(view_class, "crumb_unpermitted")
        permission = getattr(view_class, "permission_required", None)
        if unpermitted and not user.has_perm(permission, obj):
            del crumb["href"]
        if not (unpermitted == "hidden" and "href" not in crumb):
            crumbs.append(crumb)
        next_parent = parent_of(view_class, obj)
        if obj is not None and next_parent is obj and not isinstance(parent, tuple):
            raise ImproperlyConfigured(f"{view_class.__name__} names its own page as its parent")
        parent = next_parent
    return crumbs[::-1]


def page_record(view) -> Any:
    get_object = getattr(view, "get_object", None)
    return get_object() if get_object is not None else None


def parent_trail(view) -> list[dict]:
    """The crumbs above a view's page."""
    get_crumb_parent = getattr(view, "get_crumb_parent", None)
    if get_crumb_parent is not None:
        parent = get_crumb_parent()
    else:
        parent = parent_of(type(view), page_record(view))
    return trail_to(parent, view.request.user)


def page_trail(view, title: str | None = None) -> list[dict]:
    """The crumbs above a view's page, then the page itself (not a link)."""
    if title is None:
        title = title_of(type(view), page_record(view))
    return [*parent_trail(view), {"text": title}]
