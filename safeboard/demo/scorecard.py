"""The demo's scorecard: the catalogue's indicators for the partnership's agencies, with three
years of figures submitted by each agency's data contact, linked to the business plan's
priorities, and the queries the latest figures raised.

`build_scorecard` builds the catalogue and its figures for agencies by key (the benchmarks call
it on its own); the same seed gives the same figures. Series are noise around a level, with
the real changes the catalogue names, so the charts have something to find; a few figures are
revised with a reason. The census indicators' figures are computed by the census import from a
synthetic census for each year (census.py), and carry England's published figures as
comparators. Indicators, periods, revisions and comparators go through the scorecard's
services; the history of figures, submitted long before today, is built by its factory.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.census.models import CensusImport
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.scorecard import selectors as scorecard_selectors
from safeboard.scorecard import services
from safeboard.scorecard.catalogue import services as catalogue_services
from safeboard.scorecard.comparators import services as comparator_services
from safeboard.scorecard.factories import FigureFactory
from safeboard.scorecard.models import Comparator, Figure, Indicator, IndicatorQuery, Period
from safeboard.scorecard.periods import Frequency, PeriodKey, last_periods
from safeboard.scorecard.queries.services import (
    open_queries_for_new_figures,
    query_accept,
    query_answer,
)
from safeboard.scorecard.values import Unit
from safeboard.themes.models import Theme

from . import action_texts
from .census import import_census_years
from .indicator_catalogue import CATALOGUE, ENGLAND, Change, IndicatorSpec
from .people import Directory
from .plan import BuiltPlan
from .timeline import Clock

HISTORY_MONTHS = 36
POINTS: dict[str, int] = {Frequency.MONTHLY: 36, Frequency.QUARTERLY: 12, Frequency.ANNUAL: 3}
DAYS_TO_SUBMIT = 12  # figures arrive this long after their period ends, give or take

REVISIONS = (
    ("POL-01", 3, 1.04, "Incidents recorded late by the response teams added."),
    ("CSC-03", 8, 0.97, "Two assessments authorised late in the month were counted twice."),
    ("HLT-05", 5, 1.1, "Attendances at the urgent treatment centre now included."),
)


@dataclass(frozen=True)
class ScorecardBuilt:
    indicators: list[Indicator]
    figures: int
    revisions: int
    comparators: int


def series(spec: IndicatorSpec, rng: random.Random, points: int) -> list[float]:
    """The spec's level plus noise, with its real changes; clamped to what the unit allows."""
    values = []
    for index in range(points):
        value = spec.level + rng.gauss(0, spec.spread)
        for change in spec.changes:
            if change.kind == "step" and index >= change.at:
                value += change.amount
            elif change.kind == "trend" and index >= change.at:
                value += change.amount * min(index - change.at + 1, change.periods)
        values.append(_clamp(value, spec.unit))
    return values


def _clamp(value: float, unit: str) -> float:
    value = max(value, 0.0)
    if unit == Unit.PERCENTAGE:
        value = min(value, 100.0)
    return value


def _figure(value: float, unit: str) -> Decimal:
    places = Decimal(1) if unit == Unit.COUNT else Decimal("0.1")
    return Decimal(str(value)).quantize(places, rounding=ROUND_HALF_UP)


def _periods(frequency: str, today: datetime.date) -> list[PeriodKey]:
    last_ended = PeriodKey.containing(frequency, today).previous()
    return last_periods(frequency, count=POINTS[Frequency(frequency)], ending=last_ended.starts_on)


def _submitted_at(period: PeriodKey, rng: random.Random, today: datetime.date) -> datetime.datetime:
    """A day after the period ended and never after today: the latest month's figures have
    only just come in."""
    day = period.ends_on + datetime.timedelta(days=DAYS_TO_SUBMIT + rng.randint(-6, 10))
    day = min(day, today)
    moment = datetime.datetime.combine(
        day, datetime.time(9 + rng.randint(0, 7), rng.randint(0, 59))
    )
    return timezone.make_aware(moment)


# The catalogue's themes (those of the business plan's actions) as the themes of SafeBoard.
THEME_SLUGS = {
    "neglect": "neglect",
    "exploitation": "child-exploitation",
    "domestic_abuse": "domestic-abuse",
}


@transaction.atomic
def build_scorecard(
    *,
    rng: random.Random,
    agencies: Mapping[str, Agency],
    today: datetime.date,
    data_contacts: Mapping[str, User | None] | None = None,
    priorities_by_theme: Mapping[str, Sequence[Priority]] | None = None,
    created_by=None,
) -> ScorecardBuilt:
    """The catalogue's indicators whose agency is in `agencies`, each with its history.

    `data_contacts` maps an agency key to the account that submits its figures;
    `priorities_by_theme` links indicators to the business plan's priorities by theme.
    """
    data_contacts = data_contacts or {}
    priorities_by_theme = priorities_by_theme or {}
    indicators = []
    figures = []
    period_rows: dict[PeriodKey, Period] = {}
    themes = {theme.slug: theme for theme in Theme.objects.filter(slug__in=THEME_SLUGS.values())}
    for spec in CATALOGUE:
        if spec.agency not in agencies:
            continue
        indicator = catalogue_services.indicator_create(
            code=spec.code,
            name=spec.name,
            definition=spec.definition,
            numerator_definition=spec.numerator,
            denominator_definition=spec.denominator,
            owning_agency=agencies[spec.agency],
            unit=spec.unit,
            polarity=spec.polarity,
            frequency=spec.frequency,
            perspective=spec.perspective,
            target=_optional(spec.target),
            tolerance=_optional(spec.tolerance),
            data_source=spec.source,
            census_key=spec.census_key,
            priorities=[p for theme in spec.themes for p in priorities_by_theme.get(theme, ())],
            themes=[themes[THEME_SLUGS[key]] for key in spec.themes if THEME_SLUGS[key] in themes],
            created_by=created_by,
        )
        indicators.append(indicator)
        keys = _periods(spec.frequency, today)
        if spec.census_key:
            _draw_as_before(rng, len(keys))
            continue  # its figures are computed by the census import below
        for key, value in zip(keys, series(spec, rng, len(keys)), strict=True):
            if key not in period_rows:
                period_rows[key] = services.period_get_or_create(key=key)
            figures.append(
                FigureFactory.build(
                    indicator=indicator,
                    period=period_rows[key],
                    value=_figure(value, spec.unit),
                    source=Figure.Source.CENSUS if spec.census_key else Figure.Source.DEMO,
                    submitted_by=data_contacts.get(spec.agency),
                    submitted_at=_submitted_at(key, rng, today),
                )
            )
    bulk_create_with_history(figures, Figure, batch_size=500)
    census_imports = _import_census(agencies, today, data_contacts)
    revisions = _revise(data_contacts)
    comparators = _comparators(rng, indicators)
    census_figures = sum(len(census_import.figures) for census_import in census_imports)
    return ScorecardBuilt(indicators, len(figures) + census_figures, revisions, comparators)


def _draw_as_before(rng: random.Random, points: int) -> None:
    """Take from `rng` what an indicator's typed series once took, so that the series of the
    indicators after it stay as they were."""
    for _ in range(points):
        rng.gauss(0, 1)
    for _ in range(points):
        rng.randint(-6, 10), rng.randint(0, 7), rng.randint(0, 59)


def _import_census(
    agencies: Mapping[str, Agency], today: datetime.date, data_contacts: Mapping[str, User | None]
) -> list[CensusImport]:
    """Each local authority with census indicators imports its census for every yearly
    period the scorecard shows: the import computes the figures."""
    owners = sorted(
        {spec.agency for spec in CATALOGUE if spec.census_key and spec.agency in agencies}
    )
    return [
        census_import
        for key in owners
        for census_import in import_census_years(
            agency=agencies[key],
            periods=_periods(Frequency.ANNUAL, today),
            today=today,
            uploaded_by=data_contacts.get(key),
        )
    ]


def _optional(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _revise(data_contacts: Mapping[str, User | None]) -> int:
    count = 0
    spec_agency = {spec.code: spec.agency for spec in CATALOGUE}
    for code, months_ago, factor, reason in REVISIONS:
        figure = (
            Figure.objects.select_related("indicator")
            .filter(indicator__code=code)
            .order_by("-period__starts_on")[months_ago : months_ago + 1]
            .first()
        )
        if figure is None:
            continue
        new_value = _figure(float(figure.value) * factor, figure.indicator.unit)
        if new_value == figure.value or (
            figure.indicator.unit == Unit.PERCENTAGE and new_value > 100
        ):
            continue
        services.figure_revise(
            figure=figure,
            value=new_value,
            reason=reason,
            revised_by=data_contacts.get(spec_agency[code]),
            source=figure.source,
        )
        count += 1
    return count


def _comparators(rng: random.Random, indicators: list[Indicator]) -> int:
    """England's published figures for the census indicators, and invented neighbours."""
    by_code = {indicator.code: indicator for indicator in indicators}
    count = 0
    for (code, year_ending), value in ENGLAND.items():
        indicator = by_code.get(code)
        if indicator is None:
            continue
        year = PeriodKey(datetime.date(year_ending - 1, 4, 1), Frequency.ANNUAL)
        comparator_services.comparator_record(
            indicator=indicator,
            period=year,
            source=Comparator.Source.ENGLAND,
            value=value,
            origin=Comparator.Origin.IMPORTED,
            reference="Department for Education, Children in need statistics",
        )
        comparator_services.comparator_record(
            indicator=indicator,
            period=year,
            source=Comparator.Source.STATISTICAL_NEIGHBOURS,
            value=round(value + rng.uniform(-2, 2), 1) if value > 10 else value,
            reference="Demonstration figure: the average of ten invented neighbours",
        )
        count += 2
    return count


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
    # Each figure is judged on the day it came in, after its period had ended.
    queries = []
    for figure in scorecard_selectors.latest_figures().values():
        arrived = timezone.localdate(figure.submitted_at)
        queries += open_queries_for_new_figures(figures=[figure], today=arrived)
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


# The indicator the "Fathers and unseen men" review recommendation is measured by: every
# assessment names each adult in the household and checks them with the police. Kept out of
# the catalogue (and built with its own random stream) so the catalogue's series stay as
# they were; the step a year ago is the recommendation taking effect.
HOUSEHOLD_ADULTS = IndicatorSpec(
    "CSC-13",
    "Assessments that name and check every adult in the household",
    "la",
    Unit.PERCENTAGE,
    "up",
    Frequency.MONTHLY,
    "quality",
    "Children and family assessments authorised in the month that name every adult living "
    "in or regularly visiting the home and record a police check on each.",
    58,
    3,
    "Assessments naming and checking every adult in the household.",
    "Assessments authorised in the month.",
    target=90,
    tolerance=5,
    source="Children's services case management system",
    changes=(Change(24, 27),),
    themes=("neglect",),
)


@transaction.atomic
def build_household_adults_indicator(
    *, rng: random.Random, clock: Clock, directory: Directory, plan: BuiltPlan
) -> Indicator:
    spec = HOUSEHOLD_ADULTS
    data_contact = next(
        (
            directory.users[key]
            for key, person_spec in directory.specs.items()
            if person_spec.agency == spec.agency
            and person_spec.role == Role.AGENCY_LEAD
            and key in directory.users
        ),
        None,
    )
    priority = plan.by_theme.get(CATALOGUE_THEMES["neglect"])
    indicator = catalogue_services.indicator_create(
        code=spec.code,
        name=spec.name,
        definition=spec.definition,
        numerator_definition=spec.numerator,
        denominator_definition=spec.denominator,
        owning_agency=directory.agencies[spec.agency],
        unit=spec.unit,
        polarity=spec.polarity,
        frequency=spec.frequency,
        perspective=spec.perspective,
        target=_optional(spec.target),
        tolerance=_optional(spec.tolerance),
        data_source=spec.source,
        priorities=[priority] if priority else [],
        created_by=directory.users.get("manager"),
    )
    keys = _periods(spec.frequency, clock.today)
    figures = [
        FigureFactory.build(
            indicator=indicator,
            period=services.period_get_or_create(key=key),
            value=_figure(value, spec.unit),
            source=Figure.Source.DEMO,
            submitted_by=data_contact,
            submitted_at=_submitted_at(key, rng, clock.today),
        )
        for key, value in zip(keys, series(spec, rng, len(keys)), strict=True)
    ]
    bulk_create_with_history(figures, Figure, batch_size=500)
    return indicator
