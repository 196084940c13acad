"""Training needs: the matrix the learning officer edits, and agencies' headcounts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from ..models import JobRole
from ..pages import catalogue_crumb
from . import selectors, services
from .forms import HeadcountForm, NeedsMatrixForm, role_field_name


class NeedsMatrixView(RulePermissionMixin, View):
    """Which roles need which courses: one checkbox per role and course, saved all at once."""

    permission_required = "learning.edit_training_needs"
    template_name = "learning/needs/matrix.html"

    def get(self, request):
        matrix = selectors.needs_matrix()
        return self._show(request, matrix, NeedsMatrixForm(matrix=matrix))

    def post(self, request):
        matrix = selectors.needs_matrix()
        form = NeedsMatrixForm(request.POST, matrix=matrix)
        if form.is_valid():
            try:
                change = services.training_needs_set(cells=form.cells())
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
            form.add_error(None, services.UNKNOWN_CELL)
        return self._show(request, matrix, form, status=400)

    def _show(self, request, matrix, form, status=200):
        context = {
            "matrix": matrix,
            "form": form,
            "cell_value": selectors.cell_value,
            "crumbs": [catalogue_crumb(), {"text": "Training needs"}],
        }
        return render(request, self.template_name, context, status=status)


class HeadcountsView(RecordMixin, ServiceFormView):
    """An agency's staff in each role: the agency lead gives them, or the training team."""

    model = Agency
    permission_required = "learning.set_headcounts"
    form_class = HeadcountForm
    template_name = "learning/needs/headcounts.html"

    def show(self, form: HeadcountForm, status: int = 200, refused: bool = False) -> HttpResponse:
        self.heading = f"Headcounts: {self.get_object().name}"  # the page names its agency
        return super().show(form, status, refused)

    def roles(self) -> list[JobRole]:
        if not hasattr(self, "_roles"):
            self._roles = list(JobRole.objects.all())
        return self._roles

    def form_kwargs(self) -> dict:
        return {"roles": self.roles()}

    def initial(self) -> dict:
        current = selectors.headcounts_of(self.get_object())
        return {
            role_field_name(role): current[role.pk].headcount
            for role in self.roles()
            if role.pk in current
        }

    def call_service(self, data: dict):
        counts = {role.pk: data[role_field_name(role)] for role in self.roles()}
        services.headcounts_set(agency=self.get_object(), counts=counts, as_of=timezone.localdate())

    def success_message(self, record) -> str:
        return f"Headcounts saved for {self.get_object().name}."

    def success_url(self, record) -> str:
        return f"{reverse('learning:needs_compliance')}?agency={self.get_object().pk}"

    def crumbs(self) -> list[dict]:
        return [
            catalogue_crumb(),
            {"text": "Training compliance", "href": reverse("learning:needs_compliance")},
        ]

    def page_context(self) -> dict:
        current = selectors.headcounts_of(self.get_object())
        as_of = max((row.as_of for row in current.values()), default=None)
        return {"as_of": as_of, "agency": self.get_object()}
