"""Reach: people trained on a review's, a theme's or a priority's lessons, by agency and role."""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core.dates import long_date
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.core.views_mixins import RulePermissionMixin

from .. import reach

CHOOSE_SUBJECT = "Choose a theme, a priority or a case review."
PERIOD_BACKWARDS = "The end of the period must be on or after its start."

EXPORT_COLUMNS = [
    Column("Agency", lambda cell: cell.agency),
    Column("Role", lambda cell: cell.job_role),
    Column("People trained", lambda cell: cell.people),
    Column("Places attended", lambda cell: cell.places),
]


class ReachForm(GovUKForm):
    submit_label = "Show reach"
    subject = forms.ChoiceField(
        label="Training linked to",
        help_text="A theme, a priority of the business plan, or a case review.",
        error_messages={"required": CHOOSE_SUBJECT, "invalid_choice": CHOOSE_SUBJECT},
    )
    from_date = forms.DateField(label="From", widget=DateInput())
    to_date = forms.DateField(label="To", widget=DateInput())

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [("", "Choose one"), *reach.subject_choices(user)]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("from_date") and data.get("to_date") and data["from_date"] > data["to_date"]:
            self.add_error("to_date", PERIOD_BACKWARDS)
        return data


class ReachView(RulePermissionMixin, View):
    """The figure the annual report quotes, with its table, chart and download."""

    permission_required = "learning.view_reach"

    def get(self, request):
        default = reach.default_period()
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
        subject = reach.subject_from_value(form.cleaned_data["subject"])
        if subject is None:
            raise Http404("No such theme, priority or review.")
        period = reach.Period(form.cleaned_data["from_date"], form.cleaned_data["to_date"])
        result = reach.reach(subject=subject, period=period)
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
        )
        return render(request, "learning/reach/reach.html", context)


def _chart(result: reach.Reach, lines: list[reach.ReachLine], by: str):
    if not lines:
        return None
    period = result.period
    return reach.bar_chart(
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
