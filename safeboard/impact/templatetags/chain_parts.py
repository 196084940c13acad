"""A judged claim's verdict as a GOV.UK tag, coloured by where the claim stands."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from safeboard.core.templatetags.govuk_parts import tag

from ..judging import Standing, Verdict

register = template.Library()

# What the tag says and its colour; the verdict's own label gives the reason beside it.
STANDING_TAGS = {
    Standing.SUPPORTED: ("Supported", "green"),
    Standing.NOT_SUPPORTED: ("Not supported", "red"),
    Standing.NOT_ENOUGH_DATA: ("Not enough data", "grey"),
    Standing.SIGNIFICANT_CHANGE: ("Significant change", "blue"),
    Standing.SELF_REPORTED: ("Self-reported", "yellow"),
    Standing.STORY: ("Story", "purple"),
}


@register.simple_tag
def verdict_tag(verdict: Verdict) -> SafeString:
    text, colour = STANDING_TAGS[verdict.standing]
    return tag(text, colour)
