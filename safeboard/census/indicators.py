"""The census indicators of DATA.md, each counted by its own SQL file (sql/<key>.sql) in DuckDB."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

import duckdb

from .extract import CensusExtract
from .tables import load_into_duckdb

# In the order DATA.md lists them.
BASE_INDICATORS = (
    "referrals",
    "referrals_nfa",
    "re_referrals_12m",
    "assessments_completed",
    "assessments_within_45wd",
    "s47_enquiries",
    "icpcs",
    "icpcs_within_15wd",
    "cpp_started",
    "cpp_started_second_or_subsequent",
    "cpp_ended",
    "cpp_ended_2y_plus",
    "cpp_open_at_end",
)
# percentage key → (numerator, denominator): 100 × numerator / denominator.
PERCENTAGES = {
    "re_referral_pct": ("re_referrals_12m", "referrals"),
    "assessments_within_45wd_pct": ("assessments_within_45wd", "assessments_completed"),
    "icpcs_within_15wd_pct": ("icpcs_within_15wd", "icpcs"),
    "cpp_second_or_subsequent_pct": ("cpp_started_second_or_subsequent", "cpp_started"),
    "cpp_ended_2y_plus_pct": ("cpp_ended_2y_plus", "cpp_ended"),
}
RATE_KEY = "cpp_rate_per_10k"
ONE_DECIMAL_PLACE = Decimal("0.1")
NO_REFERENCE_DATE = "The census files have no ReferenceDate, so the period is unknown."


def indicator_sql(key: str) -> str:
    """The text of sql/<key>.sql, shipped with the package."""
    return resources.files(__package__).joinpath("sql", f"{key}.sql").read_text(encoding="utf-8")


def compute_indicators(extract: CensusExtract, *, population: int) -> dict[str, Any]:
    """Every indicator of DATA.md's table, with the period, as one JSON-ready dict.

    `population` is the child population (0–17) the rate per 10,000 is taken over.
    Percentages and the rate are rounded to one decimal place, half away from zero; a zero
    denominator gives None.
    """
    if extract.reference_date is None or extract.period_start is None:
        raise ValueError(NO_REFERENCE_DATE)
    parameters = {"period_start": extract.period_start, "period_end": extract.reference_date}
    with duckdb.connect() as connection:
        load_into_duckdb(extract, connection)
        counts = {key: _count(connection, key, parameters) for key in BASE_INDICATORS}
    result: dict[str, Any] = {
        "period": {
            "start": extract.period_start.isoformat(),
            "end": extract.reference_date.isoformat(),
        },
        **counts,
    }
    for key, (numerator, denominator) in PERCENTAGES.items():
        result[key] = rounded_ratio(counts[numerator], counts[denominator], scale=100)
    result[RATE_KEY] = rounded_ratio(counts["cpp_open_at_end"], population, scale=10_000)
    return result


def _count(connection: duckdb.DuckDBPyConnection, key: str, parameters: dict) -> int:
    sql = indicator_sql(key)
    # DuckDB refuses parameters a statement does not use: pass only those it names.
    used = {name: value for name, value in parameters.items() if f"${name}" in sql}
    (count,) = connection.execute(sql, used).fetchone() or (0,)
    return count


def rounded_ratio(numerator: int, denominator: int, *, scale: int) -> float | None:
    """scale × numerator / denominator to one decimal place, half away from zero; None for 0."""
    if not denominator:
        return None
    exact = Decimal(scale * numerator) / Decimal(denominator)
    # ROUND_HALF_UP in decimal rounds ties away from zero. Division to 28 significant digits
    # cannot turn a value just below a tie into the tie for counts of any realistic size.
    return float(exact.quantize(ONE_DECIMAL_PLACE, rounding=ROUND_HALF_UP))
