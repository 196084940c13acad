"""The form that adds or renames a theme."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from .models import Theme


class ThemeForm(GovUKForm):
    submit_label = "Save the theme"

    name = forms.CharField(
        max_length=Theme._meta.get_field("name").max_length,
        error_messages={"required": "Enter the theme\u2019s name."},
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What the theme covers, so that people tag findings with it consistently.",
    )
