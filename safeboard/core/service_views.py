"""What every form page does: show a form, call one service, go on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from safeboard.core.breadcrumbs import parent_trail
from safeboard.core.transitions import Transition
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
    `success_message()`.

    A page that changes the state of its record names its `transition`: while the record's
    state refuses it, GET and POST alike show the refusal as the error (status 400) and the
    service is never called. The service checks again on the locked row."""

    form_class: type
    transition: Transition | None = None
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

    def transition_record(self) -> models.Model:
        """The record whose state the transition reads: the page's own, unless overridden."""
        return self.get_object()

    def refusal(self) -> str | None:
        """Why the record's present state refuses this page's change, or None."""
        if self.transition is None:
            return None
        return self.transition.refusal(self.transition_record())

    def refused(self) -> HttpResponse | None:
        reason = self.refusal()
        if reason is None:
            return None
        form = self.get_form()
        form.show_refusal(reason)
        return self.show(form, status=400, refused=True)

    def get(self, request, **kwargs):
        refused = self.refused()
        return self.show(self.get_form()) if refused is None else refused

    def post(self, request, **kwargs):
        refused = self.refused()
        if refused is not None:
            return refused
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

    def show(self, form, status: int = 200, refused: bool = False):
        context = {
            "form": form,
            # The record's state refuses the change: a template may leave out its button.
            "refused": refused,
            "heading": self.heading,
            "crumbs": [*self.crumbs(), {"text": self.heading}],
            **self.page_context(),
        }
        return render(self.request, self.template_name, context, status=status)
