from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from .services import LOGO_MAX_BYTES, LOGO_MAX_PIXELS


class BrandingForm(GovUKForm):
    submit_label = "Save the name and logo"
    name = forms.CharField(
        label="The partnership's name",
        max_length=120,
        help_text="Shown in the header and footer of every page, and on the public site.",
        error_messages={"required": "Enter the partnership's name."},
    )
    logo = forms.FileField(
        label="A new logo",
        required=False,
        help_text=f"A PNG or JPEG image, smaller than {LOGO_MAX_BYTES // 1024} KB and at most "
        f"{LOGO_MAX_PIXELS} pixels on either side. Leave empty to keep the present one.",
    )
    logo_text = forms.CharField(
        label="What the logo shows",
        max_length=200,
        required=False,
        help_text="For those who cannot see it, e.g. “The partnership's emblem, a green tree”.",
    )
    remove_logo = forms.BooleanField(label="Remove the present logo", required=False)
    footer_text = forms.CharField(
        label="A line for the footer",
        max_length=300,
        required=False,
        help_text="For example the partnership's address.",
    )
    uses_open_government_licence = forms.BooleanField(
        label="Publish under the Open Government Licence",
        required=False,
        help_text="Only if the partnership has chosen it for what it publishes.",
    )
