"""The board's pages, for the business manager and the chair: raise, judge, close, follow up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import (
    ChallengeActionForm,
    ChallengeCloseForm,
    ChallengeRaiseForm,
    ImpactForm,
    JudgementForm,
)
from ..models import ChallengeResponse
from .common import FORM_TEMPLATE, ChallengeFormView, log_crumb


class ChallengeRaiseView(RulePermissionMixin, View):
    permission_required = "challenges.raise_challenge"
    heading = "Raise a challenge"

    def get(self, request):
        return self.show(ChallengeRaiseForm(initial={"raised_by": request.user.person}))

    def post(self, request):
        form = ChallengeRaiseForm(request.POST)
        if form.is_valid():
            try:
                challenge = services.challenge_raise(created_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Challenge {challenge.reference} raised.")
                return redirect(challenge)
        return self.show(form, status=400)

    def show(self, form, status=200):
        context = {
            "form": form,
            "heading": self.heading,
            "crumbs": [log_crumb(), {"text": self.heading}],
        }
        return render(self.request, FORM_TEMPLATE, context, status=status)


class JudgementView(ChallengeFormView):
    permission_required = "challenges.judge_response"
    form_class = JudgementForm
    heading = "Judge the response"
    success_message = "The judgement has been recorded."

    def extra_context(self):
        response = selectors.latest_unjudged_response(challenge=self.get_object())
        return {"response": response, "judging": True}

    def call_service(self, data):
        response = services.challenge_judge(
            challenge=self.get_object(), judged_by=self.request.user, **data
        )
        if response.judgement == ChallengeResponse.Judgement.ACCEPTED:
            self.success_message = (
                "The response has been accepted. Close the challenge when you have its outcome."
            )


class ChallengeCloseView(ChallengeFormView):
    permission_required = "challenges.close_challenge"
    form_class = ChallengeCloseForm
    heading = "Close the challenge"
    success_message = "The challenge is closed."

    def call_service(self, data):
        services.challenge_close(challenge=self.get_object(), **data)


class ImpactView(ChallengeFormView):
    permission_required = "challenges.record_impact"
    form_class = ImpactForm
    heading = "Evidence of impact"
    intro = "What changed as a result of the challenge. It shows in the log as closed with impact."
    success_message = "The evidence of impact has been saved."

    def initial(self):
        return {"impact_evidence": self.get_object().impact_evidence}

    def call_service(self, data):
        services.challenge_record_impact(challenge=self.get_object(), **data)


class ChallengeActionAddView(ChallengeFormView):
    permission_required = "challenges.add_action"
    form_class = ChallengeActionForm
    heading = "Add an action"
    intro = "The action joins the partnership\u2019s action plan, linked to this challenge."
    success_message = "Action added."

    def call_service(self, data):
        services.challenge_add_action(
            challenge=self.get_object(), created_by=self.request.user, **data
        )
