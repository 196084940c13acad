"""A review step's due date and status read exactly as the included templates they replaced
wrote them, for every kind of step."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template

from safeboard.reviews.cases.steps import Step
from safeboard.reviews.templatetags.review_steps import step_due, step_status

# The included templates as they were, word for word.
WAS_DUE = Template(
    '{% if step.done %}{% if step.done_on %}Done on {{ step.done_on|date:"j F Y" }}{% else %}Done{% endif %}{% elif step.not_needed %}<span class="govuk-hint govuk-!-font-size-16">The case is below the criteria.</span>{% elif step.due_on %}{{ step.due_on|date:"j F Y" }}<br><span class="govuk-hint govuk-!-font-size-16">{% if step.is_overdue %}{% if step.working_days_overdue %}{{ step.working_days_overdue }} working day{{ step.working_days_overdue|pluralize }} overdue{% else %}{{ step.calendar_days_overdue }} day{{ step.calendar_days_overdue|pluralize }} overdue{% endif %}{% elif step.calendar_days_left == 0 %}Due today{% else %}{{ step.working_days_left }} working day{{ step.working_days_left|pluralize }} left ({{ step.calendar_days_left }} calendar day{{ step.calendar_days_left|pluralize }}){% endif %}</span>{% else %}<span class="govuk-hint govuk-!-font-size-16">{{ step.waiting_for|default:"No due date yet." }}</span>{% endif %}'
)
WAS_STATUS = Template(
    '<strong class="govuk-tag govuk-tag--{{ step.status_tag_colour }}">{{ step.status }}</strong>'
)

TODAY = datetime.date(2026, 12, 7)  # a Monday
DAY = datetime.timedelta(days=1)


def _step(**fields) -> Step:
    return Step(key="notify", label="Notify", record=None, today=TODAY, **fields)


STEPS = [
    _step(due_on=TODAY - 3 * DAY, done=True, done_on=TODAY - 5 * DAY),
    _step(due_on=TODAY, done=True),
    _step(due_on=None, not_needed=True),
    _step(due_on=TODAY - 9 * DAY),
    _step(due_on=TODAY - DAY),
    _step(due_on=TODAY - 2 * DAY),  # a Saturday: overdue by calendar days alone
    _step(due_on=TODAY),
    _step(due_on=TODAY + DAY),
    _step(due_on=TODAY + 4 * DAY),
    _step(due_on=TODAY + 40 * DAY),
    _step(due_on=None, waiting_for="Counted from the notification."),
    _step(due_on=None, waiting_for="<b>markup</b> & more"),
    _step(due_on=None),
]


@pytest.mark.parametrize("step", STEPS)
def test_a_step_reads_as_it_did(step):
    assert step_due(step) == WAS_DUE.render(Context({"step": step}))
    assert step_status(step) == WAS_STATUS.render(Context({"step": step}))
