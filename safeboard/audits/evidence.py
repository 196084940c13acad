"""What case audits add to a theme's page (and so to the page of each priority addressing
it): the findings tagged with the theme, from the rounds whose report the reader may read;
and audit findings as a source of actions that carries themes."""

from __future__ import annotations

from safeboard.core.extension_points import THEME, Evidence, ThemedSource
from safeboard.themes.selectors import tagged_with, themes_of

from . import selectors
from .models import Finding

FINDINGS_SECTION = Evidence(
    subject=THEME,
    key="audit-findings",
    heading="Case audit findings",
    template_name="audits/evidence/theme_findings.html",
    records=lambda themes, user: selectors.theme_findings(themes=themes, user=user),
    count_hidden=lambda themes, user: selectors.theme_findings_hidden(themes=themes, user=user),
    counted_as=("audit finding", "audit findings"),
    empty_text="No finding of a case audit you can read is tagged with this theme.",
    order=30,
)


FINDING_THEMES = ThemedSource(
    "audits.finding",
    tagged_with=lambda themes: tagged_with(Finding, themes),
    themes_of=lambda ids: themes_of(Finding, ids),
)
