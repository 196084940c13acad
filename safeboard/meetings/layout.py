"""Radios that reveal follow-up questions, with markup GOV.UK Frontend 6 accepts.

crispy-forms-gds (written for Frontend 5) points every radio's aria-controls at a panel,
even radios with none, and gives no radio the field's own id, so the error summary's link
goes nowhere. This template fixes both for the meetings forms.
"""

from __future__ import annotations

from crispy_forms_gds.layout import ConditionalQuestion, ConditionalRadios


class RevealingChoice(ConditionalQuestion):
    template = "meetings/layout/revealing_choice.html"


def revealing_radios(field: str, choices, reveal: dict[str, tuple[str, ...]]) -> ConditionalRadios:
    """Radios for `field`; choosing a value in `reveal` shows the fields named for it."""
    return ConditionalRadios(
        field,
        *[RevealingChoice(label, *reveal.get(value, ())) for value, label in choices],
    )
