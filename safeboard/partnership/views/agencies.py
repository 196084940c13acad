"""Agencies of the partnership: the list, one agency's page, and the business manager's forms."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import AgencyFilterForm, AgencyForm
from ..models import Agency

AGENCY_FIELDS = ("name", "short_name", "type", "is_statutory_partner", "is_active")


class AgencyListView(RulePermissionMixin, View):
    permission_required = "partnership.list_agencies"
    crumb_title = "Agencies"

    def get(self, request):
        filter_form = AgencyFilterForm(request.GET or None)
        agency_type = filter_form.cleaned_data["type"] if filter_form.is_valid() else ""
        return render(
            request,
            "partnership/agency_list.html",
            {
                "agencies": selectors.agency_list(type=agency_type),
                "filter_form": filter_form,
                "filtered": bool(agency_type),
                "can_add": request.user.has_perm("partnership.manage_agencies"),
                "section": "agencies",
            },
        )


class AgencyDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "partnership.view_agency"
    crumb_parent = "partnership:agency_list"

    @staticmethod
    def crumb_title(agency) -> str:
        return agency.name

    model = Agency

    def get(self, request, pk):
        agency = self.get_object()
        return render(
            request,
            "partnership/agency_detail.html",
            {
                "agency": agency,
                "people": selectors.agency_people(agency=agency),
                "memberships": selectors.agency_current_memberships(agency=agency),
                "can_edit": request.user.has_perm("partnership.manage_agencies", agency),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class AgencyCreateView(ServiceFormView):
    permission_required = "partnership.manage_agencies"
    form_class = AgencyForm
    heading = "Add an agency"

    def call_service(self, data):
        return services.agency_create(**data)

    def success_message(self, record):
        return f"{record.name} added."

    crumb_parent = "partnership:agency_list"


class AgencyEditView(RecordMixin, ServiceFormView):
    permission_required = "partnership.manage_agencies"
    model = Agency
    form_class = AgencyForm
    heading = "Change the agency"

    def initial(self):
        agency = self.get_object()
        return {field: getattr(agency, field) for field in AGENCY_FIELDS}

    def call_service(self, data):
        return services.agency_update(agency=self.get_object(), **data)

    def success_message(self, record):
        return f"{record.name} changed."

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().name}
