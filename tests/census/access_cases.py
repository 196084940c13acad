from safeboard.accounts.roles import Role
from safeboard.census.models import CensusImport
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Unit
from safeboard.scorecard.periods import Frequency
from tests.access import AccessCase

IMPORTERS = {Role.BUSINESS_MANAGER, Role.AGENCY_LEAD}


def make_census_agency(agency) -> None:
    """Give the agency a census indicator, as the local authority has."""
    IndicatorFactory(
        code="CIN-01",
        owning_agency=agency,
        unit=Unit.PERCENTAGE,
        frequency=Frequency.ANNUAL,
        census_key="re_referral_pct",
    )


def census_import_of(agency, **fields) -> CensusImport:
    values = {
        "file_name": "cin-2025.xml",
        "size": 200,
        "sha256": "0" * 64,
        "population": 100_000,
        "total_bytes": 200,
        **fields,
    }
    return CensusImport.objects.create(agency=agency, **values)


def _home_census_agency(cast):
    make_census_agency(cast.home_agency)
    return {}


def _home_import(cast):
    make_census_agency(cast.home_agency)
    return {"pk": census_import_of(cast.home_agency).pk}


def _home_import_awaiting_decision(cast):
    make_census_agency(cast.home_agency)
    census_import = census_import_of(cast.home_agency, status=CensusImport.Status.NEEDS_DECISION)
    return {"pk": census_import.pk}


def _home_import_already_done(cast):
    make_census_agency(cast.home_agency)
    # Done, so a permitted run-again is refused by the service, with a message, not by rules.
    return {"pk": census_import_of(cast.home_agency, status=CensusImport.Status.DONE).pk}


ACCESS_CASES = [
    AccessCase("census:import_list", IMPORTERS, _home_census_agency),
    AccessCase("census:import_upload", IMPORTERS, _home_census_agency),
    AccessCase("census:import_detail", IMPORTERS, _home_import, other_agency_refused=True),
    AccessCase("census:import_progress", IMPORTERS, _home_import, other_agency_refused=True),
    AccessCase(
        "census:import_decide",
        IMPORTERS,
        _home_import_awaiting_decision,
        other_agency_refused=True,
        method="post",
    ),
    AccessCase(
        "census:import_rerun",
        IMPORTERS,
        _home_import_already_done,
        other_agency_refused=True,
        method="post",
        allowed_status=302,
    ),
    AccessCase("census:settings", {Role.BUSINESS_MANAGER}),
]
