"""Form widgets rendered by Django's own Jinja2 widget templates, several times faster than
the same templates in Django's template language (decision 14).

A filter form's selects render each option through a template include; on a list page that
was about a quarter of the page's time. Django ships every built-in widget's template for
both engines. A widget template only one engine has (a library's own widget) is still found:
the Django-language templates are asked when Jinja2 has none of that name.

One template is SafeBoard's own, found before Django's: `core/jinja2/.../select.html` writes
each plain `<option>` in its loop, as Django's `select_option.html` writes it, instead of
including that template once an option (the tests compare it with Django's markup).
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.utils.functional import cached_property

OWN_TEMPLATES = Path(__file__).parent / "jinja2"


class _Jinja2Widgets(Jinja2):
    """Django's Jinja2 form renderer, with SafeBoard's own widget templates found first."""

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OWN_TEMPLATES, Path(forms.__file__).parent / "jinja2"],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )


class WidgetRenderer(DjangoTemplates):
    jinja2 = _Jinja2Widgets()

    def get_template(self, template_name: str):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return super().get_template(template_name)
