"""A theme's page gathers what every module holds about the theme: audit findings, Section 11
standards below "met" after moderation, scorecard indicators with their SPC state, challenges
and courses; what the reader may not see is counted, not shown."""

from __future__ import annotations

import datetime
import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory, FindingFactory
from safeboard.challenges.factories import ChallengeFactory
from safeboard.core.evidence import gather
from safeboard.core.extension_points import THEME, evidence
from safeboard.learning.factories import CourseFactory, CourseThemeFactory
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.periods import Frequency, PeriodKey
from safeboard.section11.factories import (
    CycleFactory,
    CycleStandardFactory,
    RatingFactory,
    ReturnFactory,
    StandardFactory,
)
from safeboard.themes.selectors import theme_page_sections
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db

URL = reverse("themes:detail", args=["neglect"])


def _page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def neglect():
    return builders.theme("neglect")


@pytest.fixture
def recording():
    return builders.theme("recording")


def test_audit_findings_tagged_with_the_theme_are_shown_from_closed_rounds(cast, neglect):
    FindingFactory(round=AuditRoundFactory(closed=True), title="Plans drift", themes=[neglect])
    FindingFactory(title="Still being moderated", themes=[neglect])  # an open round
    FindingFactory(round=AuditRoundFactory(closed=True), title="Elsewhere", themes=[])
    chair_page = _page(signed_in_client(cast[Role.CHAIR]))
    assert "Case audit findings" in chair_page
    assert "Plans drift" in chair_page and "Still being moderated" in chair_page
    assert "Elsewhere" not in chair_page
    reader_page = _page(signed_in_client(cast[Role.BOARD_MEMBER]))
    assert "Plans drift" in reader_page and "Still being moderated" not in reader_page
    assert "1 more audit finding you do not have access to." in reader_page


def test_an_agency_lead_sees_the_findings_of_closed_rounds_their_agency_took_part_in(cast, neglect):
    ours = AuditRoundFactory(closed=True)
    AssignmentFactory(case__round=ours, agency=cast.home_agency)
    FindingFactory(round=ours, title="Our round's finding", themes=[neglect])
    FindingFactory(round=AuditRoundFactory(closed=True), title="Their round", themes=[neglect])
    page = _page(signed_in_client(cast[Role.AGENCY_LEAD]))
    assert "Our round's finding" in page and "Their round" not in page
    assert "1 more audit finding you do not have access to." in page


def test_courses_teaching_the_theme_are_shown_with_their_reach(cast, neglect):
    course = CourseFactory(title="Neglect: the graded care profile")
    CourseThemeFactory(course=course, theme=neglect)
    CourseFactory(title="Exploitation awareness")
    page = _page(signed_in_client(cast[Role.AGENCY_LEAD]))
    assert "Training courses" in page
    assert "Neglect: the graded care profile" in page and "Exploitation awareness" not in page


def test_indicators_telling_of_the_theme_show_their_latest_figure_and_spc_state(cast, neglect):
    indicator = IndicatorFactory(
        name="Children on a plan for neglect", owning_agency=cast.home_agency
    )
    indicator.themes.set([neglect])
    start = datetime.date(2024, 1, 1)
    for month in range(12):
        key = PeriodKey.containing(Frequency.MONTHLY, start + datetime.timedelta(days=31 * month))
        value = Decimal(100 if month < 11 else 400)  # the last figure is far above the limits
        FigureFactory(indicator=indicator, period=PeriodFactory(key=key), value=value)
    hidden = IndicatorFactory(name="Another agency's indicator", owning_agency=cast.other_agency)
    hidden.themes.set([neglect])
    page = _page(signed_in_client(cast[Role.CHAIR]))
    assert "Children on a plan for neglect" in page and "400" in page
    assert "Improvement" in page  # up is good: a point above the upper limit
    lead_page = _page(signed_in_client(cast[Role.AGENCY_LEAD]))
    assert "Children on a plan for neglect" in lead_page
    assert "Another agency's indicator" not in lead_page
    assert "1 more indicator you do not have access to." in lead_page


def test_challenges_about_the_theme_are_shown_to_those_who_may_see_them(cast, neglect):
    ours = ChallengeFactory(agency=cast.home_agency, title="Why do plans for neglect drift")
    ours.themes.set([neglect])
    theirs = ChallengeFactory(agency=cast.other_agency, title="Health visits missed")
    theirs.themes.set([neglect])
    assert "Health visits missed" in _page(signed_in_client(cast[Role.CHAIR]))
    page = _page(signed_in_client(cast[Role.AGENCY_LEAD]))
    assert "Why do plans for neglect drift" in page and "Health visits missed" not in page
    assert "1 more challenge you do not have access to." in page


def test_section_11_standards_below_met_after_moderation_are_shown(cast, neglect):
    cycle = CycleFactory(open=True, title="Section 11 in 2026")
    library = StandardFactory(standard_set=cycle.standard_set, code="4", title="Early help")
    library.themes.set([neglect])
    standard = CycleStandardFactory(cycle=cycle, code="4", title="Early help")
    met = CycleStandardFactory(cycle=cycle, code="5", title="Supervision")
    StandardFactory(standard_set=cycle.standard_set, code="5").themes.set([neglect])
    returns = [ReturnFactory(cycle=cycle, submitted=True) for _ in range(3)]
    moderated = datetime.date(2026, 5, 1)
    # Below met as scored, below met once moderated down, and raised to met by moderation.
    RatingFactory(agency_return=returns[0], standard=standard, self_score=1)
    RatingFactory(
        agency_return=returns[1],
        standard=standard,
        self_score=3,
        moderated_score=2,
        moderated_on=moderated,
    )
    RatingFactory(
        agency_return=returns[2],
        standard=standard,
        self_score=2,
        moderated_score=3,
        moderated_on=moderated,
    )
    for agency_return in returns:
        RatingFactory(agency_return=agency_return, standard=met, self_score=3)
    draft = ReturnFactory(cycle=cycle)  # not in: its scores do not count
    RatingFactory(agency_return=draft, standard=met, self_score=0)
    (section,) = [
        s for s in theme_page_sections(theme=neglect, user=None) if s.key == "section11-standards"
    ]
    assert [(row.title, row.agencies_below, row.agencies_returned) for row in section.rows] == [
        ("Early help", 2, 3)
    ]
    page = _page(signed_in_client(cast[Role.CHAIR]))
    assert "4 Early help" in page and "Section 11 in 2026" in page and "2 of 3" in page
    lead_page = _page(signed_in_client(cast[Role.AGENCY_LEAD]))
    assert "4 Early help" not in lead_page
    assert "1 more standard you do not have access to." in lead_page


def test_a_restricted_reviews_findings_are_counted_not_shown(cast, neglect):
    outsider = cast[Role.AGENCY_LEAD]
    restricted = builders.review(team=[cast[Role.AUDITOR]], title="Child R")
    builders.finding(restricted, title="Nobody saw the baby", themes=[neglect])
    builders.finding(restricted, title="The father was not asked", themes=[neglect])
    page = _page(signed_in_client(outsider))
    assert "Nobody saw the baby" not in page and "Child R" not in page
    assert restricted.reference not in page
    assert "2 more findings you do not have access to." in page
    team_page = _page(signed_in_client(cast[Role.AUDITOR]))
    assert "Nobody saw the baby" in team_page and "you do not have access" not in team_page


def _tag_everything(theme, count: int, cast, *, first: int = 0) -> None:
    for n in range(first, first + count):
        FindingFactory(round=AuditRoundFactory(closed=True), title=f"Audit {n}", themes=[theme])
        CourseThemeFactory(course=CourseFactory(), theme=theme)
        indicator = IndicatorFactory(owning_agency=cast.home_agency)
        indicator.themes.set([theme])
        FigureFactory(indicator=indicator)
        ChallengeFactory(agency=cast.home_agency).themes.set([theme])
        cycle_standard = CycleStandardFactory(cycle=CycleFactory(open=True))
        StandardFactory(
            standard_set=cycle_standard.cycle.standard_set, code=cycle_standard.code
        ).themes.set([theme])
        RatingFactory(
            agency_return=ReturnFactory(cycle=cycle_standard.cycle, submitted=True),
            standard=cycle_standard,
            self_score=0,
        )
        review = builders.review(published=n % 2 == 0)
        builders.finding(review, themes=[theme], title=f"Review finding {n}")


@pytest.mark.parametrize("role", [Role.CHAIR, Role.AGENCY_LEAD])
def test_a_themes_page_takes_as_many_queries_for_30_records_of_each_kind_as_for_3(
    cast, neglect, role, django_assert_max_num_queries
):
    client = signed_in_client(cast[role])
    _tag_everything(neglect, 3, cast)
    client.get(URL)
    with CaptureQueriesContext(connection) as context:
        client.get(URL)
    _tag_everything(neglect, 27, cast, first=3)
    with django_assert_max_num_queries(len(context.captured_queries)):
        page = _page(client)
    assert "Review finding 28" in page


def test_every_theme_section_is_gathered_for_a_set_of_themes_each_record_once(neglect, recording):
    finding = FindingFactory(round=AuditRoundFactory(closed=True), themes=[neglect, recording])
    sections = {
        section.key: gather(section, [neglect, recording], None)
        for section in evidence
        if section.subject == THEME
    }
    assert sections["audit-findings"].rows == [finding]
    assert {
        "review-findings",
        "learning-briefings",
        "audit-findings",
        "section11-standards",
        "scorecard-indicators",
        "board-challenges",
        "training-courses",
        "priorities",
    } <= set(sections)
