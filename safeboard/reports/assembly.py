"""The report's sections, from the one registry (core.extension_points.report_sections).

A draft shows its sections as computed now; a published report shows only what its snapshot
kept. Either way the page gets the same list of `Section`s, so one template renders both.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from safeboard.core import extension_points as points

from .models import YearlyReport


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    template_name: str
    figures: dict
    plain_summary: str
    acronyms: list[list[str]] = field(default_factory=list)
    narrative: str = ""


def compute_sections(
    *, start: datetime.date, end: datetime.date, narratives: dict[str, str]
) -> list[Section]:
    """Every registered section's figures for the period, from live data, in order."""
    sections = []
    for entry in points.report_sections:
        # Through JSON and back: what a draft shows is exactly what publishing will keep,
        # and a figure that is not a JSON value fails here, not at publication.
        figures = json.loads(json.dumps(entry.figures(start=start, end=end)))
        sections.append(
            Section(
                key=entry.key,
                heading=entry.heading,
                template_name=entry.template_name,
                figures=figures,
                plain_summary=entry.plain_summary(figures),
                acronyms=[list(pair) for pair in entry.acronyms],
                narrative=narratives.get(entry.key, ""),
            )
        )
    return sections


def narratives_of(report: YearlyReport) -> dict[str, str]:
    return {n.section_key: n.text for n in report.narratives.all()}


def sections_of(report: YearlyReport) -> list[Section]:
    """What the report shows: its snapshot once published, the live figures before."""
    if report.snapshot is not None:
        return [Section(**section) for section in report.snapshot["sections"]]
    return compute_sections(
        start=report.period_start, end=report.period_end, narratives=narratives_of(report)
    )


def glossary(sections: list[Section]) -> list[tuple[str, str]]:
    """The acronyms the sections use, each once, in alphabetical order."""
    terms: dict[str, str] = {}
    for section in sections:
        for acronym, meaning in section.acronyms:
            terms.setdefault(acronym, meaning)
    return sorted(terms.items(), key=lambda item: item[0].lower())


def snapshot_of(sections: list[Section], *, taken_at: datetime.datetime) -> dict:
    return {
        "taken_at": taken_at.isoformat(),
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "template_name": s.template_name,
                "figures": s.figures,
                "plain_summary": s.plain_summary,
                "acronyms": s.acronyms,
                "narrative": s.narrative,
            }
            for s in sections
        ],
    }
