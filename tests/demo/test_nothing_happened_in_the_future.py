"""Nothing the demo says has happened is dated after the demo's today.

Every date and date-time field of every model is looked at, found by introspection, so a new
model's "sent_on" is checked without anyone remembering to add it. The fields that name a
day still to come (a due date, a meeting's start, the end of a period) are listed below by
name, each with why; everything else describes something that has happened.
"""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

pytestmark = pytest.mark.django_db

# Field names that may lie in the future, with the reason. Reviewed: each names a day
# planned, due or bounding a period, never one on which something was done.
MAY_LIE_AHEAD = {
    "due_on": "a due date",
    "response_due_on": "the day an answer is due",
    "answers_due_on": "the day an audit's answers are due",
    "returns_due_on": "the day Section 11 returns are due",
    "submissions_due_on": "the day submissions are due",
    "previous_due_on": "a due date before it moved",
    "new_due_on": "a due date after it moved",
    "extended_to": "an extended due date",
    "target_completion_on": "a target",
    "starts_on": "the first day of a period or a planned event",
    "ends_on": "the last day of a period or a planned event",
    "starts_at": "a planned event's start (a meeting, a course)",
    "ends_at": "a planned event's end",
    "review_date": "the day a risk or priority is next reviewed",
    "next_review_date": "the day of the next review",
    "moderation_on": "the day a moderation meeting is planned",
    "spc_baseline_from": "the first period of a control chart's baseline",
    "spc_baseline_to": "the last period of a control chart's baseline",
    "spc_recalculate_from": "a period from which limits are recalculated",
    "day": "the day a reminder is for",
    "reminded_for": "the start of the session a booking was reminded for",
    "ended_on": "a membership's planned end",
    "period_start": "the first day of a yearly report's period",
    "period_end": "the last day of a yearly report's period (the current year's draft)",
    "review_on": "the day a protocol with another board is next reviewed",
}

# Whole models whose dates are not events of the demo's story.
NOT_EVENTS = {
    "sessions.Session",  # expire_date: when a login session lapses
    "otp_totp.TOTPDevice",  # last_t and throttling times of the device itself
}


def _dated_fields() -> list[tuple[type[models.Model], str]]:
    fields = []
    for model in apps.get_models():
        if model._meta.label in NOT_EVENTS or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField) and field.name not in MAY_LIE_AHEAD:
                fields.append((model, field.name))
    return fields


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def test_the_list_of_fields_that_may_lie_ahead_names_only_fields_that_exist():
    names = {
        field.name
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField)
    }
    assert set(MAY_LIE_AHEAD) <= names


def test_every_model_with_a_happened_date_is_looked_at():
    looked_at = {(model._meta.label, name) for model, name in _dated_fields()}
    for expected in [
        ("scorecard.Figure", "submitted_at"),
        ("scorecard.IndicatorQuery", "opened_on"),
        ("scorecard.IndicatorQuery", "answered_on"),
        ("reviews.PractitionerEvent", "held_on"),
    ]:
        if expected[0] in {m._meta.label for m in apps.get_models()}:
            assert expected in looked_at


def test_nothing_in_the_demo_happened_after_its_today(demo_db):
    today = timezone.localdate()
    late = []
    for model, name in _dated_fields():
        latest = model._default_manager.aggregate(latest=models.Max(name))["latest"]
        if latest is not None and _as_date(latest) > today:
            late.append(f"{model._meta.label}.{name} = {latest}")
    assert late == [], "\n".join(late)


def test_every_demo_figure_was_submitted_after_its_period_ended(demo_db):
    from safeboard.scorecard.models import Figure

    early = [
        f"{code} {ends_on}: {submitted_at}"
        for code, ends_on, submitted_at in Figure.objects.values_list(
            "indicator__code", "period__ends_on", "submitted_at"
        )
        if timezone.localdate(submitted_at) <= ends_on
    ]
    assert early == []


def test_every_demo_query_was_opened_after_its_period_ended(demo_db):
    from safeboard.scorecard.models import IndicatorQuery

    queries = IndicatorQuery.objects.values_list("indicator__code", "period__ends_on", "opened_on")
    assert queries.exists()
    assert [query for query in queries if query[2] <= query[1]] == []
