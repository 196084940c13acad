"""Who may do what on the scorecard: an agency submits and revises only its own figures."""

from __future__ import annotations

import pytest

from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_figure(cast):
    return FigureFactory(indicator=IndicatorFactory(owning_agency=cast.home_agency))


def test_an_agency_lead_submits_figures_for_their_own_agency(cast):
    assert cast[Role.AGENCY_LEAD].has_perm("scorecard.submit_figures", cast.home_agency)


def test_an_agency_lead_cannot_submit_another_agencys_figures(cast):
    assert not cast.other_agency_lead.has_perm("scorecard.submit_figures", cast.home_agency)
    assert not cast[Role.AGENCY_LEAD].has_perm("scorecard.submit_figures", cast.other_agency)


def test_an_agency_lead_revises_only_their_own_agencys_figures(cast, home_figure):
    assert cast[Role.AGENCY_LEAD].has_perm("scorecard.revise_figure", home_figure)
    assert not cast.other_agency_lead.has_perm("scorecard.revise_figure", home_figure)


@pytest.mark.parametrize("role", sorted(set(Role.values) - {Role.AGENCY_LEAD}))
def test_no_other_role_submits_or_revises_figures(cast, home_figure, role):
    user = cast[role]
    assert not user.has_perm("scorecard.submit_figures", cast.home_agency)
    assert not user.has_perm("scorecard.revise_figure", home_figure)


def test_only_the_business_manager_keeps_the_catalogue(cast):
    for role in Role.values:
        allowed = role == Role.BUSINESS_MANAGER
        assert cast[role].has_perm("scorecard.add_indicator") is allowed
        assert cast[role].has_perm("scorecard.change_indicator") is allowed
        assert cast[role].has_perm("scorecard.record_comparators") is allowed


def test_board_business_readers_read_every_indicator(cast):
    health_indicator = IndicatorFactory(owning_agency=cast.other_agency)
    for role in BOARD_BUSINESS_READERS:
        assert cast[role].has_perm("scorecard.list_indicators")
        assert cast[role].has_perm("scorecard.view_indicator", health_indicator)


def test_a_data_contact_reads_their_own_agencys_indicators_only(cast):
    home = IndicatorFactory(owning_agency=cast.home_agency)
    assert cast[Role.AGENCY_LEAD].has_perm("scorecard.view_indicator", home)
    assert not cast.other_agency_lead.has_perm("scorecard.view_indicator", home)


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.READER, Role.AUDITOR])
def test_practitioners_readers_and_auditors_do_not_see_the_catalogue(cast, role):
    assert not cast[role].has_perm("scorecard.list_indicators")
