"""The compliance picture: the heat map of standards against organisations, and its export."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response

from ..picture import compliance_picture
from .common import CycleObjectMixin

EXPORT_COLUMNS = [
    Column("Cycle", lambda cell: str(cell.agency_return.cycle)),
    Column("Organisation", lambda cell: cell.agency_return.agency.name),
    Column("Return", lambda cell: cell.agency_return.get_status_display()),
    Column("Standard", lambda cell: cell.standard_code),
    Column("Standard title", lambda cell: cell.standard_title),
    Column("Self-assessed score", lambda cell: cell.self_score if cell.submitted else None),
    Column("Moderated score", lambda cell: cell.moderated_score if cell.submitted else None),
    Column("Score that counts", lambda cell: cell.score),
    Column("Label", lambda cell: cell.label),
    Column("Met", lambda cell: {True: "Yes", False: "No"}[cell.scale.is_met(cell.score)]),
    Column("Moderation reason", lambda cell: cell.moderation_reason if cell.submitted else ""),
    Column("Previous cycle's score", lambda cell: cell.previous_score),
    Column("Change", lambda cell: cell.change),
]


class PictureView(CycleObjectMixin, View):
    permission_required = "section11.view_picture"
    crumb_title = "Compliance picture"

    def get(self, request, pk):
        cycle = self.get_object()
        picture = compliance_picture(cycle)
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=picture.cells,
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename=f"section-11-{cycle.pk}-compliance",
            )
        return render(
            request,
            "section11/picture.html",
            {
                "cycle": cycle,
                "picture": picture,
                "scale_key": cycle.scale.key(),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )
