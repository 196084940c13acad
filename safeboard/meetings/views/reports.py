"""Attendance by agency, for the business manager and the chair."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..forms import AttendanceReportForm

EXPORT_COLUMNS = [
    Column("Agency", lambda row: row["agency__name"]),
    Column("Meetings expected", lambda row: row["expected"]),
    Column("Present", lambda row: row["present"]),
    Column("Sent a deputy", lambda row: row["deputised"]),
    Column("Apologies", lambda row: row["apologies"]),
    Column("Absent without apologies", lambda row: row["absent"]),
    Column("Attendance rate %", lambda row: row["rate"]),
]


class AttendanceReportView(RulePermissionMixin, View):
    permission_required = "meetings.view_attendance_report"
    crumb_title = "Attendance by agency"
    crumb_parent = "meetings:list"

    def get(self, request):
        default = selectors.default_attendance_period()
        # Always bound, so the defaults show in the form and a bare ?format=csv works.
        form = AttendanceReportForm(
            {
                "from_date": default.from_date.isoformat(),
                "to_date": default.to_date.isoformat(),
                **request.GET.dict(),
            }
        )
        context = {
            "form": form,
            "crumbs": breadcrumbs.page_trail(self),
        }
        if not form.is_valid():
            return render(request, "meetings/attendance_report.html", context, status=400)
        period = self.period(form)
        rows = selectors.attendance_by_agency(period=period)
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=rows,
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename=f"attendance-{period.from_date}-to-{period.to_date}",
            )
        query = request.GET.copy()
        query.pop("format", None)
        context.update(
            period=period,
            rows=rows,
            totals=selectors.attendance_totals(period=period),
            query=query.urlencode(),
        )
        return render(request, "meetings/attendance_report.html", context)

    @staticmethod
    def period(form: AttendanceReportForm) -> selectors.AttendancePeriod:
        data = form.cleaned_data
        return selectors.AttendancePeriod(
            from_date=data["from_date"],
            to_date=data["to_date"],
            group_id=data["group"].pk if data["group"] else None,
        )
