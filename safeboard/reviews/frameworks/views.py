"""The framework table, for the business manager: the editions of Working Together, their
timescales and criteria, and the history of every change to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..cases.forms import ConfirmForm
from ..cases.mixins import list_crumb
from ..models import FrameworkCriterion, FrameworkEdition
from . import selectors, services
from .forms import CriterionEditForm, CriterionForm, EditionForm

FORM_TEMPLATE = "reviews/review_form.html"


def table_crumb() -> dict:
    return {"text": "Frameworks", "href": reverse("reviews:framework_list")}


class FrameworkListView(RulePermissionMixin, View):
    permission_required = "reviews.manage_frameworks"

    def get(self, request):
        return render(
            request,
            "reviews/frameworks/edition_list.html",
            {
                "editions": selectors.edition_list(),
                "crumbs": [list_crumb(), {"text": "Frameworks"}],
            },
        )


class EditionMixin(RecordMixin, RulePermissionMixin):
    model = FrameworkEdition
    permission_required = "reviews.manage_frameworks"

    def crumbs(self) -> list[dict]:
        edition = self.get_object()
        return [
            list_crumb(),
            table_crumb(),
            {"text": edition.name, "href": selectors.edition_url(edition)},
        ]


class FrameworkDetailView(EditionMixin, View):
    def get(self, request, pk):
        edition = self.get_object()
        return render(
            request,
            "reviews/frameworks/edition_detail.html",
            {
                "edition": edition,
                "criteria": selectors.edition_criteria(edition),
                "reviews_under_it": selectors.reviews_under(edition),
                "crumbs": [list_crumb(), table_crumb(), {"text": edition.name}],
            },
        )


class EditionFormView(EditionMixin, ServiceFormView):
    template_name = FORM_TEMPLATE

    def page_context(self):
        return {"caption": self.get_object().name}

    def success_url(self, record):
        return selectors.edition_url(self.get_object())


class FrameworkEditView(EditionFormView):
    form_class = EditionForm
    heading = "Change the timescales"
    success_text = "The timescales have been changed. Cases already referred keep theirs."

    def initial(self):
        return EditionForm.initial_for(self.get_object())

    def page_context(self):
        return {
            **super().page_context(),
            "intro": "Cases referred from now on count with the new timescales.",
        }

    def call_service(self, data):
        services.edition_update(edition=self.get_object(), **data)


class CriterionAddView(EditionFormView):
    form_class = CriterionForm
    heading = "Add a criterion"
    success_text = "The criterion has been added."

    def call_service(self, data):
        services.criterion_add(edition=self.get_object(), **data)


class CriterionMixin:
    # Mixed into an edition's form view, whose URL names the criterion too.
    kwargs: dict[str, Any]
    get_object: Callable[[], FrameworkEdition]

    def get_criterion(self) -> FrameworkCriterion:
        return get_object_or_404(
            FrameworkCriterion, pk=self.kwargs["criterion_pk"], edition=self.get_object()
        )


class CriterionEditView(CriterionMixin, EditionFormView):
    form_class = CriterionEditForm
    heading = "Change a criterion"
    success_text = "The criterion has been changed. Decisions already made keep their words."

    def initial(self):
        criterion = self.get_criterion()
        return {
            "code": criterion.code,
            "kind": criterion.kind,
            "text": criterion.text,
            "position": criterion.position,
        }

    def call_service(self, data):
        services.criterion_update(criterion=self.get_criterion(), **data)


class CriterionRemoveView(CriterionMixin, EditionFormView):
    heading = "Remove a criterion"
    success_text = "The criterion has been removed."

    def get_form(self, data=None, files=None):
        return ConfirmForm(data, submit_label="Remove the criterion")

    def page_context(self):
        criterion = self.get_criterion()
        return {
            **super().page_context(),
            "intro": f"{criterion.code}: {criterion.text}",
            "cancel_url": selectors.edition_url(self.get_object()),
        }

    def call_service(self, data):
        services.criterion_remove(criterion=self.get_criterion())


class FrameworkHistoryView(EditionMixin, View):
    def get(self, request, pk):
        edition = self.get_object()
        return render(
            request,
            "reviews/frameworks/edition_history.html",
            {
                "edition": edition,
                "entries": selectors.edition_history(edition),
                "crumbs": [*self.crumbs(), {"text": "History"}],
            },
        )
