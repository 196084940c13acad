"""Reads of census imports for their pages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from safeboard.scorecard.models import Indicator

from .models import CensusImport


def census_import_list(*, agency_id: int | None = None) -> QuerySet[CensusImport]:
    """Newest first; one agency's when `agency_id` is given, otherwise every agency's."""
    imports = CensusImport.objects.select_related("agency", "uploaded_by__person", "period")
    if agency_id is not None:
        imports = imports.filter(agency_id=agency_id)
    return imports


@dataclass(frozen=True)
class RecordedFigure:
    indicator: Indicator
    value: Decimal

    @property
    def shown(self) -> str:
        return self.indicator.display(self.value)


def census_import_figures(*, census_import: CensusImport) -> list[RecordedFigure]:
    """The figures the import recorded, with their indicators, in code order."""
    indicators = Indicator.objects.in_bulk(list(census_import.figures), field_name="code")
    return [
        RecordedFigure(indicators[code], Decimal(value))
        for code, value in sorted(census_import.figures.items())
        if code in indicators
    ]
