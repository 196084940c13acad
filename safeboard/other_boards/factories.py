"""Factories for the record of other boards, for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.challenges.factories import ChallengeFactory
from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import PersonFactory

from . import models


class BoardFactory(ModelFactory):
    class Meta:
        model = models.Board

    name = factory.Sequence(lambda n: f"Shire Safeguarding Adults Board {n}")
    kind = models.Board.Kind.ADULTS


class ProtocolFactory(ModelFactory):
    class Meta:
        model = models.Protocol

    board = factory.SubFactory(BoardFactory)
    title = "Transition from children's to adults' safeguarding"
    agreed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=300))
    review_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=65))
    lead_person = factory.SubFactory(PersonFactory)


class BoardChallengeFactory(ModelFactory):
    class Meta:
        model = models.BoardChallenge

    board = factory.SubFactory(BoardFactory)
    challenge = factory.SubFactory(ChallengeFactory)
    direction = models.BoardChallenge.Direction.RAISED_BY_US
