"""Building audit tools: every change to a tool's sections and questions goes through here.

Changes are made to the tool's latest version while no round uses it. Once a round has
frozen that version, the first change copies it into a new version (sections, questions and
their keys) and is made to the copy: a running round never sees its questions change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Manager, Max, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.partnership.models import Agency

from .models import AuditTool, Question, Section, ToolVersion

TOOL_NAME_TAKEN = "There is already an audit tool called {name}."
UNKNOWN_AGENCY_TYPE = "{value} is not a type of agency."
NO_LONGER_IN_TOOL = (
    "This part of the tool is no longer in its latest version, so it cannot be changed."
)
TOOL_NOT_EMPTY = "Add at least one question to the tool before a round uses it."


@transaction.atomic
def tool_create(*, name: str, purpose: str, created_by: User | None = None) -> AuditTool:
    name = name.strip()
    if AuditTool.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": TOOL_NAME_TAKEN.format(name=name)})
    tool = AuditTool(name=name, purpose=purpose.strip(), created_by=created_by)
    tool.full_clean()
    tool.save()
    ToolVersion.objects.create(tool=tool, number=1)
    return tool


@transaction.atomic
def tool_update(*, tool: AuditTool, name: str, purpose: str, is_active: bool) -> AuditTool:
    """Rename, describe or retire a tool; its questions change only through the functions below."""
    name = name.strip()
    if AuditTool.objects.filter(name__iexact=name).exclude(pk=tool.pk).exists():
        raise ValidationError({"name": TOOL_NAME_TAKEN.format(name=name)})
    tool.name, tool.purpose, tool.is_active = name, purpose.strip(), is_active
    tool.full_clean()
    tool.save()
    return tool


def version_freeze(*, version: ToolVersion) -> None:
    """Freeze a version for a round; a version already frozen stays as it was."""
    if version.frozen_at is None:
        version.frozen_at = timezone.now()
        version.save(update_fields=["frozen_at"])


def check_version_is_usable(version: ToolVersion) -> None:
    if not Question.objects.filter(section__version=version).exists():
        raise ValidationError({"tool": TOOL_NOT_EMPTY})


def _copy_version(version: ToolVersion) -> ToolVersion:
    copy = ToolVersion.objects.create(
        tool=version.tool, number=version.number + 1, based_on=version
    )
    for section in version.sections.prefetch_related("questions", "agencies"):
        new_section = Section.objects.create(
            version=copy,
            key=section.key,
            position=section.position,
            title=section.title,
            guidance=section.guidance,
            agency_types=list(section.agency_types),
        )
        new_section.agencies.set(section.agencies.all())
        Question.objects.bulk_create(
            Question(
                section=new_section,
                key=question.key,
                position=question.position,
                text=question.text,
                kind=question.kind,
                guidance=question.guidance,
                answer_required=question.answer_required,
            )
            for question in section.questions.all()
        )
    return copy


def editable_version(tool: AuditTool) -> ToolVersion:
    """The version changes go to: the latest, or a new copy of it once a round froze it."""
    version = ToolVersion.objects.select_for_update().filter(tool=tool).order_by("-number").first()
    if version is None:
        return ToolVersion.objects.create(tool=tool, number=1)
    return _copy_version(version) if version.is_frozen else version


def _editable_section(section: Section) -> Section:
    version = editable_version(section.version.tool)
    if section.version_id == version.pk:
        return section
    found = version.sections.filter(key=section.key).first()
    if found is None:
        raise ValidationError(NO_LONGER_IN_TOOL)
    return found


def _editable_question(question: Question) -> Question:
    section = _editable_section(question.section)
    if section.pk == question.section_id:
        return question
    found = section.questions.filter(key=question.key).first()
    if found is None:
        raise ValidationError(NO_LONGER_IN_TOOL)
    return found


def _check_agency_types(agency_types: Iterable[str]) -> list[str]:
    known = set(Agency.Type.values)
    values = list(dict.fromkeys(agency_types))
    for value in values:
        if value not in known:
            raise ValidationError({"agency_types": UNKNOWN_AGENCY_TYPE.format(value=value)})
    return values


def _next_position(records: QuerySet[Any] | Manager[Any]) -> int:
    return (records.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def section_add(
    *,
    tool: AuditTool,
    title: str,
    guidance: str = "",
    agency_types: Sequence[str] = (),
    agencies: Iterable[Agency] = (),
) -> Section:
    version = editable_version(tool)
    section = Section(
        version=version,
        position=_next_position(version.sections),
        title=title.strip(),
        guidance=guidance.strip(),
        agency_types=_check_agency_types(agency_types),
    )
    section.full_clean()
    section.save()
    section.agencies.set(agencies)
    return section


@transaction.atomic
def section_update(
    *,
    section: Section,
    title: str,
    guidance: str = "",
    agency_types: Sequence[str] = (),
    agencies: Iterable[Agency] = (),
) -> Section:
    section = _editable_section(section)
    section.title, section.guidance = title.strip(), guidance.strip()
    section.agency_types = _check_agency_types(agency_types)
    section.full_clean()
    section.save()
    section.agencies.set(agencies)
    return section


@transaction.atomic
def section_remove(*, section: Section) -> ToolVersion:
    """Take a section and its questions out of the tool; returns the version changed."""
    section = _editable_section(section)
    version = section.version
    section.delete()
    return version


@transaction.atomic
def question_add(
    *, section: Section, text: str, kind: str, guidance: str = "", answer_required: bool = True
) -> Question:
    section = _editable_section(section)
    question = Question(
        section=section,
        position=_next_position(section.questions),
        text=text.strip(),
        kind=kind,
        guidance=guidance.strip(),
        answer_required=answer_required,
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_update(
    *, question: Question, text: str, kind: str, guidance: str = "", answer_required: bool = True
) -> Question:
    """Reword a question or change its kind. A question that keeps its key is compared with
    its earlier wording in a re-audit, so a change of meaning deserves a new question."""
    question = _editable_question(question)
    question.text, question.kind = text.strip(), kind
    question.guidance, question.answer_required = guidance.strip(), answer_required
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_remove(*, question: Question) -> ToolVersion:
    question = _editable_question(question)
    version = question.section.version
    question.delete()
    return version
