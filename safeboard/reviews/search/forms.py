"""The search box."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from .query import MAX_QUERY_LENGTH

TOO_LONG = f"Search for {MAX_QUERY_LENGTH} characters at most: try fewer words."


class SearchForm(GovUKForm):
    submit_label = "Search"

    q = forms.CharField(
        label="Words to find",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": TOO_LONG},
        help_text="Put words in quotes to find them together; put a minus before a word to "
        "leave out what has it; write \u201cor\u201d between words to find either.",
    )
