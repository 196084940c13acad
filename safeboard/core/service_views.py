"""What every form page does: show a form, call one service, go on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from safeboard.core.breadcrumbs import parent_trail
from safeboard.core.views_mixins import RulePermissionMixin


class RecordMixin:
    """The record named by the URL's `pk`, read once; the permission is checked against it."""

    model: type[models.Model]
    kwargs: dict[str, Any]  # set by View.setup() on the view this mixes into

    def get_queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def get_object(self):
        if not hasattr(self, "_record"):
            self._record = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return self._record


class ServiceFormView(RulePermissionMixin, View):
    """GET shows the form; a valid POST calls one service and redirects to what it made or
    changed; anything wrong shows the form again with a GOV.UK error summary (status 400).

    A service that returns nothing changed the page's own record, so the view goes back to it.
    A fixed success message can be set as `success_text`; one worded from the record overrides
    `success_message()`."""

    form_class: type
    get_object: Callable[[], models.Model]  # RecordMixin's, when the page has its own record
    heading = ""
    success_text = ""
    template_name = "core/form.html"

    def form_kwargs(self) -> dict:
        return {}

    def initial(self) -> dict:
        return {}

    def get_form(self, data=None, files=None):
        """Unbound with its initial values to show, or bound to what was posted."""
        if data is None:
            return self.form_class(initial=self.initial(), **self.form_kwargs())
        return self.form_class(data, files, **self.form_kwargs())

    def call_service(self, data: dict) -> models.Model | None:
        raise NotImplementedError

    def success_message(self, record: models.Model | None) -> str:
        return self.success_text

    def success_url(self, record: models.Model | None) -> str:
        # Models name their page by the get_absolute_url() convention, not a declared method.
        target: Any = self.get_object() if record is None else record
        return target.get_absolute_url()

    def crumbs(self) -> list[dict]:
        """The pages above the form, walked up from its `crumb_parent` (core.breadcrumbs)."""
        return parent_trail(self)

    def page_context(self) -> dict:
        return {}

    def get(self, request, **kwargs):
        return self.show(self.get_form())

    def post(self, request, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                record = self.call_service(form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, self.success_message(record))
                return redirect(self.success_url(record))
        return self.show(form, status=400)

    def show(self, form, status: int = 200):
        context = {
            "form": form,
            "heading": self.heading,
            "crumbs": [*self.crumbs(), {"text": self.heading}],
            **self.page_context(),
        }
        return render(self.request, self.template_name, context, status=status)
