"""Reach: people trained on a review's, a theme's or a priority's lessons, by agency and role."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core.dates import long_date
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin

from ..evaluation.follow_up import follow_up_section
from . import charts, selectors
from .forms import ReachForm

EXPORT_COLUMNS = [
    Column("Agency", lambda cell: cell.agency),
    Column("Role", lambda cell: cell.job_role),
    Column("People trained", lambda cell: cell.people),
    Column("Places attended", lambda cell: cell.places),
]


class ReachView(RulePermissionMixin, View):
    """The figure the annual report quotes, with its table, chart and download."""

    permission_required = "learning.view_reach"

    def get(self, request):
        default = selectors.default_period()
        chosen = "subject" in request.GET
        data = {
            "from_date": default.from_date.isoformat(),
            "to_date": default.to_date.isoformat(),
            **request.GET.dict(),
        }
        form = ReachForm(data if chosen else None, user=request.user, initial=data)
        context = {
            "form": form,
            "crumbs": [
                {"text": "Training", "href": reverse("learning:course_list")},
                {"text": "Reach"},
            ],
        }
        if not chosen:
            return render(request, "learning/reach/reach.html", context)
        if not form.is_valid():
            return render(request, "learning/reach/reach.html", context, status=400)
        subject = selectors.subject_from_value(form.cleaned_data["subject"])
        if subject is None:
            raise Http404("No such theme, priority or review.")
        period = selectors.Period(form.cleaned_data["from_date"], form.cleaned_data["to_date"])
        result = selectors.reach(subject=subject, period=period)
        export_format = request.GET.get("format")
        if export_format is not None:
            if export_format not in EXPORT_FORMATS:
                raise Http404("Download the figures as csv or xlsx.")
            return export_response(
                rows=result.cells,
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename=f"training-reach-{subject.value}-{period.from_date}-to-{period.to_date}",
            )
        query = request.GET.copy()
        query.pop("format", None)
        context.update(
            result=result,
            query=query.urlencode(),
            agency_chart=_chart(result, result.by_agency, "agency"),
            role_chart=_chart(result, result.by_role, "role"),
            follow_up=follow_up_section(
                of=f"training linked to the {subject.label}",
                chart_id="reach-follow-up",
                sessions=result.counted_sessions(),
            ),
        )
        return render(request, "learning/reach/reach.html", context)


def _chart(result: selectors.Reach, lines: list[selectors.ReachLine], by: str):
    if not lines:
        return None
    period = result.period
    return charts.bar_chart(
        lines=lines,
        title=f"People trained by {by}",
        description=(
            f"People who attended training linked to the {result.subject.label} from "
            f"{long_date(period.from_date)} to {long_date(period.to_date)}, by {by}: "
            + "; ".join(f"{line.name} {line.people}" for line in lines)
            + "."
        ),
        chart_id=f"reach-by-{by}",
    )
