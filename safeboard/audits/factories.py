"""Factories for case audits; the tests use them to place a round at any stage of its life.

A factory writes rows directly; the services are how a round moves through its stages in
the product.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from safeboard.core.factories import ModelFactory
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme

from . import models


def _days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class AuditToolFactory(ModelFactory):
    class Meta:
        model = models.AuditTool
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Strategy discussions {n}")
    purpose = "Whether strategy discussions plan the Section 47 enquiry with every agency."


class ToolVersionFactory(ModelFactory):
    class Meta:
        model = models.ToolVersion

    tool = factory.SubFactory(AuditToolFactory)
    number = 1

    class Params:
        frozen = factory.Trait(frozen_at=factory.LazyFunction(timezone.now))


class SectionFactory(ModelFactory):
    class Meta:
        model = models.Section

    version = factory.SubFactory(ToolVersionFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Section {n}")
    agency_types = factory.LazyFunction(list)


class QuestionFactory(ModelFactory):
    class Meta:
        model = models.Question

    section = factory.SubFactory(SectionFactory)
    position = factory.Sequence(lambda n: n)
    text = "Does the record state the planned investigation?"
    kind = models.Question.Kind.YES_NO_PARTLY


def two_section_version(*, frozen: bool = True) -> models.ToolVersion:
    """A tool's version with a section for the police only (a yes/no/partly question and a
    grade) and a section every agency answers (a yes/no/partly question and free text)."""
    version = ToolVersionFactory.create(frozen=frozen)
    police = SectionFactory(version=version, title="The police", agency_types=[Agency.Type.POLICE])
    everyone = SectionFactory(version=version, title="Every agency")
    QuestionFactory(section=police, text="Was the child seen within the timescale?")
    QuestionFactory(
        section=police,
        text="How good was the joint investigation?",
        kind=models.Question.Kind.GRADE,
    )
    QuestionFactory(section=everyone, text="Was the child's voice recorded?")
    QuestionFactory(section=everyone, text="What was the child's lived experience?", kind="text")
    return version


def _first_theme() -> Theme:
    return Theme.objects.order_by("position").first() or Theme.objects.create(
        name="Recording", slug="recording"
    )


class AuditRoundFactory(ModelFactory):
    """A round open for answers, due in a fortnight."""

    class Meta:
        model = models.AuditRound

    reference = factory.Sequence(lambda n: f"MACA-2026-{n + 1:02d}")
    title = "Strategy discussions this spring"
    tool_version = factory.LazyFunction(two_section_version)
    theme = factory.LazyFunction(_first_theme)
    sample = "Ten children subject to a strategy discussion between January and March."
    answers_due_on = factory.LazyFunction(lambda: _days_from_today(14))
    status = models.AuditRound.Status.OPEN
    opened_on = factory.LazyFunction(lambda: _days_from_today(-7))

    class Params:
        setting_up = factory.Trait(status=models.AuditRound.Status.SETTING_UP, opened_on=None)
        closed = factory.Trait(
            status=models.AuditRound.Status.CLOSED,
            closed_on=factory.LazyFunction(timezone.localdate),
        )


class SampleCaseFactory(ModelFactory):
    class Meta:
        model = models.SampleCase
        skip_postgeneration_save = True

    round = factory.SubFactory(AuditRoundFactory)
    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda case: f"{case.round.reference}-C{case.number}")
    age_band = models.AgeBand.AGE_5_9

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class AssignmentFactory(ModelFactory):
    """An agency's part of a case, not started; the agency is added to the case's agencies."""

    class Meta:
        model = models.Assignment
        skip_postgeneration_save = True

    case = factory.SubFactory(SampleCaseFactory)
    agency = factory.SubFactory(AgencyFactory, type=Agency.Type.POLICE)
    auditor = factory.SubFactory(PersonFactory)
    due_on = factory.LazyAttribute(lambda assignment: assignment.case.round.answers_due_on)

    class Params:
        submitted = factory.Trait(
            proposed_grade=models.Grade.GOOD,
            summary="Good joint working; the plan was clear.",
            started_at=factory.LazyFunction(timezone.now),
            submitted_at=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def involve_agency(self, create, extracted, **kwargs):
        if create:
            self.case.agencies.add(self.agency)


class AnswerFactory(ModelFactory):
    class Meta:
        model = models.Answer

    assignment = factory.SubFactory(AssignmentFactory)
    question = factory.SubFactory(QuestionFactory)
    choice = models.YesNoPartly.YES


class ModerationFactory(ModelFactory):
    class Meta:
        model = models.Moderation

    case = factory.SubFactory(SampleCaseFactory)
    agreed_grade = models.Grade.GOOD
    moderated_on = factory.LazyFunction(timezone.localdate)


class FindingFactory(ModelFactory):
    class Meta:
        model = models.Finding
        skip_postgeneration_save = True

    round = factory.SubFactory(AuditRoundFactory)
    kind = models.Finding.Kind.AREA_FOR_IMPROVEMENT
    title = "Strategy discussions rarely record the planned investigation"
    text = "Few records say who will do what in the enquiry."
    evidence = "4 of 10 cases recorded the planned investigation."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(extracted or [_first_theme()])


class SampleCaseAgencyFactory(ModelFactory):
    """An agency that worked with a sampled case."""

    class Meta:
        model = models.SampleCase.agencies.through

    samplecase = factory.SubFactory(SampleCaseFactory)
    agency = factory.SubFactory(AgencyFactory)


class ModerationAttendeeFactory(ModelFactory):
    """Someone who took part in a moderation."""

    class Meta:
        model = models.Moderation.attendees.through

    moderation = factory.SubFactory(ModerationFactory)
    person = factory.SubFactory(PersonFactory)


class FindingThemeFactory(ModelFactory):
    """A theme a finding is about."""

    class Meta:
        model = models.Finding.themes.through

    # The finding is tagged with the first theme; this links it to the last.
    finding = factory.SubFactory(FindingFactory)
    theme = factory.LazyFunction(lambda: Theme.objects.order_by("position").last())
