"""The balanced scorecard: every indicator's latest figure, its target and its variation."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from . import selectors
from .forms import GridFilterForm
from .selectors import GroupBy

EXPORT_COLUMNS = [
    Column("Code", lambda row: row.indicator.code),
    Column("Indicator", lambda row: row.indicator.name),
    Column("Owning agency", lambda row: row.indicator.owning_agency.name),
    Column("Perspective", lambda row: row.indicator.get_perspective_display()),
    Column("Frequency", lambda row: row.indicator.get_frequency_display()),
    Column("Which way is better", lambda row: row.indicator.get_polarity_display()),
    Column("Latest period", lambda row: row.latest.period.label if row.latest else ""),
    Column("Latest figure", lambda row: row.latest.value if row.latest else None),
    Column("Target", lambda row: row.indicator.target),
    Column("Tolerance", lambda row: row.indicator.tolerance),
    Column("Against the target", lambda row: row.rag_label),
    Column("Variation in the latest figure", lambda row: row.spc_words),
    Column("Assurance of the target", lambda row: row.assurance_words),
    Column("Figures", lambda row: len(row.series)),
]


class ScorecardGridView(RulePermissionMixin, View):
    """The grid by perspective or by agency, filtered, with CSV and Excel downloads.

    `with_spc = False` draws the page without the XmR charts (the benchmark's baseline).
    """

    permission_required = "scorecard.list_indicators"
    with_spc = True

    def get(self, request):
        readable = selectors.readable_agency_id(request.user)
        agencies = Agency.objects.all() if readable is None else Agency.objects.filter(pk=readable)
        form = GridFilterForm(request.GET or None, agencies=agencies, with_spc=self.with_spc)
        filters = form.filters()
        groups = selectors.scorecard_grid(
            filters=filters, readable_agency=readable, with_spc=self.with_spc
        )
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=selectors.grid_rows(groups),
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename="balanced-scorecard",
            )
        query = request.GET.copy()
        query.pop("format", None)
        return render(
            request,
            "scorecard/grid.html",
            {
                "groups": groups,
                "filter_form": form,
                "filters": filters,
                "with_spc": self.with_spc,
                "row_count": sum(len(group.rows) for group in groups),
                "query": query.urlencode(),
                "filtering": any(
                    request.GET.get(name) for name in form.fields if name != "group_by"
                ),
                "group_links": _group_links(query, filters.group_by),
                "by_agency": filters.group_by == GroupBy.AGENCY,
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": "Balanced scorecard"},
                ],
            },
        )


def _group_links(query, current: str) -> list[dict]:
    links = []
    for value, label in GroupBy.choices:
        changed = query.copy()
        changed["group_by"] = value
        links.append(
            {"text": label, "href": "?" + changed.urlencode(), "current": value == current}
        )
    return links
