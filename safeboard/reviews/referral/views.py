"""The referral of a new case for consideration, and the two statutory steps recorded
before the decision: the notification and the rapid review."""

from __future__ import annotations

from django.utils import timezone

from safeboard.core.dates import long_date
from safeboard.core.service_views import ServiceFormView

from .. import lifecycle
from ..cases.mixins import FORM_TEMPLATE, ReviewFormView, list_crumb
from ..frameworks.timescales import notification_due, rapid_review_due
from ..models import Review
from . import services
from .forms import RapidReviewForm, ReferralForm, SentOnForm


class ReferCaseView(ServiceFormView):
    permission_required = "reviews.refer_case"
    form_class = ReferralForm
    heading = "Refer a case for consideration"
    template_name = FORM_TEMPLATE

    def call_service(self, data):
        return services.refer_case(referred_by=self.request.user, **data)

    def success_message(self, record):
        return f"Case {record.reference} referred. Its due dates are below."

    def crumbs(self):
        return [list_crumb()]

    def page_context(self):
        return {
            "intro": "A case where a child has died or been seriously harmed, or where there "
            "may be learning although the criteria are not met. Use a pseudonym only."
        }


class SentOnView(ReviewFormView):
    """A statutory step recorded by the day it was sent, with its due date beside the form."""

    def get_form(self, data=None, files=None):
        if data is None:
            return SentOnForm(initial={"sent_on": timezone.localdate()}, submit_label="Save")
        return SentOnForm(data, submit_label="Save")

    def due(self, review: Review):
        raise NotImplementedError

    def page_context(self):
        review = self.get_review()
        due = self.due(review)
        context = super().page_context()
        if due:
            context["due_text"] = f"Due by {long_date(due)} ({review.edition})."
        return context


class NotificationSentView(SentOnView):
    heading = "Record the notification"
    success_text = "The notification has been recorded."

    def due(self, review: Review):
        return notification_due(review)

    def refusal(self):
        return lifecycle.notification_refusal(self.get_review())

    def page_context(self):
        body = self.get_review().edition.notification_body or "the national body"
        return {
            **super().page_context(),
            "intro": f"The day the serious incident was notified to {body}.",
        }

    def call_service(self, data):
        services.record_notification_sent(review=self.get_review(), sent_on=data["sent_on"])


class RapidReviewView(ReviewFormView):
    """The rapid review's record: written by the partners, sent to the Panel, answered."""

    heading = "The rapid review"
    success_text = "The rapid review has been saved."
    intro = (
        "What the partners found and decided in their rapid review. Record the day it was "
        "sent to the Panel, and the Panel's response when it comes."
    )

    def refusal(self):
        return lifecycle.rapid_review_refusal(self.get_review())

    def get_form(self, data=None, files=None):
        if data is None:
            return RapidReviewForm(initial=RapidReviewForm.initial_for(self.get_review()))
        return RapidReviewForm(data)

    def page_context(self):
        review = self.get_review()
        context = super().page_context()
        due = rapid_review_due(review, notification_sent_on=review.notification_sent_on)
        if due:
            context["due_text"] = f"Due to the Panel by {long_date(due)} ({review.edition})."
        return context

    def call_service(self, data):
        return services.rapid_review_record(
            review=self.get_review(), recorded_by=self.request.user, **data
        )

    def success_url(self, record):
        return record.get_absolute_url()
