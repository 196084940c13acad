"""The rows of an action table. A list page shows fifty, so each row is written with one
string format over escaped fields: the same markup through template includes cost a third of
the page (decision 11), and through `format_html` with a `reverse` a row, a third again."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString

from safeboard.core.dates import short_date
from safeboard.core.links import addresses_of, may_open
from safeboard.core.templatetags.govuk_parts import LINK, TAG, reader, tag_class

register = template.Library()

_ROW = (
    '<tr class="govuk-table__row">'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span></td>'
    '<td class="govuk-table__cell">{}</td>'
    f'<td class="govuk-table__cell">{TAG}</td>'
    '<td class="govuk-table__cell">{}</td>'
    "</tr>"
)
_NO_THEME = '<span class="govuk-hint govuk-!-font-size-16">None</span>'


def _themes(action) -> str:
    themes = getattr(action, "theme_list", None)
    if not themes:
        return _NO_THEME
    return escape(", ".join(str(theme) for theme in themes))


@register.simple_tag(takes_context=True)
def action_rows(context, actions: Iterable) -> SafeString:
    """One row per action: its link (for those who may open it), owner and agency, due date,
    status tag and themes. Every field is escaped as `format_html` escapes it."""
    user = reader(context)
    opens_every = user is not None and user.has_perm("actions.view_every_action")
    address_of = addresses_of("actions:detail")
    rows = []
    for action in actions:
        address = address_of(action.pk)
        title = escape(action.title)
        rows.append(
            _ROW.format(
                LINK.format(escape(address), title)
                if opens_every or may_open(user, address, action)
                else title,
                escape(action.owner_person.full_name) if action.owner_person_id else "",
                escape(action.owner_agency.name) if action.owner_agency_id else "",
                short_date(action.due_on),
                tag_class(action.status_tag_colour),
                escape(action.display_status),
                _themes(action),
            )
        )
    return SafeString("\n".join(rows))
