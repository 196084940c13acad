"""The challenged agency's page: its answer to the board."""

from __future__ import annotations

from .. import services, states
from ..forms import ChallengeResponseForm
from .common import ChallengeFormView


class ChallengeRespondView(ChallengeFormView):
    permission_required = "challenges.respond_to_challenge"
    transition = states.RESPOND
    form_class = ChallengeResponseForm
    heading = "Respond to the challenge"
    intro = "The board will judge your response: it may accept it, challenge further or escalate."
    success_text = "Your response has been sent to the board."

    def call_service(self, data):
        services.challenge_respond(
            challenge=self.get_object(), text=data["text"], responded_by=self.request.user
        )
