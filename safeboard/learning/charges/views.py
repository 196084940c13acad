"""What agencies owe for places and no-shows: every agency's for the training team, an
agency lead's own agency's for them. Filtered, totalled and exported as CSV or Excel."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin

from ..pages import catalogue_crumb, session_label
from . import selectors
from .forms import ChargeFilterForm

PAGE_SIZE = 100

EXPORT_COLUMNS = [
    Column("Raised on", lambda c: c.raised_on),
    Column("Agency", lambda c: c.agency.name),
    Column("Charge", lambda c: c.get_kind_display()),
    Column("Amount (£)", lambda c: c.amount),
    Column("Learner", lambda c: c.booking.learner.full_name),
    Column("Email", lambda c: c.booking.learner.email),
    Column("Course", lambda c: c.booking.session.course.title),
    Column("Session", lambda c: session_label(c.booking.session)),
]


class ChargeListView(RulePermissionMixin, View):
    permission_required = "learning.list_charges"

    def get(self, request):
        user = request.user
        every_agency = user.has_perm("learning.list_every_agencys_charges")
        form = ChargeFilterForm(request.GET or None, every_agency=every_agency)
        # An agency lead sees their own agency's charges; with no agency, none (agency 0).
        agency_id = None if every_agency else (user.agency_id or 0)
        charges = selectors.charge_list(filters=form.filters(agency_id=agency_id))
        file_format = request.GET.get("format")
        if file_format in EXPORT_FORMATS and not form.errors:
            return export_response(
                rows=charges.iterator(chunk_size=500),
                columns=EXPORT_COLUMNS,
                file_format=file_format,
                filename="training-charges",
            )
        page = Paginator(charges, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for name in ("page", "format"):
            query.pop(name, None)
        return render(
            request,
            "learning/charge_list.html",
            {
                "page": page,
                "totals": selectors.charge_totals(charges),
                "filter_form": form,
                "every_agency": every_agency,
                "agency": user.agency,
                "filtered": bool(query),
                "query": query.urlencode(),
                "crumbs": [catalogue_crumb(), {"text": "Charges"}],
            },
            status=400 if form.errors else 200,
        )
