"""The shared GOV.UK components render the Design System's markup."""

from django.template import Context, Template


def _render(source: str, **context) -> str:
    return Template("{% load govuk_parts %}" + source).render(Context(context))


def test_a_tag_takes_a_colour_name():
    assert _render('{% tag "Overdue" "red" %}') == (
        '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
    )


def test_a_tag_takes_a_modifier_class_and_escapes_its_text():
    html = _render("{% tag text colour %}", text="<b>", colour="govuk-tag--green")
    assert html == '<strong class="govuk-tag govuk-tag--green">&lt;b&gt;</strong>'


def test_a_tag_without_a_colour_is_the_default_tag():
    assert _render('{% tag "Draft" %}') == '<strong class="govuk-tag">Draft</strong>'


def test_a_summary_row_puts_its_body_in_the_value():
    html = _render(
        '{% summary_list %}{% summary_row "Owner" %} {{ name }} {% endsummary_row %}'
        "{% endsummary_list %}",
        name="Ada",
    )
    assert html == (
        '<dl class="govuk-summary-list"><div class="govuk-summary-list__row">'
        '<dt class="govuk-summary-list__key">Owner</dt>'
        '<dd class="govuk-summary-list__value">Ada</dd></div></dl>'
    )


def test_a_summary_row_with_a_link_names_what_it_changes_to_screen_readers():
    html = _render('{% summary_row "Due date" href="/edit" %}1 May{% endsummary_row %}')
    assert (
        '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/edit">Change'
        '<span class="govuk-visually-hidden"> due date</span></a></dd>'
    ) in html


def test_a_data_table_has_a_caption_and_column_headers_with_scope():
    html = _render(
        '{% data_table "Name" "Count:numeric" caption="Agencies" %}<tr></tr>{% enddata_table %}'
    )
    assert '<caption class="govuk-table__caption govuk-visually-hidden">Agencies</caption>' in html
    assert '<th scope="col" class="govuk-table__header">Name</th>' in html
    assert (
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Count</th>'
    ) in html
    assert '<tbody class="govuk-table__body"><tr></tr></tbody>' in html


def test_a_data_table_caption_can_be_shown_and_headings_can_be_a_list():
    html = _render(
        '{% data_table "Name" years caption="By year" caption_size="m" %}{% enddata_table %}',
        years=["2025", "2026"],
    )
    assert 'class="govuk-table__caption govuk-table__caption--m"' in html
    assert html.count('scope="col"') == 3


def test_breadcrumbs_link_every_crumb_with_an_address_and_mark_the_page():
    html = _render(
        "{% breadcrumbs crumbs %}",
        crumbs=[{"text": "Risks", "href": "/risks/"}, {"text": "R1"}],
    )
    assert '<a class="govuk-breadcrumbs__link" href="/risks/">Risks</a>' in html
    assert '<li class="govuk-breadcrumbs__list-item" aria-current="page">R1</li>' in html


def test_no_crumbs_render_nothing():
    assert not _render("{% breadcrumbs crumbs %}", crumbs=[]).strip()


def test_a_data_table_takes_conditional_columns_and_a_worded_caption():
    html = _render(
        "{% data_table %}{% caption %}{{ n }} people{% endcaption %}"
        '{% column "Name" %}{% if can_manage %}{% column "Change" hidden=True %}{% endif %}'
        "<tr></tr>{% enddata_table %}",
        n=3,
        can_manage=True,
    )
    assert '<caption class="govuk-table__caption govuk-visually-hidden">3 people</caption>' in html
    assert (
        '<th scope="col" class="govuk-table__header">Name</th>'
        '<th scope="col" class="govuk-table__header">'
        '<span class="govuk-visually-hidden">Change</span></th></tr></thead>'
    ) in html
    assert '<tbody class="govuk-table__body"><tr></tr></tbody>' in html


def test_a_worded_tag_keeps_the_template_s_escaping():
    html = _render(
        '{% worded_tag "red" %} {{ n }} overdue &amp; {{ who }} {% endworded_tag %}',
        n=2,
        who="<x>",
    )
    assert html == '<strong class="govuk-tag govuk-tag--red">2 overdue &amp; &lt;x&gt;</strong>'


def test_a_data_table_scrolls_in_a_focusable_region_named_by_its_caption():
    html = _render(
        "{% data_table %}{% caption %}Risks &amp; <b>issues</b>{% endcaption %}{% enddata_table %}"
    )
    assert html.startswith(
        '<div class="safeboard-table-region" role="region" aria-label="Risks &amp; issues"'
        ' tabindex="0"><table class="govuk-table">'
    )
    assert html.endswith("</table></div>")


def test_a_written_out_table_is_put_in_the_same_region():
    html = _render(
        "{% table_region %}\n<table class='govuk-table'><caption class='x'>\n  By {{ who }}\n"
        "</caption></table>\n{% endtable_region %}",
        who="Tom & Jerry",
    )
    assert html == (
        '<div class="safeboard-table-region" role="region" aria-label="By Tom &amp; Jerry"'
        " tabindex=\"0\"><table class='govuk-table'><caption class='x'>\n  By Tom &amp; Jerry\n"
        "</caption></table></div>"
    )


def test_a_table_without_a_caption_still_scrolls_but_names_no_region():
    html = _render("{% table_region %}<table></table>{% endtable_region %}")
    assert html == '<div class="safeboard-table-region" tabindex="0"><table></table></div>'
