"""Reads for registration: the agencies' email domains practitioners may register from."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import AgencyDomain


def agency_domains() -> QuerySet[AgencyDomain]:
    """Every email domain with its agency, by agency then domain."""
    return AgencyDomain.objects.select_related("agency").order_by("agency__name", "domain")
