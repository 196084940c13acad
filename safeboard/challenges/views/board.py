"""The board's pages, for the business manager and the chair: raise, judge, close, follow up."""

from __future__ import annotations

from safeboard.core.service_views import ServiceFormView

from .. import services, states
from ..forms import (
    ChallengeActionForm,
    ChallengeCloseForm,
    ChallengeRaiseForm,
    ChallengeThemesForm,
    JudgementForm,
)
from ..models import ChallengeResponse
from .common import FORM_TEMPLATE, ChallengeFormView


class ChallengeRaiseView(ServiceFormView):
    permission_required = "challenges.raise_challenge"
    form_class = ChallengeRaiseForm
    heading = "Raise a challenge"
    template_name = FORM_TEMPLATE

    def initial(self):
        return {"raised_by": self.request.user.person}

    def call_service(self, data):
        return services.challenge_raise(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"Challenge {record.reference} raised."

    crumb_parent = "challenges:list"


class ChallengeThemesView(ChallengeFormView):
    """The themes a challenge is about, chosen when it is raised and changed here."""

    permission_required = "challenges.raise_challenge"
    form_class = ChallengeThemesForm
    heading = "Change the themes"
    intro = "Each theme\u2019s page, and every priority addressing it, shows the challenge."
    success_text = "The themes have been changed."

    def form_kwargs(self):
        return {"challenge": self.get_object()}

    def initial(self):
        return {"themes": list(self.get_object().themes.all())}

    def call_service(self, data):
        services.challenge_set_themes(challenge=self.get_object(), **data)


class JudgementView(ChallengeFormView):
    permission_required = "challenges.judge_response"
    transition = states.JUDGE
    form_class = JudgementForm
    heading = "Judge the response"
    success_text = "The judgement has been recorded."

    def page_context(self):
        response = states.pending_response(self.get_object())
        return {**super().page_context(), "response": response, "judging": True}

    def call_service(self, data):
        response = services.challenge_judge(
            challenge=self.get_object(), judged_by=self.request.user, **data
        )
        if response.judgement == ChallengeResponse.Judgement.ACCEPTED:
            self.success_text = (
                "The response has been accepted. Close the challenge when you have its outcome."
            )


class ChallengeCloseView(ChallengeFormView):
    permission_required = "challenges.close_challenge"
    transition = states.CLOSE
    form_class = ChallengeCloseForm
    heading = "Close the challenge"
    success_text = "The challenge is closed."

    def call_service(self, data):
        services.challenge_close(challenge=self.get_object(), **data)


class ChallengeActionAddView(ChallengeFormView):
    permission_required = "challenges.add_action"
    form_class = ChallengeActionForm
    heading = "Add an action"
    intro = "The action joins the partnership\u2019s action plan, linked to this challenge."
    success_text = "Action added."

    def call_service(self, data):
        services.challenge_add_action(
            challenge=self.get_object(), created_by=self.request.user, **data
        )
