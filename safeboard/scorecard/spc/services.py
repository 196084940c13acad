"""The analyst's choices for an indicator's XmR chart: its baseline and a known step change.

Both change what the chart calls special cause, so each change needs a reason, kept with
who made it in the indicator's history. A choice names the first day of a period the
indicator has a figure for.
"""

from __future__ import annotations

import datetime
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import transaction

from safeboard.core.history import save_with_reason

from ..models import Indicator

BASELINE_OUT_OF_ORDER = "The baseline cannot end before it starts."
BASELINE_TOO_SHORT = "The baseline must hold at least 2 figures."
BASELINE_CROSSES_CHANGE = (
    "The baseline must lie wholly before the step change or wholly after it: one phase's "
    "limits cannot come from another phase's figures."
)
CHANGE_NEEDS_FIGURES = (
    "The limits can be recalculated only from a figure with at least 2 figures before it "
    "and 2 from it onwards."
)
NOT_A_FIGURE_PERIOD = "Choose a period the indicator has a figure for."
REASON_REQUIRED = "Say why the chart's baseline or step change is changing."
NOTHING_CHANGED = "The chart settings are as they were: nothing has changed."

SPC_FIELDS = ("spc_baseline_from", "spc_baseline_to", "spc_recalculate_from")


@transaction.atomic
def indicator_set_spc_settings(
    *,
    indicator: Indicator,
    baseline_from: datetime.date | None,
    baseline_to: datetime.date | None,
    recalculate_from: datetime.date | None,
    reason: str,
    changed_by=None,
) -> Indicator:
    """Set the baseline (None for the first or the latest figure) and the step change."""
    reason = reason.strip()
    starts = list(
        indicator.figures.order_by("period__starts_on").values_list("period__starts_on", flat=True)
    )
    errors = _problems(starts, baseline_from, baseline_to, recalculate_from)
    if not reason:
        errors.setdefault("reason", REASON_REQUIRED)
    if errors:
        raise ValidationError(errors)
    new_values = dict(zip(SPC_FIELDS, (baseline_from, baseline_to, recalculate_from), strict=True))
    if all(getattr(indicator, name) == value for name, value in new_values.items()):
        raise ValidationError(NOTHING_CHANGED)
    for name, value in new_values.items():
        setattr(indicator, name, value)
    indicator.full_clean()
    if changed_by is not None:
        indicator._history_user = changed_by
    save_with_reason(indicator, reason, fields=list(SPC_FIELDS))
    return indicator


def _problems(
    starts: list[datetime.date],
    baseline_from: datetime.date | None,
    baseline_to: datetime.date | None,
    recalculate_from: datetime.date | None,
) -> dict[str, str]:
    errors = {}
    chosen = {
        "baseline_from": baseline_from,
        "baseline_to": baseline_to,
        "recalculate_from": recalculate_from,
    }
    for name, day in chosen.items():
        if day is not None and day not in starts:
            errors[name] = NOT_A_FIGURE_PERIOD
    if errors:
        return errors
    if baseline_from and baseline_to and baseline_to < baseline_from:
        return {"baseline_to": BASELINE_OUT_OF_ORDER}
    bounds = [0, len(starts)]
    if recalculate_from is not None:
        position = starts.index(recalculate_from)
        if position < 2 or len(starts) - position < 2:
            return {"recalculate_from": CHANGE_NEEDS_FIGURES}
        bounds = [0, position, len(starts)]
    if baseline_from is None and baseline_to is None:
        return {}
    start = starts.index(baseline_from) if baseline_from else 0
    stop = starts.index(baseline_to) + 1 if baseline_to else len(starts)
    if stop - start < 2:
        return {"baseline_to": BASELINE_TOO_SHORT}
    if not any(low <= start and stop <= high for low, high in pairwise(bounds)):
        return {"baseline_from": BASELINE_CROSSES_CHANGE}
    return {}
