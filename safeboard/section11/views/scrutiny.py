"""Moderation and peer challenge: the board checks what organisations declared."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import scrutiny_services, selectors
from ..forms import (
    ConclusionForm,
    EvidenceRequestForm,
    ModerationForm,
    RequestResponseForm,
    SampleForm,
)
from ..models import EvidenceRequest, Return
from .common import FORM_TEMPLATE, CycleFormView, CycleObjectMixin, ReturnFormView


class ModerationView(ReturnFormView):
    permission_required = "section11.moderate"
    form_class = ModerationForm
    heading = "Moderate the return"
    intro = (
        "The panel's agreed score for each standard, beside the organisation's own, with the "
        "reason. Leave a standard not moderated where the panel agreed no score."
    )
    success_text = "The moderated scores have been saved."

    def form_kwargs(self):
        agency_return = self.get_object()
        ratings = list(
            agency_return.ratings.select_related("standard").order_by(
                "standard__position", "standard_id"
            )
        )
        for rating in ratings:
            rating.agency_return = agency_return
        return {"ratings": ratings}

    def get_form(self, data=None, files=None):
        self.form = super().get_form(data, files)
        return self.form

    def call_service(self, data):
        scrutiny_services.return_moderate(
            agency_return=self.get_object(),
            scores=self.form.scores(),
            moderated_by=self.request.user,
        )


class RequestEvidenceView(ReturnFormView):
    permission_required = "section11.request_evidence"
    form_class = EvidenceRequestForm
    heading = "Ask for the evidence"
    intro = "The organisation is asked to show the evidence behind its score for this standard."

    def call_service(self, data):
        return scrutiny_services.evidence_request_create(
            rating=self.get_rating(), requested_by=self.request.user, **data
        )

    def success_message(self, record):
        return "The request has been sent: the organisation's leads are reminded until they answer."

    def success_url(self, record):
        return record.get_absolute_url()


class RequestListView(CycleObjectMixin, View):
    permission_required = "section11.view_requests"
    crumb_title = "Peer challenge"

    def get(self, request, pk):
        cycle = self.get_object()
        return render(
            request,
            "section11/request_list.html",
            {
                "cycle": cycle,
                "requests": list(selectors.cycle_requests(cycle)),
                "can_sample": not cycle.is_closed
                and request.user.has_perm("section11.request_evidence"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class SampleDrawView(CycleFormView):
    permission_required = "section11.request_evidence"
    form_class = SampleForm
    heading = "Sample self-declarations"
    intro = (
        "SafeBoard draws the standards at random from those that submitted returns say they "
        "meet, and asks each organisation for the evidence behind its declaration."
    )

    def call_service(self, data):
        self.drawn = scrutiny_services.sample_draw(
            cycle=self.get_object(), requested_by=self.request.user, **data
        )

    def success_message(self, record):
        count = len(self.drawn)
        return f"{count} self-declaration{'s' if count != 1 else ''} sampled: evidence requested."

    def success_url(self, record):
        return reverse("section11:request_list", args=[self.get_object().pk])


class RequestObjectMixin(RecordMixin, RulePermissionMixin):
    model = EvidenceRequest

    def get_queryset(self):
        return EvidenceRequest.objects.select_related(
            "rating__standard",
            "rating__agency_return__agency",
            "rating__agency_return__cycle",
            "requested_by__person",
            "responded_by__person",
            "concluded_by__person",
        )

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class RequestDetailView(RequestObjectMixin, View):
    permission_required = "section11.view_request"

    @staticmethod
    def crumb_title(evidence_request: EvidenceRequest) -> str:
        return f"Evidence for {evidence_request.rating.standard.code}"

    @staticmethod
    def crumb_parent(evidence_request: EvidenceRequest) -> Return:
        return evidence_request.rating.agency_return

    def get(self, request, pk):
        evidence_request = self.get_object()
        user = request.user
        status = EvidenceRequest.Status
        scale = evidence_request.rating.agency_return.cycle.scale
        return render(
            request,
            "section11/request_detail.html",
            {
                "evidence_request": evidence_request,
                "rating": evidence_request.rating,
                "agency_return": evidence_request.rating.agency_return,
                "declared": scale.describe(evidence_request.rating.self_score),
                "moderated": scale.describe(evidence_request.rating.moderated_score)
                if evidence_request.rating.moderated_score is not None
                else "",
                "evidence": list(evidence_request.evidence.all()),
                "can_respond": evidence_request.status == status.OPEN
                and user.has_perm("section11.respond_to_request", evidence_request),
                "can_conclude": evidence_request.status != status.CONCLUDED
                and user.has_perm("section11.conclude_request", evidence_request),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class RequestFormView(RequestObjectMixin, ServiceFormView):
    template_name = FORM_TEMPLATE
    intro = ""
    multipart = False

    def page_context(self):
        evidence_request = self.get_object()
        agency_return = evidence_request.rating.agency_return
        return {
            "caption": f"{agency_return.agency}: {agency_return.cycle}",
            "intro": self.intro,
            "multipart": self.multipart,
            "standard": evidence_request.rating.standard,
            "evidence_request": evidence_request,
        }


class RequestRespondView(RequestFormView):
    permission_required = "section11.respond_to_request"
    form_class = RequestResponseForm
    heading = "Respond to the request for evidence"
    multipart = True
    success_text = "Your response has been sent to the board."

    def call_service(self, data):
        scrutiny_services.evidence_request_respond(
            request=self.get_object(), responded_by=self.request.user, **data
        )


class RequestConcludeView(RequestFormView):
    permission_required = "section11.conclude_request"
    form_class = ConclusionForm
    heading = "Conclude the peer challenge"
    success_text = "The conclusion has been recorded."

    def call_service(self, data):
        scrutiny_services.evidence_request_conclude(
            request=self.get_object(), concluded_by=self.request.user, **data
        )
