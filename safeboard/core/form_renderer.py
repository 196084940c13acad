"""Form widgets rendered by Django's own Jinja2 widget templates, several times faster than
the same templates in Django's template language (decision 14).

A filter form's selects render each option through a template include; on a list page that
was about a quarter of the page's time. Django ships every built-in widget's template for
both engines. A widget template only one engine has (a library's own widget) is still found:
the Django-language templates are asked when Jinja2 has none of that name.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class WidgetRenderer(DjangoTemplates):
    jinja2 = Jinja2()

    def get_template(self, template_name: str):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return super().get_template(template_name)
