"""Training compliance: for each agency and role, who is trained, and who is due a refresher."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View

from safeboard.accounts.roles import Role
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from ..pages import catalogue_crumb
from ..rules import learner_of
from . import selectors
from .forms import ComplianceFilterForm

NAMES_PER_PAGE = 50


EXPORT_COLUMNS = [
    Column("Agency", lambda row: row.agency.name),
    Column("Role", lambda row: row.job_role.name),
    Column("Courses needed", lambda row: row.courses_needed),
    Column("Headcount", lambda row: row.headcount),
    Column("Staff registered", lambda row: row.staff),
    Column("Trained", lambda row: row.trained),
    Column("% trained", lambda row: row.percent_trained),
    Column("Refresher due or overdue", lambda row: row.refresher_due),
    Column("Refresher overdue", lambda row: row.refresher_overdue),
]


class CountedPaginator(Paginator):
    """Pages of a list whose length is already known, so that counting it costs nothing."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def compliance_scope(request) -> tuple[selectors.Scope, ComplianceFilterForm | None]:
    """What the user may count: the training team any agency (as filtered), an agency lead
    their own agency, a line manager their own staff."""
    user = request.user
    if user.has_perm("learning.view_every_agencys_compliance"):
        form = ComplianceFilterForm(request.GET or None)
        agency = form.cleaned_data["agency"] if form.is_bound and form.is_valid() else None
        return selectors.Scope(agency_id=agency.pk if agency else None), form
    if user.has_role(Role.AGENCY_LEAD) and user.agency_id:
        return selectors.Scope(agency_id=user.agency_id), None
    learner = learner_of(user)
    if learner is not None:
        return selectors.Scope(agency_id=learner.agency_id, manager_id=learner.pk), None
    raise PermissionDenied


class ComplianceView(RulePermissionMixin, View):
    """For each agency and role: headcount, staff, trained, and who is due a refresher."""

    permission_required = "learning.view_training_compliance"

    def get(self, request):
        scope, form = compliance_scope(request)
        today = timezone.localdate()
        figures = selectors.figures(scope=scope, today=today)
        rows = figures.rows
        export_format = request.GET.get("format")
        if export_format is not None:
            if export_format not in EXPORT_FORMATS:
                raise Http404("Download the figures as csv or xlsx.")
            return export_response(
                rows=rows,
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename=f"training-compliance-{today}",
            )
        names = CountedPaginator(
            selectors.refresher_list(scope=scope, today=today),
            NAMES_PER_PAGE,
            count=figures.refreshers_due,
        )
        page = names.get_page(request.GET.get("page"))
        query = request.GET.copy()
        for name in ("page", "format"):
            query.pop(name, None)
        agencies = {}
        for row in rows:
            agencies.setdefault(row.agency, []).append(row)
        user = request.user
        context = {
            "scope": scope,
            "filter_form": form,
            "agencies": [
                {
                    "agency": agency,
                    "rows": agency_rows,
                    "totals": selectors.totals(agency_rows),
                    "can_set_headcounts": user.has_perm("learning.set_headcounts", agency),
                }
                for agency, agency_rows in agencies.items()
            ],
            "totals": selectors.totals(rows),
            "page": page,
            "entries": selectors.refresher_entries(page.object_list, today),
            "query": query.urlencode(),
            "own_agency": _own_agency(request, scope),
            "today": today,
            "warning_days": selectors.REFRESHER_WARNING_DAYS,
            "can_edit_needs": user.has_perm("learning.edit_training_needs"),
            "crumbs": [catalogue_crumb(), {"text": "Training compliance"}],
        }
        return render(request, "learning/needs/compliance.html", context)


def _own_agency(request, scope: selectors.Scope) -> Agency | None:
    """The agency whose headcounts the user may give from this page when it has no rows yet."""
    if scope.agency_id is None or scope.is_staff_of_a_manager:
        return None
    agency = Agency.objects.filter(pk=scope.agency_id).first()
    if agency is not None and request.user.has_perm("learning.set_headcounts", agency):
        return agency
    return None
