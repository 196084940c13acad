"""Audit tools, for the business manager who builds them and the chair who reads them."""

from __future__ import annotations

from django.db import models
from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, tool_services
from ..forms import ConfirmForm, QuestionForm, SectionForm, ToolForm
from ..models import AuditTool, Question, Section, ToolVersion
from .common import AuditFormView, ToolObjectMixin


class ToolListView(RulePermissionMixin, View):
    permission_required = "audits.view_tools"
    crumb_title = "Audit tools"
    crumb_parent = "audits:round_list"

    def get(self, request):
        return render(
            request,
            "audits/tool_list.html",
            {
                "tools": selectors.tool_list(),
                "can_manage": request.user.has_perm("audits.manage_tools"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ToolCreateView(AuditFormView):
    permission_required = "audits.manage_tools"
    form_class = ToolForm
    heading = "Add an audit tool"
    intro = "Name the tool and say what it tests; then add its sections and questions."

    def call_service(self, data):
        return tool_services.tool_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"{record.name} added. Now add its sections and questions."

    crumb_parent = "audits:tool_list"


class ToolDetailView(ToolObjectMixin, View):
    permission_required = "audits.view_tools"
    crumb_parent = "audits:tool_list"

    @staticmethod
    def crumb_title(tool: AuditTool) -> str:
        return tool.name

    def get(self, request, pk):
        tool = self.get_object()
        versions = selectors.tool_versions(tool)
        latest = versions[0] if versions else None
        return render(
            request,
            "audits/tool_detail.html",
            {
                "tool": tool,
                "latest": latest,
                "sections": selectors.version_sections(latest) if latest else [],
                "versions": versions,
                "can_manage": request.user.has_perm("audits.manage_tools"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ToolEditView(ToolObjectMixin, AuditFormView):
    permission_required = "audits.manage_tools"
    form_class = ToolForm
    heading = "Change the tool\u2019s details"
    success_text = "The tool has been changed."

    def caption(self):
        return self.get_object().name

    def form_kwargs(self):
        return {"with_status": True}

    def initial(self):
        tool = self.get_object()
        return {"name": tool.name, "purpose": tool.purpose, "is_active": tool.is_active}

    def call_service(self, data):
        tool_services.tool_update(tool=self.get_object(), **data)


class VersionDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "audits.view_tools"
    model = ToolVersion

    @staticmethod
    def crumb_title(version: ToolVersion) -> str:
        return f"Version {version.number}"

    @staticmethod
    def crumb_parent(version: ToolVersion) -> AuditTool:
        return version.tool

    def get_queryset(self):
        return ToolVersion.objects.select_related("tool")

    def get(self, request, pk):
        version = self.get_object()
        return render(
            request,
            "audits/version_detail.html",
            {
                "version": version,
                "sections": selectors.version_sections(version),
                "rounds": version.rounds.order_by("created_at"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


def _version_note(before: int, after: ToolVersion) -> str:
    """Tell the manager when a change went to a new version, and why."""
    if after.number == before:
        return ""
    return (
        f" Version {before} is used by a round, so the change made version {after.number}: "
        f"rounds already set up keep version {before}."
    )


class ToolPartFormView(RecordMixin, AuditFormView):
    """A change to a tool's section or question, which may make a new version."""

    permission_required = "audits.manage_tools"
    done = ""

    def tool(self) -> AuditTool:
        raise NotImplementedError

    def caption(self):
        return self.tool().name

    def get_crumb_parent(self) -> AuditTool:
        return self.tool()

    def change(self, data) -> ToolVersion:
        raise NotImplementedError

    def call_service(self, data):
        tool = self.tool()
        before = selectors.latest_version(tool).number
        self.message = self.done + _version_note(before, self.change(data))
        return tool

    def success_message(self, record):
        return self.message


class SectionAddView(ToolPartFormView):
    model = AuditTool
    form_class = SectionForm
    heading = "Add a section"
    intro = "A section groups the questions one set of agencies answers."
    done = "Section added."

    def tool(self):
        return self.get_object()

    def change(self, data):
        return tool_services.section_add(tool=self.get_object(), **data).version


class SectionObjectMixin:
    model: type[models.Model] = Section

    def get_queryset(self):
        return Section.objects.select_related("version__tool")

    def tool(self):
        return self.get_object().version.tool


class SectionEditView(SectionObjectMixin, ToolPartFormView):
    form_class = SectionForm
    heading = "Change the section"
    done = "Section changed."

    def initial(self):
        section = self.get_object()
        return {
            "title": section.title,
            "guidance": section.guidance,
            "agency_types": section.agency_types,
            "agencies": list(section.agencies.all()),
        }

    def change(self, data):
        return tool_services.section_update(section=self.get_object(), **data).version


class SectionRemoveView(SectionObjectMixin, ToolPartFormView):
    form_class = ConfirmForm
    heading = "Remove the section"
    done = "Section removed."

    def form_kwargs(self):
        return {"submit_label": "Remove the section and its questions"}

    @property
    def intro(self):
        section = self.get_object()
        count = section.questions.count()
        return (
            f"\u201c{section.title}\u201d and its {count} question{'s' if count != 1 else ''} "
            "will no longer be in the tool. Rounds already set up keep them."
        )

    def change(self, data):
        return tool_services.section_remove(section=self.get_object())


class QuestionAddView(SectionObjectMixin, ToolPartFormView):
    form_class = QuestionForm
    heading = "Add a question"
    done = "Question added."

    @property
    def intro(self):
        return f"To the section \u201c{self.get_object().title}\u201d."

    def change(self, data):
        return tool_services.question_add(section=self.get_object(), **data).section.version


class QuestionObjectMixin:
    model: type[models.Model] = Question

    def get_queryset(self):
        return Question.objects.select_related("section__version__tool")

    def tool(self):
        return self.get_object().section.version.tool


class QuestionEditView(QuestionObjectMixin, ToolPartFormView):
    form_class = QuestionForm
    heading = "Change the question"
    intro = (
        "A reworded question is compared with its earlier wording in a re-audit: if its "
        "meaning changes, remove it and add a new question instead."
    )
    done = "Question changed."

    def initial(self):
        question = self.get_object()
        return {
            "text": question.text,
            "kind": question.kind,
            "guidance": question.guidance,
            "answer_required": question.answer_required,
        }

    def change(self, data):
        return tool_services.question_update(question=self.get_object(), **data).section.version


class QuestionRemoveView(QuestionObjectMixin, ToolPartFormView):
    form_class = ConfirmForm
    heading = "Remove the question"
    done = "Question removed."

    def form_kwargs(self):
        return {"submit_label": "Remove the question"}

    @property
    def intro(self):
        return (
            f"\u201c{self.get_object().text}\u201d will no longer be in the tool. Rounds already "
            "set up keep it."
        )

    def change(self, data):
        return tool_services.question_remove(question=self.get_object())
