"""The demo's scorecard: the catalogue's indicators for the partnership's agencies, with their
figures submitted by each agency's data contact and linked to the business plan's priorities."""

from __future__ import annotations

import random

from safeboard.accounts.roles import Role
from safeboard.scorecard.demo import ScorecardBuilt, build_scorecard

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
    return build_scorecard(
        rng=rng,
        agencies=directory.agencies,
        today=clock.today,
        data_contacts=data_contacts,
        priorities_by_theme=priorities_by_theme,
        created_by=manager,
    )
