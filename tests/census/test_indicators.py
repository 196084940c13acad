"""Each census indicator of DATA.md on small hand-made extracts, answers worked out by hand.

The period is 1 April 2024 to 31 March 2025 unless a test says otherwise. Bank holidays in
the windows: 25, 26 Dec 2024 and 1 Jan 2025; Good Friday 29 Mar and Easter Monday 1 Apr 2024.
"""

from __future__ import annotations

import datetime
from itertools import count

import pytest

from safeboard.census.extract import CensusExtract
from safeboard.census.indicators import BASE_INDICATORS, compute_indicators, rounded_ratio

D = datetime.date
REFERENCE_DATE = D(2025, 3, 31)


class Census:
    """A hand-made extract: one referral per call, with its assessments, enquiries and plans."""

    def __init__(self, reference_date: datetime.date = REFERENCE_DATE) -> None:
        self.extract = CensusExtract(reference_date=reference_date)
        self.ids = count(1)

    def referral(self, child="C1", date=None, nfa=False) -> int:
        referral_id = next(self.ids)
        self.extract.rows["referrals"].append((referral_id, child, date, nfa, None))
        return referral_id

    def assessment(self, start, authorised, child="C1") -> None:
        self.extract.rows["assessments"].append((self.referral(child), child, start, authorised))

    def section47(self, start, icpc=None, child="C1") -> None:
        self.extract.rows["section47"].append((self.referral(child), child, start, icpc))

    def plan(self, start, end=None, previous=0, child="C1") -> None:
        row = (self.referral(child), child, start, end, previous)
        self.extract.rows["cp_plans"].append(row)

    def indicators(self, population=10_000) -> dict:
        return compute_indicators(self.extract, population=population)


# Referrals ------------------------------------------------------------------------------


def test_referrals_count_both_ends_of_the_period_and_nothing_outside():
    census = Census()
    for day in (D(2024, 3, 31), D(2024, 4, 1), D(2025, 3, 31), D(2025, 4, 1)):
        census.referral(child=str(day), date=day)
    census.referral(child="no date", date=None)
    assert census.indicators()["referrals"] == 2


def test_referrals_nfa_counts_referrals_in_the_period_marked_no_further_action():
    census = Census()
    census.referral(child="A", date=D(2024, 5, 1), nfa=True)
    census.referral(child="B", date=D(2024, 5, 1), nfa=False)
    census.referral(child="C", date=D(2024, 5, 1), nfa=None)
    census.referral(child="D", date=D(2024, 3, 1), nfa=True)  # before the period
    result = census.indicators()
    assert (result["referrals"], result["referrals_nfa"]) == (3, 1)


def test_re_referral_twelve_months_back_from_29_february_reaches_28_february():
    census = Census(reference_date=D(2024, 3, 31))
    census.referral(child="A", date=D(2023, 2, 28))
    census.referral(child="A", date=D(2024, 2, 29))  # 28 Feb 2023 is on or after 28 Feb 2023
    census.referral(child="B", date=D(2023, 2, 27))
    census.referral(child="B", date=D(2024, 2, 29))  # 27 Feb 2023 is a day too early
    assert census.indicators()["re_referrals_12m"] == 1


def test_re_referral_exactly_twelve_months_apart_counts_and_a_day_more_does_not():
    census = Census()
    census.referral(child="A", date=D(2023, 6, 15))
    census.referral(child="A", date=D(2024, 6, 15))
    census.referral(child="B", date=D(2023, 6, 14))
    census.referral(child="B", date=D(2024, 6, 15))
    assert census.indicators()["re_referrals_12m"] == 1


def test_re_referral_whose_earlier_referral_is_in_last_years_file_counts():
    census = Census()
    census.referral(child="A", date=D(2024, 1, 10))  # from the 2024 file, before the period
    census.referral(child="A", date=D(2024, 4, 1))
    result = census.indicators()
    assert (result["referrals"], result["re_referrals_12m"]) == (1, 1)
    assert result["re_referral_pct"] == 100.0


def test_two_referrals_of_a_child_on_the_same_day_are_not_re_referrals():
    # "Another, earlier referral": one on the same day is not earlier.
    census = Census()
    census.referral(child="A", date=D(2024, 9, 2))
    census.referral(child="A", date=D(2024, 9, 2))
    result = census.indicators()
    assert (result["referrals"], result["re_referrals_12m"]) == (2, 0)


def test_re_referral_needs_the_same_child():
    census = Census()
    census.referral(child="A", date=D(2024, 5, 1))
    census.referral(child="B", date=D(2024, 6, 1))
    assert census.indicators()["re_referrals_12m"] == 0


def test_later_referrals_count_as_re_referrals_but_the_first_does_not():
    census = Census()
    for day in (D(2024, 5, 1), D(2024, 8, 1), D(2025, 2, 1)):
        census.referral(child="A", date=day)
    result = census.indicators()
    assert (result["referrals"], result["re_referrals_12m"]) == (3, 2)
    assert result["re_referral_pct"] == 66.7


# Assessments ----------------------------------------------------------------------------


def test_assessments_completed_need_authorisation_in_the_period_and_a_start_date():
    census = Census()
    census.assessment(D(2024, 3, 1), D(2024, 4, 1))
    census.assessment(D(2025, 3, 1), D(2025, 3, 31))
    census.assessment(None, D(2024, 6, 1))  # no start date
    census.assessment(D(2024, 3, 1), D(2024, 3, 31))  # authorised before the period
    census.assessment(D(2025, 3, 1), D(2025, 4, 1))  # authorised after it
    census.assessment(D(2025, 3, 1), None)
    assert census.indicators()["assessments_completed"] == 2


def test_assessment_across_christmas_within_45_working_days_exactly_and_not_at_46():
    # Tue 5 Nov 2024 → Fri 10 Jan 2025: 3 + 30 (six weeks) + 23, 24, 27, 30, 31 Dec
    # + 2, 3 Jan + 6–10 Jan = 45; 25, 26 Dec and 1 Jan are bank holidays.
    census = Census()
    census.assessment(D(2024, 11, 5), D(2025, 1, 10), child="A")
    census.assessment(D(2024, 11, 4), D(2025, 1, 10), child="B")  # a day earlier: 46
    result = census.indicators()
    assert (result["assessments_completed"], result["assessments_within_45wd"]) == (2, 1)
    assert result["assessments_within_45wd_pct"] == 50.0


def test_assessment_across_easter_within_45_working_days_exactly_and_not_at_46():
    # Wed 21 Feb 2024 → Fri 26 Apr 2024: 22, 23 Feb + 20 (four weeks) + 25–28 Mar
    # + 2–5 Apr + 15 (three weeks) = 45; Good Friday and Easter Monday are bank holidays.
    census = Census()
    census.assessment(D(2024, 2, 21), D(2024, 4, 26), child="A")
    census.assessment(D(2024, 2, 20), D(2024, 4, 26), child="B")
    result = census.indicators()
    assert (result["assessments_completed"], result["assessments_within_45wd"]) == (2, 1)


def test_assessment_authorised_on_its_start_day_is_within_45_working_days():
    census = Census()
    census.assessment(D(2024, 7, 1), D(2024, 7, 1))
    assert census.indicators()["assessments_within_45wd"] == 1


def test_assessment_started_long_before_the_period_is_not_within_45_working_days():
    census = Census()
    census.assessment(D(2020, 1, 6), D(2024, 4, 2))
    result = census.indicators()
    assert (result["assessments_completed"], result["assessments_within_45wd"]) == (1, 0)


# Section 47 enquiries and initial conferences -------------------------------------------


def test_s47_enquiries_count_start_dates_at_both_ends_of_the_period():
    census = Census()
    for day in (D(2024, 3, 31), D(2024, 4, 1), D(2025, 3, 31), D(2025, 4, 1), None):
        census.section47(day)
    assert census.indicators()["s47_enquiries"] == 2


def test_icpcs_count_conferences_in_the_period_with_a_section_47_start_date():
    census = Census()
    census.section47(D(2024, 3, 20), D(2024, 4, 1))
    census.section47(D(2025, 3, 10), D(2025, 3, 31))
    census.section47(None, D(2024, 6, 1))  # no start date
    census.section47(D(2024, 3, 1), D(2024, 3, 31))  # before the period
    census.section47(D(2025, 3, 20), D(2025, 4, 1))  # after it
    census.section47(D(2024, 6, 1), None)
    result = census.indicators()
    # Enquiries started in the period: 10 Mar 2025, 20 Mar 2025 and 1 Jun 2024.
    assert (result["icpcs"], result["s47_enquiries"]) == (2, 3)


def test_icpc_across_christmas_within_15_working_days_exactly_and_not_at_16():
    # Fri 13 Dec 2024 → Wed 8 Jan 2025: 16–20, 23, 24, 27, 30, 31 Dec, 2, 3, 6, 7, 8 Jan = 15.
    census = Census()
    census.section47(D(2024, 12, 13), D(2025, 1, 8), child="A")
    census.section47(D(2024, 12, 14), D(2025, 1, 8), child="B")  # a Saturday start: also 15
    census.section47(D(2024, 12, 12), D(2025, 1, 8), child="C")  # a day earlier: 16
    result = census.indicators()
    assert (result["icpcs"], result["icpcs_within_15wd"]) == (3, 2)
    assert result["icpcs_within_15wd_pct"] == 66.7


def test_icpc_across_easter_within_15_working_days_exactly_and_not_at_16():
    # Wed 20 Mar 2024 → Fri 12 Apr 2024: 21, 22, 25–28 Mar, 2–5 Apr, 8–12 Apr = 15.
    census = Census()
    census.section47(D(2024, 3, 20), D(2024, 4, 12), child="A")
    census.section47(D(2024, 3, 19), D(2024, 4, 12), child="B")
    result = census.indicators()
    assert (result["icpcs"], result["icpcs_within_15wd"]) == (2, 1)


# Child protection plans -----------------------------------------------------------------


def test_plans_started_count_both_ends_and_second_or_subsequent_plans():
    census = Census()
    census.plan(D(2024, 4, 1), previous=0, child="A")
    census.plan(D(2025, 3, 31), previous=2, child="B")
    census.plan(D(2024, 9, 1), previous=1, child="C")
    census.plan(D(2024, 9, 1), previous=None, child="D")
    census.plan(D(2024, 3, 31), previous=1, child="E")  # before the period
    census.plan(D(2025, 4, 1), previous=1, child="F")  # after it
    result = census.indicators()
    assert (result["cpp_started"], result["cpp_started_second_or_subsequent"]) == (4, 2)
    assert result["cpp_second_or_subsequent_pct"] == 50.0


def test_plan_exactly_two_years_long_counts_and_one_day_short_does_not():
    census = Census()
    census.plan(D(2022, 6, 15), D(2024, 6, 15), child="A")
    census.plan(D(2022, 6, 16), D(2024, 6, 15), child="B")
    census.plan(D(2022, 2, 28), D(2025, 3, 31), child="C")  # ended at the period end
    census.plan(D(2023, 1, 1), D(2024, 3, 31), child="D")  # ended before the period
    result = census.indicators()
    assert (result["cpp_ended"], result["cpp_ended_2y_plus"]) == (3, 2)
    assert result["cpp_ended_2y_plus_pct"] == 66.7


def test_plan_from_29_february_lasts_two_years_on_28_february():
    census = Census()
    census.plan(D(2024, 2, 29), D(2026, 2, 28))
    census.extract.reference_date = D(2026, 3, 31)
    result = census.indicators()
    assert (result["cpp_ended"], result["cpp_ended_2y_plus"]) == (1, 1)


def test_plans_open_at_the_end_have_no_end_date_or_one_after_it():
    census = Census()
    census.plan(D(2023, 5, 1), None, child="A")
    census.plan(D(2025, 3, 31), None, child="B")  # started on the last day
    census.plan(D(2024, 5, 1), D(2025, 4, 1), child="C")  # ends the day after the period
    census.plan(D(2024, 5, 1), D(2025, 3, 31), child="D")  # ended on the last day
    census.plan(D(2025, 4, 1), None, child="E")  # not yet started
    census.plan(None, None, child="F")
    result = census.indicators(population=30_000)
    assert result["cpp_open_at_end"] == 3
    assert result["cpp_rate_per_10k"] == 1.0


def test_a_plan_in_two_years_files_is_open_at_the_end_only_if_neither_ends_it():
    census = Census()
    census.plan(D(2023, 9, 1), None, child="A")  # last year's file: still open then
    census.plan(D(2023, 9, 1), D(2024, 6, 1), child="A")  # this year's: ended
    census.plan(D(2023, 10, 1), None, child="B")  # open in both files
    census.plan(D(2023, 10, 1), None, child="B")
    assert census.indicators()["cpp_open_at_end"] == 1


# Percentages, rates and the shape of the result ------------------------------------------


def test_percentages_with_a_zero_denominator_are_null():
    result = Census().indicators()
    assert all(result[key] == 0 for key in BASE_INDICATORS)
    for key in (
        "re_referral_pct",
        "assessments_within_45wd_pct",
        "icpcs_within_15wd_pct",
        "cpp_second_or_subsequent_pct",
        "cpp_ended_2y_plus_pct",
    ):
        assert result[key] is None
    assert result["cpp_rate_per_10k"] == 0.0


@pytest.mark.parametrize(
    ("numerator", "denominator", "scale", "expected"),
    [
        (1, 8, 100, 12.5),  # exactly 12.5
        (1, 16, 100, 6.3),  # 6.25: half away from zero, not to even (6.2)
        (3, 16, 100, 18.8),  # 18.75
        (1, 80, 100, 1.3),  # 1.25
        (1, 3, 100, 33.3),
        (2, 3, 100, 66.7),
        (1, 400, 10_000, 25.0),
        (7, 16_000, 10_000, 4.4),  # 4.375
        (5, 0, 100, None),
    ],
)
def test_rounded_ratio_rounds_half_away_from_zero_to_one_place(
    numerator, denominator, scale, expected
):
    assert rounded_ratio(numerator, denominator, scale=scale) == expected


def test_rate_per_10k_rounds_half_away_from_zero():
    census = Census()
    census.plan(D(2024, 5, 1))
    # 10,000 × 1 / 16,000 = 0.625 → 0.6; 10,000 × 1 / 8,000 = 1.25 → 1.3 (not 1.2).
    assert census.indicators(population=8_000)["cpp_rate_per_10k"] == 1.3


def test_result_has_the_period_and_exactly_the_keys_of_data_md():
    result = Census().indicators()
    assert result["period"] == {"start": "2024-04-01", "end": "2025-03-31"}
    assert list(result) == ["period", *EXPECTED_KEYS]


EXPECTED_KEYS = [
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
    "re_referral_pct",
    "assessments_within_45wd_pct",
    "icpcs_within_15wd_pct",
    "cpp_second_or_subsequent_pct",
    "cpp_ended_2y_plus_pct",
    "cpp_rate_per_10k",
]


def test_every_indicator_sql_file_ships_with_the_package():
    from safeboard.census.indicators import indicator_sql

    for key in BASE_INDICATORS:
        assert indicator_sql(key).lstrip().startswith(f"-- {key}:")
