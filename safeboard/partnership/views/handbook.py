"""The members' handbook: every page in order, kept up to date by the business manager."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import HandbookPageForm
from ..models import HandbookPage


class HandbookView(RulePermissionMixin, View):
    permission_required = "partnership.view_handbook"
    crumb_title = "Handbook"

    def get(self, request):
        return render(
            request,
            "partnership/handbook.html",
            {
                "pages": selectors.handbook_pages(),
                "can_edit": request.user.has_perm("partnership.edit_handbook"),
            },
        )


class HandbookPageCreateView(ServiceFormView):
    permission_required = "partnership.edit_handbook"
    form_class = HandbookPageForm
    heading = "Add a handbook page"

    def call_service(self, data):
        return services.handbook_page_create(**data)

    def success_message(self, record):
        return f"\u201c{record.title}\u201d added to the handbook."

    crumb_parent = "partnership:handbook"


class HandbookPageEditView(RecordMixin, ServiceFormView):
    permission_required = "partnership.edit_handbook"
    model = HandbookPage
    form_class = HandbookPageForm
    heading = "Change a handbook page"

    def initial(self):
        page = self.get_object()
        return {"title": page.title, "body": page.body}

    def call_service(self, data):
        return services.handbook_page_update(page=self.get_object(), **data)

    def success_message(self, record):
        return f"\u201c{record.title}\u201d changed."

    crumb_parent = "partnership:handbook"

    def page_context(self):
        return {"caption": self.get_object().title}
