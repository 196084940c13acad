from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import GroupFactory, PersonFactory

from . import models


class MeetingFactory(ModelFactory):
    class Meta:
        model = models.Meeting

    group = factory.SubFactory(GroupFactory)
    title = factory.LazyAttribute(lambda meeting: f"{meeting.group.name} meeting")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    location = "Council House, Committee Room 2"


class AgendaItemFactory(ModelFactory):
    class Meta:
        model = models.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Faker("sentence", nb_words=4)


class DecisionFactory(ModelFactory):
    class Meta:
        model = models.Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Faker("sentence", nb_words=10)


class AttendanceFactory(ModelFactory):
    class Meta:
        model = models.Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    agency = factory.LazyAttribute(lambda attendance: attendance.person.agency)
    status = models.Attendance.Status.PRESENT
