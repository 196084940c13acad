"""The attendee's pages: the evaluation, the certificate, and the follow-up survey."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core.pdf import pdf_response

from ..booking import states
from ..models import Booking
from ..pages import BookingObjectMixin, RecordFormView, session_label
from . import services
from .forms import EvaluationForm, FollowUpForm

CERTIFICATE_TEMPLATE = "learning/pdf/certificate.html"
REFUSALS = {
    states.CERTIFICATE_NOT_ATTENDED: (
        "A certificate is given only to someone marked as having attended the session."
    ),
    states.CERTIFICATE_NEEDS_EVALUATION: (
        "The certificate is released once the evaluation of the session is complete."
    ),
}


class AttendeeFormView(BookingObjectMixin, RecordFormView):
    def caption(self):
        booking = self.get_object()
        return f"{booking.session.course.title}, {session_label(booking.session)}"


class EvaluationView(AttendeeFormView):
    permission_required = "learning.evaluate"
    form_class = EvaluationForm
    heading = "Evaluate the session"
    intro = (
        "For each learning outcome, rate how confident you were before the session and how "
        "confident you are now. Your answers are reported only as averages."
    )
    success_text = "Thank you: your evaluation has been sent and your certificate is ready."

    def form_kwargs(self):
        booking = self.get_object()
        return {"outcomes": list(booking.session.course.outcomes.order_by("position", "id"))}

    def refusal(self):
        return states.evaluation_refusal(self.get_object())

    def call_service(self, data):
        services.evaluation_submit(booking=self.get_object(), **self.form.service_arguments())


class FollowUpView(AttendeeFormView):
    permission_required = "learning.respond_to_follow_up"
    form_class = FollowUpForm
    heading = "Three months on: has your practice changed?"
    intro = (
        "The partnership asks everyone who attended, three months later, what the training "
        "changed in their work. It is how the board knows training made a difference."
    )
    success_text = "Thank you: your answer has been sent."

    def refusal(self):
        return states.follow_up_refusal(states.follow_up_of(self.get_object()))

    def call_service(self, data):
        services.follow_up_respond(booking=self.get_object(), **data)


class CertificateView(BookingObjectMixin, View):
    """The certificate as a PDF, once the attendee has completed the evaluation; until then
    a page that says why not, refused (403)."""

    permission_required = "learning.download_certificate"

    def get(self, request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        booking: Booking = self.get_object()
        refusal = states.certificate_refusal(booking)
        if refusal is not None:
            is_own = booking.learner.user_id == request.user.pk
            return render(
                request,
                "learning/certificate_refused.html",
                {
                    "booking": booking,
                    "reason": REFUSALS[refusal],
                    "evaluation_url": reverse("learning:evaluation", args=[booking.pk])
                    if is_own and refusal == states.CERTIFICATE_NEEDS_EVALUATION
                    else None,
                    "crumbs": self.crumbs() + [{"text": "Certificate"}],
                },
                status=403,
            )
        return pdf_response(
            CERTIFICATE_TEMPLATE,
            services.certificate_context(booking),
            filename=f"certificate-{booking.pk}.pdf",
            request=request,
        )
