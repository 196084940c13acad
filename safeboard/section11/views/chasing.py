"""The chase list: who has not returned, every chase so far, and chasing by hand."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from .. import chase_services, selectors, services
from ..forms import ChaseForm, ChiefOfficerForm, ExtensionForm
from ..models import Chase, ChiefOfficer
from .common import FORM_TEMPLATE, CycleObjectMixin, ReturnFormView


class ChaseListView(CycleObjectMixin, View):
    permission_required = "section11.view_chasing"
    crumb_title = "Organisations yet to return"

    def get(self, request, pk):
        cycle = self.get_object()
        today = timezone.localdate()
        can_chase = cycle.is_open and request.user.has_perm("section11.chase")
        return render(
            request,
            "section11/chase_list.html",
            {
                "cycle": cycle,
                "rows": selectors.non_returns(cycle, today=today),
                "today": today,
                "can_chase": can_chase,
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ChaseView(ReturnFormView):
    permission_required = "section11.chase"
    form_class = ChaseForm
    heading = "Chase the organisation"
    intro = (
        "Every chase is recorded on the chase list. A reminder goes to the organisation's "
        "agency leads; an escalation letter goes to its chief officer, copied to them."
    )

    def call_service(self, data):
        return chase_services.chase_by_hand(
            agency_return=self.get_object(), recorded_by=self.request.user, **data
        )

    def success_message(self, record):
        return (
            f"Recorded: {record.get_kind_display().lower()}, {record.get_method_display().lower()}."
        )

    def success_url(self, record):
        return reverse("section11:chase_list", args=[self.get_object().cycle_id]) + (
            f"#return-{self.get_object().pk}"
        )


class ExtensionView(ReturnFormView):
    permission_required = "section11.chase"
    form_class = ExtensionForm
    heading = "Extend the deadline"
    intro = "The organisation's reminders and letters start again from its new deadline."
    success_text = "The deadline has been extended."

    def initial(self):
        agency_return = self.get_object()
        return {"extended_to": agency_return.extended_to, "reason": agency_return.extension_reason}

    def call_service(self, data):
        services.return_extend_deadline(agency_return=self.get_object(), **data)


class ChiefOfficerView(RecordMixin, ServiceFormView):
    """Who an organisation's escalation letters go to; kept by the business manager."""

    permission_required = "section11.chase"
    model = Agency
    form_class = ChiefOfficerForm
    heading = "Chief officer"
    template_name = FORM_TEMPLATE

    def initial(self):
        officer = ChiefOfficer.objects.filter(agency=self.get_object()).first()
        if officer is None:
            return {}
        return {
            "full_name": officer.full_name,
            "job_title": officer.job_title,
            "email": officer.email,
        }

    def page_context(self):
        return {
            "caption": self.get_object().name,
            "intro": "Escalation letters about overdue Section 11 returns are addressed to them.",
        }

    def call_service(self, data):
        services.chief_officer_save(agency=self.get_object(), **data)

    def success_message(self, record):
        return f"{self.get_object().name}'s chief officer has been saved."

    def success_url(self, record):
        back = self.request.GET.get("next", "")
        if back.startswith("/section-11/"):
            return back
        return reverse("section11:cycle_list")

    crumb_parent = "section11:cycle_list"


class LetterFileView(RecordMixin, RulePermissionMixin, View):
    """The printable copy of an escalation letter, checked like the return it chased."""

    permission_required = "section11.view_return"
    model = Chase

    def get_queryset(self):
        return Chase.objects.select_related("agency_return")

    def get_permission_object(self):
        return self.get_object().agency_return

    def get(self, request, pk):
        chase = self.get_object()
        if not chase.letter:
            raise Http404("This chase has no letter.")
        return FileResponse(
            chase.letter.open("rb"),
            filename=chase.letter.name.rsplit("/", 1)[-1],
            content_type="application/pdf",
        )
