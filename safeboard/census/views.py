"""The census import pages: the list, the upload, an import's progress and result, settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import CANCEL, CensusDecisionForm, CensusSettingsForm, CensusUploadForm
from .models import CensusImport, CensusSettings

PROGRESS_TEMPLATE = "census/includes/import_progress.html"
CONTINUED = "Those children are left out: the figures are being computed from the rest."
CANCELLED = "The import is cancelled: no figures were recorded and the file is deleted."
RUNNING_AGAIN = "The check is running again on the same file."


class ImportListView(RulePermissionMixin, View):
    permission_required = "census.list_imports"
    crumb_title = "Census imports"

    def get(self, request):
        sees_all = request.user.has_perm("census.list_every_import")
        agency_id = None if sees_all else request.user.agency_id
        return render(
            request,
            "census/import_list.html",
            {
                "imports": selectors.census_import_list(agency_id=agency_id),
                "sees_all": sees_all,
                "can_change_settings": request.user.has_perm("census.change_settings"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ImportUploadView(ServiceFormView):
    request: AuthenticatedHttpRequest
    permission_required = "census.upload_census"
    form_class = CensusUploadForm
    heading = "Import the Children in Need census"
    template_name = "census/import_upload.html"
    success_text = "The census is uploaded and being checked."

    def form_kwargs(self) -> dict:
        return {
            "agencies": services.census_agencies(),
            "choose_agency": self.request.user.has_perm("census.upload_for_any_agency"),
        }

    def call_service(self, data: dict) -> CensusImport:
        return services.census_import_upload(
            agency=data.get("agency") or self.request.user.agency,
            upload=data["file"],
            population=data["population"],
            uploaded_by=self.request.user,
        )

    crumb_parent = "census:import_list"


class ImportMixin(RecordMixin, RulePermissionMixin):
    model = CensusImport
    permission_required = "census.view_import"

    def get_queryset(self):
        return selectors.census_import_list()

    def get_permission_object(self) -> CensusImport:
        return self.get_object()


class ImportDetailView(ImportMixin, View):
    crumb_parent = "census:import_list"

    @staticmethod
    def crumb_title(census_import: CensusImport) -> str:
        return census_import.file_name

    def get(self, request, pk):
        return self.show(CensusDecisionForm())

    def show(self, form, status: int = 200):
        census_import = services.census_import_expire_if_stale(census_import=self.get_object())
        context = {
            "census_import": census_import,
            "form": form,
            "can_decide": census_import.status == CensusImport.Status.NEEDS_DECISION
            and self.request.user.has_perm("census.decide_import", census_import),
            "can_run_again": services.may_run_again(census_import)
            and self.request.user.has_perm("census.run_import_again", census_import),
            "figures": selectors.census_import_figures(census_import=census_import),
            "crumbs": breadcrumbs.page_trail(self),
        }
        return render(self.request, "census/import_detail.html", context, status=status)


class ImportProgressView(ImportMixin, View):
    """The progress partial the import page polls; a finished check reloads the whole page."""

    def get(self, request, pk):
        census_import = services.census_import_expire_if_stale(census_import=self.get_object())
        from_htmx = bool(request.headers.get("HX-Request"))
        context = {"census_import": census_import, "swap_status": from_htmx}
        response = render(request, PROGRESS_TEMPLATE, context)
        if from_htmx and not census_import.is_running:
            # The page now needs the problems or the figures, not only the bar.
            response["HX-Refresh"] = "true"
        return response


class ImportDecideView(ImportDetailView):
    permission_required = "census.decide_import"
    http_method_names = ["post"]

    def post(self, request, pk):
        form = CensusDecisionForm(request.POST)
        if form.is_valid():
            census_import = self.get_object()
            cancel = form.cleaned_data["decision"] == CANCEL
            decide = services.census_import_cancel if cancel else services.census_import_continue
            try:
                decide(census_import=census_import, decided_by=request.user)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, CANCELLED if cancel else CONTINUED)
                return redirect(census_import)
        return self.show(form, status=400)


class ImportRunAgainView(ImportMixin, View):
    """Queue the check again for an import whose check stopped before it finished."""

    permission_required = "census.run_import_again"
    http_method_names = ["post"]

    def post(self, request, pk):
        census_import = self.get_object()
        try:
            services.census_import_run_again(census_import=census_import, requested_by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, RUNNING_AGAIN)
        return redirect(census_import)


class CensusSettingsView(ServiceFormView):
    request: AuthenticatedHttpRequest
    permission_required = "census.change_settings"
    form_class = CensusSettingsForm
    heading = "Census import settings"
    success_text = "Census import settings saved."

    def initial(self) -> dict:
        return {"retain_child_rows": "yes" if CensusSettings.load().retain_child_rows else "no"}

    def call_service(self, data: dict) -> CensusSettings:
        return services.census_settings_update(
            retain_child_rows=data["retain_child_rows"], changed_by=self.request.user
        )

    def success_url(self, record) -> str:
        return reverse("census:import_list")

    crumb_parent = "census:import_list"

    def page_context(self) -> dict:
        return {
            "lead": (
                "The figures are computed from the child-level rows of the census. By default "
                "the file and the rows are deleted as soon as the figures are recorded."
            )
        }
