"""Case reviews and their lessons, made straight from the models so that each test says what
it needs: a review (restricted unless published) with its team, findings, recommendations
and briefings."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import PersonFactory
from safeboard.reviews.models import (
    Briefing,
    Finding,
    FrameworkEdition,
    RapidReviewBasis,
    Recommendation,
    Review,
    TeamMember,
)
from safeboard.themes.factories import default_theme
from safeboard.themes.models import Theme
from tests.access import AccessCase

TODAY = timezone.localdate()
_numbers = itertools.count(1)


def edition() -> FrameworkEdition:
    found, _ = FrameworkEdition.objects.get_or_create(
        code="learning-tests",
        defaults={
            "name": "Working Together (learning tests)",
            "year": 2023,
            "regime": FrameworkEdition.Regime.PRACTICE_REVIEW,
        },
    )
    return found


def review(*, published: bool = False, team=(), **fields) -> Review:
    """A review in progress, or published a month ago; `team` users join its review team."""
    number = next(_numbers)
    values = {
        "reference": f"CR-T-{number:03d}",
        "edition": edition(),
        "child_pseudonym": f"Child {chr(64 + number % 26 or 26)}",
        "title": f"Child {chr(64 + number % 26 or 26)}",
        "age_band": Review.AgeBand.UNDER_1,
        "incident_date": TODAY - datetime.timedelta(days=400),
        "aware_date": TODAY - datetime.timedelta(days=398),
        "summary": "A baby was taken to hospital with injuries nobody could explain.",
        "referred_by": UserFactory(person=PersonFactory()),
        "rapid_review_basis": RapidReviewBasis.AWARE,
        "review_months": 6,
        "stage": Review.Stage.IN_REVIEW,
    }
    if published:
        values.update(stage=Review.Stage.PUBLISHED, published_on=TODAY - datetime.timedelta(30))
    values.update(fields)
    made = Review.objects.create(**values)
    for user in team:
        TeamMember.objects.create(review=made, user=user, role=TeamMember.Role.REVIEW_TEAM)
    return made


def theme(slug: str = "professional-curiosity") -> Theme:
    return default_theme(slug)


def finding(review: Review, *, themes=None, **fields) -> Finding:
    values = {
        "title": "Nobody asked who else lived in the home",
        "text": "Professionals accepted the mother's account without checking it.",
        "evidence": "The health visitor's records do not mention the partner.",
        "position": review.findings.count() + 1,
    }
    values.update(fields)
    made = Finding.objects.create(review=review, **values)
    made.themes.set(themes if themes is not None else [theme()])
    return made


def recommendation(review: Review, *, agencies=(), **fields) -> Recommendation:
    values = {
        "number": review.recommendations.count() + 1,
        "text": "Agencies should ask about every adult in the household at each contact.",
    }
    values.update(fields)
    made = Recommendation.objects.create(review=review, **values)
    made.agencies.set(agencies)
    return made


def briefing(*, review: Review | None = None, theme: Theme | None = None, **fields) -> Briefing:
    values = {
        "title": "Seeing the whole household",
        "what_happened": "A baby was injured at home.",
        "what_we_learned": "Nobody knew the mother's new partner lived there.",
        "what_to_do_differently": "Ask who lives in the home, and check.",
        "questions_for_supervision": "Who lives in the homes of the children I work with?",
    }
    values.update(fields)
    return Briefing.objects.create(review=review, theme=theme, **values)


# For the access cases of a review's findings, recommendations and briefings: the auditor is
# on the review team; the business manager and the chair see every review.
TEAM = frozenset({Role.BUSINESS_MANAGER, Role.CHAIR, Role.AUDITOR})
THEME_WRITERS = frozenset({Role.BUSINESS_MANAGER, Role.LEARNING_OFFICER})
HIDDEN = 404


def restricted(cast, *, published: bool = False):
    """A review with the cast's auditor on its team, a finding and a recommendation."""
    made = review(published=published, team=[cast[Role.AUDITOR]])
    made_finding = finding(made)
    made_recommendation = recommendation(made, finding=made_finding, agencies=[cast.home_agency])
    return made, made_finding, made_recommendation


def restricted_review(cast):
    return {"pk": restricted(cast)[0].pk}


def published_review(cast):
    return {"pk": restricted(cast, published=True)[0].pk}


def team_case(url_name, kwargs, **extra):
    """A page for the review's team only: everyone else gets 404, as if it did not exist."""
    return AccessCase(url_name, TEAM, kwargs, refused_status=HIDDEN, **extra)
