"""Training needs: the matrix the learning officer edits, agencies' headcounts, and compliance."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View

from safeboard.accounts.roles import Role
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.forms import GovUKForm
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from .. import compliance, needs
from ..models import JobRole
from ..rules import learner_of

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


def _training_crumb() -> dict:
    return {"text": "Training", "href": reverse("learning:course_list")}


# ---- the matrix ---------------------------------------------------------------------------


class NeedsMatrixForm(forms.Form):
    need = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, matrix: needs.Matrix, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [
            (needs.cell_value(role.pk, row.course.pk), "")
            for row in matrix.rows
            for role, _ in row.cells
        ]

    def cells(self) -> set[tuple[int, int]]:
        return {needs.parse_cell(value) for value in self.cleaned_data["need"]}


class NeedsMatrixView(RulePermissionMixin, View):
    """Which roles need which courses: one checkbox per role and course, saved all at once."""

    permission_required = "learning.edit_training_needs"
    template_name = "learning/needs/matrix.html"

    def get(self, request):
        matrix = needs.needs_matrix()
        return self._show(request, matrix, NeedsMatrixForm(matrix=matrix))

    def post(self, request):
        matrix = needs.needs_matrix()
        form = NeedsMatrixForm(request.POST, matrix=matrix)
        if form.is_valid():
            try:
                change = needs.training_needs_set(cells=form.cells())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    f"Training needs saved: {change.added} added, {change.removed} removed.",
                )
                return redirect("learning:needs_matrix")
        else:
            form.errors.clear()
            form.add_error(None, needs.UNKNOWN_CELL)
        return self._show(request, matrix, form, status=400)

    def _show(self, request, matrix, form, status=200):
        context = {
            "matrix": matrix,
            "form": form,
            "cell_value": needs.cell_value,
            "crumbs": [_training_crumb(), {"text": "Training needs"}],
        }
        return render(request, self.template_name, context, status=status)


# ---- headcounts ---------------------------------------------------------------------------


def role_field_name(role: JobRole) -> str:
    return f"role_{role.pk}"


class HeadcountForm(GovUKForm):
    submit_label = "Save headcounts"

    def __init__(self, *args, roles: list[JobRole], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.roles = roles
        for role in roles:
            self.fields[role_field_name(role)] = forms.IntegerField(
                label=role.name,
                required=False,
                min_value=0,
                max_value=needs.MAX_HEADCOUNT,
                error_messages={
                    "invalid": f"Enter the number of {role.name.lower()} staff as a whole number.",
                    "min_value": needs.NEGATIVE_HEADCOUNT,
                    "max_value": needs.HEADCOUNT_TOO_LARGE,
                },
                widget=forms.TextInput(
                    attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "numeric"}
                ),
            )


class HeadcountsView(RecordMixin, ServiceFormView):
    """An agency's staff in each role: the agency lead gives them, or the training team."""

    model = Agency
    permission_required = "learning.set_headcounts"
    form_class = HeadcountForm
    template_name = "learning/needs/headcounts.html"

    @property
    def heading(self) -> str:
        return f"Headcounts: {self.get_object().name}"

    def roles(self) -> list[JobRole]:
        if not hasattr(self, "_roles"):
            self._roles = list(JobRole.objects.all())
        return self._roles

    def form_kwargs(self) -> dict:
        return {"roles": self.roles()}

    def initial(self) -> dict:
        current = needs.headcounts_of(self.get_object())
        return {
            role_field_name(role): current[role.pk].headcount
            for role in self.roles()
            if role.pk in current
        }

    def call_service(self, data: dict):
        counts = {role.pk: data[role_field_name(role)] for role in self.roles()}
        needs.headcounts_set(agency=self.get_object(), counts=counts, as_of=timezone.localdate())

    def success_message(self, record) -> str:
        return f"Headcounts saved for {self.get_object().name}."

    def success_url(self, record) -> str:
        return f"{reverse('learning:needs_compliance')}?agency={self.get_object().pk}"

    def crumbs(self) -> list[dict]:
        return [
            _training_crumb(),
            {"text": "Training compliance", "href": reverse("learning:needs_compliance")},
        ]

    def page_context(self) -> dict:
        current = needs.headcounts_of(self.get_object())
        as_of = max((row.as_of for row in current.values()), default=None)
        return {"as_of": as_of, "agency": self.get_object()}


# ---- compliance ---------------------------------------------------------------------------


class CountedPaginator(Paginator):
    """Pages of a list whose length is already known, so that counting it costs nothing."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class ComplianceFilterForm(GovUKForm):
    submit_label = "Show"
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), required=False, empty_label="Every agency"
    )


def compliance_scope(request) -> tuple[compliance.Scope, ComplianceFilterForm | None]:
    """What the user may count: the training team any agency (as filtered), an agency lead
    their own agency, a line manager their own staff."""
    user = request.user
    if user.has_perm("learning.view_every_agencys_compliance"):
        form = ComplianceFilterForm(request.GET or None)
        agency = form.cleaned_data["agency"] if form.is_bound and form.is_valid() else None
        return compliance.Scope(agency_id=agency.pk if agency else None), form
    if user.has_role(Role.AGENCY_LEAD) and user.agency_id:
        return compliance.Scope(agency_id=user.agency_id), None
    learner = learner_of(user)
    if learner is not None:
        return compliance.Scope(agency_id=learner.agency_id, manager_id=learner.pk), None
    raise PermissionDenied


class ComplianceView(RulePermissionMixin, View):
    """For each agency and role: headcount, staff, trained, and who is due a refresher."""

    permission_required = "learning.view_training_compliance"

    def get(self, request):
        scope, form = compliance_scope(request)
        today = timezone.localdate()
        figures = compliance.figures(scope=scope, today=today)
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
            compliance.refresher_list(scope=scope, today=today),
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
                    "totals": compliance.totals(agency_rows),
                    "can_set_headcounts": user.has_perm("learning.set_headcounts", agency),
                }
                for agency, agency_rows in agencies.items()
            ],
            "totals": compliance.totals(rows),
            "page": page,
            "entries": compliance.refresher_entries(page.object_list, today),
            "query": query.urlencode(),
            "own_agency": _own_agency(request, scope),
            "today": today,
            "warning_days": compliance.REFRESHER_WARNING_DAYS,
            "can_edit_needs": user.has_perm("learning.edit_training_needs"),
            "crumbs": [_training_crumb(), {"text": "Training compliance"}],
        }
        return render(request, "learning/needs/compliance.html", context)


def _own_agency(request, scope: compliance.Scope) -> Agency | None:
    """The agency whose headcounts the user may give from this page when it has no rows yet."""
    if scope.agency_id is None or scope.is_staff_of_a_manager:
        return None
    agency = Agency.objects.filter(pk=scope.agency_id).first()
    if agency is not None and request.user.has_perm("learning.set_headcounts", agency):
        return agency
    return None
