"""The rules one figure must meet, each by name, whichever way the figure arrives."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from safeboard.scorecard import services
from safeboard.scorecard.catalogue import services as catalogue_services
from safeboard.scorecard.factories import PeriodFactory
from safeboard.scorecard.figure_checks import (
    INDICATOR_RETIRED,
    NOT_THE_AGENCYS_INDICATOR,
    indicator_problems,
    value_problem,
)
from safeboard.scorecard.models import Figure, Period
from safeboard.scorecard.uploads import UploadRejected

from .conftest import OCTOBER_2025

pytestmark = pytest.mark.django_db


def test_indicator_problems_none_for_the_owning_agency_in_its_frequency(catalogue):
    problems = indicator_problems(
        catalogue.incidents, agency=catalogue.police, period=OCTOBER_2025, has_figure=False
    )
    assert problems == []


def test_indicator_problems_says_only_that_another_agencys_indicator_is_not_theirs(catalogue):
    catalogue_services.indicator_update(indicator=catalogue.quarterly, is_active=False)
    problems = indicator_problems(
        catalogue.quarterly, agency=catalogue.health, period=OCTOBER_2025, has_figure=False
    )
    assert problems == [NOT_THE_AGENCYS_INDICATOR.format(code="POL-10")]


def test_indicator_problems_names_a_wrong_frequency_and_retirement_together(catalogue):
    catalogue_services.indicator_update(indicator=catalogue.quarterly, is_active=False)
    problems = indicator_problems(
        catalogue.quarterly, agency=catalogue.police, period=OCTOBER_2025, has_figure=False
    )
    assert len(problems) == 2
    assert "reported quarterly" in problems[0]
    assert problems[1] == INDICATOR_RETIRED.format(code="POL-10")


def test_indicator_problems_lets_a_retired_indicators_figure_be_revised(catalogue):
    catalogue_services.indicator_update(indicator=catalogue.incidents, is_active=False)
    kwargs = {"agency": catalogue.police, "period": OCTOBER_2025}
    assert indicator_problems(catalogue.incidents, has_figure=False, **kwargs) == [
        INDICATOR_RETIRED.format(code="POL-01")
    ]
    assert indicator_problems(catalogue.incidents, has_figure=True, **kwargs) == []


def test_value_problem_prefixes_the_code(catalogue):
    assert value_problem(catalogue.interviews_pct, "87.5") == (Decimal("87.5"), None)
    value, problem = value_problem(catalogue.interviews_pct, "lots")
    assert value is None
    assert problem == "POL-03: Enter a number, not \u201clots\u201d."


def test_a_retired_indicators_figure_is_revised_the_same_way_by_form_and_by_file(catalogue):
    services.figures_record(
        agency=catalogue.police, period=OCTOBER_2025, values={"POL-01": 4}, source="form"
    )
    catalogue_services.indicator_update(indicator=catalogue.incidents, is_active=False)
    services.figures_record(
        agency=catalogue.police,
        period=OCTOBER_2025,
        values={"POL-01": 5},
        source="form",
        reason="Correction",
    )
    upload = SimpleUploadedFile("f.csv", b"code,period,value\nPOL-01,October 2025,6\n")
    services.figures_upload(
        agency=catalogue.police, period=OCTOBER_2025, upload=upload, reason="Correction"
    )
    assert Figure.objects.get().value == Decimal("6")
    new = SimpleUploadedFile("f.csv", b"code,period,value\nPOL-01,November 2025,6\n")
    with pytest.raises(UploadRejected) as rejected:
        services.figures_upload(agency=catalogue.police, period=OCTOBER_2025.next(), upload=new)
    assert [e.message for e in rejected.value.errors] == [INDICATOR_RETIRED.format(code="POL-01")]


def test_the_business_manager_can_move_a_periods_due_date(catalogue):
    period = PeriodFactory(key=OCTOBER_2025)
    services.period_set_due_date(period=period, submissions_due_on=datetime.date(2025, 11, 30))
    period.refresh_from_db()
    assert period.submissions_due_on == datetime.date(2025, 11, 30)
    with pytest.raises(ValidationError):
        services.period_set_due_date(period=period, submissions_due_on=datetime.date(2025, 10, 31))


def test_the_database_refuses_a_period_not_starting_on_the_first(catalogue):
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(
            frequency="monthly",
            starts_on=datetime.date(2025, 10, 2),
            ends_on=datetime.date(2025, 10, 31),
            submissions_due_on=datetime.date(2025, 11, 20),
        )
