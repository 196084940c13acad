"""The balanced scorecard: every indicator's latest figure against its target and its chart.

Rows are grouped by the four perspectives of a balanced scorecard (quantity, timeliness,
quality, outcomes) or by agency. The page reads the indicators in one query and all their
figures in one more (selectors.series_for_indicators), whatever the size of the catalogue;
the XmR charts are then computed in memory, and can be left out (`with_spc=False`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.safestring import SafeString

from ..models import Indicator, Perspective, Polarity
from ..selectors import IndicatorFilters, SeriesPoint, indicator_list, series_for_indicators
from ..spc.charts import sparkline_svg
from ..spc.selectors import STATE_TAGS, IndicatorSpc, SpcState, indicator_spc


class Rag(models.TextChoices):
    """The latest figure against the target: red, amber, green, or grey without one."""

    GREEN = "green", "Target met"
    AMBER = "amber", "Within tolerance"
    RED = "red", "Target missed"
    GREY = "grey", "No target"


RAG_TAG_CLASSES = {
    Rag.GREEN: "govuk-tag--green",
    Rag.AMBER: "govuk-tag--yellow",
    Rag.RED: "govuk-tag--red",
    Rag.GREY: "govuk-tag--grey",
}
NO_FIGURE = "No figure yet"
NO_TARGET = "No target"
TARGET_WITHOUT_DIRECTION = "No better way, so no assurance"
# For the SPC filter: indicators with too few figures for a chart.
NO_CHART = "no_chart"
NO_CHART_LABEL = "Too few figures for a chart"


def rag_status(
    *, value: Decimal | None, target: Decimal | None, tolerance: Decimal | None, polarity: str
) -> Rag:
    """Green when the figure meets the target, amber when it misses by no more than the
    tolerance, red when it misses by more; grey with no target (or no figure).

    "Meets" follows the polarity: at or above the target when higher is better, at or below
    it when lower is better. With no better way, a figure meets the target only within the
    tolerance either side of it, and misses otherwise: there is no amber.
    """
    if target is None or value is None:
        return Rag.GREY
    tolerance = tolerance or Decimal(0)
    if polarity == Polarity.UP:
        shortfall = target - value
    elif polarity == Polarity.DOWN:
        shortfall = value - target
    else:
        return Rag.GREEN if abs(value - target) <= tolerance else Rag.RED
    if shortfall <= 0:
        return Rag.GREEN
    return Rag.AMBER if shortfall <= tolerance else Rag.RED


class GroupBy(models.TextChoices):
    PERSPECTIVE = "perspective", "Perspective"
    AGENCY = "agency", "Agency"


@dataclass(frozen=True)
class GridFilters:
    agency_id: int | None = None
    perspective: str = ""
    frequency: str = ""
    spc_state: str = ""  # an SpcState value, or NO_CHART
    rag: str = ""
    group_by: str = GroupBy.PERSPECTIVE


@dataclass(frozen=True)
class GridRow:
    indicator: Indicator
    series: Sequence[SeriesPoint]
    rag: Rag
    spc: IndicatorSpc | None  # None when the page is drawn without SPC

    @property
    def latest(self) -> SeriesPoint | None:
        return self.series[-1] if self.series else None

    @property
    def sparkline(self) -> SafeString:
        return sparkline_svg(self.series)

    @property
    def latest_display(self) -> str:
        return self.indicator.display(self.latest.value) if self.latest else ""

    @property
    def rag_label(self) -> str:
        return NO_FIGURE if self.latest is None else str(self.rag.label)

    @property
    def rag_tag_class(self) -> str:
        return RAG_TAG_CLASSES[self.rag]

    @property
    def spc_state(self) -> SpcState | None:
        return self.spc.state if self.spc else None

    @property
    def spc_filter_value(self) -> str:
        return self.spc_state.value if self.spc_state else NO_CHART

    def _with_direction(self, words: str) -> str:
        direction = self.spc.direction if self.spc else ""
        if self.spc_state in (None, SpcState.COMMON_CAUSE) or not direction:
            return words
        return f"{words} ({direction})"

    @property
    def spc_tag(self) -> tuple[str, str]:
        """The words and the GOV.UK tag class of the latest figure's state."""
        if self.spc_state is None:
            return NO_CHART_LABEL, "govuk-tag--grey"
        words, css_class = STATE_TAGS[self.spc_state]
        return self._with_direction(words), css_class

    @property
    def spc_words(self) -> str:
        if self.spc is None:
            return ""
        if self.spc_state is None:
            return NO_CHART_LABEL
        return self._with_direction(str(self.spc_state.label))

    @property
    def assurance_words(self) -> str:
        """Whether the process reliably meets its target (empty without SPC)."""
        if self.spc is None:
            return ""
        if self.indicator.target is None:
            return NO_TARGET
        if self.spc.target is None:
            return TARGET_WITHOUT_DIRECTION
        if self.spc.latest_phase is None:
            return NO_CHART_LABEL
        return self.spc.latest_phase.assessment_words


@dataclass
class GridGroup:
    heading: str
    rows: list[GridRow] = field(default_factory=list)

    @property
    def rag_counts(self) -> list[tuple[str, int]]:
        counts = Counter(row.rag for row in self.rows if row.latest is not None)
        return [
            (str(rag.label), counts[rag]) for rag in (Rag.GREEN, Rag.AMBER, Rag.RED) if counts[rag]
        ]

    @property
    def spc_counts(self) -> list[tuple[str, int]]:
        counts = Counter(row.spc_state for row in self.rows)
        return [
            (STATE_TAGS[state][0], counts[state])
            for state in (SpcState.CONCERN, SpcState.IMPROVEMENT, SpcState.NEITHER)
            if counts[state]
        ]


def readable_agency_id(user) -> int | None:
    """Whose indicators the user may read figures of: None for every agency.

    As in rules.can_view_indicator: board business readers read every agency's figures; a
    data contact only their own agency's (an account with no agency, none).
    """
    if user.has_perm("scorecard.read_every_agencys_figures"):
        return None
    return user.agency_id or 0


def scorecard_grid(
    *,
    filters: GridFilters | None = None,
    readable_agency: int | None = None,
    with_spc: bool = True,
) -> list[GridGroup]:
    """The grid's rows, grouped; `readable_agency` limits it to one agency's indicators."""
    filters = filters or GridFilters()
    queryset = indicator_list(
        filters=IndicatorFilters(
            agency_id=filters.agency_id,
            perspective=filters.perspective,
            frequency=filters.frequency,
        )
    )
    if readable_agency is not None:
        queryset = queryset.filter(owning_agency_id=readable_agency)
    indicators = list(queryset)
    all_series = series_for_indicators(indicator_ids=[indicator.pk for indicator in indicators])
    rows = []
    for indicator in indicators:
        series = all_series.get(indicator.pk, [])
        latest = series[-1].value if series else None
        row = GridRow(
            indicator=indicator,
            series=series,
            rag=rag_status(
                value=latest,
                target=indicator.target,
                tolerance=indicator.tolerance,
                polarity=indicator.polarity,
            ),
            spc=indicator_spc(indicator=indicator, series=series) if with_spc else None,
        )
        if _wanted(row, filters, with_spc):
            rows.append(row)
    return _grouped(rows, filters.group_by)


def _wanted(row: GridRow, filters: GridFilters, with_spc: bool) -> bool:
    if filters.rag and row.rag != filters.rag:
        return False
    return not (filters.spc_state and with_spc and row.spc_filter_value != filters.spc_state)


_PERSPECTIVE_ORDER = {value: position for position, value in enumerate(Perspective.values)}


def _group_of(row: GridRow, group_by: str) -> tuple[tuple, str]:
    """Where a row's group sorts, and the group's heading."""
    indicator = row.indicator
    if group_by == GroupBy.AGENCY:
        agency = indicator.owning_agency
        return (agency.name, agency.pk), agency.name
    order = _PERSPECTIVE_ORDER.get(indicator.perspective, len(_PERSPECTIVE_ORDER))
    return (order,), str(indicator.get_perspective_display())


def _grouped(rows: list[GridRow], group_by: str) -> list[GridGroup]:
    groups: dict[tuple, GridGroup] = {}
    for row in sorted(rows, key=lambda row: (_group_of(row, group_by)[0], row.indicator.code)):
        order, heading = _group_of(row, group_by)
        groups.setdefault(order, GridGroup(heading=heading)).rows.append(row)
    return list(groups.values())


def grid_rows(groups: Sequence[GridGroup]) -> list[GridRow]:
    """The rows of every group, in the order the page shows them (for export)."""
    return [row for group in groups for row in group.rows]
