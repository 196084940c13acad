"""Building audit tools: a version a round uses never changes; a change makes a new version."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from safeboard.audits import tool_services
from safeboard.audits.factories import AuditRoundFactory, two_section_version
from safeboard.audits.models import Question, Section
from safeboard.audits.selectors import latest_version, version_sections
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency

pytestmark = pytest.mark.django_db


def _texts(version) -> list[str]:
    return [
        question.text
        for section in version_sections(version)
        for question in section.questions.all()
    ]


def test_a_new_tool_starts_with_an_empty_first_version():
    tool = tool_services.tool_create(name="The child's voice", purpose="Was the child heard?")
    version = latest_version(tool)
    assert (version.number, version.is_frozen, _texts(version)) == (1, False, [])


def test_two_tools_cannot_share_a_name():
    tool_services.tool_create(name="Strategy meetings", purpose="Planning the enquiry.")
    with pytest.raises(ValidationError) as error:
        tool_services.tool_create(name="strategy meetings", purpose="Again.")
    assert "already an audit tool" in error.value.message_dict["name"][0]


def test_a_version_no_round_uses_is_changed_in_place():
    tool = tool_services.tool_create(name="Conferences", purpose="Initial conferences.")
    section = tool_services.section_add(tool=tool, title="Children's social care")
    tool_services.question_add(section=section, text="Was the report shared?", kind="yes_no_partly")
    assert tool.versions.count() == 1
    assert _texts(latest_version(tool)) == ["Was the report shared?"]


def test_changing_a_tool_a_round_uses_makes_a_new_version_and_leaves_the_round_alone():
    audit_round = AuditRoundFactory()
    used = audit_round.tool_version
    question = Question.objects.filter(section__version=used).first()
    changed = tool_services.question_update(
        question=question, text="Was the child seen alone?", kind="yes_no_partly"
    )
    new = changed.section.version
    assert (new.number, new.based_on_id, new.is_frozen) == (2, used.pk, False)
    assert changed.key == question.key
    assert _texts(used)[0] == "Was the child seen within the timescale?"
    assert _texts(new)[0] == "Was the child seen alone?"
    audit_round.refresh_from_db()
    assert audit_round.tool_version_id == used.pk


def test_a_new_version_copies_every_section_with_who_answers_it():
    used = two_section_version(frozen=True)
    hospital = AgencyFactory(name="Brackford Hospitals", type=Agency.Type.HEALTH_TRUST)
    first = used.sections.order_by("position").first()
    first.agencies.add(hospital)
    new = tool_services.section_add(tool=used.tool, title="Health").version
    copied = version_sections(new)
    assert [s.title for s in copied] == ["The police", "Every agency", "Health"]
    assert copied[0].agency_types == [Agency.Type.POLICE]
    assert list(copied[0].agencies.all()) == [hospital]
    assert [q.key for q in copied[1].questions.all()] == [
        q.key for q in version_sections(used)[1].questions.all()
    ]


def test_a_second_change_goes_to_the_same_new_version():
    used = two_section_version(frozen=True)
    tool_services.section_add(tool=used.tool, title="Health")
    tool_services.section_add(tool=used.tool, title="Education")
    assert list(used.tool.versions.values_list("number", flat=True)) == [1, 2]


def test_removing_a_question_of_a_used_version_removes_it_only_from_the_new_version():
    used = two_section_version(frozen=True)
    question = Question.objects.filter(section__version=used, kind="text").get()
    new = tool_services.question_remove(question=question)
    assert "What was the child's lived experience?" in _texts(used)
    assert "What was the child's lived experience?" not in _texts(new)


def test_a_part_no_longer_in_the_latest_version_cannot_be_changed():
    used = two_section_version(frozen=True)
    section = used.sections.order_by("position").first()
    tool_services.section_remove(section=section)
    with pytest.raises(ValidationError) as error:
        tool_services.section_update(section=section, title="The police, again")
    assert error.value.messages == [tool_services.NO_LONGER_IN_TOOL]


def test_an_unknown_agency_type_is_refused():
    tool = tool_services.tool_create(name="Plans", purpose="Quality of the plan.")
    with pytest.raises(ValidationError) as error:
        tool_services.section_add(tool=tool, title="Schools", agency_types=["school"])
    assert error.value.message_dict["agency_types"] == ["school is not a type of agency."]
    assert not Section.objects.exists()


def test_a_section_naming_no_agency_is_answered_by_every_agency():
    tool = tool_services.tool_create(name="Voice", purpose="The child's voice.")
    section = tool_services.section_add(tool=tool, title="Every agency")
    police = AgencyFactory(type=Agency.Type.POLICE)
    assert section.is_answered_by(police)
    assert section.answerers() == ["Every agency involved"]
