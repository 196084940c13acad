"""Forms render the same HTML through the Jinja2 widget templates as through Django's
template-language ones (decision 14): every kind of widget SafeBoard's forms use, empty,
filled and with errors, through crispy-forms-gds as the pages render them."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.template import engines
from lxml import etree, html

from safeboard.core.form_renderer import WidgetRenderer
from safeboard.core.forms import DateInput, GovUKForm

CHOICES = [("", "Any"), ("open", "Open"), ("done", "Children’s & families' work <done>")]


class EveryWidget(GovUKForm):
    text = forms.CharField(label="Title", max_length=20, help_text="Short & plain")
    number = forms.IntegerField(label="How many", min_value=0)
    when = forms.DateField(label="Due on", widget=DateInput())
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    status = forms.ChoiceField(label="Status", choices=CHOICES)
    kind = forms.ChoiceField(label="Kind", choices=CHOICES[1:], widget=forms.RadioSelect)
    several = forms.MultipleChoiceField(
        label="Several", choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False
    )
    agreed = forms.BooleanField(label="Agreed", required=False)
    upload = forms.FileField(label="File", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def _rendered(form: forms.Form) -> str:
    template = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy form %}")
    return template.render({"form": form})


def _canonical(markup: str) -> bytes:
    """The HTML as a tree: entity spellings (&#39; or &#x27;) and layout whitespace aside."""
    tree = html.fragment_fromstring(markup, create_parent="div")
    for element in tree.iter():
        element.text = re.sub(r"\s+", " ", element.text).strip() or None if element.text else None
        element.tail = re.sub(r"\s+", " ", element.tail).strip() or None if element.tail else None
    return etree.tostring(tree, method="c14n")


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "text": "A title",
            "number": "3",
            "when": "2026-11-30",
            "status": "open",
            "kind": "done",
            "several": ["open", "done"],
            "agreed": "on",
            "notes": "Line one\nline two",
            "secret": "7",
        },
        {"text": "x" * 30, "number": "-1", "when": "2026-13-45", "status": "nope", "kind": ""},
    ],
    ids=["empty", "filled", "with errors"],
)
def test_the_same_html_from_either_engine(data):
    django_language = EveryWidget(data, renderer=DjangoTemplates())
    jinja2 = EveryWidget(data, renderer=WidgetRenderer())
    if data is not None:
        assert django_language.is_valid() == jinja2.is_valid()
    by_jinja2, by_django_language = _rendered(jinja2), _rendered(django_language)
    # Each engine spells the apostrophe its own way: proof that each one rendered.
    assert "families&#39;" in by_jinja2 and "families&#x27;" in by_django_language
    assert _canonical(by_jinja2) == _canonical(by_django_language)


def test_a_template_only_the_django_language_has_is_still_found():
    template = WidgetRenderer().get_template("gds/widgets/date.html")
    assert template is not None


def test_the_settings_name_it():
    assert settings.FORM_RENDERER == "safeboard.core.form_renderer.WidgetRenderer"


class Selects(GovUKForm):
    grouped = forms.ChoiceField(
        label="Grouped",
        choices=[("", "Any"), ("Open work", [("a", "A & <b>")]), ("Done", [("c", "C")])],
    )
    several = forms.MultipleChoiceField(label="Several", choices=CHOICES[1:], required=False)
    picked = forms.ChoiceField(label="Picked", choices=CHOICES, widget=forms.Select({"x": True}))


@pytest.mark.parametrize("data", [None, {"grouped": "a", "several": ["open", "done"]}])
def test_selects_write_their_options_as_django_writes_them(data):
    django_language = Selects(data, renderer=DjangoTemplates())
    jinja2 = Selects(data, renderer=WidgetRenderer())
    assert _canonical(_rendered(jinja2)) == _canonical(_rendered(django_language))


def test_the_select_template_is_safeboards_own():
    template = WidgetRenderer().get_template("django/forms/widgets/select.html")
    assert "safeboard/core/jinja2" in template.template.filename
