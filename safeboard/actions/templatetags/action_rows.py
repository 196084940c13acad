"""The rows of an action table, written with `format_html`: a list page shows fifty, and the
same markup through template includes cost a third of the page (decision 11)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from safeboard.core.dates import short_date
from safeboard.core.templatetags.govuk_parts import record_link, tag

register = template.Library()

_ROW = (
    '<tr class="govuk-table__row">'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span></td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    "</tr>"
)
_NO_THEME = SafeString('<span class="govuk-hint govuk-!-font-size-16">None</span>')


def _themes(action) -> SafeString | str:
    themes = getattr(action, "theme_list", None)
    if not themes:
        return _NO_THEME
    return ", ".join(str(theme) for theme in themes)


@register.simple_tag(takes_context=True)
def action_rows(context, actions: Iterable) -> SafeString:
    """One row per action: its link (for those who may open it), owner and agency, due date,
    status tag and themes."""
    return format_html_join(
        "\n",
        _ROW,
        (
            (
                record_link(context, action, action.title),
                action.owner_person.full_name if action.owner_person_id else "",
                action.owner_agency.name if action.owner_agency_id else "",
                short_date(action.due_on),
                tag(action.display_status, action.status_tag_colour),
                _themes(action),
            )
            for action in actions
        ),
    )
