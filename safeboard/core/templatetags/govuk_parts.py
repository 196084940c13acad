"""The GOV.UK components our pages repeat most, as template tags: tag, summary list, table (in
its scrolling region) and breadcrumbs.

Why not govuk-frontend-django's `gds_*` tags for these: each of its calls builds a new Jinja
environment and compiles the Nunjucks macro again (about 10 ms a tag), and a register page
shows a tag on every row. These tags write the same markup with `format_html`, so a page of
fifty rows costs microseconds, and the markup lives in one place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from django import template
from django.template.base import token_kwargs
from django.utils.html import conditional_escape, format_html, format_html_join, strip_tags
from django.utils.safestring import SafeString

from safeboard.core.govuk_form import render_form
from safeboard.core.links import may_open, record_url

register = template.Library()

# The markup of a GOV.UK tag and of a link, for `format_html` or for fields escaped already.
TAG = '<strong class="{}">{}</strong>'
LINK = '<a class="govuk-link" href="{}">{}</a>'


def tag_class(colour: str) -> str:
    if not colour:
        return "govuk-tag"
    if colour.startswith("govuk-tag"):
        return (
            colour
            if colour.startswith("govuk-tag ") or colour == "govuk-tag"
            else f"govuk-tag {colour}"
        )
    return f"govuk-tag govuk-tag--{colour}"


@register.simple_tag
def tag(text, colour: str = "") -> SafeString:
    """A GOV.UK tag: `{% tag "Overdue" "red" %}`; the colour may be a name or a
    `govuk-tag--…` class, and no colour gives the default tag."""
    return format_html(TAG, tag_class(colour or ""), text)


@register.inclusion_tag("core/includes/breadcrumbs.html")
def breadcrumbs(crumbs: Iterable[dict]) -> dict:
    """The trail above a page's heading; the last crumb (the page itself) has no link."""
    return {"crumbs": list(crumbs)}


class _KwargsNode(template.Node):
    def __init__(self, nodelist, args, kwargs):
        self.nodelist, self.args, self.kwargs = nodelist, args, kwargs

    def resolve(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {key: value.resolve(context) for key, value in self.kwargs.items()}
        return args, kwargs


def _parse(parser, token, end: str):
    bits = token.split_contents()[1:]
    args, kwargs = [], {}
    for bit in bits:
        found = token_kwargs([bit], parser)
        if found:
            kwargs.update(found)
        else:
            args.append(parser.compile_filter(bit))
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    return nodelist, args, kwargs


class WordedTagNode(_KwargsNode):
    def render(self, context):
        args, _ = self.resolve(context)
        # The body is a rendered template, escaped already; strip() only drops whitespace.
        words = SafeString(self.nodelist.render(context).strip())
        return tag(words, args[0] if args else "")


@register.tag
def worded_tag(parser, token):
    """A tag whose words the template puts together:
    `{% worded_tag "red" %}{{ count }} overdue{% endworded_tag %}`."""
    return WordedTagNode(*_parse(parser, token, "endworded_tag"))


class SummaryListNode(_KwargsNode):
    def render(self, context):
        _, kwargs = self.resolve(context)
        classes = " ".join(["govuk-summary-list", kwargs.get("classes") or ""]).strip()
        return format_html('<dl class="{}">{}</dl>', classes, self.nodelist.render(context))


@register.tag
def summary_list(parser, token):
    """`{% summary_list %}{% summary_row "Key" %}value{% endsummary_row %}…{% endsummary_list %}`;
    `classes="govuk-summary-list--no-border"` adds a modifier."""
    return SummaryListNode(*_parse(parser, token, "endsummary_list"))


class SummaryRowNode(_KwargsNode):
    def render(self, context):
        args, kwargs = self.resolve(context)
        key = args[0] if args else kwargs.get("key", "")
        # The body is a rendered template, escaped already; strip() only drops whitespace.
        value = SafeString(self.nodelist.render(context).strip())
        actions = ""
        if kwargs.get("href"):
            actions = format_html(
                '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{}">{}'
                '<span class="govuk-visually-hidden"> {}</span></a></dd>',
                kwargs["href"],
                kwargs.get("action") or "Change",
                kwargs.get("hidden") or str(key).lower(),
            )
        row_id = format_html(' id="{}"', kwargs["id"]) if kwargs.get("id") else ""
        return format_html(
            '<div class="govuk-summary-list__row"{}><dt class="govuk-summary-list__key">{}</dt>'
            '<dd class="govuk-summary-list__value">{}</dd>{}</div>',
            row_id,
            key,
            value,
            actions,
        )


@register.tag
def summary_row(parser, token):
    """One row of a summary list: the key, then the value as the tag's body. `href=` adds a
    "Change" link (`action=` words it, `hidden=` says what it changes to screen readers)."""
    return SummaryRowNode(*_parse(parser, token, "endsummary_row"))


_COLLECTOR = "_govuk_table"


def _header(text, *, numeric: bool = False, hidden: bool = False, classes: str = "") -> SafeString:
    class_names = " ".join(
        name
        for name in (
            "govuk-table__header",
            "govuk-table__header--numeric" if numeric else "",
            classes,
        )
        if name
    )
    if hidden:
        text = format_html('<span class="govuk-visually-hidden">{}</span>', text)
    return format_html('<th scope="col" class="{}">{}</th>', class_names, text)


def _positional_header(heading) -> SafeString:
    text, _, kind = str(heading).rpartition(":")
    if kind == "numeric":
        return _header(text, numeric=True)
    return _header(heading)


def _flatten(headings) -> list:
    flat: list = []
    for heading in headings:
        if isinstance(heading, list | tuple):
            flat.extend(heading)
        else:
            flat.append(heading)
    return flat


class DataTableNode(_KwargsNode):
    def render(self, context):
        headings, kwargs = self.resolve(context)
        collected = {"caption": None, "columns": []}
        with context.push(**{_COLLECTOR: collected}):
            body = self.nodelist.render(context)
        caption = (
            collected["caption"] if collected["caption"] is not None else kwargs.get("caption", "")
        )
        size = kwargs.get("caption_size") or "hidden"
        caption_class = (
            "govuk-visually-hidden" if size == "hidden" else f"govuk-table__caption--{size}"
        )
        table_class = " ".join(["govuk-table", kwargs.get("classes") or ""]).strip()
        table_id = format_html(' id="{}"', kwargs["id"]) if kwargs.get("id") else ""
        caption_id = (
            format_html(' id="{}"', kwargs["caption_id"]) if kwargs.get("caption_id") else ""
        )
        head = format_html_join(
            "", "{}", ((_positional_header(h),) for h in _flatten(headings))
        ) + format_html_join("", "{}", ((column,) for column in collected["columns"]))
        table = format_html(
            '<table class="{}"{}><caption class="govuk-table__caption {}"{}>{}</caption>'
            '<thead class="govuk-table__head"><tr class="govuk-table__row">{}</tr></thead>'
            '<tbody class="govuk-table__body">{}</tbody></table>',
            table_class,
            table_id,
            caption_class,
            caption_id,
            caption,
            head,
            body,
        )
        return _scrolling_region(table, label=kwargs.get("label") or caption)


@register.tag
def data_table(parser, token):
    """A GOV.UK table with a caption and `scope="col"` headers; its body rows are the tag's
    body. `{% data_table "Name" "Count:numeric" caption="Agencies" caption_size="m" %}`:
    a heading ending ":numeric" is right-aligned; a list of headings is spread; the caption
    is visually hidden unless `caption_size` is "s", "m" or "l". Inside the body,
    `{% column %}` adds a heading after those (so a column can be conditional or looped) and
    `{% caption %}…{% endcaption %}` gives a caption worded by the template."""
    return DataTableNode(*_parse(parser, token, "enddata_table"))


def _collector(context, tag_name: str) -> dict:
    collected = context.get(_COLLECTOR)
    if collected is None:
        raise template.TemplateSyntaxError(f"{{% {tag_name} %}} belongs inside {{% data_table %}}")
    return collected


@register.simple_tag(takes_context=True)
def column(context, text, numeric: bool = False, hidden: bool = False, classes: str = "") -> str:
    """A column heading of the enclosing data table; `hidden=True` keeps the words for screen
    readers only (a column of links or buttons)."""
    _collector(context, "column")["columns"].append(
        _header(text, numeric=numeric, hidden=hidden, classes=classes)
    )
    return ""


class CaptionNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        _collector(context, "caption")["caption"] = SafeString(
            self.nodelist.render(context).strip()
        )
        return ""


@register.tag
def caption(parser, token):
    """The enclosing data table's caption, worded by the template."""
    nodelist = parser.parse(("endcaption",))
    parser.delete_first_token()
    return CaptionNode(nodelist)


_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.DOTALL)
_SPACES = re.compile(r"\s+")


def _scrolling_region(table: str, *, label: str) -> SafeString:
    """A table in a region of its own that scrolls sideways when the table is wider than the
    screen, so that the page itself reflows at 320 CSS pixels (WCAG 1.4.10). The region is
    named by the caption and takes keyboard focus, so arrow keys scroll it."""
    # The caption is markup already escaped; its words are unescaped once, for format_html.
    label = _SPACES.sub(" ", html.unescape(strip_tags(label))).strip()
    if not label:
        return format_html('<div class="safeboard-table-region" tabindex="0">{}</div>', table)
    return format_html(
        '<div class="safeboard-table-region" role="region" aria-label="{}" tabindex="0">{}</div>',
        label,
        table,
    )


class TableRegionNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        table = self.nodelist.render(context)
        caption = _CAPTION.search(table)
        return _scrolling_region(
            SafeString(table.strip()), label=caption.group(1) if caption else ""
        )


@register.tag
def table_region(parser, token):
    """A table written out in the template, put in the same scrolling region as
    `{% data_table %}` gives: `{% table_region %}<table>…</table>{% endtable_region %}`. The
    region is named by the table's caption."""
    nodelist = parser.parse(("endtable_region",))
    parser.delete_first_token()
    return TableRegionNode(nodelist)


def reader(context):
    """The signed-in user a template is rendered for."""
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.simple_tag(takes_context=True)
def record_link(context, record, text=None, url=None) -> SafeString:
    """A GOV.UK link to `record` (or `url`) when the signed-in user may open it; otherwise its
    name as plain text, so that no list links a page that would answer 403."""
    shown = record if text is None else text
    href = url or record_url(record)
    if href and may_open(reader(context), href, record):
        return format_html(LINK, href, shown)
    return conditional_escape(shown)


@register.simple_tag
def govuk_form(form) -> SafeString:
    """`{% govuk_form form %}`: the form as `{% crispy form %}` writes it, faster where its
    fields are plain (core/govuk_form.py, decision 16)."""
    return render_form(form)
