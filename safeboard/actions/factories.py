from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.partnership.factories import PersonFactory

from .models import Action


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    title = factory.Faker("sentence", nb_words=6)
    owner_person = factory.SubFactory(PersonFactory)
    owner_agency = factory.LazyAttribute(lambda action: action.owner_person.agency)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
