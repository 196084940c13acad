"""What a report's section shows: its figures whole on the web, as printed in the PDF.

`{% section_figures section as figures %}`: in a compact rendering (the PDF sets `compact`)
a section that registered a `printed` form of its figures shows that form, its long tables
cut to their first rows; a published report's snapshot is never changed, only read.
"""

from __future__ import annotations

from django import template

from safeboard.core import extension_points as points
from safeboard.reports.assembly import Section

register = template.Library()


@register.simple_tag(takes_context=True)
def section_figures(context, section: Section) -> dict:
    # A section whose module is no longer installed still shows what its snapshot kept.
    if context.get("compact") and section.key in points.report_sections:
        printed = points.report_sections[section.key].printed
        if printed is not None:
            return printed(section.figures)
    return section.figures
