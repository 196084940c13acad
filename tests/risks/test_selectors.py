"""Reads of the register: the heat map counts, the filters and the reviews falling due."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.partnership.factories import PersonFactory
from safeboard.risks import selectors
from safeboard.risks.factories import RiskFactory
from safeboard.risks.models import Risk
from safeboard.risks.selectors import INHERENT, RiskFilters

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _cell(heat_map, likelihood, impact):
    row = next(row for row in heat_map.rows if row.impact == impact)
    return next(cell for cell in row.cells if cell.likelihood == likelihood)


def test_the_heat_map_counts_risks_by_residual_likelihood_and_impact():
    RiskFactory.create_batch(2, residual_likelihood=3, residual_impact=4)
    RiskFactory(residual_likelihood=1, residual_impact=2)
    heat_map = selectors.risk_heat_map()
    assert _cell(heat_map, 3, 4).count == 2
    assert _cell(heat_map, 1, 2).count == 1
    assert heat_map.total == 3
    assert sum(cell.count for row in heat_map.rows for cell in row.cells) == 3


def test_the_heat_map_reads_inherent_scores_when_asked():
    RiskFactory(inherent_likelihood=5, inherent_impact=5, residual_likelihood=2, residual_impact=2)
    heat_map = selectors.risk_heat_map(filters=RiskFilters(basis=INHERENT))
    assert _cell(heat_map, 5, 5).count == 1
    assert _cell(heat_map, 2, 2).count == 0


def test_the_heat_map_is_five_by_five_with_the_highest_impact_first_and_banded():
    heat_map = selectors.risk_heat_map()
    assert [row.impact for row in heat_map.rows] == [5, 4, 3, 2, 1]
    assert all(len(row.cells) == 5 for row in heat_map.rows)
    assert _cell(heat_map, 5, 5).band.name == "Very high"
    assert _cell(heat_map, 1, 1).band.name == "Low"
    assert _cell(heat_map, 2, 5).band.name == "High"


def test_the_heat_map_leaves_out_closed_risks_and_follows_the_filters():
    RiskFactory(residual_likelihood=3, residual_impact=4, status=Risk.Status.CLOSED)
    RiskFactory(residual_likelihood=3, residual_impact=4, category=Risk.Category.FINANCE)
    RiskFactory(residual_likelihood=3, residual_impact=4, category=Risk.Category.WORKFORCE)
    assert _cell(selectors.risk_heat_map(), 3, 4).count == 2
    finance = selectors.risk_heat_map(filters=RiskFilters(category=Risk.Category.FINANCE))
    assert _cell(finance, 3, 4).count == 1


def test_the_heat_map_shows_every_cell_when_one_cell_is_chosen():
    RiskFactory(residual_likelihood=3, residual_impact=4)
    RiskFactory(residual_likelihood=1, residual_impact=1)
    heat_map = selectors.risk_heat_map(filters=RiskFilters(likelihood=3, impact=4))
    assert _cell(heat_map, 1, 1).count == 1


def test_the_heat_map_is_one_query(django_assert_num_queries):
    RiskFactory.create_batch(5)
    with django_assert_num_queries(1):
        selectors.risk_heat_map(filters=RiskFilters(search="exploitation", band="High"))


def _references(filters: RiskFilters) -> set[str]:
    return {risk.reference for risk in selectors.risk_list(filters=filters)}


def test_the_list_filters_by_band_on_the_chosen_scores():
    high = RiskFactory(residual_likelihood=2, residual_impact=5)  # 10: high
    low = RiskFactory(residual_likelihood=1, residual_impact=4)  # 4: low
    assert _references(RiskFilters(band="High")) == {high.reference}
    assert _references(RiskFilters(band="Low")) == {low.reference}
    # Both are 4 x 5 = 20 before controls.
    assert _references(RiskFilters(band="Very high", basis=INHERENT)) == {
        high.reference,
        low.reference,
    }


def test_the_list_filters_by_status_category_agency_overdue_and_words():
    overdue = RiskFactory(review_date=TODAY - datetime.timedelta(days=1), title="Missing children")
    closed = RiskFactory(status=Risk.Status.CLOSED, review_date=TODAY - datetime.timedelta(days=9))
    finance = RiskFactory(category=Risk.Category.FINANCE)
    assert _references(RiskFilters()) == {overdue.reference, finance.reference}
    assert _references(RiskFilters(status="closed")) == {closed.reference}
    assert _references(RiskFilters(status=selectors.ANY_STATUS)) == {
        overdue.reference,
        closed.reference,
        finance.reference,
    }
    assert _references(RiskFilters(category="finance")) == {finance.reference}
    assert _references(RiskFilters(agency_id=finance.owner_agency_id)) == {finance.reference}
    assert _references(RiskFilters(review_overdue=True)) == {overdue.reference}
    assert _references(RiskFilters(search="missing CHILDREN")) == {overdue.reference}
    assert _references(RiskFilters(search=finance.reference)) == {finance.reference}


def test_the_list_puts_the_highest_score_first():
    low = RiskFactory(residual_likelihood=1, residual_impact=1)
    high = RiskFactory(residual_likelihood=4, residual_impact=4)
    assert [r.reference for r in selectors.risk_list()] == [high.reference, low.reference]


def test_risks_with_review_due_lists_overdue_and_soon_due_risks_only():
    owner = PersonFactory()
    overdue = RiskFactory(owner_person=owner, review_date=TODAY - datetime.timedelta(days=3))
    soon = RiskFactory(owner_person=owner, review_date=TODAY + datetime.timedelta(days=13))
    RiskFactory(review_date=TODAY + datetime.timedelta(days=14))  # outside the fortnight
    RiskFactory(status=Risk.Status.CLOSED, review_date=TODAY - datetime.timedelta(days=30))
    due = list(selectors.risks_with_review_due(today=TODAY))
    assert due == [overdue, soon]


def test_risks_with_review_due_reads_the_owner_in_the_same_query(django_assert_num_queries):
    RiskFactory.create_batch(3, review_date=TODAY)
    with django_assert_num_queries(1):
        names = [r.owner_person.full_name for r in selectors.risks_with_review_due(today=TODAY)]
    assert len(names) == 3


def test_risks_with_review_due_takes_a_window():
    risk = RiskFactory(review_date=TODAY + datetime.timedelta(days=20))
    assert list(selectors.risks_with_review_due(today=TODAY, within_days=30)) == [risk]
    assert not selectors.risks_with_review_due(today=TODAY, within_days=7).exists()
