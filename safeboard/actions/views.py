"""Thin views over the action spine: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core import breadcrumbs
from safeboard.core.exports import Column, content_type_name
from safeboard.core.list_views import FilteredListView
from safeboard.core.selectors import shown_page_sections
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import (
    ActionFilterForm,
    ActionForm,
    CompleteActionForm,
    EvidenceForm,
    MoveDueDateForm,
    ProgressUpdateForm,
)
from .models import Action, Evidence

PAGE_SIZE = 50


def _source_text(shown: selectors.SourceLink | None) -> str:
    return f"{shown.kind}: {shown.text}" if shown else ""


def _source_address(shown: selectors.SourceLink | None) -> str:
    return f"{settings.SAFEBOARD_SITE_URL.rstrip('/')}{shown.url}" if shown and shown.url else ""


def _themes_text(themes: list | None) -> str:
    return "; ".join(str(theme) for theme in themes or ())


def export_columns(user: Any) -> list[Column]:
    """The actions export as `user` may read it: each row from the action's fields, its
    source's themes and record found a chunk of rows at a time."""
    source = ("source_type_id", "source_id")

    def shown(sources: list[tuple]) -> dict[tuple, Any]:
        return selectors.sources_shown(sources, user=user)

    return [
        Column("Reference", fields=("pk",)),
        Column("Title", fields=("title",)),
        Column("Owning agency", fields=("owner_agency__name",)),
        Column("Owner", fields=("owner_person__full_name",)),
        Column("Due date", fields=("due_on",)),
        Column("Status", Action.status_words, fields=("status", "due_on")),
        Column("Completed on", fields=("completed_on",)),
        Column("Source", content_type_name, fields=("source_type_id",)),
        Column("Source record", _source_text, fields=source, batch=shown),
        Column("Source link", _source_address, fields=source, batch=shown),
        Column("Themes", _themes_text, fields=source, batch=selectors.themes_of_sources),
        Column("Description", fields=("description",)),
    ]


EXPORT_COLUMNS = export_columns(None)  # as a reader who may open no source's page reads it


class ActionListView(FilteredListView):
    """One list with three scopes: mine, my agency's, and the whole partnership's."""

    request: AuthenticatedHttpRequest
    scope = "all"
    permission_required = "actions.list_all_actions"
    titles = {"mine": "My actions", "agency": "My agency's actions", "all": "All actions"}
    template_name = "actions/action_list.html"
    filter_form_class = ActionFilterForm
    page_size = PAGE_SIZE
    export_columns = EXPORT_COLUMNS

    def get_export_columns(self) -> list[Column]:
        return export_columns(self.request.user)

    def get_export_filename(self) -> str:
        return f"actions-{self.scope}"

    def filters(self, data: dict | None) -> selectors.ActionFilters:
        filters = selectors.ActionFilters()
        if data is not None:
            filters = selectors.ActionFilters(
                status=data["status"],
                agency_id=data["agency"].pk if data["agency"] else None,
                due_before=data["due_before"],
                search=data["search"],
                theme=data["theme"],
            )
        return self.scoped(filters)

    def prepare_rows(self, rows: list) -> None:
        selectors.with_themes(rows)

    def get_rows(self, filters: selectors.ActionFilters):
        return selectors.action_list(user=self.request.user, filters=filters)

    def page_context(self, rows) -> dict:
        user = self.request.user
        return {
            "title": self.titles[self.scope],
            "scope": self.scope,
            "can_add": user.has_perm("actions.add_action"),
            "can_list_all": user.has_perm("actions.list_all_actions"),
        }

    def scoped(self, filters: selectors.ActionFilters) -> selectors.ActionFilters:
        user = self.request.user
        if self.scope == "mine":
            return selectors.ActionFilters(
                **{**filters.__dict__, "owner_person_id": user.person_id}
            )
        if self.scope == "agency":
            return selectors.ActionFilters(**{**filters.__dict__, "agency_id": user.agency_id})
        return filters


class MyActionListView(ActionListView):
    scope = "mine"
    permission_required = "actions.list_my_actions"
    crumb_title = "Actions"


class AgencyActionListView(ActionListView):
    scope = "agency"
    permission_required = "actions.list_agency_actions"


class ActionObjectMixin(RecordMixin, RulePermissionMixin):
    model = Action

    def get_queryset(self):
        return Action.objects.select_related("owner_agency", "owner_person", "source_type")


class ActionDetailView(ActionObjectMixin, View):
    permission_required = "actions.view_action"
    crumb_parent = "actions:mine"

    @staticmethod
    def crumb_title(action: Action) -> str:
        return action.title

    def get(self, request, pk):
        action = self.get_object()
        user = request.user
        return render(
            request,
            "actions/action_detail.html",
            {
                "action": action,
                "progress_updates": action.progress_updates.select_related("author__person"),
                "evidence": action.evidence.all(),
                "due_date_changes": action.due_date_changes.select_related("changed_by__person"),
                "source": selectors.source_link(action, user),
                "sections": shown_page_sections(page="action", record=action, user=user),
                "themes": selectors.themes_of_actions([action]).get(action.pk, []),
                "can_view_themes": user.has_perm("themes.view_theme"),
                "can_update": user.has_perm("actions.update_progress", action),
                "can_edit": user.has_perm("actions.change_action", action),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ActionCreateView(RulePermissionMixin, View):
    permission_required = "actions.add_action"

    def get(self, request):
        return self.show(ActionForm())

    def post(self, request):
        form = ActionForm(request.POST)
        if form.is_valid():
            try:
                action = services.action_create(created_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Action \u201c{action.title}\u201d added.")
                return redirect("actions:detail", pk=action.pk)
        return self.show(form, status=400)

    def show(self, form, status=200):
        return render(
            self.request,
            "actions/action_form.html",
            {"form": form, "heading": "Add an action"},
            status=status,
        )


class ActionFormView(ActionObjectMixin, ServiceFormView):
    """A form on one action that calls one service; subclasses name the form and service."""

    form_class: type = ActionForm
    template_name = "actions/action_form.html"
    with_files = False

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"action": self.get_object(), "multipart": self.with_files}


class ActionEditView(ActionFormView):
    permission_required = "actions.change_action"
    heading = "Change the action"
    success_text = "The action has been changed."

    def initial(self):
        action = self.get_object()
        return {
            "title": action.title,
            "description": action.description,
            "owner_agency": action.owner_agency,
            "owner_person": action.owner_person,
        }

    def form_kwargs(self) -> dict:
        return {"with_due_date": False}

    def call_service(self, data):
        services.action_update_details(action=self.get_object(), **data)


class ProgressUpdateView(ActionFormView):
    permission_required = "actions.update_progress"
    form_class = ProgressUpdateForm
    heading = "Add a progress update"
    success_text = "Progress update added."

    def call_service(self, data):
        services.action_add_progress(action=self.get_object(), author=self.request.user, **data)


class EvidenceAddView(ActionFormView):
    permission_required = "actions.update_progress"
    form_class = EvidenceForm
    heading = "Add evidence of impact"
    success_text = "Evidence added."
    with_files = True

    def call_service(self, data):
        services.action_add_evidence(action=self.get_object(), added_by=self.request.user, **data)


class MoveDueDateView(ActionFormView):
    permission_required = "actions.move_due_date"
    form_class = MoveDueDateForm
    heading = "Move the due date"
    success_text = "The due date has been moved and the reason recorded."

    def call_service(self, data):
        services.action_move_due_date(
            action=self.get_object(), changed_by=self.request.user, **data
        )


class CompleteActionView(ActionFormView):
    permission_required = "actions.complete_action"
    form_class = CompleteActionForm
    heading = "Mark the action as complete"
    success_text = "The action is complete."

    def call_service(self, data):
        services.action_complete(action=self.get_object(), **data)


class EvidenceFileView(RulePermissionMixin, View):
    permission_required = "actions.view_action"

    def get_permission_object(self):
        self.evidence = get_object_or_404(
            Evidence.objects.select_related("action"), pk=self.kwargs["pk"]
        )
        return self.evidence.action

    def get(self, request, pk):
        if not self.evidence.file:
            raise Http404("This evidence has no file.")
        return FileResponse(
            self.evidence.file.open("rb"),
            as_attachment=True,
            filename=self.evidence.file.name.rsplit("/", 1)[-1],
            content_type=self.evidence.content_type or "application/octet-stream",
        )
