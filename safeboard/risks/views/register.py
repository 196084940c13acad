"""The register: filters, the heat map and the list on one page, and its export."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.list_views import FilteredListView, query_without
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..forms import RiskFilterForm

PAGE_SIZE = 50
YES_NO = {True: "Yes", False: "No"}

EXPORT_COLUMNS = [
    Column("Reference", lambda r: r.reference),
    Column("Title", lambda r: r.title),
    Column("Category", lambda r: r.get_category_display()),
    Column("Status", lambda r: r.get_status_display()),
    Column("Owning agency", lambda r: r.owner_agency.name),
    Column("Risk owner", lambda r: r.owner_person.full_name),
    Column("Inherent likelihood", lambda r: r.inherent_likelihood),
    Column("Inherent impact", lambda r: r.inherent_impact),
    Column("Inherent score", lambda r: r.inherent_score),
    Column("Inherent band", lambda r: r.inherent_band.name),
    Column("Residual likelihood", lambda r: r.residual_likelihood),
    Column("Residual impact", lambda r: r.residual_impact),
    Column("Residual score", lambda r: r.residual_score),
    Column("Residual band", lambda r: r.residual_band.name),
    Column("Next review due", lambda r: r.review_date),
    Column("Review overdue", lambda r: YES_NO[r.is_review_overdue()]),
    Column("Date raised", lambda r: r.raised_on),
    Column("Priorities", lambda r: "; ".join(str(p) for p in r.priorities.all())),
    Column("The risk", lambda r: r.description),
    Column("Cause", lambda r: r.cause),
    Column("Consequence", lambda r: r.consequence),
    Column("Controls", lambda r: r.controls),
]


@dataclass
class Register:
    """What the request asks of the register, limited to what the user may see."""

    form: RiskFilterForm
    filters: selectors.RiskFilters
    sees_all: bool

    @classmethod
    def from_request(cls, request) -> Register:
        user = request.user
        sees_all = user.has_perm("risks.list_all_risks")
        basis = request.GET.get("scores")
        if basis not in selectors.BASES:
            basis = selectors.RESIDUAL
        form = RiskFilterForm(request.GET or None, with_agency=sees_all)
        # Representatives see their own agency's risks; with no agency, none (agency 0).
        agency_id = None if sees_all else (user.agency_id or 0)
        return cls(
            form=form, filters=form.filters(basis=basis, agency_id=agency_id), sees_all=sees_all
        )


class RiskListView(FilteredListView):
    permission_required = "risks.list_risks"
    crumb_title = "Risk register"
    # A risk's owner may have no right to the register, only to the risks they own.
    crumb_unpermitted = "unlinked"
    template_name = "risks/risk_list.html"
    page_size = PAGE_SIZE
    invalid_filter_status = 400

    def get_filter_form(self) -> RiskFilterForm:
        self.register = Register.from_request(self.request)
        return self.register.form

    def get_filters(self, form) -> selectors.RiskFilters:
        return self.register.filters

    def get_rows(self, filters: selectors.RiskFilters):
        return selectors.risk_list(filters=filters)

    def page_context(self, rows) -> dict:
        get, user = self.request.GET, self.request.user
        return {
            "filters": self.active_filters,
            "heat_map": selectors.risk_heat_map(filters=self.active_filters),
            "sees_all": self.register.sees_all,
            "cell_query": query_without(get, "likelihood", "impact"),
            "basis_query": query_without(get, "likelihood", "impact", "scores"),
            "filtered": bool(query_without(get, "scores")),
            "can_add": user.has_perm("risks.add_risk"),
            "can_export": user.has_perm("risks.export_risks"),
        }


class RiskExportView(RulePermissionMixin, View):
    """The register as the user filtered it, as CSV (the default) or Excel."""

    permission_required = "risks.export_risks"

    def get(self, request):
        file_format = request.GET.get("format", "csv")
        if file_format not in EXPORT_FORMATS:
            raise Http404("Download the register as csv or xlsx.")
        register = Register.from_request(request)
        if register.form.errors:
            # Never export something other than what was asked for: show the errors instead.
            return RiskListView.as_view()(request)
        rows = selectors.risk_export_rows(filters=register.filters)
        return export_response(
            rows=rows.iterator(chunk_size=500),
            columns=EXPORT_COLUMNS,
            file_format=file_format,
            filename="risk-register",
        )
