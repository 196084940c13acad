from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory
from tests.access import AccessCase

from .conftest import OCTOBER_2025

DATA_CONTACT = {Role.AGENCY_LEAD}


def _home_period(cast):
    IndicatorFactory(owning_agency=cast.home_agency)
    return {"agency_pk": cast.home_agency.pk, "period": OCTOBER_2025.slug}


def _home_figure(cast):
    figure = FigureFactory(indicator=IndicatorFactory(owning_agency=cast.home_agency))
    return {"pk": figure.pk}


ACCESS_CASES = [
    AccessCase("scorecard:submission_periods", DATA_CONTACT),
    AccessCase("scorecard:submission_form", DATA_CONTACT, _home_period, other_agency_refused=True),
    AccessCase(
        "scorecard:template_download", DATA_CONTACT, _home_period, other_agency_refused=True
    ),
    AccessCase(
        "scorecard:submission_upload", DATA_CONTACT, _home_period, other_agency_refused=True
    ),
    AccessCase("scorecard:figure_revise", DATA_CONTACT, _home_figure, other_agency_refused=True),
]
