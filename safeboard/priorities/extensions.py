"""How other modules plug into priorities, without priorities knowing them.

Evidence sections: a priority's page gathers what every module holds about it (its actions,
the risks and challenges linked to it; later findings, audits, training, indicators). A module
adds its section by registering an `EvidenceSection` in its AppConfig.ready(), e.g.

    register_evidence_section(EvidenceSection(
        key="indicators", heading="Indicators", template_name="scorecard/priority_evidence.html",
        records=lambda priority: Indicator.objects.filter(...),
        view_permission="scorecard.view_indicator", empty_text="No indicators linked.",
    ))

Measure targets: a measure of progress may link to any record. A module offers its records
for that link by registering a `MeasureTarget`; the measure form lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

if TYPE_CHECKING:
    from .models import Priority


@dataclass(frozen=True)
class EvidenceSection:
    key: str  # unique, also the section's HTML id
    heading: str
    # Renders the section's records, given as `rows`, with `caption` for a table.
    template_name: str
    # The records linked to a priority, with what the template shows already joined.
    records: Callable[[Priority], Iterable[Any]]
    # The rule each record is checked against before a user sees it; None: every reader.
    view_permission: str | None = None
    empty_text: str = "None linked to this priority."
    # A one-line account of the records (e.g. how many actions are overdue), or None.
    summarise: Callable[[list[Any]], str] | None = None
    # Sections show in this order; the built-in ones use 10, 20, 30.
    order: int = 100


@dataclass(frozen=True)
class MeasureTarget:
    label: str  # what the records are, e.g. "Scorecard indicator"
    records: Callable[[], QuerySet]  # the records a measure may link to


_EVIDENCE_SECTIONS: dict[str, EvidenceSection] = {}
_MEASURE_TARGETS: dict[str, MeasureTarget] = {}


def register_evidence_section(section: EvidenceSection) -> None:
    if section.key in _EVIDENCE_SECTIONS:
        raise ValueError(f"An evidence section {section.key!r} is already registered.")
    _EVIDENCE_SECTIONS[section.key] = section


def evidence_sections() -> list[EvidenceSection]:
    return sorted(_EVIDENCE_SECTIONS.values(), key=lambda section: (section.order, section.key))


def register_measure_target(target: MeasureTarget) -> None:
    if target.label in _MEASURE_TARGETS:
        raise ValueError(f"A measure target {target.label!r} is already registered.")
    _MEASURE_TARGETS[target.label] = target


def measure_targets() -> list[MeasureTarget]:
    return sorted(_MEASURE_TARGETS.values(), key=lambda target: target.label)
