"""Every change to a briefing, each in one transaction.

A briefing is the one page practitioners read: what happened in brief, what we learned, what
to do differently and questions to take to supervision. It is about one review or one theme,
and practitioners see it once it is shared with them (and, for a review's briefing, once the
review is published).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.core.history import save_with_reason
from safeboard.themes.models import Theme

from ..models import Briefing, Review

QUESTION_REQUIRED = "Write at least one question for supervision, one a line."
ABOUT_ONE_THING = "A briefing is about one review or one theme."
RETIRED_THEME = "The theme \u201c{name}\u201d is retired: choose a theme in use."
SHARED_IN_FUTURE = "The date it was shared cannot be in the future."


def supervision_questions(text: str) -> list[str]:
    """The questions, one a line, without blank lines or stray spaces."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _questions_text(text: str) -> str:
    questions = supervision_questions(text)
    if not questions:
        raise ValidationError({"questions_for_supervision": QUESTION_REQUIRED})
    return "\n".join(questions)


@transaction.atomic
def briefing_create(
    *,
    title: str,
    what_happened: str,
    what_we_learned: str,
    what_to_do_differently: str,
    questions_for_supervision: str,
    review: Review | None = None,
    theme: Theme | None = None,
    is_public: bool = False,
) -> Briefing:
    """A draft briefing about `review` or about `theme`, not yet shared."""
    if (review is None) == (theme is None):
        raise ValidationError(ABOUT_ONE_THING)
    if theme is not None and not theme.is_active:
        raise ValidationError({"theme": RETIRED_THEME.format(name=theme.name)})
    briefing = Briefing(
        review=review,
        theme=theme,
        title=title,
        what_happened=what_happened,
        what_we_learned=what_we_learned,
        what_to_do_differently=what_to_do_differently,
        questions_for_supervision=_questions_text(questions_for_supervision),
        is_public=is_public,
    )
    briefing.full_clean()
    briefing.save()
    return briefing


@transaction.atomic
def briefing_update(
    *,
    briefing: Briefing,
    title: str,
    what_happened: str,
    what_we_learned: str,
    what_to_do_differently: str,
    questions_for_supervision: str,
    is_public: bool = False,
) -> Briefing:
    """A briefing marked public shows on the public site once it is shared, and, when it is
    about a review, once that review is published."""
    briefing.title = title
    briefing.is_public = is_public
    briefing.what_happened = what_happened
    briefing.what_we_learned = what_we_learned
    briefing.what_to_do_differently = what_to_do_differently
    briefing.questions_for_supervision = _questions_text(questions_for_supervision)
    briefing.full_clean()
    briefing.save()
    return briefing


@transaction.atomic
def briefing_share(*, briefing: Briefing, shared_on: datetime.date | None = None) -> Briefing:
    """Record the day the briefing went to practitioners (today unless told)."""
    shared_on = shared_on or timezone.localdate()
    if shared_on > timezone.localdate():
        raise ValidationError({"shared_on": SHARED_IN_FUTURE})
    briefing.shared_on = shared_on
    briefing.full_clean()
    save_with_reason(briefing, "Shared with practitioners", fields=["shared_on"])
    return briefing


@transaction.atomic
def briefing_withdraw(*, briefing: Briefing) -> Briefing:
    """Take a briefing back from practitioners, for instance to correct it."""
    briefing.shared_on = None
    save_with_reason(briefing, "Withdrawn from practitioners", fields=["shared_on"])
    return briefing
