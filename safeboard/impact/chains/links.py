"""What the chains add to other pages: a link from a theme's and a priority's page to its
chain (and, for those who scrutinise, to the scrutiny list). No query: a permission and URLs."""

from __future__ import annotations

from django.urls import reverse


def _links(user, chain_url: str) -> dict | None:
    if not user.has_perm("impact.view_chain"):
        return None
    scrutiny_url = reverse("impact:scrutiny") if user.has_perm("impact.view_scrutiny") else ""
    return {"chain_url": chain_url, "scrutiny_url": scrutiny_url}


def theme_chain_link(*, record, user) -> dict | None:
    return _links(user, reverse("impact:theme_chain", kwargs={"slug": record.slug}))


def priority_chain_link(*, record, user) -> dict | None:
    return _links(user, reverse("impact:priority_chain", kwargs={"pk": record.pk}))
