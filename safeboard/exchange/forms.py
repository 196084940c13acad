from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm


class SubscriptionForm(GovUKForm):
    submit_label = "Subscribe"

    board_name = forms.CharField(label="Name of the board", max_length=200)
    feed_url = forms.URLField(
        label="Feed address",
        max_length=500,
        assume_scheme="https",
        help_text="The address of the board's learning feed, starting https://",
    )


class SearchForm(forms.Form):
    q = forms.CharField(label="Search findings", max_length=200, required=False)
