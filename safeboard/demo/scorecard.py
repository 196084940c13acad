"""The demo's scorecard: the catalogue's indicators for the partnership's agencies, with their
figures submitted by each agency's data contact and linked to the business plan's priorities."""

from __future__ import annotations

import random

from safeboard.accounts.roles import Role
from safeboard.scorecard import selectors as scorecard_selectors
from safeboard.scorecard.demo import ScorecardBuilt, build_scorecard
from safeboard.scorecard.models import IndicatorQuery
from safeboard.scorecard.query_services import (
    open_queries_for_new_figures,
    query_accept,
    query_answer,
)

from . import action_texts
from .people import Directory
from .plan import BuiltPlan
from .timeline import Clock

# The scorecard catalogue names its themes in its own words; the plan names them by action theme.
CATALOGUE_THEMES = {
    "neglect": action_texts.NEGLECT,
    "exploitation": action_texts.EXPLOITATION,
    "domestic_abuse": action_texts.DOMESTIC_ABUSE,
}


def build_demo_scorecard(
    *, rng: random.Random, clock: Clock, directory: Directory, plan: BuiltPlan
) -> ScorecardBuilt:
    data_contacts = {
        spec.agency: directory.users[key]
        for key, spec in directory.specs.items()
        if spec.role == Role.AGENCY_LEAD and spec.active and key in directory.users
    }
    priorities_by_theme = {
        theme: [plan.by_theme[plan_theme]]
        for theme, plan_theme in CATALOGUE_THEMES.items()
        if plan_theme in plan.by_theme
    }
    manager = directory.users.get("manager")
    built = build_scorecard(
        rng=rng,
        agencies=directory.agencies,
        today=clock.today,
        data_contacts=data_contacts,
        priorities_by_theme=priorities_by_theme,
        created_by=manager,
    )
    _ask_about_the_latest_figures(clock, data_contacts, manager)
    return built


# What the agencies said about the figures the scorecard asked about, in turn.
ANSWERS = (
    "A new screening tool went live in the front door this quarter and counts contacts it "
    "used to miss; we expect the figure to settle at the new level.",
    "Two teams were carrying vacancies; agency staff start next month and we will report "
    "the effect at the next performance subgroup.",
    "We checked the records: the change is real. A deep dive is on the subgroup's agenda.",
)


def _ask_about_the_latest_figures(clock: Clock, data_contacts: dict, manager) -> list:
    """The scorecard judges each indicator's latest figure as it would on submission; a few
    agencies have answered, and the board has accepted some of the answers."""
    latest = scorecard_selectors.latest_figures()
    queries = open_queries_for_new_figures(figures=latest.values(), today=clock.days_ago(25))
    for number, query in enumerate(sorted(queries, key=lambda q: q.pk)):
        contact = data_contacts.get(_agency_key(query.agency_id, data_contacts))
        if contact is None or number % 3 == 0:
            continue  # still waiting for the agency: overdue by now
        answered = query_answer(
            query=query, explanation=ANSWERS[number % len(ANSWERS)], answered_by=contact
        )
        if number % 3 == 2 and manager is not None:
            query_accept(
                query=answered,
                reason="A credible account with a date to report back.",
                judged_by=manager,
            )
    return list(IndicatorQuery.objects.all())


def _agency_key(agency_id: int, data_contacts: dict) -> str | None:
    for key, user in data_contacts.items():
        if user.person.agency_id == agency_id:
            return key
    return None
