"""Factories for the challenge log; the tests and the demo partnership both use them.

A factory writes rows directly, so it can place a challenge at any stage of its life; the
services are how a challenge moves through those stages in the product.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import AgencyFactory, PersonFactory

from . import models
from .services import next_challenge_reference


def _days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


class ChallengeFactory(ModelFactory):
    """A challenge awaiting a response, raised a fortnight ago and due in a fortnight."""

    class Meta:
        model = models.Challenge

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Faker("sentence", nb_words=6)
    issue = "Why are so few strategy discussions attended by the police and health?"
    evidence = "The multi-agency audit of strategy discussions this spring."
    raised_by = factory.SubFactory(PersonFactory)
    raised_on = factory.LazyFunction(lambda: _days_ago(14))
    response_due_on = factory.LazyAttribute(
        lambda challenge: challenge.raised_on + datetime.timedelta(days=28)
    )
    reference = factory.LazyAttribute(
        lambda challenge: next_challenge_reference(challenge.raised_on.year)
    )

    class Params:
        overdue = factory.Trait(
            raised_on=factory.LazyFunction(lambda: _days_ago(60)),
            response_due_on=factory.LazyFunction(lambda: _days_ago(30)),
        )
        responded = factory.Trait(status=models.Challenge.Status.RESPONDED)
        closed = factory.Trait(
            status=models.Challenge.Status.CLOSED,
            closed_on=factory.LazyFunction(timezone.localdate),
            outcome="The agency agreed to attend every strategy discussion.",
        )


class ChallengeResponseFactory(ModelFactory):
    class Meta:
        model = models.ChallengeResponse

    challenge = factory.SubFactory(ChallengeFactory, responded=True)
    text = "We have reviewed our attendance and named a lead for strategy discussions."
    responded_on = factory.LazyFunction(timezone.localdate)


class ChallengeEscalationFactory(ModelFactory):
    class Meta:
        model = models.ChallengeEscalation

    challenge = factory.SubFactory(ChallengeFactory, overdue=True)
    level = models.EscalationLevel.BOARD_MEMBER
    escalated_on = factory.LazyFunction(timezone.localdate)
    reason = "No response ten days after the response was due."
    is_automatic = True


class ChallengeThemeFactory(ModelFactory):
    """A theme a challenge is about (its theme= is required: themes are seeded, not made)."""

    class Meta:
        model = models.Challenge.themes.through

    challenge = factory.SubFactory(ChallengeFactory)
