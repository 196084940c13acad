"""The standard library: the sets a cycle copies its standards from, kept by the business
manager. Editing the library never changes a cycle that already has its copy."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import services
from ..forms import LibraryStandardForm
from ..models import Standard, StandardSet
from .common import FORM_TEMPLATE
from .cycles import standard_initial


class StandardSetListView(RulePermissionMixin, View):
    permission_required = "section11.view_library"
    crumb_title = "Standard library"
    crumb_parent = "section11:cycle_list"

    def get(self, request):
        sets = StandardSet.objects.prefetch_related("standards").order_by("kind", "name")
        return render(
            request,
            "section11/standard_set_list.html",
            {"sets": sets, "crumbs": breadcrumbs.page_trail(self)},
        )


class StandardSetDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "section11.view_library"
    model = StandardSet
    crumb_parent = "section11:standard_set_list"

    @staticmethod
    def crumb_title(standard_set: StandardSet) -> str:
        return standard_set.name

    def get(self, request, pk):
        standard_set = self.get_object()
        return render(
            request,
            "section11/standards.html",
            {
                "standard_set": standard_set,
                "title": standard_set.name,
                "standards": list(standard_set.standards.order_by("position", "id")),
                "can_edit": request.user.has_perm("section11.edit_library"),
                "add_url": reverse("section11:library_standard_add", args=[standard_set.pk]),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class LibraryStandardFormView(RecordMixin, ServiceFormView):
    permission_required = "section11.edit_library"
    model = StandardSet
    form_class = LibraryStandardForm
    template_name = FORM_TEMPLATE

    def get_standard(self) -> Standard:
        if "standard_pk" not in self.kwargs:
            return Standard(standard_set=self.get_object())
        return get_object_or_404(
            Standard, pk=self.kwargs["standard_pk"], standard_set=self.get_object()
        )

    def page_context(self):
        return {
            "caption": self.get_object().name,
            "intro": "Cycles already set up keep their own copy of the standards.",
        }

    def success_url(self, record):
        return self.get_object().get_absolute_url()

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def call_service(self, data):
        services.standard_save(standard=self.get_standard(), **data)


class LibraryStandardAddView(LibraryStandardFormView):
    heading = "Add a standard"
    success_text = "The standard has been added to the library."


class LibraryStandardEditView(LibraryStandardFormView):
    heading = "Change the standard"
    success_text = "The standard has been changed in the library."

    def initial(self):
        standard = self.get_standard()
        return {**standard_initial(standard), "themes": list(standard.themes.all())}
