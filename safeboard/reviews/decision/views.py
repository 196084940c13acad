"""The decision against the criteria: its page, the form, and the chair's sign-off."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views import View

from safeboard.core.dates import long_date

from .. import lifecycle
from ..cases.forms import ConfirmForm
from ..cases.mixins import ReviewFormView, ReviewMixin
from ..frameworks.selectors import edition_criteria
from ..models import Decision
from . import services
from .forms import DecisionForm
from .selectors import decision_answers, decision_for_page


class DecisionView(ReviewMixin, View):
    """The recorded decision with every criterion's answer, or a prompt to record it."""

    def get(self, request, pk):
        review = self.get_review()
        decision = decision_for_page(review)
        user = request.user
        return render(
            request,
            "reviews/decision_detail.html",
            {
                "review": review,
                "decision": decision,
                "answers": decision_answers(decision) if decision else [],
                "agreements": list(decision.partner_agreements.all()) if decision else [],
                "can_change": lifecycle.decision_refusal(review, decision) is None,
                "can_sign_off": decision is not None
                and lifecycle.sign_off_refusal(decision) is None
                and user.has_perm("reviews.sign_off_decision", review),
                "crumbs": [*self.crumbs(), {"text": "Decision"}],
            },
        )


class DecisionRecordView(ReviewFormView):
    heading = "Decision against the criteria"
    success_text = "The decision has been recorded. The chair signs it off."

    def _criteria(self):
        if not hasattr(self, "_criteria_list"):
            self._criteria_list = edition_criteria(self.get_review().edition)
        return self._criteria_list

    def refusal(self):
        review = self.get_review()
        return lifecycle.decision_refusal(review, decision_for_page(review))

    def get_form(self, data=None, files=None):
        review = self.get_review()
        kwargs = {"review": review, "criteria": self._criteria()}
        if data is None:
            decision = decision_for_page(review)
            initial = DecisionForm.initial_for(decision) if decision else {}
            return DecisionForm(initial=initial, **kwargs)
        return DecisionForm(data, **kwargs)

    def call_service(self, data):
        review = self.get_review()
        fields = {key: data.get(key) for key in ("decided_by", "decided_on")}
        if services.partners_decide(review.edition):
            fields = {"partners": DecisionForm.partners_from(data)}
        return services.decision_record(
            review=review,
            outcome=data["outcome"],
            reasons=data["reasons"],
            answers=DecisionForm.answers_from(data, self._criteria()),
            recorded_by=self.request.user,
            **fields,
        )

    def page_context(self):
        context = super().page_context()
        review = self.get_review()
        context["intro"] = (
            f"Answer every criterion of {review.edition.name}, each with its reason, then "
            "record the decision. The chair signs it off."
        )
        if services.partners_decide(review.edition):
            context["intro"] = (
                f"Answer every criterion of {review.edition.name}, including those the "
                "partners should also have regard to, each with its reason; then record the "
                "decision and each safeguarding partner's answer. The chair signs it off."
            )
        return context

    def success_url(self, record):
        return record.get_absolute_url()


class DecisionSignOffView(ReviewFormView):
    permission_required = "reviews.sign_off_decision"
    heading = "Sign off the decision"
    success_text = "You have signed off the decision."

    def get_decision(self) -> Decision:
        decision = decision_for_page(self.get_review())
        if decision is None:
            raise Http404("There is no decision to sign off.")
        return decision

    def refusal(self):
        return lifecycle.sign_off_refusal(self.get_decision())

    def get_form(self, data=None, files=None):
        return ConfirmForm(data, submit_label="Sign off the decision")

    def page_context(self):
        decision = self.get_decision()
        context = super().page_context()
        by = (
            decision.decided_by.full_name
            if decision.decided_by
            else "the three safeguarding partners"
        )
        context["intro"] = (
            f"{decision.get_outcome_display()}, decided by {by} on "
            f"{long_date(decision.decided_on)}. Once signed off, the decision cannot be changed."
        )
        context["cancel_url"] = decision.get_absolute_url()
        return context

    def call_service(self, data):
        services.decision_sign_off(decision=self.get_decision(), signed_off_by=self.request.user)

    def success_url(self, record):
        return self.get_decision().get_absolute_url()
