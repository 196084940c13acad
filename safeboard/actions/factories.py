from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import PersonFactory

from .models import Action, Evidence


class ActionFactory(ModelFactory):
    class Meta:
        model = Action

    title = factory.Faker("sentence", nb_words=6)
    owner_person = factory.SubFactory(PersonFactory)
    owner_agency = factory.LazyAttribute(lambda action: action.owner_person.agency)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class EvidenceFactory(ModelFactory):
    """Evidence that an action made a difference."""

    class Meta:
        model = Evidence

    action = factory.SubFactory(ActionFactory)
    description = "The change was checked in the next audit."
    evidence_dated = factory.LazyFunction(timezone.localdate)
