"""Every change to the record of children's voice, each in one transaction."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.core.uploads import text_encoding, validate_upload
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from . import survey_csv
from .models import Activity, AgeBand, Contribution, Participation, Response

HELD_IN_FUTURE = "The date held cannot be in the future."
RESPONDED_IN_FUTURE = "The date of the response cannot be in the future."
RETIRED_THEME = "{name} is retired: choose a theme in use."
NOTHING_DONE = "Say what the partnership did."
NOT_RESPONDED = "Record what the partnership did before publishing it."
ALREADY_COUNTED = "This age band and group are already counted for the activity; change the count."
NOT_A_SURVEY_FILE = "Choose a CSV file exported from the survey."


def _check_not_future(day: datetime.date, field: str, message: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: message})


def _check_themes(themes: list[Theme]) -> None:
    for theme in themes:
        if not theme.is_active:
            raise ValidationError({"themes": RETIRED_THEME.format(name=theme.name)})


@transaction.atomic
def activity_create(
    *,
    kind: str,
    title: str,
    held_on: datetime.date,
    description: str,
    consent_notes: str = "",
    safeguarding_notes: str = "",
    created_by: User | None = None,
) -> Activity:
    _check_not_future(held_on, "held_on", HELD_IN_FUTURE)
    activity = Activity(
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        description=description.strip(),
        consent_notes=consent_notes.strip(),
        safeguarding_notes=safeguarding_notes.strip(),
        created_by=created_by,
    )
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    kind: str,
    title: str,
    held_on: datetime.date,
    description: str,
    consent_notes: str = "",
    safeguarding_notes: str = "",
) -> Activity:
    _check_not_future(held_on, "held_on", HELD_IN_FUTURE)
    activity.kind, activity.title, activity.held_on = kind, title.strip(), held_on
    activity.description = description.strip()
    activity.consent_notes = consent_notes.strip()
    activity.safeguarding_notes = safeguarding_notes.strip()
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def participation_add(
    *, activity: Activity, age_band: str, group: str, count: int
) -> Participation:
    """Count who took part from one age band and group; a count, never a name."""
    group = " ".join(group.split())
    if activity.participation.filter(age_band=age_band, group__iexact=group).exists():
        raise ValidationError({"group": ALREADY_COUNTED})
    participation = Participation(activity=activity, age_band=age_band, group=group, count=count)
    participation.full_clean()
    participation.save()
    return participation


@transaction.atomic
def contribution_add(
    *,
    activity: Activity,
    text: str,
    question: str = "",
    age_band: str = AgeBand.NOT_GIVEN,
    group: str = "",
    themes: Iterable[Theme] = (),
) -> Contribution:
    themes = list(themes)
    _check_themes(themes)
    contribution = Contribution(
        activity=activity,
        text=text.strip(),
        question=question.strip(),
        age_band=age_band,
        group=" ".join(group.split()),
    )
    contribution.full_clean()
    contribution.save()
    contribution.themes.set(themes)
    return contribution


@transaction.atomic
def contribution_code(*, contribution: Contribution, themes: Iterable[Theme]) -> Contribution:
    """Code what was said to the themes it speaks to."""
    themes = list(themes)
    _check_themes(themes)
    contribution.themes.set(themes)
    return contribution


@transaction.atomic
def response_record(
    *,
    contribution: Contribution,
    what_we_did: str,
    responded_on: datetime.date,
    priority: Priority | None = None,
    action: Action | None = None,
    policy_change: str = "",
) -> Response:
    """Say what the partnership did about a view ("you said, we did"), or change what was
    said: a published response stays published with its new words."""
    if not what_we_did.strip():
        raise ValidationError({"what_we_did": NOTHING_DONE})
    _check_not_future(responded_on, "responded_on", RESPONDED_IN_FUTURE)
    response = Response.objects.filter(contribution=contribution).first() or Response(
        contribution=contribution
    )
    response.what_we_did = what_we_did.strip()
    response.responded_on = responded_on
    response.priority = priority
    response.action = action
    response.policy_change = policy_change.strip()
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def response_publish(*, contribution: Contribution, on: datetime.date | None = None) -> Response:
    response = Response.objects.select_for_update().filter(contribution=contribution).first()
    if response is None:
        raise ValidationError(NOT_RESPONDED)
    response.is_published = True
    response.published_on = on or timezone.localdate()
    response.save(update_fields=["is_published", "published_on"])
    return response


@transaction.atomic
def response_withdraw(*, contribution: Contribution) -> Response:
    """Take a response off the public page (it stays on record)."""
    response = Response.objects.select_for_update().get(contribution=contribution)
    response.is_published = False
    response.published_on = None
    response.save(update_fields=["is_published", "published_on"])
    return response


def _themes_by_key() -> dict[str, Theme]:
    themes = {}
    for theme in Theme.objects.filter(is_active=True):
        themes[survey_csv.theme_key(theme.name)] = theme
        themes[theme.slug.lower()] = theme
    return themes


@transaction.atomic
def survey_import(*, activity: Activity, file: UploadedFile) -> list[Contribution]:
    """Add every answer of a survey export (survey_csv) to the activity, or none: any bad
    line refuses the whole file, with one message for each problem."""
    validate_upload(file, field="file", extensions={".csv"})
    file.seek(0)
    encoding = text_encoding(file.read(64 * 1024), partial=True) or "utf-8-sig"
    file.seek(0)
    themes = _themes_by_key()
    # Read as a stream: the file is never held in memory whole.
    stream: Any = file.file
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        parsed = survey_csv.parse_survey(text, themes=themes)
    except (UnicodeDecodeError, csv.Error) as error:
        raise ValidationError({"file": f"The file could not be read as CSV: {error}."}) from None
    finally:
        text.detach()
    if parsed.problems:
        raise ValidationError({"file": parsed.problems})
    made = []
    for row in parsed.rows:
        made.append(
            contribution_add(
                activity=activity,
                text=row.answer,
                question=row.question,
                age_band=survey_csv.age_band_code(row.age_band),
                group=row.group,
                themes=[themes[key] for key in dict.fromkeys(row.theme_keys)],
            )
        )
    return made
