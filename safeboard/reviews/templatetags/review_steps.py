"""A case review's step as its tables show it: when it is due, and where it stands.

Tags, not included templates: a review's page shows a dozen steps, two cells each, and an
included template costs more to render than the step's few words.
"""

from __future__ import annotations

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..cases.steps import Step

register = template.Library()

_HINT = '<span class="govuk-hint govuk-!-font-size-16">{}</span>'


def _days(count: int | None, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _when_due(step: Step) -> str:
    if step.is_overdue:
        if step.working_days_overdue:
            return f"{_days(step.working_days_overdue, 'working day')} overdue"
        return f"{_days(step.calendar_days_overdue, 'day')} overdue"
    if step.calendar_days_left == 0:
        return "Due today"
    return (
        f"{_days(step.working_days_left, 'working day')} left "
        f"({_days(step.calendar_days_left, 'calendar day')})"
    )


@register.simple_tag
def step_due(step: Step) -> SafeString:
    """When the step was done or is due, with the working days left or overdue."""
    if step.done:
        return (
            format_html("Done on {}", format_date(step.done_on, "j F Y"))
            if step.done_on
            else SafeString("Done")
        )
    if step.not_needed:
        return format_html(_HINT, "The case is below the criteria.")
    if step.due_on:
        return format_html("{}<br>" + _HINT, format_date(step.due_on, "j F Y"), _when_due(step))
    return format_html(_HINT, step.waiting_for or "No due date yet.")


@register.simple_tag
def step_status(step: Step) -> SafeString:
    """The step's status as a coloured tag, its words saying what the colour does."""
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>', step.status_tag_colour, step.status
    )
