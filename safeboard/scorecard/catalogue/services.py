"""Every change to the indicator catalogue goes through these functions, each in one
transaction: indicators, their definitions and targets (comparators: comparators/services.py).

An indicator's definition cannot drift unseen: a change to what it means needs a reason, kept
in its history, and what its figures mean (code, unit, frequency) is fixed once it has any.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from ..models import Indicator, normalise_code
from ..values import ValueProblem, read_value

CODE_TAKEN = "Another indicator already has the code {code}."
CENSUS_KEY_TAKEN = "Another indicator is already computed from the census measure {key}."
FIXED_ONCE_FIGURES = (
    "The {field} cannot change once figures have been submitted: it would change what "
    "those figures mean. Retire this indicator and add a new one instead."
)
TOLERANCE_NEEDS_TARGET = "Set a target before a tolerance around it."
CHANGE_REASON_REQUIRED = "Say why the definition is changing: agencies will see the reason."

# What the business manager may change on an indicator (the code, unit and frequency only
# while it has no figures: see FIXED_ONCE_FIGURES).
UPDATABLE_FIELDS = frozenset(
    {
        "code",
        "name",
        "definition",
        "numerator_definition",
        "denominator_definition",
        "owning_agency",
        "unit",
        "polarity",
        "frequency",
        "perspective",
        "target",
        "tolerance",
        "data_source",
        "census_key",
        "screen_moving_ranges",
        "is_active",
    }
)
_FIXED_WITH_FIGURES = {"code": "code", "unit": "unit", "frequency": "frequency"}
# Changes to these alter what the indicator means, so they need a reason.
_DEFINING_FIELDS = frozenset(
    {"definition", "numerator_definition", "denominator_definition", "owning_agency"}
)


def _check_target(unit: str, target: object, tolerance: object) -> dict[str, str]:
    errors = {}
    for name, value in (("target", target), ("tolerance", tolerance)):
        if value is None:
            continue
        try:
            read_value(value, unit)
        except ValueProblem as problem:
            errors[name] = str(problem)
    if tolerance is not None and target is None:
        errors["tolerance"] = TOLERANCE_NEEDS_TARGET
    return errors


def _check_unique(indicator: Indicator) -> None:
    others = Indicator.objects.exclude(pk=indicator.pk)
    errors = {}
    if others.filter(code=indicator.code).exists():
        errors["code"] = CODE_TAKEN.format(code=indicator.code)
    if indicator.census_key and others.filter(census_key=indicator.census_key).exists():
        errors["census_key"] = CENSUS_KEY_TAKEN.format(key=indicator.census_key)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def indicator_create(
    *,
    code: str,
    name: str,
    definition: str,
    owning_agency: Agency,
    unit: str,
    polarity: str,
    frequency: str,
    perspective: str,
    numerator_definition: str = "",
    denominator_definition: str = "",
    target: Decimal | None = None,
    tolerance: Decimal | None = None,
    data_source: str = "",
    census_key: str = "",
    screen_moving_ranges: bool = False,
    priorities: Iterable[Priority] = (),
    themes: Iterable[Theme] = (),
    created_by: User | None = None,
) -> Indicator:
    indicator = Indicator(
        code=normalise_code(code),
        name=name,
        definition=definition,
        numerator_definition=numerator_definition,
        denominator_definition=denominator_definition,
        owning_agency=owning_agency,
        unit=unit,
        polarity=polarity,
        frequency=frequency,
        perspective=perspective,
        target=target,
        tolerance=tolerance,
        data_source=data_source,
        census_key=census_key.strip(),
        screen_moving_ranges=screen_moving_ranges,
        created_by=created_by,
    )
    _validate_indicator(indicator)
    indicator.save()
    indicator.priorities.set(priorities)
    indicator.themes.set(themes)
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    reason: str = "",
    priorities: Iterable[Priority] | None = None,
    themes: Iterable[Theme] | None = None,
    **changes: Any,
) -> Indicator:
    """Change an indicator; a change to what it means needs a reason, kept in its history."""
    unknown = set(changes) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"indicator_update() cannot change {', '.join(sorted(unknown))}")
    if "code" in changes:
        changes["code"] = normalise_code(changes["code"])
    if "census_key" in changes:
        changes["census_key"] = (changes["census_key"] or "").strip()
    changed = {name for name, value in changes.items() if getattr(indicator, name) != value}
    errors = {}
    if changed & set(_FIXED_WITH_FIGURES) and indicator.figures.exists():
        for name in sorted(changed & set(_FIXED_WITH_FIGURES)):
            errors[name] = FIXED_ONCE_FIGURES.format(field=_FIXED_WITH_FIGURES[name])
    reason = reason.strip()
    if changed & _DEFINING_FIELDS and not reason:
        errors["reason"] = CHANGE_REASON_REQUIRED
    if errors:
        raise ValidationError(errors)
    for name, value in changes.items():
        setattr(indicator, name, value)
    _validate_indicator(indicator)
    if changed:
        save_with_reason(indicator, reason)
    if priorities is not None:
        indicator.priorities.set(priorities)
    if themes is not None:
        indicator.themes.set(themes)
    return indicator


def _validate_indicator(indicator: Indicator) -> None:
    errors = _check_target(indicator.unit, indicator.target, indicator.tolerance)
    if errors:
        raise ValidationError(errors)
    if indicator.target is not None:
        indicator.target = read_value(indicator.target, indicator.unit)
    if indicator.tolerance is not None:
        indicator.tolerance = read_value(indicator.tolerance, indicator.unit)
    _check_unique(indicator)
    indicator.full_clean()
